/**
 * Applies a `WorkbookLayout` to an ExcelJS workbook (a file). The Office.js twin is
 * `adapters/office/render-layout.ts`; both take their cell-level decisions from `core/layout/cells.ts`.
 */
import type ExcelJS from "exceljs";
import type { CellStyle, ConditionalFormatSpec, ListValidation, PrintSpec, SheetLayout, WorkbookLayout } from "../../core/layout/types";
import {
  estimateRowHeights,
  columnLetters,
  formulaBody,
  isFormulaValue,
  limitValidationText,
  numberFormatFor,
  parseA1Range,
} from "../../core/layout/cells";
import { printAreaForExcelJs } from "../../excel-facts/exceljs-conventions";
import { removeControlCharacters } from "./xml-safe-workbook";

export interface XlsxRenderReport {
  warnings: string[];
}

const PAPER_SIZE = { A4: 9, A3: 8 } as const;

function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

let excelJs: typeof ExcelJS | undefined;

/** ExcelJS takes most of a second to load: required on first use, so commands that never write through it skip that. */
function excelJsNow(): typeof ExcelJS {
  excelJs ??= require("exceljs") as typeof ExcelJS;
  return excelJs;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function cellStyleFor(style: CellStyle | undefined, numFmt: string): Partial<ExcelJS.Style> {
  const result: Partial<ExcelJS.Style> = { numFmt };
  if (!style) return result;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontName) font.name = style.fontName;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length) result.font = font;
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.horizontal || style.vertical) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (style.wrap) alignment.wrapText = true;
    if (style.horizontal) alignment.horizontal = style.horizontal;
    if (style.vertical) alignment.vertical = style.vertical === "center" ? "middle" : style.vertical;
    result.alignment = alignment;
  }
  if (style.border) result.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  return result;
}

function writeBlocks(sheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  for (const block of layout.blocks) {
    // One shared style object per (block, number format): ExcelJS dedupes them when writing.
    const stylesByFormat = new Map<string, Partial<ExcelJS.Style>>();
    const styleFor = (numFmt: string) => {
      let style = stylesByFormat.get(numFmt);
      if (!style) stylesByFormat.set(numFmt, (style = cellStyleFor(block.style, numFmt)));
      return style;
    };
    block.values.forEach((rowValues, r) => {
      const row = sheet.getRow(block.row + r);
      rowValues.forEach((value, c) => {
        const cell = row.getCell(block.col + c);
        cell.style = styleFor(numberFormatFor(value, block.style)) as ExcelJS.Style;
        if (value === null) return;
        if (isFormulaValue(value)) cell.value = { formula: formulaBody(value) } as ExcelJS.CellFormulaValue;
        else cell.value = value;
      });
    });
  }
}

function addValidation(sheet: ExcelJS.Worksheet, validation: ListValidation, warnings: string[]): void {
  const where = `Лист «${sheet.name}», проверка ${validation.range}`;
  const rule: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [validation.source.replace(/^=/, "")],
    showErrorMessage: true,
    errorStyle: validation.errorStyle,
    errorTitle: limitValidationText(validation.errorTitle, "errorTitle", where, warnings),
    error: limitValidationText(validation.errorMessage, "errorMessage", where, warnings),
    showInputMessage: Boolean(validation.promptTitle || validation.promptMessage),
    promptTitle: limitValidationText(validation.promptTitle, "promptTitle", where, warnings),
    prompt: limitValidationText(validation.promptMessage, "promptMessage", where, warnings),
  };
  const box = parseA1Range(validation.range);
  // ExcelJS keeps a range key as one sqref; a single cell is its own key.
  const key = box.top === box.bottom && box.left === box.right ? validation.range.replace(/\$/g, "").split(":")[0] : validation.range.replace(/\$/g, "");
  // Present at runtime in ExcelJS 4.4, missing from its typings.
  (sheet as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(key, rule);
}

function addConditionalFormat(sheet: ExcelJS.Worksheet, spec: ConditionalFormatSpec, priority: number): void {
  const style: Partial<ExcelJS.Style> = {};
  // Differential formats take the solid fill colour from bgColor.
  if (spec.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) }, bgColor: { argb: argb(spec.fill) } };
  if (spec.fontColor) style.font = { color: { argb: argb(spec.fontColor) } };
  sheet.addConditionalFormatting({
    ref: spec.range.replace(/\$/g, ""),
    rules: [{ type: "expression", priority, formulae: [spec.formula.replace(/^=/, "")], style }],
  });
}

function applyPrint(sheet: ExcelJS.Worksheet, print: PrintSpec): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    orientation: print.orientation,
    paperSize: PAPER_SIZE[print.paper] as ExcelJS.PaperSize,
  };
  if (print.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (print.titleRows) setup.printTitlesRow = `${print.titleRows.first}:${print.titleRows.last}`;
  if (print.margins) setup.margins = { ...print.margins };
  if (print.printArea) setup.printArea = printAreaForExcelJs(print.printArea);
  sheet.pageSetup = { ...sheet.pageSetup, ...setup };
  if (print.footerCenter) sheet.headerFooter = { ...sheet.headerFooter, oddFooter: `&C${print.footerCenter}` };
}

function renderSheet(sheet: ExcelJS.Worksheet, layout: SheetLayout, warnings: string[]): void {
  for (const column of layout.columns ?? []) {
    const target = sheet.getColumn(column.index);
    if (column.width !== undefined) target.width = column.width;
    if (column.numberFormat) target.numFmt = column.numberFormat;
    if (column.hidden) target.hidden = true;
  }
  writeBlocks(sheet, layout);
  if (layout.autoFitRows) {
    for (const [row, height] of estimateRowHeights(layout)) sheet.getRow(row).height = height;
  }
  for (const row of layout.rows ?? []) if (row.height !== undefined) sheet.getRow(row.index).height = row.height;
  for (const merge of layout.merges ?? []) sheet.mergeCells(merge.replace(/\$/g, ""));
  for (const validation of layout.validations ?? []) addValidation(sheet, validation, warnings);
  (layout.conditionalFormats ?? []).forEach((spec, i) => addConditionalFormat(sheet, spec, i + 1));
  if (layout.freeze && (layout.freeze.rows > 0 || (layout.freeze.columns ?? 0) > 0)) {
    const rows = layout.freeze.rows;
    const columns = layout.freeze.columns ?? 0;
    sheet.views = [
      {
        state: "frozen",
        xSplit: columns,
        ySplit: rows,
        topLeftCell: `${columnLetters(columns + 1)}${rows + 1}`,
        activeCell: `${columnLetters(columns + 1)}${rows + 1}`,
      },
    ];
  }
  if (layout.print) applyPrint(sheet, layout.print);
  if (layout.tabColor) sheet.properties.tabColor = { argb: argb(layout.tabColor) };
  sheet.state = layout.visibility ?? "visible";
}

/** Removes a workbook-scoped name completely (ExcelJS keeps names as per-cell matrices). */
function removeDefinedName(workbook: ExcelJS.Workbook, name: string): void {
  const definedNames = workbook.definedNames as unknown as { matrixMap: Record<string, unknown> };
  delete definedNames.matrixMap[name];
}

/**
 * Renders `layout` into `base` (or a new workbook) and returns it with the warnings.
 * A sheet of the same name in `base` is removed first and the new one takes its place in the tab order;
 * all other sheets are left as they were.
 */
export function renderWorkbookLayoutWithReport(
  layout: WorkbookLayout,
  base?: ExcelJS.Workbook,
): { workbook: ExcelJS.Workbook; report: XlsxRenderReport } {
  const workbook = base ?? new (excelJsNow().Workbook)();
  const warnings: string[] = [];
  for (const sheetLayout of layout.sheets) {
    const existing = workbook.getWorksheet(sheetLayout.name);
    const orderNo = existing ? (existing as unknown as { orderNo: number }).orderNo : undefined;
    if (existing) workbook.removeWorksheet(existing.id);
    const sheet = workbook.addWorksheet(sheetLayout.name);
    if (orderNo !== undefined) (sheet as unknown as { orderNo: number }).orderNo = orderNo;
    renderSheet(sheet, sheetLayout, warnings);
  }
  for (const definedName of layout.names ?? []) {
    removeDefinedName(workbook, definedName.name);
    if (!/^('[^']+(?:''[^']*)*'|[^'!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(definedName.ref)) {
      throw new Error(`Имя «${definedName.name}»: в файл можно записать только ссылку на диапазон, а не «${definedName.ref}».`);
    }
    workbook.definedNames.add(definedName.ref, definedName.name);
  }
  const sheets = workbook.worksheets;
  const activeName = layout.activeSheet ?? sheets.find((s) => s.state === "visible")?.name;
  const activeIndex = Math.max(0, sheets.findIndex((s) => s.name === activeName));
  if (sheets[activeIndex] && sheets[activeIndex].state !== "visible") {
    warnings.push(`Лист «${sheets[activeIndex].name}» скрыт и не может быть активным.`);
  }
  sheets.forEach((sheet, i) => {
    const views = sheet.views?.length ? sheet.views : [{ state: "normal" } as ExcelJS.WorksheetView];
    sheet.views = views.map((view) => ({ ...view, tabSelected: i === activeIndex }));
  });
  const firstVisible = Math.max(0, sheets.findIndex((s) => s.state === "visible"));
  workbook.views = [{ x: 0, y: 0, width: 28800, height: 17000, firstSheet: firstVisible, activeTab: activeIndex, visibility: "visible" }];
  removeControlCharacters(workbook);
  return { workbook, report: { warnings } };
}

export function renderWorkbookLayout(layout: WorkbookLayout, base?: ExcelJS.Workbook): ExcelJS.Workbook {
  return renderWorkbookLayoutWithReport(layout, base).workbook;
}

export async function writeLayoutToBuffer(layout: WorkbookLayout, base?: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await renderWorkbookLayout(layout, base).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
