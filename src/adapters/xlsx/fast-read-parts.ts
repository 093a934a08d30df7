/** The lean reader's package parts: the workbook, relationships, shared strings and styles. */
import { BUILT_IN_FORMATS, decodeEscapes, EXCEL_MAX_TEXT, excelJsXmlDecode, refuseLongText } from "./fast-read-conventions";
import { normalizeText, notSure, scanXml } from "./fast-read-xml";

export interface SheetEntry {
  name: string;
  id: number;
  rId: string | undefined;
}

export function parseWorkbook(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
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

export interface Relationship {
  type: string;
  /** The part's name in the archive, resolved against the source part's folder; "" for external targets. */
  target: string;
}

/** The last segment of a relationship type, the same for transitional and Strict ("worksheet", "officeDocument", …). */
export function relationType(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** `baseDir`: the folder of the part the relationships belong to ("xl/"; "" for the package's own). */
export function parseRelationships(xml: string, baseDir: string): Map<string, Relationship> {
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

/** A target that needs none of the steps below: letters, digits, "_", "-", and "/" or "." only inside segments. */
const PLAIN_TARGET = /^\/?(?:[\w-]+(?:\.[\w-]+)*\/)*[\w-]+(?:\.[\w-]+)*$/;

function resolvePartName(baseDir: string, target: string): string {
  // Nearly every target is "worksheets/sheet1.xml" or "/xl/workbook.xml": joined at once (a merge resolves thousands).
  if (PLAIN_TARGET.test(target)) return target.charCodeAt(0) === 47 ? target.slice(1) : baseDir + target;
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

export type SharedString = string | { richText: { text?: string }[] } | Record<string, never>;

const PLAIN_STRING_OPEN = "<si><t>";
const PRESERVED_STRING_OPEN = '<si><t xml:space="preserve">';
const PLAIN_STRING_CLOSE = "</t></si>";

/**
 * The plain strings `<si><t>text</t></si>` (or `<t xml:space="preserve">`) that follow `position`, as the scanner's events
 * would give them (line ends, entities, then ExcelJS's `_xHHHH_` escapes, the length checked), appended to `values`;
 * returns where the first other thing starts (rich text, phonetic runs, whitespace between elements, a prefix…), which
 * the scanner reads. Excel, LibreOffice and our writers put most strings this way, and events cost far more.
 */
function plainStrings(xml: string, position: number, values: SharedString[]): number {
  for (;;) {
    let start: number;
    if (xml.startsWith(PLAIN_STRING_OPEN, position)) start = position + PLAIN_STRING_OPEN.length;
    else if (xml.startsWith(PRESERVED_STRING_OPEN, position)) start = position + PRESERVED_STRING_OPEN.length;
    else return position;
    const end = xml.indexOf("<", start);
    if (end < 0 || !xml.startsWith(PLAIN_STRING_CLOSE, end)) return position;
    const text = normalizeText(xml.slice(start, end));
    if (text.length > EXCEL_MAX_TEXT) refuseLongText();
    values.push(decodeEscapes(text));
    position = end + PLAIN_STRING_CLOSE.length;
  }
}

/** `plainStrings: false` reads every string through the scanner's events (the reference the plain lane is tested against). */
export function parseSharedStrings(xml: string, options: { plainStrings?: boolean } = {}): SharedString[] {
  const values: SharedString[] = [];
  let current: SharedString | undefined;
  let depth = 0; // inside <si>: 1; inside a run or a phonetic part: deeper
  let inPhonetic = false;
  let run: { text?: string } | undefined;
  let text: string[] | undefined;
  let sawPlainText = false;
  /** Characters of the current string so far: Excel keeps at most 32,767. */
  let textLength = 0;
  scanXml(xml, {
    open(name) {
      if (name === "si") {
        current = {};
        sawPlainText = false;
        textLength = 0;
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
      if (!text) return;
      text.push(value);
      textLength += value.length;
      if (textLength > EXCEL_MAX_TEXT) refuseLongText();
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
    resume(name, position) {
      // Right inside <sst> and after each string the scanner read, plain strings that follow take the lane.
      if (options.plainStrings === false || depth !== 0 || (name !== "sst" && name !== "si")) return position;
      return plainStrings(xml, position, values);
    },
  });
  return values;
}

export function parseStyles(xml: string): (string | undefined)[] {
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
