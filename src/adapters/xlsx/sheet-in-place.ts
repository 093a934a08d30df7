/**
 * Puts one small text-only sheet into an existing .xlsx package without rewriting the rest: every other part keeps its
 * content byte for byte (entries are re-deflated, not re-serialized by a workbook library), so nothing a user's workbook
 * holds — charts, macros' neighbours, styles, whatever another program wrote — can be lost. Only the workbook part, its
 * relationships and [Content_Types].xml gain an entry when the sheet is new; an existing sheet of that name has its part
 * replaced. Used where a command must record something in the coordinator's own workbook (the collection round).
 * Node only (zlib).
 */
import * as zlib from "zlib";
import { columnLetters } from "../../excel-facts/excel-geometry";
import { entryData, readZipDirectory } from "./zip-directory";
import { ZipWriter } from "./zip-writer";

export interface TextSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Column widths in characters, from column A. */
  widths: number[];
  rows: readonly (readonly string[])[];
}

export type SheetPatchResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const DEFLATE_LEVEL = 6;

/**
 * Inline text as the readers of these sheets (ours, like ExcelJS, for inline strings) take it back: a literal "_xHHHH_"
 * is left as it is, unlike lean-xml's escapeXml for shared strings.
 */
function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these; Excel refuses a part with them
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, "&");
}

export function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name.replace(":", "\\:")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[2] ?? match[3] ?? "") : null;
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (baseDir ? `${baseDir}/${target}` : target).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

function worksheetXml(sheet: TextSheet, mainNamespace: string): string {
  const cols = sheet.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("");
  const rows = sheet.rows
    .map((cells, r) => {
      const filled = cells.map((text, c) => (text === "" ? "" : `<c r="${columnLetters(c + 1)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`)).join("");
      return filled ? `<row r="${r + 1}">${filled}</row>` : "";
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNamespace}">` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}

/**
 * The package with `sheet` added (after the last sheet) or replacing the sheet of the same name (case ignored, as Excel
 * compares sheet names). A package this cannot follow (no workbook part, a sheet of that name that is a chart) is
 * refused with a Russian message; nothing is half-written.
 */
export async function putTextSheet(data: Uint8Array, sheet: TextSheet): Promise<SheetPatchResult> {
  const directory = readZipDirectory(data);
  if (!directory) return { ok: false, message: "книга не является архивом .xlsx" };
  const parts = new Map<string, Uint8Array>();
  const order: string[] = [];
  for (const entry of directory.entries) {
    if (entry.name.endsWith("/")) continue;
    const raw = entryData(data, entry);
    if (!raw) return { ok: false, message: `часть книги «${entry.name}» не прочитана` };
    let bytes: Uint8Array;
    try {
      bytes = entry.method === 0 ? raw : entry.method === 8 ? zlib.inflateRawSync(raw) : (() => { throw new Error(); })();
    } catch {
      return { ok: false, message: `часть книги «${entry.name}» не распакована` };
    }
    parts.set(entry.name, bytes);
    order.push(entry.name);
  }
  const text = (name: string) => {
    const bytes = parts.get(name);
    return bytes ? Buffer.from(bytes).toString("utf8") : null;
  };
  const rootRels = text("_rels/.rels");
  const officeDocument = rootRels ? [...rootRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => /\/officeDocument"?$/.test(attribute(tag, "Type") ?? "")) : undefined;
  const workbookPath = officeDocument ? resolveTarget("", attribute(officeDocument, "Target") ?? "") : "xl/workbook.xml";
  const workbook = text(workbookPath);
  const slash = workbookPath.lastIndexOf("/");
  const workbookDir = slash < 0 ? "" : workbookPath.slice(0, slash);
  const relsPath = `${workbookDir ? `${workbookDir}/` : ""}_rels/${workbookPath.slice(slash + 1)}.rels`;
  const rels = text(relsPath);
  const contentTypes = text("[Content_Types].xml");
  if (!workbook || !rels || !contentTypes) return { ok: false, message: "в книге не найдена основная часть (workbook.xml) или ее связи" };

  const root = /<(?:([A-Za-z_][\w.-]*):)?workbook\b[^>]*>/.exec(workbook);
  if (!root) return { ok: false, message: "основная часть книги не прочитана" };
  const prefix = root[1] ? `${root[1]}:` : "";
  const mainNamespace = attribute(root[0], root[1] ? `xmlns:${root[1]}` : "xmlns") ?? "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const declarations = [...workbook.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*"([^"]*relationships)"/g)];
  const relPrefix = declarations[0]?.[1] ?? null;
  const relNamespace = declarations[0]?.[2] ?? (mainNamespace.includes("purl.oclc.org") ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships");

  const relTags = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
  const sheetTags = [...workbook.matchAll(new RegExp(`<${prefix}sheet\\b[^>]*>`, "g"))].map((m) => m[0]);
  const wanted = sheet.name.toLocaleLowerCase();
  const existing = sheetTags.find((tag) => (attribute(tag, "name") ?? "").toLocaleLowerCase() === wanted);
  const xml = (name: string) => Buffer.from(name, "utf8");

  if (existing) {
    const id = relPrefix ? attribute(existing, `${relPrefix}:id`) : null;
    const rel = relTags.find((tag) => attribute(tag, "Id") === id);
    const target = rel ? resolveTarget(workbookDir, attribute(rel, "Target") ?? "") : null;
    if (!target || !/\/worksheet$/.test(attribute(rel!, "Type") ?? "")) return { ok: false, message: `лист «${sheet.name}» в книге не является обычным листом` };
    parts.set(target, xml(worksheetXml(sheet, mainNamespace)));
  } else {
    const worksheetRel = relTags.find((tag) => /\/worksheet$/.test(attribute(tag, "Type") ?? ""));
    const relType = worksheetRel ? attribute(worksheetRel, "Type")! : `${relNamespace}/worksheet`;
    const ids = new Set(relTags.map((tag) => attribute(tag, "Id")));
    let n = relTags.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const relId = `rId${n}`;
    const lower = new Set([...parts.keys()].map((name) => name.toLowerCase()));
    const dir = `${workbookDir ? `${workbookDir}/` : ""}worksheets`;
    let k = 1;
    while (lower.has(`${dir}/sheet${k}.xml`.toLowerCase())) k++;
    const partName = `${dir}/sheet${k}.xml`;
    const sheetIds = sheetTags.map((tag) => Number(attribute(tag, "sheetId")) || 0);
    const sheetId = Math.max(0, ...sheetIds) + 1;
    const idAttribute = relPrefix ? `${relPrefix}:id="${relId}"` : `r:id="${relId}" xmlns:r="${relNamespace}"`;
    const state = sheet.state === "visible" ? "" : ` state="${sheet.state}"`;
    const sheetTag = `<${prefix}sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}"${state} ${idAttribute}/>`;
    const closing = workbook.lastIndexOf(`</${prefix}sheets>`);
    if (closing < 0) return { ok: false, message: "в основной части книги нет списка листов" };
    const relTarget = partName.slice(workbookDir ? workbookDir.length + 1 : 0);
    const closeRels = rels.lastIndexOf("</Relationships>");
    const closeTypes = contentTypes.lastIndexOf("</Types>");
    if (closeRels < 0 || closeTypes < 0) return { ok: false, message: "связи частей книги не прочитаны" };
    parts.set(workbookPath, xml(workbook.slice(0, closing) + sheetTag + workbook.slice(closing)));
    parts.set(relsPath, xml(`${rels.slice(0, closeRels)}<Relationship Id="${relId}" Type="${relType}" Target="${relTarget}"/>${rels.slice(closeRels)}`));
    parts.set(
      "[Content_Types].xml",
      xml(`${contentTypes.slice(0, closeTypes)}<Override PartName="/${partName}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>${contentTypes.slice(closeTypes)}`),
    );
    parts.set(partName, xml(worksheetXml(sheet, mainNamespace)));
    order.push(partName);
  }
  const writer = new ZipWriter(DEFLATE_LEVEL);
  for (const name of order) await writer.add(name, [parts.get(name)!]);
  return { ok: true, bytes: new Uint8Array(writer.finish(order)) };
}
