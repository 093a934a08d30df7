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
 */
import type { CellValue } from "exceljs";
import type { SheetText } from "../../core/register-types";
import { cellText } from "./cell-text";
import { entryData, type ZipDirectory, type ZipEntryInfo } from "./zip-directory";

/** Inflates raw deflate data to at most `maxBytes`; null when it would unpack larger (the caller falls back). */
export type InflateRaw = (compressed: Uint8Array, maxBytes: number) => Promise<Uint8Array | null>;

/** Thrown inside the scanner for anything outside the subset we reproduce; turned into null by the entry point. */
class NotSure extends Error {}

function notSure(what: string): never {
  throw new NotSure(what);
}

// ---- XML scanning ---------------------------------------------------------------------------------------------------

type Attributes = Record<string, string>;

interface XmlHandler {
  open(name: string, attributes: Attributes, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Entities as an XML parser decodes them (saxes: the five named ones and character references). */
function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&([^;&]*);?/g, (match, body: string) => {
    if (!match.endsWith(";")) notSure("a bare ampersand");
    if (body[0] === "#") {
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(body) || code > 0x10ffff) notSure("a malformed character reference");
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body];
    if (named === undefined) notSure(`entity &${body};`);
    return named;
  });
}

function normalizeText(raw: string): string {
  // XML end-of-line handling, as saxes does, before entities (a written &#13; stays).
  return decodeEntities(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));
}

function normalizeAttribute(raw: string): string {
  return decodeEntities(/[\r\n\t]/.test(raw) ? raw.replace(/\r\n?|[\n\t]/g, " ") : raw);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A small well-formed-XML scanner: elements, attributes and text; comments and the declaration are skipped. */
function scanXml(xml: string, handler: XmlHandler): void {
  const stack: string[] = [];
  /** Per open element: its local name and the namespace bindings to restore when it closes (undefined: nothing to do). */
  const scopes: ({ localName: string; restore: Map<string, string> | undefined } | undefined)[] = [];
  let namespaces = NO_NAMESPACES;
  let position = 0;
  let sawRoot = false;
  const length = xml.length;
  while (position < length) {
    const lt = xml.indexOf("<", position);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > position) {
      const raw = xml.slice(position, textEnd);
      if (stack.length > 0) handler.text?.(normalizeText(raw));
      else if (raw.trim() !== "") notSure("text outside the root element");
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) notSure("an unterminated comment");
        position = end + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        // ExcelJS drops CDATA text; Excel and other readers keep it, and so do we.
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) notSure("an unterminated CDATA section");
        if (stack.length === 0) notSure("CDATA outside the root element");
        handler.text?.(xml.slice(lt + 9, end).replace(/\r\n?/g, "\n"));
        position = end + 3;
        continue;
      }
      notSure("a DTD");
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) notSure("an unterminated processing instruction");
      position = end + 2;
      continue;
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt < 0) notSure("an unterminated tag");
    if (next === 0x2f /* / */) {
      const name = xml.slice(lt + 2, gt).trim();
      if (stack.pop() !== name) notSure("mismatched tags");
      const scope = scopes.pop();
      handler.close?.(scope ? scope.localName : name);
      if (scope?.restore) namespaces = scope.restore;
      position = gt + 1;
      continue;
    }
    let body = xml.slice(lt + 1, gt);
    // ">" inside a quoted attribute value: extend to the real end of the tag.
    let end = gt;
    while (unbalancedQuotes(body)) {
      const further = xml.indexOf(">", end + 1);
      if (further < 0) notSure("an unterminated attribute");
      end = further;
      body = xml.slice(lt + 1, end);
    }
    const selfClosing = body.endsWith("/");
    if (selfClosing) body = body.slice(0, -1);
    const nameEnd = body.search(/[\s]/);
    const name = nameEnd < 0 ? body : body.slice(0, nameEnd);
    // Prefixed names (mc:AlternateContent, x14:…) pass through unmatched, as in ExcelJS, which reads without namespaces.
    if (name === "") notSure("an empty element name");
    const attributes: Attributes = {};
    if (nameEnd >= 0) {
      ATTRIBUTE.lastIndex = 0;
      const rest = body.slice(nameEnd);
      let consumed = 0;
      for (let match = ATTRIBUTE.exec(rest); match; match = ATTRIBUTE.exec(rest)) {
        if (rest.slice(consumed, match.index).trim() !== "") notSure("a malformed attribute");
        attributes[match[1]] = normalizeAttribute(match[2] ?? match[3] ?? "");
        consumed = match.index + match[0].length;
      }
      if (rest.slice(consumed).trim() !== "") notSure("a malformed attribute");
    }
    if (stack.length === 0) {
      if (sawRoot) notSure("two root elements");
      sawRoot = true;
    }
    // Namespaces: elements of the spreadsheet schemas are known by their local names whatever their prefix
    // (Open XML SDK writes <x:c>), and Strict OOXML's namespaces stand for the transitional ones.
    let restore: Map<string, string> | undefined;
    for (const key in attributes) {
      if (key === "xmlns" || key.startsWith("xmlns:")) {
        restore ??= namespaces;
        if (namespaces === restore) namespaces = new Map(namespaces);
        namespaces.set(key === "xmlns" ? "" : key.slice(6), attributes[key]);
      }
    }
    const colon = name.indexOf(":");
    const namespace = namespaces.get(colon < 0 ? "" : name.slice(0, colon));
    const localName = colon >= 0 && namespace !== undefined && LOCAL_NAME_NAMESPACES.has(namespace) ? name.slice(colon + 1) : name;
    const mapped = restore || colon >= 0 || namespaces.size > 0 ? mapAttributes(attributes, namespaces) : attributes;
    handler.open(localName, mapped, selfClosing);
    if (selfClosing) {
      handler.close?.(localName);
      if (restore) namespaces = restore;
    } else {
      stack.push(name);
      scopes.push(restore || localName !== name ? { localName, restore } : undefined);
    }
    position = end + 1;
  }
  if (stack.length > 0 || !sawRoot) notSure("an unfinished document");
}

const SPREADSHEET_NAMESPACES = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];
/** Namespaces whose elements we match by local name. */
const LOCAL_NAME_NAMESPACES = new Set([
  ...SPREADSHEET_NAMESPACES,
  "http://schemas.openxmlformats.org/package/2006/relationships",
]);
/** The namespace of r:id, transitional and Strict: its attributes are always given as "r:…". */
const RELATIONSHIP_ATTRIBUTE_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
const NO_NAMESPACES = new Map<string, string>();

/** Prefixed attributes renamed by namespace: any prefix bound to the relationships namespace becomes "r:". */
function mapAttributes(attributes: Attributes, namespaces: Map<string, string>): Attributes {
  let mapped: Attributes | undefined;
  for (const key in attributes) {
    const colon = key.indexOf(":");
    if (colon < 0 || key.startsWith("xmlns")) continue;
    const prefix = key.slice(0, colon);
    const namespace = namespaces.get(prefix);
    let renamed: string | undefined;
    if (namespace !== undefined && RELATIONSHIP_ATTRIBUTE_NAMESPACES.has(namespace)) renamed = `r:${key.slice(colon + 1)}`;
    else if (namespace !== undefined && LOCAL_NAME_NAMESPACES.has(namespace)) renamed = key.slice(colon + 1);
    if (renamed === undefined || renamed === key) continue;
    mapped ??= { ...attributes };
    mapped[renamed] = attributes[key];
  }
  return mapped ?? attributes;
}

function unbalancedQuotes(body: string): boolean {
  let quote = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quote) {
      if (char === quote) quote = "";
    } else if (char === '"' || char === "'") quote = char;
  }
  return quote !== "";
}

// ---- ExcelJS's conventions, reproduced --------------------------------------------------------------------------------

/** ExcelJS's second pass over some strings (utils.xmlDecode), applied to already decoded text. */
function excelJsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);
}

/** ExcelJS's TextXform: `_xHHHH_` escapes (upper-case hex only). */
function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function excelToDate(value: unknown, date1904: boolean): Date {
  return new Date(Math.round(((value as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** ExcelJS's built-in number formats (the locale-independent ones). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@",
};

/** A `t="d"` value as the date it names (wall-clock time, zone ignored); text that is not a date stays text. */
function isoDate(text: string): Date | string {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  const time = match ? null : /^\s*T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*$/.exec(text);
  if (!match && !time) return text;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [1899, 12, 30];
  const [hours, minutes, seconds, fraction] = match ? match.slice(4, 8) : time!.slice(1, 5);
  const milliseconds = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, month - 1, day, Number(hours ?? 0), Number(minutes ?? 0), Number(seconds ?? 0), milliseconds));
  if (year < 100) date.setUTCFullYear(year);
  return Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 ? text : date;
}

function decodeAddress(address: string): { row: number; col: number } {
  const match = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(address);
  if (!match) notSure(`cell address ${address}`);
  let col = 0;
  for (let i = 0; i < match[1].length; i++) col = col * 26 + match[1].charCodeAt(i) - 64;
  return { row: Number(match[2]), col };
}

// ---- parts ------------------------------------------------------------------------------------------------------------

interface SheetEntry {
  name: string;
  id: number;
  rId: string | undefined;
}

function parseWorkbook(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let root: string | undefined;
  scanXml(xml, {
    open(name, attributes) {
      root ??= name;
      if (name === "sheet") {
        if (attributes.name === undefined) notSure("a sheet without a name");
        sheets.push({ name: excelJsXmlDecode(attributes.name), id: parseInt(attributes.sheetId, 10), rId: attributes["r:id"] });
      } else if (name === "workbookPr") {
        // xsd:boolean: Excel writes "1", other writers "true" (ExcelJS takes only "1").
        date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      }
    },
  });
  if (root !== "workbook") notSure("a main part that is not a workbook");
  return { sheets, date1904 };
}

interface Relationship {
  type: string;
  /** The part's name in the archive, resolved against the source part's folder; "" for external targets. */
  target: string;
}

/** The last segment of a relationship type, the same for transitional and Strict ("worksheet", "officeDocument", …). */
function relationType(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** `baseDir`: the folder of the part the relationships belong to ("xl/"; "" for the package's own). */
function parseRelationships(xml: string, baseDir: string): Map<string, Relationship> {
  const targets = new Map<string, Relationship>();
  scanXml(xml, {
    open(name, attributes) {
      if (name !== "Relationship" || attributes.Id === undefined) return;
      const external = attributes.TargetMode === "External";
      targets.set(attributes.Id, { type: attributes.Type ?? "", target: external ? "" : resolvePartName(baseDir, attributes.Target ?? "") });
    },
  });
  return targets;
}

function resolvePartName(baseDir: string, target: string): string {
  let path = target.trim().replace(/\\/g, "/");
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-encoded after all
  }
  const segments = (path.startsWith("/") ? path.slice(1) : baseDir + path).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

type SharedString = string | { richText: { text?: string }[] } | Record<string, never>;

function parseSharedStrings(xml: string): SharedString[] {
  const values: SharedString[] = [];
  let current: SharedString | undefined;
  let depth = 0; // inside <si>: 1; inside a run or a phonetic part: deeper
  let inPhonetic = false;
  let run: { text?: string } | undefined;
  let text: string[] | undefined;
  let sawPlainText = false;
  scanXml(xml, {
    open(name) {
      if (name === "si") {
        current = {};
        sawPlainText = false;
        depth = 1;
        return;
      }
      if (depth === 0) return;
      depth++;
      if (inPhonetic) return;
      if (name === "rPh" && depth === 2) inPhonetic = true;
      else if (name === "r" && depth === 2) {
        if (sawPlainText) notSure("a shared string with both plain text and runs");
        run = {};
      } else if (name === "t" && (depth === 2 || (depth === 3 && run))) text = [];
    },
    text(value) {
      if (text) text.push(value);
    },
    close(name) {
      if (name === "si" && depth === 1) {
        values.push(current!);
        current = undefined;
        depth = 0;
        return;
      }
      if (depth === 0) return;
      depth--;
      if (inPhonetic) {
        if (name === "rPh" && depth === 1) inPhonetic = false;
        return;
      }
      if (name === "t" && text) {
        const decoded = decodeEscapes(text.join(""));
        text = undefined;
        if (run) run.text = decoded;
        else {
          if (typeof current === "object" && "richText" in current) notSure("a shared string with both runs and plain text");
          current = decoded;
          sawPlainText = true;
        }
      } else if (name === "r" && run && depth === 1) {
        if (typeof current === "string") notSure("a shared string with both plain text and runs");
        const rich = current as { richText?: { text?: string }[] };
        (rich.richText ??= []).push(run);
        run = undefined;
      }
    },
  });
  return values;
}

function parseStyles(xml: string): (string | undefined)[] {
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = 0;
  let inNumFmts = 0;
  scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === "numFmts") {
        if (!selfClosing) inNumFmts++;
      } else if (name === "numFmt" && inNumFmts > 0) {
        if (attributes.formatCode === undefined) notSure("a number format without a code");
        customFormats.set(parseInt(attributes.numFmtId, 10), attributes.formatCode.replace(/[\\](.)/g, "$1"));
      } else if (name === "cellXfs") {
        if (!selfClosing) inCellXfs++;
      } else if (name === "xf" && inCellXfs > 0) {
        formatIds.push(parseInt(attributes.numFmtId, 10));
      }
    },
    close(name) {
      if (name === "cellXfs" && inCellXfs > 0) inCellXfs--;
      if (name === "numFmts" && inNumFmts > 0) inNumFmts--;
    },
  });
  return formatIds.map((id) => (id ? customFormats.get(id) || BUILT_IN_FORMATS[id] : undefined));
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface ParsedCell {
  col: number;
  value: CellValue | undefined;
  numFmt: string | undefined;
}

interface WorksheetOptions {
  sharedStrings: SharedString[] | undefined;
  formats: (string | undefined)[] | undefined;
  date1904: boolean;
}

/** A worksheet's cells as ExcelJS models them, then its merges; returns its rows of text. */
function parseWorksheet(xml: string, name: string, options: WorksheetOptions): SheetText | null {
  let root: string | undefined;
  const rows = new Map<number, Map<number, ParsedCell | null>>();
  const merges: Merge[] = [];
  let row: Map<number, ParsedCell | null> | undefined;
  let previousCol: number | undefined;
  // The cell being read.
  let cell: { address?: string; col: number; type?: string; styleId?: number } | undefined;
  let previousRow = 0;
  let formula = "";
  let shareType: string | undefined;
  let sharedRef: string | undefined;
  let sharedIndex: string | undefined;
  /** Shared formulas' masters by group index, as ExcelJS tracks them per sheet. */
  const formulae = new Map<string | undefined, string | undefined>();
  let value: string | undefined;
  let richText: { text?: string }[] | undefined;
  let node: "f" | "v" | "t" | undefined;
  let run: { text?: string } | undefined;
  let runText: string[] | undefined;
  let inSheetData = false;

  const finishCell = () => {
    const current = cell!;
    const styleId = current.styleId;
    const numFmt = styleId && options.formats ? options.formats[styleId] : undefined;
    const hasStyle = Boolean(styleId && options.formats && styleId < options.formats.length);
    let result: CellValue | undefined;
    if (formula || shareType) {
      let cached: unknown;
      if (value) {
        if (current.type === "str") cached = excelJsXmlDecode(value);
        else if (current.type === "b") cached = parseInt(value, 10) !== 0;
        else if (current.type === "e") cached = { error: value };
        else if (current.type === "d") cached = isoDate(value);
        else cached = parseFloat(value);
      }
      if (cached !== undefined && hasStyle && isDateFormat(numFmt)) cached = excelToDate(cached, options.date1904);
      let sharedFormula: string | undefined;
      if (shareType === "shared") {
        if (sharedRef) formulae.set(sharedIndex, current.address);
        else sharedFormula = formulae.get(sharedIndex);
      }
      // ExcelJS's FormulaValue copies only truthy fields: a cached 0, false or "" reads as no result.
      const copy: Record<string, unknown> = {};
      if (formula) copy.formula = formula;
      if (cached) copy.result = cached;
      if (sharedFormula) copy.sharedFormula = sharedFormula;
      result = copy as unknown as CellValue;
    } else if (richText !== undefined || value !== undefined) {
      if (richText !== undefined && current.type !== "inlineStr") notSure("rich text outside an inline string");
      if (richText !== undefined && value !== undefined) notSure("an inline string with both runs and plain text");
      switch (current.type) {
        case "s": {
          const index = parseInt(value!, 10);
          // Without a shared-strings part ExcelJS keeps the index itself as the cell's value.
          if (!options.sharedStrings) {
            result = index;
            break;
          }
          const shared = options.sharedStrings[index];
          if (shared === undefined) notSure("a shared string index out of range");
          result = shared as CellValue;
          break;
        }
        case "str":
          result = excelJsXmlDecode(value!);
          break;
        case "inlineStr":
          result = (richText !== undefined ? { richText } : value) as CellValue;
          break;
        case "b":
          result = parseInt(value!, 10) !== 0;
          break;
        case "e":
          result = { error: value } as CellValue;
          break;
        case "d":
          // An ISO 8601 date (Strict OOXML, some generators); ExcelJS would read only its year as a number.
          result = isoDate(value!);
          break;
        default: {
          const number = parseFloat(value!);
          result = hasStyle && isDateFormat(numFmt) ? excelToDate(number, options.date1904) : number;
        }
      }
    } else if (!styleId) {
      // ExcelJS's "merge" type: not even an address is taken from it.
      cell = undefined;
      return;
    }
    const col = current.col;
    row!.set(col, result === undefined ? null : { col, value: result, numFmt: hasStyle ? numFmt : undefined });
    cell = undefined;
  };

  scanXml(xml, {
    open(tag, attributes, selfClosing) {
      root ??= tag;
      if (tag === "sheetData") {
        inSheetData = !selfClosing;
        return;
      }
      if (tag === "mergeCell") {
        const ref = attributes.ref;
        if (!ref) notSure("a merge without a range");
        const [first, last = first] = ref.split(":");
        const a = decodeAddress(first);
        const b = decodeAddress(last);
        merges.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
        return;
      }
      if (!inSheetData) return;
      if (run) {
        if (tag === "t") runText = [];
        return;
      }
      switch (tag) {
        case "row": {
          // Some writers leave out row numbers: a row without one follows the previous row (as Excel reads it).
          if (attributes.r !== undefined && !/^[1-9][0-9]{0,6}$/.test(attributes.r)) notSure("an odd row number");
          const rowNumber = attributes.r !== undefined ? Number(attributes.r) : previousRow + 1;
          previousRow = rowNumber;
          row = new Map();
          rows.set(rowNumber, row);
          previousCol = undefined;
          return;
        }
        case "c":
          if (!row) notSure("a cell outside a row");
          // A cell without an address takes the column after the previous cell's, empty or not (as Excel reads it).
          previousCol = attributes.r !== undefined ? decodeAddress(attributes.r).col : (previousCol ?? 0) + 1;
          cell = { address: attributes.r, col: previousCol, type: attributes.t };
          if (attributes.s) cell.styleId = parseInt(attributes.s, 10);
          formula = "";
          shareType = undefined;
          sharedRef = undefined;
          sharedIndex = undefined;
          value = undefined;
          richText = undefined;
          node = undefined;
          if (selfClosing) finishCell();
          return;
        case "f":
          shareType = attributes.t;
          sharedRef = attributes.ref;
          sharedIndex = attributes.si;
          node = "f";
          return;
        case "v":
          node = "v";
          return;
        case "t":
          node = "t";
          return;
        case "r":
          run = {};
          return;
        default:
          return;
      }
    },
    text(text) {
      if (!cell) return;
      if (run) {
        if (runText) runText.push(text);
        return;
      }
      if (node === "f") formula += text;
      else if (node === "v" || node === "t") value = value === undefined ? text : value + text;
    },
    close(tag) {
      if (tag === "sheetData") {
        inSheetData = false;
        return;
      }
      if (!inSheetData || !cell) return;
      if (run) {
        if (tag === "t" && runText) {
          run.text = decodeEscapes(runText.join(""));
          runText = undefined;
        } else if (tag === "r") {
          (richText ??= []).push(run);
          run = undefined;
        }
        return;
      }
      if (tag === "c") finishCell();
      else if (tag === "f" || tag === "v" || tag === "t" || tag === "is") node = undefined;
    },
  });
  // An empty <v></v> gives ExcelJS no value at all: the same as above, since no text arrives.
  // A part that is not a worksheet (a chart sheet behind a worksheet relationship) holds no cells.
  if (root !== "worksheet") return null;

  // Overlapping merges (some report generators write them) make ExcelJS fail the whole file; Excel repairs the file by
  // dropping some, and so do we (of two, the lower or else the righter goes). Sorted by top row, a sweep keeps each
  // row's merges at hand: report sheets hold thousands of them.
  const sorted: Merge[] = [];
  let open: Merge[] = [];
  for (const merge of [...merges].sort((a, b) => a.top - b.top || a.left - b.left)) {
    open = open.filter((k) => k.bottom >= merge.top);
    if (open.some((k) => merge.left <= k.right && k.left <= merge.right)) continue;
    open.push(merge);
    sorted.push(merge);
  }
  let nextMerge = 0;
  let active: Merge[] = [];

  const text: string[][] = [];
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  for (const rowNumber of rowNumbers) {
    while (nextMerge < sorted.length && sorted[nextMerge].top <= rowNumber) active.push(sorted[nextMerge++]);
    if (active.length > 0) active = active.filter((merge) => merge.bottom >= rowNumber);
    const cells: string[] = [];
    const columns = [...rows.get(rowNumber)!.entries()].sort((a, b) => a[0] - b[0]);
    for (const [col, parsed] of columns) {
      if (!parsed) continue;
      // Like Excel, only the top-left cell of a merged area shows its value.
      if (active.length > 0 && active.some((m) => col >= m.left && col <= m.right && (rowNumber > m.top || col > m.left))) continue;
      const shown = cellText(parsed.value, parsed.numFmt, options.date1904);
      if (shown === "") continue;
      while (cells.length < col - 1) cells.push("");
      cells[col - 1] = shown;
    }
    if (cells.length === 0) continue;
    while (text.length < rowNumber - 1) text.push([]);
    text[rowNumber - 1] = cells;
  }
  return { name, rows: text };
}

// ---- entry point ------------------------------------------------------------------------------------------------------

/**
 * The workbook's sheets as text, or null when this reader is not sure to give what ExcelJS gives (the caller then
 * uses ExcelJS). `directory` is the archive's vetted central directory.
 */
export async function readSheetsFast(data: Uint8Array, directory: ZipDirectory, inflate: InflateRaw): Promise<SheetText[] | null> {
  try {
    const entries = new Map<string, ZipEntryInfo>();
    for (const entry of directory.entries) {
      // Part names are case-insensitive in the package format; a writer's "/xl/Workbook.xml" is the same part.
      const name = (entry.name.startsWith("/") ? entry.name.slice(1) : entry.name).toLowerCase();
      if (entries.has(name)) return null;
      entries.set(name, entry);
    }
    const partText = async (name: string): Promise<string | undefined> => {
      const entry = entries.get(name.toLowerCase());
      if (!entry) return undefined;
      const raw = entryData(data, entry);
      if (!raw) notSure(`part ${name}`);
      let bytes: Uint8Array | null;
      if (entry.method === 0) bytes = raw;
      else if (entry.method === 8) bytes = await inflate(raw, entry.uncompressedSize);
      else notSure("an unknown compression method");
      if (!bytes || bytes.length !== entry.uncompressedSize) notSure(`part ${name} unpacks to another size than declared`);
      return decodeXmlBytes(bytes);
    };

    // The workbook part is the package's officeDocument; xl/workbook.xml only by convention (and as ExcelJS assumes).
    const packageRels = await partText("_rels/.rels");
    const officeDocument = packageRels === undefined ? undefined : [...parseRelationships(packageRels, "").values()].find((rel) => relationType(rel.type) === "officeDocument");
    const workbookPart = officeDocument && entries.has(officeDocument.target.toLowerCase()) ? officeDocument.target : "xl/workbook.xml";
    const workbookXml = await partText(workbookPart);
    if (workbookXml === undefined) return null;
    const workbook = parseWorkbook(workbookXml);
    const workbookDir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
    const relsXml = await partText(`${workbookDir}_rels/${workbookPart.slice(workbookDir.length)}.rels`);
    const targets = relsXml === undefined ? new Map<string, Relationship>() : parseRelationships(relsXml, workbookDir);
    const partOfType = (type: string, conventional: string) =>
      [...targets.values()].find((rel) => relationType(rel.type) === type && entries.has(rel.target.toLowerCase()))?.target ?? conventional;
    const sharedXml = await partText(partOfType("sharedStrings", `${workbookDir}sharedStrings.xml`));
    const stylesXml = await partText(partOfType("styles", `${workbookDir}styles.xml`));
    const options: WorksheetOptions = {
      sharedStrings: sharedXml === undefined ? undefined : parseSharedStrings(sharedXml),
      formats: stylesXml === undefined ? undefined : parseStyles(stylesXml),
      date1904: workbook.date1904,
    };

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
      const parsed = parseWorksheet((await partText(part))!, sheet.name, options);
      if (parsed) sheets.push(parsed);
    }
    return sheets;
  } catch (error) {
    if (error instanceof NotSure) return null;
    throw error;
  }
}

/** UTF-8 (with or without a byte-order mark) or UTF-16 by its byte-order mark. */
function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return UTF8.decode(bytes);
}
const UTF8 = new TextDecoder("utf-8");
