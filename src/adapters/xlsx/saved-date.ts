/**
 * When a workbook was last saved, as its program recorded it (docProps/core.xml, dcterms:modified): Excel, LibreOffice,
 * Р7-Офис and ExcelJS write it on every save. It tells a late submission better than the file's date on the coordinator's
 * disk, which changes when an e-mail attachment is saved or a file is copied.
 */
import { entryData, inflateRawWithStreams, readZipDirectory } from "./zip-directory";
import type { InflateRaw } from "./fast-read";

/** core.xml is a few hundred bytes; anything larger is not read. */
const MAX_CORE_BYTES = 1 << 20;

/** dd.mm.yyyy of dcterms:modified (UTC date as written), or null when the workbook does not say. */
export async function workbookSavedDate(data: Uint8Array, inflateRaw: InflateRaw = inflateRawWithStreams): Promise<string | null> {
  const directory = readZipDirectory(data);
  const entry = directory?.entries.find((candidate) => candidate.name.replace(/^\//, "").toLowerCase() === "docprops/core.xml");
  if (!entry || entry.uncompressedSize > MAX_CORE_BYTES) return null;
  const compressed = entryData(data, entry);
  if (!compressed) return null;
  // Inflated to its declared size (a kilobyte or so), not to the cap: the inflater allocates its output buffer up front.
  const declared = Math.max(1, entry.uncompressedSize);
  const bytes = entry.method === 0 ? compressed : entry.method === 8 ? await inflateRaw(compressed, declared).catch(() => null) : null;
  if (!bytes) return null;
  const xml = new TextDecoder("utf-8").decode(bytes);
  const match = /<(?:[\w-]+:)?modified\b[^>]*>\s*(\d{4})-(\d{2})-(\d{2})/.exec(xml);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : null;
}
