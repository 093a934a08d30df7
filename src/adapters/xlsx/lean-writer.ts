/**
 * A lean xlsx writer for big layouts (the merge's consolidated register): writes the sheet XML straight from the
 * layout, strings shared, styles deduplicated, parts deflated by Node's zlib while they are generated. Cell decisions come
 * from `core/layout/cells.ts` like in `exceljs-writer.ts` (ExcelJS), whose output it matches cell for cell: value, type,
 * number format, font, fill, border, alignment, widths, heights, merges, freeze, print settings, names, dropdowns
 * (data validations) and conditional formats (`lean-rules.ts`).
 *
 * Its parts: `lean-styles.ts` (the stylesheet), `lean-strings.ts` (text cells), `lean-sheet.ts` (a worksheet's plan and
 * XML), `lean-xml.ts` (what they share); here, the workbook, its names and the package around the sheets.
 */
import type { SheetLayout, WorkbookLayout } from "../../core/layout/types";
import { planSheet, sheetXml } from "./lean-sheet";
import { SharedStrings } from "./lean-strings";
import { StyleTable } from "./lean-styles";
import { escapeXml, MAIN_NS, PACKAGE_REL_NS, REL_NS, XML_HEAD } from "./lean-xml";
import { ZipWriter } from "./zip-writer";

export interface LeanWriteOptions {
  /** zlib level 1–9; 6 by default. */
  level?: number;
  /** Stamped on the ZIP entries. */
  modified?: Date;
}

export interface LeanWriteResult {
  /** The archive in one buffer, joined when first asked for. */
  readonly bytes: Buffer;
  /** The archive as pieces, in order: for a caller that writes them out as they are (no 1–10 MB join). */
  chunks: Buffer[];
  warnings: string[];
}

/** 'Sheet name' as a formula reference writes it. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(area: string): string {
  return area
    .replace(/\$/g, "")
    .split(":")
    .map((part) => part.replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

const DEFINED_NAME_REF = /^('[^']+(?:''[^']*)*'|[^'!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/;

/** The print area and print titles of `sheet`, the sheet at `index` in the workbook, as `<definedName>` elements. */
export function printNamesXml(sheet: SheetLayout, index: number): string[] {
  const names: string[] = [];
  const quoted = quotedSheet(sheet.name);
  if (sheet.print?.printArea) {
    names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(`${quoted}!${absolute(sheet.print.printArea)}`)}</definedName>`);
  }
  if (sheet.print?.titleRows) {
    const { first, last } = sheet.print.titleRows;
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${quoted}!$${first}:$${last}`)}</definedName>`);
  }
  return names;
}

/** The layout's workbook-scoped names as `<definedName>` elements; a name that is not a range reference is refused. */
export function layoutNamesXml(layout: WorkbookLayout): string[] {
  return (layout.names ?? []).map((name) => {
    if (!DEFINED_NAME_REF.test(name.ref)) {
      throw new Error(`Имя «${name.name}»: в файл можно записать только ссылку на диапазон, а не «${name.ref}».`);
    }
    return `<definedName name="${escapeXml(name.name)}">${escapeXml(name.ref)}</definedName>`;
  });
}

function workbookXml(layout: WorkbookLayout, activeIndex: number): string {
  const sheets = layout.sheets;
  const firstVisible = Math.max(0, sheets.findIndex((sheet) => (sheet.visibility ?? "visible") === "visible"));
  const names = [...sheets.flatMap((sheet, index) => printNamesXml(sheet, index)), ...layoutNamesXml(layout)];
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="17000" firstSheet="${firstVisible}" activeTab="${activeIndex}"/></bookViews>` +
    "<sheets>" +
    sheets
      .map((sheet, index) => {
        const state = sheet.visibility && sheet.visibility !== "visible" ? ` state="${sheet.visibility}"` : "";
        return `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${state} r:id="rId${index + 1}"/>`;
      })
      .join("") +
    "</sheets>" +
    (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
    '<calcPr calcId="171027"/>' +
    "</workbook>"
  );
}

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    "</Types>"
  );
}

function workbookRelsXml(sheetCount: number): string {
  const type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${type}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return (
    XML_HEAD +
    `<Relationships xmlns="${PACKAGE_REL_NS}">` +
    sheets.join("") +
    `<Relationship Id="rId${sheetCount + 1}" Type="${type}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${type}/sharedStrings" Target="sharedStrings.xml"/>` +
    "</Relationships>"
  );
}

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PACKAGE_REL_NS}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  "</Relationships>";

/** Writes `layout` as a new workbook. */
export async function writeLayoutLean(layout: WorkbookLayout, options: LeanWriteOptions = {}): Promise<LeanWriteResult> {
  const names = new Set<string>();
  for (const sheet of layout.sheets) {
    const key = sheet.name.toLowerCase();
    if (names.has(key)) throw new Error(`Два листа с именем «${sheet.name}».`);
    names.add(key);
  }
  const warnings: string[] = [];
  const sheets = layout.sheets;
  const activeName = layout.activeSheet ?? sheets.find((sheet) => (sheet.visibility ?? "visible") === "visible")?.name;
  const activeIndex = Math.max(0, sheets.findIndex((sheet) => sheet.name === activeName));
  if (sheets[activeIndex] && (sheets[activeIndex].visibility ?? "visible") !== "visible") {
    warnings.push(`Лист «${sheets[activeIndex].name}» скрыт и не может быть активным.`);
  }

  const styles = new StyleTable();
  const strings = new SharedStrings();
  const zip = new ZipWriter(options.level ?? 6, options.modified);
  const workbook = workbookXml(layout, activeIndex);
  for (let index = 0; index < sheets.length; index++) {
    await zip.add(`xl/worksheets/sheet${index + 1}.xml`, sheetXml(planSheet(sheets[index], styles), index === activeIndex, strings, styles, warnings));
  }
  await zip.add("xl/sharedStrings.xml", strings.xml());
  await zip.add("xl/styles.xml", [styles.xml()]);
  await zip.add("xl/workbook.xml", [workbook]);
  await zip.add("xl/_rels/workbook.xml.rels", [workbookRelsXml(sheets.length)]);
  await zip.add("_rels/.rels", [ROOT_RELS]);
  await zip.add("[Content_Types].xml", [contentTypesXml(sheets.length)]);
  const chunks = zip.finishChunks(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"]);
  let joined: Buffer | undefined;
  return {
    get bytes() {
      return (joined ??= Buffer.concat(chunks));
    },
    chunks,
    warnings,
  };
}
