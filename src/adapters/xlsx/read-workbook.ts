/**
 * Reads an .xlsx workbook's bytes into `SheetText[]` (every cell as the text a person sees). Runs in Node and in the
 * browser; the file-system part lives in read-workbook-file.ts. Every failure is one Russian line with a reason code.
 */
import type ExcelJS from "exceljs";
import type { SheetText } from "../../core/register-types";
import { cellText } from "./cell-text";
import { readSheetsFast, refuseSheetNamesEqualIgnoringCase, type InflateRaw } from "./fast-read";
import { Refusal } from "./fast-read-xml";
import { DEFLATE_MAX_RATIO, entryData, inflateRawWithStreams, inflatesWithin, readZipDirectory, startsLikeZip, type ZipDirectory } from "./zip-directory";

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total unpacked size of the archive's parts, in bytes (guards against decompression bombs). */
  maxUncompressedBytes: number;
  /**
   * Largest unpacked size read through ExcelJS when the lean reader is not sure of a file: ExcelJS builds the whole
   * workbook model, several times the file's XML, so only small workbooks go that way.
   */
  maxFallbackUncompressedBytes?: number;
  /** Largest sum of the parts the lean reader scans, in bytes (MAX_SCANNED_BYTES unless given). */
  maxScannedBytes?: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
};

const MAX_FALLBACK_UNCOMPRESSED_BYTES = 16 * 1024 * 1024;

export type ReadFailure =
  | "not-found"
  | "unreadable"
  | "empty"
  | "too-large"
  | "too-large-unpacked"
  | "not-workbook"
  | "encrypted"
  | "legacy-xls"
  | "unsupported-format"
  | "corrupt";

export type ReadWorkbookResult =
  | { ok: true; sheets: SheetText[] }
  | { ok: false; reason: ReadFailure; message: string };

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Worksheet parts we never need; skipping them saves time on files with large validations or formats. */
const IGNORED_WORKSHEET_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "pageSetup",
  "pageMargins",
  "headerFooter",
  "printOptions",
  "rowBreaks",
  "sheetProtection",
  "autoFilter",
  "picture",
  "drawing",
  "tableParts",
];

type ExcelJsModule = typeof ExcelJS;
let excelJsLoading: Promise<ExcelJsModule> | undefined;

/** ExcelJS is large: it is loaded on first use, so the CLI's help and the task pane start without it. */
export function loadExcelJs(): Promise<ExcelJsModule> {
  excelJsLoading ??= import("exceljs").then((module) => ((module as { default?: ExcelJsModule }).default ?? module) as ExcelJsModule);
  return excelJsLoading;
}

export function failure(reason: ReadFailure, message: string): ReadWorkbookResult {
  return { ok: false, reason, message };
}

/** Checks that the bytes are a workbook we can open, before any library inflates them. */
export function vetWorkbookBytes(
  data: Uint8Array,
  fileName: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): ReadWorkbookResult | null {
  return vetWorkbook(data, fileName, limits).problem;
}

/** The same check, with the zip directory it read (the reader needs it next: read once, not twice per file). */
function vetWorkbook(
  data: Uint8Array,
  fileName: string,
  limits: ReadLimits,
): { problem: ReadWorkbookResult; directory?: undefined } | { problem: null; directory: ZipDirectory } {
  if (data.length === 0) return { problem: failure("empty", "файл пуст (0 байт)") };
  if (data.length > limits.maxFileBytes) {
    return { problem: failure("too-large", `файл слишком большой: ${formatMegabytes(data.length)} при пределе ${formatMegabytes(limits.maxFileBytes)}`) };
  }
  if (OLE_SIGNATURE.every((byte, index) => data[index] === byte)) {
    if (containsUtf16(data, "EncryptedPackage") || containsUtf16(data, "EncryptionInfo")) {
      return { problem: failure("encrypted", "файл защищен паролем: снимите пароль в Excel и сохраните книгу снова") };
    }
    return { problem: failure("legacy-xls", "формат .xls не поддерживается, сохраните книгу как .xlsx") };
  }
  if (!startsLikeZip(data)) return { problem: failure("not-workbook", notZipMessage(data, fileName)) };
  const directory = readZipDirectory(data);
  if (!directory) return { problem: failure("not-workbook", "файл поврежден или не является книгой Excel (.xlsx): архив не читается") };
  const formatProblem = describeForeignZip(directory);
  if (formatProblem) return { problem: formatProblem };
  const ambiguity = ambiguousPackage(directory);
  if (ambiguity) return { problem: ambiguity };
  if (directory.totalUncompressedSize > limits.maxUncompressedBytes) {
    return {
      problem: failure(
        "too-large-unpacked",
        `книга в распакованном виде занимает ${formatMegabytes(directory.totalUncompressedSize)} при пределе ` +
          `${formatMegabytes(limits.maxUncompressedBytes)} (возможно, это «zip-бомба»)`,
      ),
    };
  }
  return { problem: null, directory };
}

/**
 * The workbook's sheets as text. The lean reader (fast-read.ts) answers for ordinary files; anything it is not sure
 * about goes to ExcelJS, which gives the same text, only slower. `inflateRaw`: Node passes zlib's (faster than streams).
 */
export async function readWorkbookData(
  data: Uint8Array,
  fileName: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  inflateRaw: InflateRaw | null = inflateRawWithStreams,
  internText?: (text: string) => string,
): Promise<ReadWorkbookResult> {
  const vetted = vetWorkbook(data, fileName, limits);
  if (vetted.problem) return vetted.problem;
  const directory = inflateRaw ? vetted.directory : null;
  let fast: SheetText[] | null = null;
  let refusal: Refusal | undefined;
  // The parts the lean reader inflates are capped at their declared sizes as they unpack; only the others are streamed
  // again to check the directory does not lie about them. The check comes before any answer, as if it ran first: a
  // part the lean reader could not unpack within its size is among the others.
  const verified = new Set<ZipDirectory["entries"][number]>();
  try {
    fast = directory && inflateRaw ? await readSheetsFast(data, directory, inflateRaw, { maxScannedBytes: limits.maxScannedBytes }, verified, internText) : null;
  } catch (error) {
    if (error instanceof Refusal) refusal = error;
  }
  const lyingSize = await checkRealUnpackedSizes(data, limits, directory, verified);
  if (lyingSize) return lyingSize;
  if (refusal) return failure(refusal.reason, refusal.message);
  if (fast) return { ok: true, sheets: fast };
  // ExcelJS holds the whole workbook model in memory (about ten times the unpacked size): only small files go to it.
  const unpacked = directory?.totalUncompressedSize ?? data.length * DEFLATE_MAX_RATIO;
  const fallbackLimit = limits.maxFallbackUncompressedBytes ?? MAX_FALLBACK_UNCOMPRESSED_BYTES;
  if (unpacked > fallbackLimit) {
    return failure(
      "unsupported-format",
      `книга записана необычным образом, а для чтения другим способом она слишком велика (${formatMegabytes(unpacked)} в распакованном виде при пределе ` +
        `${formatMegabytes(fallbackLimit)}): откройте ее в Excel и сохраните заново`,
    );
  }
  // ExcelJS knows the workbook only at xl/workbook.xml; a package whose main part the lean reader did not read is no workbook.
  if (directory && !hasPart(directory, "xl/workbook.xml")) return failure("not-workbook", NO_WORKBOOK_MESSAGE);
  const dialect = directory && inflateRaw ? await unreadableDialect(data, directory, inflateRaw) : null;
  if (dialect) return dialect;
  return readWorkbookWithExcelJs(data);
}

/**
 * ExcelJS reads tags by their literal names and ISO dates as years: for a prefixed (Open XML SDK) or Strict OOXML
 * workbook that the lean reader gave up on, it would answer empty sheets or wrong dates. Say so instead.
 */
async function unreadableDialect(data: Uint8Array, directory: ZipDirectory, inflateRaw: InflateRaw): Promise<ReadWorkbookResult | null> {
  let prefixed = false;
  let strict = false;
  for (const entry of directory.entries) {
    const name = entry.name.replace(/^\//, "").toLowerCase();
    if (name !== "xl/workbook.xml" && !/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const compressed = entryData(data, entry);
    if (!compressed) continue;
    const bytes = entry.method === 0 ? compressed : entry.method === 8 ? await inflateRaw(compressed, entry.uncompressedSize).catch(() => null) : null;
    if (!bytes) continue;
    const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 4096));
    if (/<[A-Za-z_][\w.-]*:(workbook|worksheet)[\s>]/.test(head)) prefixed = true;
    if (head.includes("http://purl.oclc.org/ooxml/spreadsheetml/main")) strict = true;
  }
  if (strict) {
    return failure(
      "unsupported-format",
      "книга сохранена в формате «Strict Open XML», и ее не удалось прочитать полностью: откройте ее в Excel и сохраните как обычную «Книгу Excel (.xlsx)»",
    );
  }
  if (prefixed) {
    return failure(
      "unsupported-format",
      "книга записана с префиксами пространств имен (так пишут Open XML SDK и генераторы отчетов), и ее не удалось прочитать полностью: откройте ее в Excel и сохраните заново",
    );
  }
  return null;
}

/** The same as `readWorkbookData` through ExcelJS only (the reference the lean reader is tested against). */
export async function readWorkbookWithExcelJs(data: Uint8Array): Promise<ReadWorkbookResult> {
  const excelJs = await loadExcelJs();
  const workbook = new excelJs.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; in Node and in its browser build it accepts any Uint8Array.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_WORKSHEET_NODES } as never);
  } catch (error) {
    return failure("corrupt", excelJsFailureMessage(oneLine(error)));
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const mergeType = excelJs.ValueType.Merge;
  try {
    const sheets = workbook.worksheets.map((worksheet) => worksheetText(worksheet, date1904, mergeType));
    refuseSheetNamesEqualIgnoringCase(sheets.map((sheet) => sheet.name));
    return { ok: true, sheets };
  } catch (error) {
    if (error instanceof Refusal) return failure(error.reason, error.message);
    return failure("corrupt", excelJsFailureMessage(oneLine(error)));
  }
}

/**
 * ExcelJS's and JSZip's English said in Russian: what is wrong with the file, never the library's words. The detail is
 * of no use to the user (REESTR_DEBUG shows stacks for developers).
 */
export function excelJsFailureMessage(detail: string): string {
  if (/encrypt/i.test(detail)) return "архив книги зашифрован: снимите пароль в Excel и сохраните книгу снова";
  // JSZip's words for an archive whose parts do not match its directory (damaged, or a disguised zip bomb).
  if (/size mismatch|corrupted zip|crc32|end of data|invalid signature|local header|compression/i.test(detail)) {
    return "книга повреждена: части архива не сходятся с его оглавлением";
  }
  if (/out of bounds|invalid row|invalid column|column letter|row number/i.test(detail)) {
    return "книга повреждена: в ней есть ячейки за пределами листа Excel (1 048 576 строк × 16 384 столбца)";
  }
  if (/entity|doctype|unclosed|unexpected|xml|tag|attribute|text data outside/i.test(detail)) {
    return "книга повреждена: одна из ее XML-частей составлена с ошибками";
  }
  return "книга повреждена или записана в неизвестном виде, ее не удалось прочитать: откройте ее в Excel и сохраните заново";
}

/** Only the used rows are materialised; each row ends at its last non-empty cell, empty rows are []. */
export function worksheetText(worksheet: ExcelJS.Worksheet, date1904: boolean, mergeType: ExcelJS.ValueType): SheetText {
  const rows: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Like Excel, only the top-left cell of a merged area holds the value.
      if (cell.type === mergeType) return;
      const text = cellText(cell.value, cell.numFmt, date1904);
      if (text === "") return;
      while (cells.length < columnNumber - 1) cells.push("");
      cells[columnNumber - 1] = text;
    });
    if (cells.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  return { name: worksheet.name, rows };
}

/**
 * The declared sizes passed; a forged central directory could still understate them. Only when the compressed data could
 * in theory unpack past the cap is each deflated entry streamed and stopped at its declared size (small files skip this).
 */
async function checkRealUnpackedSizes(
  data: Uint8Array,
  limits: ReadLimits,
  read: ZipDirectory | null,
  verified: ReadonlySet<ZipDirectory["entries"][number]>,
): Promise<ReadWorkbookResult | null> {
  const directory = read ?? readZipDirectory(data);
  if (!directory) return null;
  const deflated = directory.entries.filter((entry) => entry.method === 8);
  const worstCase = deflated.reduce((sum, entry) => sum + entry.compressedSize * DEFLATE_MAX_RATIO, 0);
  if (worstCase <= limits.maxUncompressedBytes) return null;
  for (const entry of deflated) {
    if (verified.has(entry)) continue;
    const compressed = entryData(data, entry);
    if (!compressed) continue;
    if (!(await inflatesWithin(compressed, entry.uncompressedSize))) {
      return failure(
        "too-large-unpacked",
        `книга повреждена или это «zip-бомба»: часть ${entry.name} распаковывается больше заявленного размера`,
      );
    }
  }
  return null;
}

/**
 * A package Excel itself would call damaged: an encrypted-entry flag (JSZip refuses it, while the lean reader would not
 * notice), or two parts with one name (names are case-insensitive) and different content — which is meant is unknowable.
 */
function ambiguousPackage(directory: ZipDirectory): ReadWorkbookResult | null {
  const seen = new Map<string, ZipDirectory["entries"][number]>();
  for (const entry of directory.entries) {
    if (entry.flags & 1) {
      return failure("encrypted", "архив книги помечен как зашифрованный: Excel такую книгу не откроет; снимите пароль в Excel и сохраните книгу снова");
    }
    const name = entry.name.replace(/^\//, "").toLowerCase();
    const other = seen.get(name);
    if (other && (other.crc32 !== entry.crc32 || other.uncompressedSize !== entry.uncompressedSize)) {
      return failure(
        "corrupt",
        `книга повреждена: в ее архиве две части с именем ${entry.name.slice(0, 80)} и разным содержимым — неясно, какая настоящая`,
      );
    }
    seen.set(name, entry);
  }
  return null;
}

const NO_WORKBOOK_MESSAGE = "это ZIP-архив, но не книга Excel (.xlsx): в нем нет xl/workbook.xml";

function hasPart(directory: ZipDirectory, name: string): boolean {
  return directory.entries.some((entry) => entry.name.replace(/^\//, "").toLowerCase() === name);
}

function describeForeignZip(directory: ZipDirectory): ReadWorkbookResult | null {
  // Part names are case-insensitive in the package format.
  const names = new Set(directory.entries.map((entry) => entry.name.replace(/^\//, "").toLowerCase()));
  if (names.has("xl/workbook.xml")) return null;
  if (names.has("xl/workbook.bin")) return failure("unsupported-format", "формат .xlsb не поддерживается, сохраните книгу как .xlsx");
  if (names.has("word/document.xml")) return failure("not-workbook", "это документ Word, а не книга Excel (.xlsx)");
  if (names.has("ppt/presentation.xml")) return failure("not-workbook", "это презентация PowerPoint, а не книга Excel (.xlsx)");
  if (names.has("content.xml") && names.has("mimetype")) {
    return failure("unsupported-format", "формат OpenDocument (.ods) не поддерживается, сохраните книгу как .xlsx");
  }
  // Some writers keep the workbook elsewhere and name it in _rels/.rels: the lean reader follows that.
  if (names.has("_rels/.rels") && names.has("[content_types].xml")) return null;
  return failure("not-workbook", NO_WORKBOOK_MESSAGE);
}

function notZipMessage(data: Uint8Array, fileName: string): string {
  const head = new TextDecoder("latin1").decode(data.subarray(0, 8));
  if (head.startsWith("%PDF")) return "это PDF-документ, а не книга Excel (.xlsx)";
  if (head.startsWith("{\\rtf")) return "это документ RTF, а не книга Excel (.xlsx)";
  if (/^\s*</.test(head)) return "это XML- или HTML-файл, а не книга Excel (.xlsx); сохраните книгу в формате .xlsx";
  if (/\.csv$/i.test(fileName) || looksLikeText(data)) return "это текстовый файл (например, CSV), а не книга Excel (.xlsx); откройте его в Excel и сохраните как .xlsx";
  return "файл не является книгой Excel (.xlsx)";
}

function looksLikeText(data: Uint8Array): boolean {
  const sample = data.subarray(0, 4096);
  for (const byte of sample) {
    if (byte === 0 || (byte < 9) || (byte > 13 && byte < 32 && byte !== 27)) return false;
  }
  return true;
}

function containsUtf16(data: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const lastStart = data.length - text.length * 2;
  outer: for (let offset = data.indexOf(first); offset !== -1 && offset <= lastStart; offset = data.indexOf(first, offset + 1)) {
    for (let index = 1; index < text.length; index++) {
      if (data[offset + index * 2] !== text.charCodeAt(index) || data[offset + index * 2 + 1] !== 0) continue outer;
    }
    if (data[offset + 1] === 0) return true;
  }
  return false;
}

export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1024) return `${(megabytes / 1024).toFixed(1).replace(".", ",")} ГБ`;
  const shown = megabytes >= 10 || Number.isInteger(megabytes) ? Math.round(megabytes).toString() : megabytes.toFixed(1).replace(".", ",");
  return `${shown} МБ`;
}

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim() || "неизвестная ошибка";
}
