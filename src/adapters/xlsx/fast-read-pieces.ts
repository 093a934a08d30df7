/**
 * A worksheet part read without decoding it into one string: the part outside its <sheetData> is one small string,
 * the rows are decoded in pieces of about 64 KB, each cut after a `</row>`. A 50,000-row register's sheet is 30 MB of
 * XML; as one string it was 60 MB of heap (one Cyrillic letter in its data validations makes the whole string two
 * bytes per character), which stayed as garbage until the next full collection, often the end of the command. And
 * V8 puts any string over 128 KB in its large-object space, a mapping of its own per string: decoding 68 MB into
 * such strings took ~350 ms, into strings under 128 KB ~10 ms (an openpyxl-like unit file's sheet is 340 KB). The
 * pieces are read by the fast lane only (fast-read-worksheet.ts); anything it does not take sends the caller back to
 * the whole part, so the result is always what reading the whole part gives.
 */

/** Parts smaller than this are decoded whole: one string under V8's 128 KB large-object size. */
const PIECES_MIN_BYTES = 96 << 10;
/**
 * About this many bytes of rows per piece (then on to the next `</row>`): 64K characters at most, one or two bytes
 * each, under the large-object size unless a single row is longer.
 */
const PIECE_BYTES = 64 << 10;

const OPEN = asciiBytes("<sheetData");
const CLOSE = asciiBytes("</sheetData>");
const ROW_END = asciiBytes("</row>");
const UTF8 = new TextDecoder("utf-8");

export interface SheetDataPieces {
  /** The part with its rows left out: `<sheetData …>` followed right by `</sheetData>`. */
  outside: string;
  /** The rows, decoded piece by piece as they are taken. */
  rows(): Iterable<string>;
}

/** Null for a small part, a UTF-16 one, or one without an unprefixed, non-empty <sheetData>. */
export function sheetDataInPieces(bytes: Uint8Array): SheetDataPieces | null {
  if (bytes.length < PIECES_MIN_BYTES) return null;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const open = indexOfBytes(bytes, OPEN, 0);
  if (open < 0) return null;
  // The end of the start tag; a ">" inside one of its attribute values cuts it short, which the scanner then refuses
  // as not well formed and the caller reads the part whole.
  const openEnd = bytes.indexOf(0x3e, open) + 1;
  if (openEnd <= 0 || bytes[openEnd - 2] === 0x2f /* <sheetData/> */) return null;
  const close = lastIndexOfBytes(bytes, CLOSE);
  if (close < openEnd) return null;
  // A UTF-8 byte-order mark is dropped by the decoder, as it is from the whole part.
  const outside = UTF8.decode(bytes.subarray(0, openEnd)) + UTF8.decode(bytes.subarray(close));
  return {
    outside,
    *rows() {
      let start = openEnd;
      while (start < close) {
        const rowEnd = start + PIECE_BYTES >= close ? -1 : indexOfBytes(bytes, ROW_END, start + PIECE_BYTES);
        // Cut only right after a ">": never inside a character's bytes.
        const end = rowEnd < 0 || rowEnd >= close ? close : rowEnd + ROW_END.length;
        yield UTF8.decode(bytes.subarray(start, end));
        start = end;
      }
    },
  };
}

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

function matchesAt(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) return false;
  return true;
}

function indexOfBytes(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(pattern[0], from); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(pattern[0], at + 1)) {
    if (matchesAt(bytes, pattern, at)) return at;
  }
  return -1;
}

function lastIndexOfBytes(bytes: Uint8Array, pattern: Uint8Array): number {
  if (bytes.length < pattern.length) return -1;
  for (let at = bytes.lastIndexOf(pattern[0], bytes.length - pattern.length); at >= 0; at = at > 0 ? bytes.lastIndexOf(pattern[0], at - 1) : -1) {
    if (matchesAt(bytes, pattern, at)) return at;
  }
  return -1;
}
