/**
 * A minimal ZIP writer for the lean workbook writer (Node only). Each entry is deflated by Node's zlib while it is
 * produced, on zlib's worker thread: generating the next chunk of XML overlaps compressing the previous one, and only
 * the compressed bytes are kept.
 */
import * as zlib from "zlib";
import { crc32 as crc32InJs, dosDateTime } from "./zip-store";
import { releaseXmlChunk } from "./xml-bytes";

interface WrittenEntry {
  name: Buffer;
  /** 8 deflated; 0 stored (an entry copied from another archive as it was). */
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  chunks: Buffer[];
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATED = 8;
/** ZIP 2.0: deflate. */
const VERSION = 20;
/** Bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const MAX_32 = 0xffffffff;
/** Text handed to zlib in pieces of about this many characters (memory stays bounded for big sheets). */
const CHUNK_CHARS = 1 << 18;
/**
 * zlib's output buffer: each one filled is a round trip between zlib's thread and this one (a callback, a copy, a new
 * task). At Node's default 16 KB a 13 MB sheet took some a hundred of them, a 30 MB one several hundred.
 */
const DEFLATE_OUTPUT_CHUNK = 256 * 1024;

/**
 * The ZIP checksum of `data`, continuing from `previous` (the CRC of what came before). zlib.crc32 arrived in Node 20.15;
 * older Node 20 computes it in JavaScript (zip-store.ts).
 */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return native ? native(data, previous) : crc32InJs(data, previous);
}

export class ZipWriter {
  private readonly entries: WrittenEntry[] = [];
  private readonly stamp: { time: number; day: number };

  constructor(
    private readonly level: number,
    modified = new Date(),
  ) {
    this.stamp = dosDateTime(modified);
  }

  /**
   * Deflates `parts` (text as UTF-8, or bytes handed over and not touched again) into an entry, one part at a time, at
   * the writer's level unless `level` is given. The parts may come asynchronously (a part of another archive inflated
   * as it is copied, never held whole).
   */
  async add(name: string, parts: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, level = this.level): Promise<void> {
    this.addDeflated(name, await deflateParts(name, parts, level));
  }

  /** An entry deflated beforehand by deflateParts (started before the writer, e.g. while the input is still read). */
  addDeflated(name: string, deflated: DeflatedParts): void {
    this.entries.push({ name: Buffer.from(name, "utf8"), method: DEFLATED, ...deflated });
  }

  /**
   * An entry copied from another archive without inflating it: its compressed bytes, method (0 stored or 8 deflated),
   * CRC-32 and sizes as that archive's directory gives them.
   */
  addRaw(name: string, compressed: Uint8Array, entry: { method: number; crc32: number; uncompressedSize: number }): void {
    if (entry.method !== 0 && entry.method !== DEFLATED) throw new Error(`Часть книги ${name} сжата неизвестным способом.`);
    const chunk = Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength);
    this.entries.push({ name: Buffer.from(name, "utf8"), method: entry.method, crc: entry.crc32, compressedSize: chunk.length, uncompressedSize: entry.uncompressedSize, chunks: [chunk] });
  }

  /** The archive, entries in the order given by `order` (names), the rest after them in the order added. */
  finish(order: readonly string[] = []): Buffer {
    return Buffer.concat(this.finishChunks(order));
  }

  /**
   * The archive as the pieces finish would join, for a caller that writes them out as they are: joining a 10 MB
   * archive costs ~40 ms here, most of it the kernel handing out the fresh pages.
   */
  finishChunks(order: readonly string[] = []): Buffer[] {
    const rank = (entry: WrittenEntry) => {
      const index = order.indexOf(entry.name.toString("utf8"));
      return index < 0 ? order.length : index;
    };
    const entries = this.entries.map((entry, index) => ({ entry, index })).sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index);
    const out: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const { entry } of entries) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL_HEADER, 0);
      local.writeUInt16LE(VERSION, 4);
      local.writeUInt16LE(UTF8_NAMES, 6);
      local.writeUInt16LE(entry.method, 8);
      local.writeUInt16LE(this.stamp.time, 10);
      local.writeUInt16LE(this.stamp.day, 12);
      local.writeUInt32LE(entry.crc, 14);
      local.writeUInt32LE(entry.compressedSize, 18);
      local.writeUInt32LE(entry.uncompressedSize, 22);
      local.writeUInt16LE(entry.name.length, 26);
      local.writeUInt16LE(0, 28);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(UTF8_NAMES, 8);
      header.writeUInt16LE(entry.method, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.day, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.uncompressedSize, 24);
      header.writeUInt16LE(entry.name.length, 28);
      // extra, comment, disk, internal and external attributes: 0
      header.writeUInt32LE(offset, 42);
      central.push(header, entry.name);
      out.push(local, entry.name, ...entry.chunks);
      offset += local.length + entry.name.length + entry.compressedSize;
      if (offset > MAX_32) throw new Error("Книга больше 4 ГБ.");
    }
    const centralSize = central.reduce((sum, part) => sum + part.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    out.push(...central, end);
    return out;
  }
}

/** Parts deflated into one entry's data, with its checksum and sizes. */
export interface DeflatedParts {
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  chunks: Buffer[];
}

/**
 * Deflates `parts` (text as UTF-8, or bytes handed over and not touched again), one part at a time, on zlib's thread;
 * `name` only names the part in an error.
 */
export async function deflateParts(name: string, parts: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, level: number): Promise<DeflatedParts> {
  const deflate = zlib.createDeflateRaw({ level, chunkSize: DEFLATE_OUTPUT_CHUNK });
  const chunks: Buffer[] = [];
  let compressedSize = 0;
  deflate.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    compressedSize += chunk.length;
  });
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  let uncompressedSize = 0;
  let pending = "";
  const push = async (bytes: Uint8Array) => {
    crc = crc32(bytes, crc);
    uncompressedSize += bytes.length;
    // A couple of chunks may wait in zlib's queue while the next is generated; a turn of the event loop lets zlib take
    // the next one to its thread.
    // Once zlib has compressed a chunk of generated XML, its buffer is written into again (xml-bytes.ts).
    if (!deflate.write(bytes, () => releaseXmlChunk(bytes)) && deflate.writableLength > 2 * bytes.length) await new Promise<void>((resolve) => deflate.once("drain", resolve));
    else await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const take = async (part: string | Uint8Array) => {
    if (typeof part !== "string") {
      if (pending) await push(Buffer.from(pending, "utf8"));
      pending = "";
      if (part.length) await push(part);
      return;
    }
    pending += part;
    if (pending.length >= CHUNK_CHARS) {
      await push(Buffer.from(pending, "utf8"));
      pending = "";
    }
  };
  // Parts made on this thread (a sheet's XML) are taken as they come; for await would add a promise per part.
  if (Symbol.asyncIterator in parts) for await (const part of parts) await take(part);
  else for (const part of parts) await take(part);
  if (pending) await push(Buffer.from(pending, "utf8"));
  deflate.end();
  await finished;
  if (uncompressedSize > MAX_32 || compressedSize > MAX_32) throw new Error(`Часть книги ${name} больше 4 ГБ.`);
  return { crc, compressedSize, uncompressedSize, chunks };
}
