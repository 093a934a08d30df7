/**
 * A user's sheet that was the selected tab, copied with that mark taken off (two selected tabs would open as a group):
 * only the head of the part is looked at, the cells are handed on as they are. The big one (the register) can be copied
 * on zlib's threads while the workbook is still read and checked, inflated there once for the copy and the reader.
 * Node only (zlib).
 */
import * as zlib from "zlib";
import { PackageRefusal } from "./package-graph";
import { inflateWithZlib } from "./read-workbook-file";
import { entryData, readZipDirectory, type ZipEntryInfo } from "./zip-directory";
import { deflateParts, type DeflatedParts } from "./zip-writer";

/** Big parts whose head shows a selected sheet's view, already being copied without that mark, by part name. */
export interface SelectedSheetCopies extends ReadonlyMap<string, Promise<DeflatedParts>> {
  /**
   * The inflated bytes of a part being copied, when `compressed` is that part's data in the same file (entryData of
   * it), else null: the reader takes them instead of inflating the part a second time (30 MB for a 50,000-row register).
   * Null inside the promise when the part did not unpack within its declared size, as an InflateRaw gives.
   */
  inflated(compressed: Uint8Array): Promise<Uint8Array | null> | null;
}

class Copies extends Map<string, Promise<DeflatedParts>> implements SelectedSheetCopies {
  /** Each copied deflated part's whole inflated bytes, by where its compressed data starts in the file. */
  readonly inflatedAt = new Map<number, { buffer: ArrayBufferLike; byteLength: number; bytes: Promise<Buffer | null> }>();

  inflated(compressed: Uint8Array): Promise<Uint8Array | null> | null {
    const ahead = this.inflatedAt.get(compressed.byteOffset);
    return ahead && ahead.buffer === compressed.buffer && ahead.byteLength === compressed.byteLength ? ahead.bytes : null;
  }
}

/** Parts smaller than this are not copied ahead (little to gain), nor larger than the reader scans (it refuses them). */
const COPY_AHEAD_BYTES = 1 << 20;
const COPY_AHEAD_MAX_BYTES = 64 << 20;

/**
 * Starts copying, on zlib's threads, the big parts of `data` that look like the selected sheet (the register, mostly):
 * its `tabSelected` mark comes off in any workbook putLayoutSheets writes, unless the layout replaces that sheet, so
 * the copy can run while the workbook is still read and checked (this thread's work only). putLayoutSheets uses a copy
 * only where it would have made the same one itself, and drops the others.
 */
export function startSelectedSheetCopies(data: Uint8Array): SelectedSheetCopies {
  const copies = new Copies();
  try {
    startCopies(data, copies);
  } catch {
    // Not a package this can follow: putLayoutSheets tells, or the reading before it.
  }
  return copies;
}

function startCopies(data: Uint8Array, copies: Copies): void {
  const directory = readZipDirectory(data);
  if (!directory) return;
  const names = new Set<string>();
  for (const entry of directory.entries) {
    const key = entry.name.toLowerCase();
    // As putLayoutSheets takes them: the first of a name (case ignored), unencrypted, stored or deflated.
    if (entry.name.endsWith("/") || names.has(key)) continue;
    names.add(key);
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) continue;
    if (entry.uncompressedSize < COPY_AHEAD_BYTES || entry.uncompressedSize > COPY_AHEAD_MAX_BYTES) continue;
    const bytes = entryData(data, entry);
    if (!bytes || selectedHead(entry, bytes) !== true) continue;
    let pieces: Iterable<Buffer> | AsyncIterable<Buffer>;
    if (entry.method === 0) pieces = [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
    else {
      // Inflated whole, once, on zlib's thread: the reader takes the same bytes (`inflated`), the copy cuts them.
      // zlib gives Buffers; null when the part does not unpack within its declared size.
      const inflated = inflateWithZlib(bytes, entry.uncompressedSize) as Promise<Buffer | null>;
      copies.inflatedAt.set(bytes.byteOffset, { buffer: bytes.buffer, byteLength: bytes.byteLength, bytes: inflated });
      pieces = piecesOf(entry.name, inflated);
    }
    const copy = deflateParts(entry.name, unselectedPieces(pieces), USER_PART_LEVEL);
    // Awaited only if used; an unused one must not fail the command.
    copy.catch(() => undefined);
    copies.set(entry.name, copy);
  }
}

/**
 * zlib level for a user's sheet rewritten only to take its tab-selected mark off. 2, not 1: on a register's rows level
 * 1's longer output (matches of 4 bytes tried first) takes longer to code than level 2's search (30 MB: ~90 → ~60 ms,
 * 3.5 → 3.2 MB).
 */
export const USER_PART_LEVEL = 2;
/** Compressed bytes inflated to look for a sheet's view before its data: its first few kilobytes of XML. */
const HEAD_BYTES = 4096;

const TAB_SELECTED = /\stabSelected\s*=\s*("(?:1|true)"|'(?:1|true)')/;

/**
 * A sheet of the user's that was the selected tab, with that mark taken off (only that attribute changes), as the parts
 * of its new XML; null when it was not selected. Only the head of the part is inflated to look; a selected sheet (the
 * register, often the biggest part) is inflated as it is copied, in pieces on zlib's thread (never held whole: 30 MB
 * for a 50,000-row register), and its cells handed on as they are, never decoded.
 */
export function withoutTabSelected(part: string, entry: ZipEntryInfo, bytes: Uint8Array): Iterable<Uint8Array> | AsyncIterable<Uint8Array> | null {
  const selected = selectedHead(entry, bytes);
  if (selected !== null) {
    if (!selected) return null;
    return unselectedPieces(entry.method === 0 ? [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)] : inflatedPieces(part, bytes, entry.uncompressedSize));
  }
  // The head did not reach the cells: the whole part is looked at before deciding.
  let xml: Buffer;
  try {
    xml =
      entry.method === 0
        ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : zlib.inflateRawSync(bytes, { chunkSize: Math.max(1 << 16, Math.min(entry.uncompressedSize + 1, 1 << 30)) });
  } catch {
    throw new PackageRefusal(`часть книги «${part}» не распакована`);
  }
  const cells = xml.indexOf("sheetData");
  const limit = cells < 0 ? xml.length : cells;
  const views = withoutMark(xml.subarray(0, limit));
  return views ? [views, xml.subarray(limit)] : null;
}

/**
 * Whether a part's head (its first few kilobytes, inflated) shows a selected sheet view before its cells; null when
 * the head does not reach the cells.
 */
function selectedHead(entry: ZipEntryInfo, bytes: Uint8Array): boolean | null {
  let head: string;
  try {
    head =
      entry.method === 0
        ? Buffer.from(bytes.subarray(0, HEAD_BYTES * 8)).toString("utf8")
        : zlib.inflateRawSync(bytes.subarray(0, HEAD_BYTES), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString("utf8");
  } catch {
    head = "";
  }
  const dataAt = head.search(/<(?:[A-Za-z_][\w.-]*:)?sheetData\b/);
  return dataAt < 0 ? null : TAB_SELECTED.test(head.slice(0, dataAt));
}

/** About this many bytes of an inflated part handed to the deflater at a time. */
const COPY_PIECE_BYTES = 1 << 20;

/** Whole inflated bytes in pieces (views, not copies) for the deflater; a part that did not unpack is refused. */
async function* piecesOf(part: string, inflated: Promise<Buffer | null>): AsyncGenerator<Buffer> {
  const bytes = await inflated;
  if (!bytes) throw new PackageRefusal(`часть книги «${part}» не распакована`);
  for (let start = 0; start < bytes.length; start += COPY_PIECE_BYTES) yield bytes.subarray(start, start + COPY_PIECE_BYTES);
}

/**
 * Pieces of a part's inflated bytes, about a quarter megabyte each, inflated on zlib's thread as they are taken; a part
 * that unpacks larger than its declared size is not unpacked further (it may be copied before the file is vetted).
 */
async function* inflatedPieces(part: string, compressed: Uint8Array, declaredSize: number): AsyncGenerator<Buffer> {
  const inflate = zlib.createInflateRaw({ chunkSize: 1 << 18 });
  inflate.end(compressed);
  let size = 0;
  try {
    for await (const piece of inflate) {
      size += (piece as Buffer).length;
      if (size > declaredSize) break;
      yield piece as Buffer;
    }
  } catch {
    throw new PackageRefusal(`часть книги «${part}» не распакована`);
  } finally {
    inflate.destroy();
  }
  if (size > declaredSize) throw new PackageRefusal(`часть книги «${part}» не распакована`);
}

/**
 * The pieces with the `tabSelected` mark taken off the sheet views, which come before the cells: only that stretch
 * of the part is decoded and looked at, the pieces after it are handed on as they are.
 */
async function* unselectedPieces(pieces: Iterable<Buffer> | AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  for await (const piece of pieces) {
    if (!head) {
      yield piece;
      continue;
    }
    head = Buffer.concat([head, piece]);
    const cells = head.indexOf("sheetData");
    if (cells < 0) continue;
    const views = head.subarray(0, cells);
    yield withoutMark(views) ?? views;
    yield head.subarray(cells);
    head = null;
  }
  if (head) yield withoutMark(head) ?? head;
}

/** The stretch before a sheet's cells with `tabSelected` taken off its sheet views; null when none has it. */
function withoutMark(region: Buffer): Buffer | null {
  let changed = false;
  // latin1 both ways: the bytes before the cells come back exactly as they were, whatever their encoding.
  const text = region.toString("latin1").replace(/<(?:[A-Za-z_][\w.-]*:)?sheetView\b[^>]*>/g, (tag) => {
    if (!TAB_SELECTED.test(tag)) return tag;
    changed = true;
    return tag.replace(TAB_SELECTED, "");
  });
  return changed ? Buffer.from(text, "latin1") : null;
}
