/**
 * A lean reader of the cell values of an .xlsx file: the sheet XML is scanned straight from the archive, without building
 * ExcelJS's full workbook model (styles, columns, row objects). For the files ExcelJS reads right it gives what ExcelJS 4
 * gives — the same sheets in the same order, the same values, the same number formats handed to `cellText`. Where ExcelJS
 * misreads or refuses what other writers produce it reads as Excel does: prefixed tags (Open XML SDK's <x:c>), Strict
 * OOXML namespaces, the workbook and sheets under any part name (found through the relationships), cells and rows
 * without numbers, ISO dates (t="d"), CDATA, UTF-16 parts, date1904="true", sheet names ExcelJS refuses. It answers null
 * ("ask ExcelJS") for anything it is not sure about: DTDs, unknown entities or compression, odd addresses. Overlapping
 * merged areas, which fail ExcelJS, are repaired as Excel repairs them. A merge of 200 files is about three times faster
 * this way.
 *
 * The entry point is here; the XML scanner is fast-read-xml.ts, the package parts fast-read-parts.ts (with ExcelJS's
 * conventions in fast-read-conventions.ts), the worksheet scan fast-read-worksheet.ts.
 */
import type { SheetText } from "../../core/register-types";
import { parseRelationships, parseSharedStrings, parseStyles, parseWorkbook, relationType, type Relationship, type SharedString } from "./fast-read-parts";
import { parseWorksheet, type WorksheetOptions } from "./fast-read-worksheet";
import { sheetDataInPieces } from "./fast-read-pieces";
import { NotSure, notSure, refuse } from "./fast-read-xml";
import { RepeatedParses, RepeatedParts } from "./fast-read-repeated";
import { entryData, type ZipDirectory, type ZipEntryInfo } from "./zip-directory";

/** Inflates raw deflate data to at most `maxBytes`; null when it would unpack larger (the caller falls back). */
export type InflateRaw = (compressed: Uint8Array, maxBytes: number) => Promise<Uint8Array | null>;

/**
 * Largest part the lean reader scans, in bytes: the XML is held as one string while it is scanned. A 50,000-row
 * register's sheet as Excel writes it is about 23 MB (84 MB with every text written inline, which is refused); each
 * command stays under 500 MB.
 */
export const MAX_PART_BYTES = 48 * 1024 * 1024;
/**
 * Largest sum of the parts scanned (sheets, shared strings, styles). Each sheet's XML is let go once its cells are read,
 * so this bounds the time more than the memory: a 50,000-row register after `reestr appendix` (the register, the
 * appendix and the approved copy) is about 91 MB and must read back; 160 MB is about 85,000 such rows, some 10 s.
 */
export const MAX_SCANNED_BYTES = 160 * 1024 * 1024;

/** The caps above, lowered in tests. */
export interface ScanCaps {
  maxPartBytes?: number;
  maxScannedBytes?: number;
}

/**
 * The workbook's sheets as text, or null when this reader is not sure to give what ExcelJS gives (the caller then
 * uses ExcelJS). `directory` is the archive's vetted central directory (no two parts with one name and different
 * content). Throws Refusal (a Russian line) for what no reader may accept. `verified` collects the deflated entries
 * that unpacked to exactly their declared size (an InflateRaw gives null past it). `internText`, when given, is applied
 * to each plain shared string: a caller keeping texts of many files (the merge) then gets its own copy of each in every
 * cell that uses it, one lookup per string instead of one per cell.
 */
export async function readSheetsFast(
  data: Uint8Array,
  directory: ZipDirectory,
  inflate: InflateRaw,
  caps: ScanCaps = {},
  verified?: Set<ZipEntryInfo>,
  internText?: (text: string) => string,
): Promise<SheetText[] | null> {
  const maxPartBytes = caps.maxPartBytes ?? MAX_PART_BYTES;
  const maxScannedBytes = caps.maxScannedBytes ?? MAX_SCANNED_BYTES;
  try {
    const entries = new Map<string, ZipEntryInfo>();
    for (const entry of directory.entries) {
      // Part names are case-insensitive in the package format; a writer's "/xl/Workbook.xml" is the same part.
      const name = (entry.name.startsWith("/") ? entry.name.slice(1) : entry.name).toLowerCase();
      if (!entries.has(name)) entries.set(name, entry);
    }
    let scanned = 0;
    /** The part's entry and its bytes as stored, counted against the caps; undefined when the package has no such part. */
    const claim = (name: string): { entry: ZipEntryInfo; raw: Uint8Array } | undefined => {
      const entry = entries.get(name.toLowerCase());
      if (!entry) return undefined;
      scanned += entry.uncompressedSize;
      if (scanned > maxScannedBytes) {
        refuse(
          `листы книги занимают в распакованном виде больше ${megabytes(maxScannedBytes)} — это больше, чем реестр может занимать ` +
            `(около 85 000 строк вместе с приложением и утвержденной копией): удалите лишние листы или разделите книгу`,
          "too-large-unpacked",
        );
      }
      if (entry.uncompressedSize > maxPartBytes) {
        refuse(`часть книги ${entry.name.slice(0, 80)} занимает в распакованном виде ${megabytes(entry.uncompressedSize)} при пределе ${megabytes(maxPartBytes)}`, "too-large-unpacked");
      }
      const raw = entryData(data, entry);
      if (!raw) notSure(`part ${name}`);
      return { entry, raw };
    };
    const unpack = async (name: string, entry: ZipEntryInfo, raw: Uint8Array): Promise<Uint8Array> => {
      let bytes: Uint8Array | null;
      if (entry.method === 0) bytes = raw;
      else if (entry.method === 8) bytes = await inflate(raw, entry.uncompressedSize);
      else notSure("an unknown compression method");
      if (!bytes || bytes.length !== entry.uncompressedSize) notSure(`part ${name} unpacks to another size than declared`);
      // Inflated whole within its declared size: no need to stream it again to check for a lying directory.
      if (entry.method === 8) verified?.add(entry);
      return bytes;
    };
    const partBytes = async (name: string): Promise<Uint8Array | undefined> => {
      const part = claim(name);
      return part === undefined ? undefined : unpack(name, part.entry, part.raw);
    };
    const partText = async (name: string): Promise<string | undefined> => {
      const bytes = await partBytes(name);
      return bytes === undefined ? undefined : decodeXmlBytes(bytes);
    };
    /** A small part files share (relationships, the workbook, the styles): made once per content (fast-read-repeated.ts). */
    const repeatedPart = async <T>(name: string, remembered: RepeatedParts<T>, make: (bytes: Uint8Array) => T): Promise<T | undefined> => {
      const part = claim(name);
      if (part === undefined) return undefined;
      const { entry, raw } = part;
      const known = remembered.get(raw, entry.method, entry.uncompressedSize, entry.crc32);
      if (known !== undefined) {
        // These very bytes unpacked to this declared size before.
        if (entry.method === 8) verified?.add(entry);
        return known;
      }
      const value = make(await unpack(name, entry, raw));
      remembered.remember(raw, entry.method, entry.uncompressedSize, entry.crc32, value);
      return value;
    };

    // The workbook part is the package's officeDocument; xl/workbook.xml only by convention (and as ExcelJS assumes).
    const packageRels = await repeatedPart("_rels/.rels", REPEATED_TEXTS, decodeXmlBytes);
    const officeDocument = packageRels === undefined ? undefined : [...relationshipsOf(packageRels, "").values()].find((rel) => relationType(rel.type) === "officeDocument");
    const workbookPart = officeDocument && entries.has(officeDocument.target.toLowerCase()) ? officeDocument.target : "xl/workbook.xml";
    const workbookXml = await repeatedPart(workbookPart, REPEATED_TEXTS, decodeXmlBytes);
    if (workbookXml === undefined) return null;
    const workbook = REPEATED_WORKBOOKS.get(workbookXml, () => parseWorkbook(workbookXml));
    const workbookDir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
    const relsXml = await repeatedPart(`${workbookDir}_rels/${workbookPart.slice(workbookDir.length)}.rels`, REPEATED_TEXTS, decodeXmlBytes);
    const targets = relsXml === undefined ? new Map<string, Relationship>() : relationshipsOf(relsXml, workbookDir);
    const partOfType = (type: string, conventional: string) =>
      [...targets.values()].find((rel) => relationType(rel.type) === type && entries.has(rel.target.toLowerCase()))?.target ?? conventional;
    const sharedXml = await partText(partOfType("sharedStrings", `${workbookDir}sharedStrings.xml`));
    // Kept as a copy: stored uncompressed, the bytes lie in this file's data (and a Buffer's slice is a view).
    const stylesBytes = await repeatedPart(partOfType("styles", `${workbookDir}styles.xml`), REPEATED_BYTES, (bytes) => new Uint8Array(bytes));
    // The number formats matter only to numbers, dates and formulas: a register of texts never decodes its styles part
    // (LibreOffice writes some 20 KB of it per file).
    let formats: (string | undefined)[] | undefined | null = null;
    const options: WorksheetOptions = {
      sharedStrings: sharedXml === undefined ? undefined : internStrings(parseSharedStrings(sharedXml), internText),
      get formats() {
        if (formats === null) formats = stylesBytes === undefined ? undefined : parseStyles(decodeXmlBytes(stylesBytes));
        return formats;
      },
      date1904: workbook.date1904,
    };

    refuseSheetNamesEqualIgnoringCase(workbook.sheets.map((sheet) => sheet.name));
    const parts = new Set<string>();
    const sheets: SheetText[] = [];
    for (const sheet of workbook.sheets) {
      const relationship = sheet.rId === undefined ? undefined : targets.get(sheet.rId);
      if (relationship === undefined) continue;
      // Chart sheets, dialog and macro sheets hold no cells: left out. Worksheet parts may have any name.
      const type = relationType(relationship.type);
      if (type !== "worksheet" && type !== "") continue;
      const part = relationship.target.toLowerCase();
      if (!entries.has(part)) continue;
      if (parts.has(part)) return null;
      parts.add(part);
      // Sheet names ExcelJS refuses and fails the whole file on (over 31 characters, «:» or «[ ]» from report generators,
      // "History", repeated names, odd sheetIds) are read as they are: the name only labels the sheet for the user.
      const bytes = (await partBytes(part))!;
      const pieces = sheetDataInPieces(bytes);
      let parsed: SheetText | null = null;
      let whole = pieces === null;
      if (pieces) {
        try {
          parsed = parseWorksheet(pieces.outside, sheet.name, options, pieces.rows());
        } catch (error) {
          // Rows the fast lane does not take (or a part cut in an odd place): the part is read whole, as it is.
          if (!(error instanceof NotSure)) throw error;
          whole = true;
        }
      }
      if (whole) parsed = parseWorksheet(decodeXmlBytes(bytes), sheet.name, options);
      if (parsed) sheets.push(parsed);
    }
    return sheets;
  } catch (error) {
    if (error instanceof NotSure) return null;
    throw error;
  }
}

/** The small parts and parses that repeat from file to file, kept across readings (see fast-read-repeated.ts). */
const REPEATED_TEXTS = new RepeatedParts<string>();
const REPEATED_BYTES = new RepeatedParts<Uint8Array>();
const REPEATED_WORKBOOKS = new RepeatedParses<ReturnType<typeof parseWorkbook>>();
const REPEATED_RELATIONSHIPS = new RepeatedParses<Map<string, Relationship>>();

function relationshipsOf(xml: string, baseDir: string): Map<string, Relationship> {
  return REPEATED_RELATIONSHIPS.get(`${baseDir}\u0000${xml}`, () => parseRelationships(xml, baseDir));
}

function internStrings(values: SharedString[], internText: ((text: string) => string) | undefined): SharedString[] {
  if (internText) for (let index = 0; index < values.length; index++) if (typeof values[index] === "string") values[index] = internText(values[index] as string);
  return values;
}

/** Which of two sheets named alike (Excel ignores case in sheet names) is meant is unknowable: Excel calls it damaged. */
export function refuseSheetNamesEqualIgnoringCase(names: readonly string[]): void {
  if (names.length < 2) return;
  const seen = new Map<string, string>();
  for (const name of names) {
    // Russian has no casing rules of its own (ICU's special ones are Turkish, Azeri and Lithuanian): toLowerCase is the
    // same as toLocaleLowerCase("ru"), without an ICU locale per call (~30 µs each, per file of a merge).
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      refuse(`в книге два листа с одинаковым именем «${other.slice(0, 40)}» и «${name.slice(0, 40)}» (Excel не различает регистр букв в именах листов): неясно, какой из них читать; переименуйте один в Excel`);
    }
    seen.set(key, name);
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} МБ`;
}

/** UTF-8 (with or without a byte-order mark) or UTF-16 by its byte-order mark. */
function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return UTF8.decode(bytes);
}
const UTF8 = new TextDecoder("utf-8");
