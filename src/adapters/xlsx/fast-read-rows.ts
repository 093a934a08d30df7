/**
 * The lean reader's fast lane through a worksheet's <sheetData>: rows written the way Excel, LibreOffice, openpyxl and
 * ExcelJS write them (`<row r="1"><c r="A1" s="1" t="s"><v>0</v></c>…</row>`, inline strings as `<is><t>…</t></is>`) are
 * read straight from the text, without an attribute object, a tag body or an event per element. Anything else — a
 * formula, rich text, a comment, CDATA, whitespace between tags, an entity or a line break in an attribute, a namespace
 * declaration or a prefixed name — ends the lane at the start of its row, and the general scanner reads on from there
 * (and hands back after that row). A row is taken whole or not at all, and its text is decoded only when it is applied,
 * so every check and every refusal happens in the same order as the general scanner's.
 */
import { simpleAddressColumn } from "./fast-read-conventions";
import { LOCAL_NAME_NAMESPACES } from "./fast-read-xml";

/** A cell as written: its attributes and the raw character data of its <v> and <is><t> elements, in order. */
export interface RawCell {
  /**
   * The address when it is not one the lane reads itself (1–3 capitals, then a row number within Excel's grid); else
   * undefined, with its column in `col` and its place in the XML at `rStart`–`rEnd` (no string per cell).
   */
  r: string | undefined;
  /** The column of an address the lane read; 0 when there is none or `r` holds it. */
  col: number;
  /** Where the `r` attribute's value is in the XML handed to `onRow` (rStart < 0: no attribute). */
  rStart: number;
  rEnd: number;
  t: string | undefined;
  /** The `s` attribute as `parseInt` reads it; undefined when it is missing or empty. */
  style: number | undefined;
  /** Raw (undecoded) non-empty character data; an array when the cell has more than one piece. */
  text: string | string[] | undefined;
  /**
   * A shared-string cell's index when its only content is `<v>` of 1–9 digits (as every writer puts it), read from the
   * digits without making a string of them; -1 otherwise (then `text` holds the value).
   */
  index: number;
}

/**
 * A row as written: its `r` attribute and its cells, `cells[0]` to `cells[count - 1]`. The row and its cells are the
 * lane's own, written again for the next row once `onRow` returns: a sheet has a cell object per cell otherwise.
 */
export interface RawRow {
  r: string | undefined;
  cells: RawCell[];
  count: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const AMPERSAND = 0x26;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Characters the lane accepts in attribute names: letters, digits and _ - . : (anything else goes to the scanner). */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x5f || c === 0x2d || c === 0x2e || c === COLON;
}

/**
 * The tag just read by `readTag`: where it ends (past ">"), whether it closes itself, and the attributes the lane uses:
 * `r` as where its value is, `s` as `parseInt` reads it (each would be a new string per cell).
 */
interface Tag {
  end: number;
  selfClosing: boolean;
  rStart: number;
  rEnd: number;
  t: string | undefined;
  style: number | undefined;
}

/** A `t` value, made once: every inline-string cell has one. */
const INLINE_STRING = "inlineStr";

/**
 * Reads the start tag `<name …>` at `at`; false when it is anything else or outside what the lane is sure of. Attributes
 * other than r, t and s are checked and skipped: they never change what a row or a cell holds, unless a prefix bound to a
 * spreadsheet namespace renames them (then the scanner decides).
 */
function readTag(xml: string, at: number, name: string, namespaces: ReadonlyMap<string, string>, tag: Tag): boolean {
  if (xml.charCodeAt(at) !== LT || !xml.startsWith(name, at + 1)) return false;
  let i = at + 1 + name.length;
  tag.t = tag.style = undefined;
  tag.rStart = tag.rEnd = -1;
  const length = xml.length;
  for (;;) {
    let c = xml.charCodeAt(i);
    const spaced = isSpace(c);
    while (isSpace(c)) c = xml.charCodeAt(++i);
    if (c === GT) {
      tag.end = i + 1;
      tag.selfClosing = false;
      return true;
    }
    if (c === SLASH) {
      if (xml.charCodeAt(i + 1) !== GT) return false;
      tag.end = i + 2;
      tag.selfClosing = true;
      return true;
    }
    // The name must end where the tag's name ends: "<rows" is not "<row".
    if (i === at + 1 + name.length && !spaced) return false;
    const nameStart = i;
    let colon = -1;
    while (i < length && isNameChar((c = xml.charCodeAt(i)))) {
      if (c === COLON && colon < 0) colon = i;
      i++;
    }
    if (i === nameStart) return false;
    const nameLength = i - nameStart;
    if (nameLength >= 5 && xml.startsWith("xmlns", nameStart)) return false;
    if (colon >= 0) {
      const namespace = namespaces.get(xml.slice(nameStart, colon));
      if (namespace !== undefined && LOCAL_NAME_NAMESPACES.has(namespace)) return false;
    }
    while (isSpace(c)) c = xml.charCodeAt(++i);
    if (c !== EQUALS) return false;
    c = xml.charCodeAt(++i);
    while (isSpace(c)) c = xml.charCodeAt(++i);
    if (c !== QUOTE && c !== APOSTROPHE) return false;
    const valueStart = i + 1;
    const valueEnd = xml.indexOf(c === QUOTE ? '"' : "'", valueStart);
    if (valueEnd < 0) return false;
    for (let k = valueStart; k < valueEnd; k++) {
      const v = xml.charCodeAt(k);
      // Entities and line breaks are normalized by the scanner; "<" and ">" in a value are left to it too.
      if (v === AMPERSAND || v === LT || v === GT || v === 0x0a || v === 0x09 || v === 0x0d) return false;
    }
    if (colon < 0 && nameLength === 1) {
      const attribute = xml.charCodeAt(nameStart);
      if (attribute === 0x72 /* r */) {
        tag.rStart = valueStart;
        tag.rEnd = valueEnd;
      } else if (attribute === 0x74 /* t */) {
        tag.t = valueEnd - valueStart === INLINE_STRING.length && xml.startsWith(INLINE_STRING, valueStart) ? INLINE_STRING : xml.slice(valueStart, valueEnd);
      } else if (attribute === 0x73 /* s */) tag.style = valueEnd === valueStart ? undefined : styleNumber(xml, valueStart, valueEnd);
    }
    i = valueEnd + 1;
  }
}

/** `parseInt(value, 10)` of an `s` value, without the string when it is digits only (as every writer writes it). */
function styleNumber(xml: string, start: number, end: number): number {
  if (end - start > 9) return parseInt(xml.slice(start, end), 10);
  let number = 0;
  for (let k = start; k < end; k++) {
    const c = xml.charCodeAt(k);
    if (c < 48 || c > 57) return parseInt(xml.slice(start, end), 10);
    number = number * 10 + c - 48;
  }
  return number;
}

/** `</name>` at `at`: the position past it, or -1. */
function closeTag(xml: string, at: number, name: string): number {
  if (xml.charCodeAt(at) !== LT || xml.charCodeAt(at + 1) !== SLASH || !xml.startsWith(name, at + 2)) return -1;
  const end = at + 2 + name.length;
  return xml.charCodeAt(end) === GT ? end + 1 : -1;
}

function addText(cell: RawCell, text: string): void {
  if (cell.text === undefined) cell.text = text;
  else if (typeof cell.text === "string") cell.text = [cell.text, text];
  else cell.text.push(text);
}

/**
 * The text element `<name>…</name>` (or `<name/>`) at `at`, its character data added to `cell`: the position past it, or
 * -1. Only plain character data is taken (no markup, CDATA or comment inside).
 */
function readTextElement(xml: string, at: number, name: string, namespaces: ReadonlyMap<string, string>, tag: Tag, cell: RawCell): number {
  if (!readTag(xml, at, name, namespaces, tag)) return -1;
  if (tag.selfClosing) return tag.end;
  const start = tag.end;
  const lt = xml.indexOf("<", start);
  if (lt < 0) return -1;
  const end = closeTag(xml, lt, name);
  if (end < 0) return -1;
  if (lt > start) addText(cell, xml.slice(start, lt));
  return end;
}

/**
 * `<v>digits</v></c>` at `at` (the rest of a shared-string cell): the index into `cell.index` and the position past
 * `</c>`; -1 (nothing taken) for anything else, which the general way reads.
 */
function sharedIndex(xml: string, at: number, cell: RawCell): number {
  if (xml.charCodeAt(at) !== LT || xml.charCodeAt(at + 1) !== 0x76 /* v */ || xml.charCodeAt(at + 2) !== GT) return -1;
  let i = at + 3;
  let index = 0;
  for (; i - at - 3 < 10; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) break;
    index = index * 10 + c - 48;
  }
  const digits = i - at - 3;
  if (digits === 0 || digits > 9 || !xml.startsWith("</v></c>", i)) return -1;
  cell.index = index;
  return i + 8;
}

/** The cell at `at`, read into the row's next cell: the position past it, or -1. */
function readCell(xml: string, at: number, namespaces: ReadonlyMap<string, string>, tag: Tag, row: RawRow): number {
  if (!readTag(xml, at, "c", namespaces, tag)) return -1;
  let cell = row.cells[row.count];
  if (cell === undefined) {
    cell = { r: undefined, col: 0, rStart: -1, rEnd: -1, t: undefined, style: undefined, text: undefined, index: -1 };
    row.cells.push(cell);
  }
  const col = tag.rStart < 0 ? 0 : simpleAddressColumn(xml, tag.rStart, tag.rEnd);
  cell.r = tag.rStart < 0 || col > 0 ? undefined : xml.slice(tag.rStart, tag.rEnd);
  cell.col = col;
  cell.rStart = tag.rStart;
  cell.rEnd = tag.rEnd;
  cell.t = tag.t;
  cell.style = tag.style;
  cell.text = undefined;
  cell.index = -1;
  row.count++;
  if (tag.selfClosing) return tag.end;
  let i = tag.end;
  if (cell.t === "s") {
    const end = sharedIndex(xml, i, cell);
    if (end >= 0) return end;
  }
  for (;;) {
    if (xml.charCodeAt(i) !== LT) return -1;
    const next = xml.charCodeAt(i + 1);
    if (next === SLASH) return closeTag(xml, i, "c");
    if (next === 0x76 /* v */) {
      i = readTextElement(xml, i, "v", namespaces, tag, cell);
    } else if (next === 0x69 /* i */) {
      if (!readTag(xml, i, "is", namespaces, tag)) return -1;
      i = tag.end;
      if (tag.selfClosing) continue;
      while (i >= 0 && xml.charCodeAt(i + 1) === 0x74 /* t */) i = readTextElement(xml, i, "t", namespaces, tag, cell);
      if (i < 0) return -1;
      i = closeTag(xml, i, "is");
    } else return -1;
    if (i < 0) return -1;
  }
}

/**
 * Reads whole rows from `position` (inside <sheetData>), handing each to `onRow` as soon as it is read; returns where
 * the general scanner goes on: past the last row taken, at the start of the first one the lane does not take.
 */
export function scanRows(xml: string, position: number, namespaces: ReadonlyMap<string, string>, onRow: (row: RawRow, xml: string) => void): number {
  const tag: Tag = { end: 0, selfClosing: false, rStart: -1, rEnd: -1, t: undefined, style: undefined };
  const row: RawRow = { r: undefined, cells: [], count: 0 };
  let at = position;
  for (;;) {
    if (!readTag(xml, at, "row", namespaces, tag)) return at;
    row.r = tag.rStart < 0 ? undefined : xml.slice(tag.rStart, tag.rEnd);
    row.count = 0;
    let i = tag.end;
    if (!tag.selfClosing) {
      while (i >= 0 && xml.charCodeAt(i + 1) === 0x63 /* c */) i = readCell(xml, i, namespaces, tag, row);
      if (i < 0) return at;
      i = closeTag(xml, i, "row");
      if (i < 0) return at;
    }
    onRow(row, xml);
    at = i;
  }
}
