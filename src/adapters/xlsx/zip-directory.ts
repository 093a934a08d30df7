/**
 * Reads a ZIP file's central directory without decompressing anything, so a workbook can be vetted (is it a workbook,
 * how large will it grow when unpacked) before a library inflates it whole into memory.
 */

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** General-purpose bit flags; bit 0 marks an encrypted entry. */
  flags: number;
  crc32: number;
}

export interface ZipDirectory {
  entries: ZipEntryInfo[];
  totalUncompressedSize: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const END_RECORD_SIZE = 22;
const MAX_COMMENT_SIZE = 0xffff;

export function startsLikeZip(data: Uint8Array): boolean {
  // "PK\3\4" (a local file header) or "PK\5\6" (an empty archive).
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5) && data[3] === data[2] + 1;
}

/** The central directory, or null when the bytes are not a readable ZIP archive. */
export function readZipDirectory(data: Uint8Array): ZipDirectory | null {
  try {
    return readZipDirectoryOrThrow(data);
  } catch {
    // A damaged directory pointing past the end of the data (DataView's RangeError).
    return null;
  }
}

function readZipDirectoryOrThrow(data: Uint8Array): ZipDirectory | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const endOffset = findEndRecord(view);
  if (endOffset < 0) return null;

  let entryCount = view.getUint16(endOffset + 10, true);
  let directorySize = view.getUint32(endOffset + 12, true);
  let directoryOffset = view.getUint32(endOffset + 16, true);

  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locatorOffset = endOffset - 20;
    if (locatorOffset < 0 || view.getUint32(locatorOffset, true) !== ZIP64_END_LOCATOR) return null;
    const zip64EndOffset = readUint64(view, locatorOffset + 8);
    if (zip64EndOffset + 56 > data.length || view.getUint32(zip64EndOffset, true) !== ZIP64_END_OF_CENTRAL_DIRECTORY) return null;
    entryCount = readUint64(view, zip64EndOffset + 32);
    directorySize = readUint64(view, zip64EndOffset + 40);
    directoryOffset = readUint64(view, zip64EndOffset + 48);
  }
  if (directoryOffset + directorySize > data.length) return null;

  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntryInfo[] = [];
  let totalUncompressedSize = 0;
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > data.length || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const crc32 = view.getUint32(offset + 16, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let localHeaderOffset = view.getUint32(offset + 42, true);
    const nameStart = offset + 46;
    const extraStart = nameStart + nameLength;
    if (extraStart + extraLength > data.length) return null;
    const name = decoder.decode(data.subarray(nameStart, extraStart));

    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const sizes = readZip64Sizes(
        view,
        extraStart,
        extraLength,
        uncompressedSize === 0xffffffff,
        compressedSize === 0xffffffff,
        localHeaderOffset === 0xffffffff,
      );
      if (!sizes) return null;
      uncompressedSize = sizes.uncompressed ?? uncompressedSize;
      compressedSize = sizes.compressed ?? compressedSize;
      localHeaderOffset = sizes.localHeaderOffset ?? localHeaderOffset;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, flags, crc32 });
    totalUncompressedSize += uncompressedSize;
    offset = extraStart + extraLength + commentLength;
  }
  return { entries, totalUncompressedSize };
}

function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - MAX_COMMENT_SIZE);
  for (let offset = view.byteLength - END_RECORD_SIZE; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}

function readUint64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 0x100000000;
}

/** The ZIP64 extra field lists, in this order, only the values whose 32-bit slots hold 0xFFFFFFFF. */
function readZip64Sizes(
  view: DataView,
  start: number,
  length: number,
  needsUncompressed: boolean,
  needsCompressed: boolean,
  needsOffset: boolean,
): { uncompressed?: number; compressed?: number; localHeaderOffset?: number } | null {
  let offset = start;
  const end = start + length;
  while (offset + 4 <= end) {
    const id = view.getUint16(offset, true);
    const size = view.getUint16(offset + 2, true);
    if (id === ZIP64_EXTRA_FIELD) {
      let field = offset + 4;
      const sizes: { uncompressed?: number; compressed?: number; localHeaderOffset?: number } = {};
      if (needsUncompressed) {
        if (field + 8 > end) return null;
        sizes.uncompressed = readUint64(view, field);
        field += 8;
      }
      if (needsCompressed) {
        if (field + 8 > end) return null;
        sizes.compressed = readUint64(view, field);
        field += 8;
      }
      if (needsOffset) {
        if (field + 8 > end) return null;
        sizes.localHeaderOffset = readUint64(view, field);
      }
      return sizes;
    }
    offset += 4 + size;
  }
  return null;
}

/** The compressed bytes of an entry, located through its local header; null when the header is not where it should be. */
export function entryData(data: Uint8Array, entry: ZipEntryInfo): Uint8Array | null {
  const offset = entry.localHeaderOffset;
  if (offset + 30 > data.length) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(offset, true) !== 0x04034b50) return null;
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  const end = start + entry.compressedSize;
  return end <= data.length ? data.subarray(start, end) : null;
}

/** Deflate never expands data more than about 1032 times; a bound on what an entry can really unpack to. */
export const DEFLATE_MAX_RATIO = 1032;

/**
 * Whether a deflated entry really unpacks to no more than `limit` bytes. Streams the data and stops at the limit, so a
 * central directory that lies about sizes cannot make us inflate gigabytes. Damaged data counts as within the limit
 * (the workbook library reports it). Without DecompressionStream (old browsers) nothing can be checked: true.
 */
export async function inflatesWithin(compressed: Uint8Array, limit: number): Promise<boolean> {
  const Decompression = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> })
    .DecompressionStream;
  if (!Decompression) return true;
  let decompressor: TransformStream<Uint8Array, Uint8Array>;
  try {
    decompressor = new Decompression("deflate-raw");
  } catch {
    return true;
  }
  const reader = new Blob([compressed as BlobPart]).stream().pipeThrough(decompressor).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return false;
      }
    }
  } catch {
    return true;
  }
}

/**
 * Raw deflate through DecompressionStream (browsers and Node), stopping past `maxBytes`: null then, and null where the
 * stream is missing or the data is damaged (the caller falls back to the workbook library).
 */
export async function inflateRawWithStreams(compressed: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  const Decompression = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> })
    .DecompressionStream;
  if (!Decompression) return null;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = new Blob([compressed as BlobPart]).stream().pipeThrough(new Decompression("deflate-raw")).getReader();
  } catch {
    return null;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
