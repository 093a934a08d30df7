/**
 * Applies a `WorkbookLayout` through Office.js. The file twin is `adapters/xlsx/exceljs-writer.ts`; both take their
 * cell-level decisions from `core/layout/cells.ts`.
 *
 * Round trips: one sync looks up the sheets and names the layout touches; one sync applies everything.
 * Payloads past `maxRequestBytes` (default 4 MB, below Excel's 5 MB request limit) are split by rows:
 *   syncs = 1 + max(1, ceil(estimatedValueBytes / maxRequestBytes))   (+1 only if the host refuses "VeryHidden")
 * where estimatedValueBytes is the UTF-8 JSON size of every written value and number format.
 * Row and list counts never add round trips.
 */
import type {
  CellBlock,
  CellStyle,
  ConditionalFormatSpec,
  ListValidation,
  PrintSpec,
  SheetLayout,
  WorkbookLayout,
} from "../../core/layout/types";
import {
  columnWidthPoints,
  formulaWithEquals,
  isFormulaValue,
  limitValidationText,
  numberFormatFor,
  parseA1Range,
  columnLetters,
} from "../../core/layout/cells";
import { supportsFromOptions } from "./host";

export interface RenderOptions {
  /** Whether the host supports ExcelApi `version` (e.g. "1.9"). Defaults to Office's isSetSupported, or `apiLevel`. */
  supports?: (version: string) => boolean;
  /** The host's ExcelApi level, e.g. "1.8"; used when `supports` is not given. */
  apiLevel?: string;
  /** Delete sheets of the same name and create them afresh (same tab position). Otherwise render onto them. */
  replaceSheets?: boolean;
  /** Bytes of values per request before writes are split into several syncs. */
  maxRequestBytes?: number;
  /**
   * What the caller has already loaded (worksheets' name/position/visibility, names): the lookup round trip is skipped,
   * so a caller that had to read the workbook anyway spends no extra sync.
   */
  known?: KnownWorkbook;
  /**
   * Commands to queue after everything else in the last request (a chart over the written cells): no round trip of their
   * own. `refused` tells their failure from others; then the rest of the request has been applied and
   * `report.finalRefused` is set instead of an error.
   */
  final?: { queue: () => void; refused: (error: unknown) => boolean };
}

export interface KnownWorkbook {
  sheets: { name: string; position: number; visibility: string }[];
  names: string[];
}

interface SheetLookup {
  isNullObject: boolean;
  position: number;
  visibility: string;
  sheet: Excel.Worksheet;
}

/** Lookups from what the caller loaded: existing items are addressed with getItem (no round trip needed). */
function knownLookups(context: Excel.RequestContext, layout: WorkbookLayout, known: KnownWorkbook): { sheets: SheetLookup[]; names: boolean[] } {
  const byName = new Map(known.sheets.map((s) => [s.name.toLocaleLowerCase(), s]));
  const nameSet = new Set(known.names.map((n) => n.toLocaleLowerCase()));
  return {
    sheets: layout.sheets.map((s) => {
      const found = byName.get(s.name.toLocaleLowerCase());
      return found
        ? { isNullObject: false, position: found.position, visibility: found.visibility, sheet: context.workbook.worksheets.getItem(s.name) }
        : { isNullObject: true, position: -1, visibility: "", sheet: null as unknown as Excel.Worksheet };
    }),
    names: (layout.names ?? []).map((n) => nameSet.has(n.name.toLocaleLowerCase())),
  };
}

export interface RenderReport {
  syncs: number;
  /** The host refused the `final` commands (everything else was applied). */
  finalRefused?: boolean;
  /** Russian notes on what the host could not do, for the pane to show (e.g. print settings to set by hand). */
  skipped: string[];
  warnings: string[];
}

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

/** UTF-8 bytes of a string as JSON would carry it (quotes and the separator included). */
function jsonBytes(text: string): number {
  let bytes = 3;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? (code === 0x22 || code === 0x5c ? 2 : 1) : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** Estimated request bytes for writing one block row: values (or formulas) plus their number formats. */
function rowBytes(values: CellBlock["values"][number], style?: CellStyle): number {
  let bytes = 4;
  for (const value of values) {
    if (value === null) bytes += 3;
    else if (typeof value === "number") bytes += 24;
    else if (typeof value === "string") bytes += jsonBytes(value);
    else bytes += jsonBytes(formulaWithEquals(value)) + 5;
    bytes += jsonBytes(numberFormatFor(value, style));
  }
  return bytes;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const ERROR_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** Consecutive formula cells grouped into rectangles: one `formulas` write per rectangle, not per cell. */
function formulaRectangles(block: CellBlock): { row: number; col: number; formulas: string[][] }[] {
  const runs: { row: number; col: number; formulas: string[] }[] = [];
  block.values.forEach((rowValues, r) => {
    let run: { row: number; col: number; formulas: string[] } | undefined;
    rowValues.forEach((value, c) => {
      if (isFormulaValue(value)) {
        if (!run) runs.push((run = { row: r, col: c, formulas: [] }));
        run.formulas.push(formulaWithEquals(value));
      } else {
        run = undefined;
      }
    });
  });
  const rectangles: { row: number; col: number; formulas: string[][] }[] = [];
  for (const run of runs) {
    const last = rectangles[rectangles.length - 1];
    if (last && last.col === run.col && last.formulas[0].length === run.formulas.length && last.row + last.formulas.length === run.row) {
      last.formulas.push(run.formulas);
    } else {
      rectangles.push({ row: run.row, col: run.col, formulas: [run.formulas] });
    }
  }
  return rectangles;
}

function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontName) format.font.name = style.fontName;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.border) {
    const edges: string[] = [...EDGES];
    if (rows > 1) edges.push("InsideHorizontal");
    if (cols > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = format.borders.getItem(edge as Excel.BorderIndex);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = "#000000";
    }
  }
}

/** Writes rows [from, to) of a block: number formats first (so "@" is in place), then values, then formulas. */
function writeBlockRows(sheet: Excel.Worksheet, block: CellBlock, from: number, to: number): void {
  const slice = block.values.slice(from, to);
  if (slice.length === 0) return;
  const width = Math.max(...slice.map((r) => r.length));
  if (width === 0) return;
  const range = sheet.getRangeByIndexes(block.row - 1 + from, block.col - 1, slice.length, width);
  const pad = <T>(row: T[], filler: T) => (row.length === width ? row : [...row, ...Array<T>(width - row.length).fill(filler)]);
  range.numberFormat = slice.map((row) => pad(row.map((v) => numberFormatFor(v, block.style)), numberFormatFor(null, block.style)));
  // null leaves a cell as it is in Office.js: formula cells are written below, in their own calls.
  range.values = slice.map((row) => pad(row.map((v) => (v === null ? "" : isFormulaValue(v) ? null : v)), "")) as unknown as (string | number)[][];
  for (const rect of formulaRectangles({ ...block, values: slice })) {
    sheet.getRangeByIndexes(block.row - 1 + from + rect.row, block.col - 1 + rect.col, rect.formulas.length, rect.formulas[0].length).formulas = rect.formulas;
  }
}

interface PendingSheet {
  layout: SheetLayout;
  sheet: Excel.Worksheet;
  existed: boolean;
}

interface WriteChunk {
  sheet: Excel.Worksheet;
  block: CellBlock;
  from: number;
  to: number;
}

/** Splits every block into row ranges so that no request carries more than `limit` bytes of values. */
function planChunks(pending: PendingSheet[], limit: number): WriteChunk[][] {
  const requests: WriteChunk[][] = [[]];
  let used = 0;
  for (const { sheet, layout } of pending) {
    for (const block of layout.blocks) {
      let from = 0;
      let bytes = 0;
      for (let r = 0; r < block.values.length; r++) {
        const size = rowBytes(block.values[r], block.style);
        if (used + bytes + size > limit && (bytes > 0 || used > 0)) {
          if (r > from) requests[requests.length - 1].push({ sheet, block, from, to: r });
          requests.push([]);
          used = 0;
          bytes = 0;
          from = r;
        }
        bytes += size;
      }
      if (block.values.length > from) requests[requests.length - 1].push({ sheet, block, from, to: block.values.length });
      used += bytes;
    }
  }
  return requests;
}

function applyValidation(sheet: Excel.Worksheet, sheetName: string, validation: ListValidation, warnings: string[]): void {
  const where = `Лист «${sheetName}», проверка ${validation.range}`;
  const dv = sheet.getRange(validation.range).dataValidation;
  dv.clear();
  dv.ignoreBlanks = true;
  dv.rule = { list: { inCellDropDown: true, source: validation.source.startsWith("=") ? validation.source : `=${validation.source}` } };
  dv.errorAlert = {
    showAlert: true,
    style: ERROR_STYLE[validation.errorStyle],
    title: limitValidationText(validation.errorTitle, "errorTitle", where, warnings) ?? "",
    message: limitValidationText(validation.errorMessage, "errorMessage", where, warnings) ?? "",
  };
  if (validation.promptTitle || validation.promptMessage) {
    dv.prompt = {
      showPrompt: true,
      title: limitValidationText(validation.promptTitle, "promptTitle", where, warnings) ?? "",
      message: limitValidationText(validation.promptMessage, "promptMessage", where, warnings) ?? "",
    };
  }
}

function applyConditionalFormat(sheet: Excel.Worksheet, spec: ConditionalFormatSpec): void {
  const cf = sheet.getRange(spec.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  cf.custom.rule.formula = spec.formula.startsWith("=") ? spec.formula : `=${spec.formula}`;
  if (spec.fill) cf.custom.format.fill.color = spec.fill;
  if (spec.fontColor) cf.custom.format.font.color = spec.fontColor;
}

function applyPrint(sheet: Excel.Worksheet, print: PrintSpec): void {
  const page = sheet.pageLayout;
  page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  page.paperSize = print.paper;
  if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) page.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  if (print.margins) page.setPrintMargins("Inches", { ...print.margins });
  if (print.footerCenter) page.headersFooters.defaultForAllPages.centerFooter = print.footerCenter;
  if (print.printArea) page.setPrintArea(print.printArea);
}

function describePrint(sheetName: string, print: PrintSpec): string {
  const parts = [
    print.orientation === "landscape" ? "альбомная ориентация" : "книжная ориентация",
    `бумага ${print.paper}`,
  ];
  if (print.fitToWidth) parts.push("все столбцы на одной странице в ширину");
  if (print.titleRows) parts.push(`сквозные строки ${print.titleRows.first}:${print.titleRows.last}`);
  if (print.footerCenter) parts.push("номера страниц в нижнем колонтитуле");
  return `Параметры печати листа «${sheetName}» (${parts.join(", ")}) задайте вручную: Разметка страницы → Параметры страницы — эта версия Excel не поддерживает их настройку из надстройки.`;
}

function isVisibilityError(error: unknown): boolean {
  const info = (error as { debugInfo?: { errorLocation?: string; statement?: string } })?.debugInfo;
  return /visibility/i.test(`${info?.errorLocation ?? ""} ${info?.statement ?? ""}`);
}

/** Applies everything of a sheet except cell values (written in chunks) and visibility (applied last). */
function queueSheetStructure(pending: PendingSheet): void {
  const { sheet, layout } = pending;
  for (const column of layout.columns ?? []) {
    const entire = sheet.getRange(`${columnLetters(column.index)}:${columnLetters(column.index)}`);
    if (column.width !== undefined) entire.format.columnWidth = columnWidthPoints(column.width);
    // Cell-level writes to a whole column are refused except a numberFormat given as a 1×1 array, which Excel applies
    // to the column (learn.microsoft.com …/excel-add-ins-ranges-unbounded; github.com/OfficeDev/office-js-docs-pr/issues/5400).
    if (column.numberFormat) entire.numberFormat = [[column.numberFormat]];
    if (column.hidden) entire.columnHidden = true;
  }
  for (const block of layout.blocks) {
    const rows = block.values.length;
    const cols = Math.max(0, ...block.values.map((r) => r.length));
    if (block.style && rows > 0 && cols > 0) applyStyle(sheet.getRangeByIndexes(block.row - 1, block.col - 1, rows, cols), block.style, rows, cols);
  }
  for (const merge of layout.merges ?? []) sheet.getRange(merge).merge(false);
}

function queueSheetAfterValues(
  pending: PendingSheet,
  supports: (v: string) => boolean,
  report: RenderReport,
  note: (text: string) => void,
): void {
  const { sheet, layout, existed } = pending;
  if (layout.autoFitRows) {
    let lastRow = 0;
    let lastCol = 0;
    for (const block of layout.blocks) {
      lastRow = Math.max(lastRow, block.row + block.values.length - 1);
      lastCol = Math.max(lastCol, block.col + Math.max(0, ...block.values.map((r) => r.length)) - 1);
    }
    if (lastRow > 0 && lastCol > 0) sheet.getRangeByIndexes(0, 0, lastRow, lastCol).format.autofitRows();
  }
  // Explicit heights win over autofit; consecutive equal heights share one call.
  const heights = [...(layout.rows ?? [])].filter((r) => r.height !== undefined).sort((a, b) => a.index - b.index);
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1].index === heights[j].index + 1 && heights[j + 1].height === heights[i].height) j++;
    sheet.getRange(`${heights[i].index}:${heights[j].index}`).format.rowHeight = heights[i].height!;
    i = j + 1;
  }
  if (layout.validations?.length) {
    if (supports("1.8")) for (const validation of layout.validations) applyValidation(sheet, layout.name, validation, report.warnings);
    else note(`Выпадающие списки на листе «${layout.name}» не созданы: эта версия Excel не поддерживает их настройку из надстройки.`);
  }
  if (layout.conditionalFormats?.length) {
    if (supports("1.6")) {
      for (const spec of layout.conditionalFormats) {
        // Rendering onto an existing sheet must not pile up duplicates of our own rules.
        if (existed) sheet.getRange(spec.range).conditionalFormats.clearAll();
      }
      for (const spec of layout.conditionalFormats) applyConditionalFormat(sheet, spec);
    } else {
      note(`Условное форматирование на листе «${layout.name}» не создано: эта функция требует более новой версии Excel.`);
    }
  }
  if (layout.freeze) {
    if (supports("1.7")) {
      if (existed) sheet.freezePanes.unfreeze();
      const { rows, columns = 0 } = layout.freeze;
      if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
      else if (rows > 0) sheet.freezePanes.freezeRows(rows);
      else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
    } else {
      note(`Закрепите вручную строки 1–${layout.freeze.rows} листа «${layout.name}» (Вид → Закрепить области): эта функция требует более новой версии Excel.`);
    }
  }
  if (layout.print) {
    if (supports("1.9")) applyPrint(sheet, layout.print);
    else note(describePrint(layout.name, layout.print));
  }
  if (layout.tabColor) {
    if (supports("1.7")) sheet.tabColor = layout.tabColor;
  }
}

/**
 * Renders `layout` into the workbook of `context`. Sheets not in the layout are never touched.
 * Returns the number of syncs made and what the host could not do.
 */
export async function renderLayout(context: Excel.RequestContext, layout: WorkbookLayout, options: RenderOptions = {}): Promise<RenderReport> {
  const supports = supportsFromOptions(options);
  const report: RenderReport = { syncs: 0, skipped: [], warnings: [] };
  const skippedNotes = new Set<string>();
  const note = (text: string) => {
    if (!skippedNotes.has(text)) {
      skippedNotes.add(text);
      report.skipped.push(text);
    }
  };
  const sync = async () => {
    report.syncs++;
    await context.sync();
  };
  for (const sheetLayout of layout.sheets) for (const merge of sheetLayout.merges ?? []) parseA1Range(merge);

  // Round trip 1: which of our sheets and names exist already (skipped when the caller knows).
  const worksheets = context.workbook.worksheets;
  let lookups: SheetLookup[];
  let nameExists: boolean[];
  if (options.known) {
    ({ sheets: lookups, names: nameExists } = knownLookups(context, layout, options.known));
  } else {
    const found = layout.sheets.map((s) => {
      const item = worksheets.getItemOrNullObject(s.name);
      item.load("isNullObject,name,position,visibility");
      return item;
    });
    const nameLookups = supports("1.4")
      ? (layout.names ?? []).map((n) => {
          const item = context.workbook.names.getItemOrNullObject(n.name);
          item.load("isNullObject,name");
          return item;
        })
      : [];
    await sync();
    lookups = found.map((item) => ({ isNullObject: item.isNullObject, position: item.isNullObject ? -1 : item.position, visibility: item.isNullObject ? "" : item.visibility, sheet: item }));
    nameExists = nameLookups.map((item) => !item.isNullObject);
  }

  // Everything else is queued now and sent in one request (or one per chunk of large values).
  const pending: PendingSheet[] = [];
  layout.sheets.forEach((sheetLayout, i) => {
    const lookup = lookups[i];
    const existing = lookup.sheet;
    if (lookup.isNullObject) {
      pending.push({ layout: sheetLayout, sheet: worksheets.add(sheetLayout.name), existed: false });
    } else if (options.replaceSheets) {
      // Add under a temporary name first: Excel refuses to delete the last visible sheet.
      const fresh = worksheets.add(`~${Date.now().toString(36)}${i}`.slice(0, 31));
      if (lookup.visibility !== "Visible") existing.visibility = "Visible";
      const position = lookup.position;
      existing.delete();
      fresh.name = sheetLayout.name;
      fresh.position = position;
      pending.push({ layout: sheetLayout, sheet: fresh, existed: false });
    } else {
      pending.push({ layout: sheetLayout, sheet: existing, existed: true });
    }
  });
  for (const item of pending) queueSheetStructure(item);

  const chunks = planChunks(pending, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  for (let c = 0; c < chunks.length; c++) {
    for (const chunk of chunks[c]) writeBlockRows(chunk.sheet, chunk.block, chunk.from, chunk.to);
    if (c < chunks.length - 1) await sync();
  }

  // Names before validations: Excel checks a list source when the rule is set.
  if (layout.names?.length) {
    if (supports("1.4")) {
      layout.names.forEach((definedName, i) => {
        const formula = definedName.ref.startsWith("=") ? definedName.ref : `=${definedName.ref}`;
        if (nameExists[i]) context.workbook.names.getItem(definedName.name).delete();
        context.workbook.names.add(definedName.name, formula, definedName.comment);
      });
    } else {
      note("Имена списков не созданы: эта функция требует более новой версии Excel.");
    }
  }
  for (const item of pending) queueSheetAfterValues(item, supports, report, note);

  // Activate a visible sheet before hiding others: Excel cannot hide the active sheet.
  const visible = pending.filter((p) => (p.layout.visibility ?? "visible") === "visible");
  const active = pending.find((p) => p.layout.name === layout.activeSheet) ?? visible[0];
  if (active) active.sheet.activate();
  const veryHidden: PendingSheet[] = [];
  for (const item of pending) {
    const visibility = item.layout.visibility ?? "visible";
    if (visibility === "hidden") item.sheet.visibility = "Hidden";
    else if (visibility === "visible") {
      if (item.existed) item.sheet.visibility = "Visible";
    } else veryHidden.push(item);
  }
  // Very hidden goes last: if the host refuses it, everything before it in the batch has been applied.
  for (const item of veryHidden) item.sheet.visibility = "VeryHidden";
  const final = options.final;
  /** The last request with the final commands; false when it failed at them (all before them applied). */
  const syncWithFinal = async (): Promise<void> => {
    final?.queue();
    try {
      await sync();
    } catch (error) {
      if (!final?.refused(error)) throw error;
      report.finalRefused = true;
    }
  };
  try {
    await syncWithFinal();
  } catch (error) {
    if (veryHidden.length === 0 || !isVisibilityError(error)) throw error;
    for (const item of veryHidden) item.sheet.visibility = "Hidden";
    await syncWithFinal();
    report.warnings.push(
      `Лист${veryHidden.length > 1 ? "ы" : ""} ${veryHidden.map((p) => `«${p.layout.name}»`).join(", ")} скрыт${veryHidden.length > 1 ? "ы" : ""} обычным образом: это приложение Excel не позволяет скрыть лист полностью.`,
    );
  }
  return report;
}

/** Estimated request bytes for a layout's values; `ceil(bytes / maxRequestBytes)` write syncs are made. */
export function estimateLayoutBytes(layout: WorkbookLayout): number {
  let bytes = 0;
  for (const sheet of layout.sheets) for (const block of sheet.blocks) for (const row of block.values) bytes += rowBytes(row, block.style);
  return bytes;
}
