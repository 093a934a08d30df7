/**
 * Decisions both layout renderers must make identically: which number format a cell gets, how A1 ranges
 * map to indexes, how wide a column is in points, how tall a wrapped row should be, what Excel's limits are.
 */
import { DEFAULT_COLUMN_WIDTH_CHARS, columnNumber, lineHeightPoints, wrappedLineCount } from "../../excel-facts/excel-geometry";
import type { CellBlock, CellStyle, LayoutValue, SheetLayout } from "./types";

// Excel's own geometry (column letters, widths, line heights) lives where the simulator can use it too.
export { DEFAULT_COLUMN_WIDTH_CHARS, columnLetters, columnNumber, columnWidthChars, columnWidthPoints, lineHeightPoints, wrappedLineCapacity, wrappedLineCount } from "../../excel-facts/excel-geometry";

export function isFormulaValue(value: LayoutValue): value is { formula: string } {
  return typeof value === "object" && value !== null;
}

/** "=SUM(A1:A3)" for Office.js; `formulaBody` gives "SUM(A1:A3)" for file writers. */
export function formulaWithEquals(value: { formula: string }): string {
  return value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
}

export function formulaBody(value: { formula: string }): string {
  return value.formula.startsWith("=") ? value.formula.slice(1) : value.formula;
}

export const GENERAL_FORMAT = "General";
export const TEXT_FORMAT = "@";

/**
 * Strings are text ("@") unless the block's style names a format; numbers and formulas take the style's
 * format or General. Never "@" for formulas: Excel would show the formula instead of its result.
 */
export function numberFormatFor(value: LayoutValue, style?: CellStyle): string {
  if (typeof value === "string") return style?.numberFormat ?? TEXT_FORMAT;
  if (value === null) return style?.numberFormat ?? TEXT_FORMAT;
  if (isFormulaValue(value)) return style?.numberFormat && style.numberFormat !== TEXT_FORMAT ? style.numberFormat : GENERAL_FORMAT;
  return style?.numberFormat && style.numberFormat !== TEXT_FORMAT ? style.numberFormat : GENERAL_FORMAT;
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B7:F5000", "$B$7", "A2:O2" → 1-based box. Throws on anything else (a layout bug, not user input). */
export function parseA1Range(address: string): RangeBox {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!match) throw new Error(`Некорректный адрес диапазона в макете: «${address}»`);
  const left = columnNumber(match[1]);
  const top = Number(match[2]);
  const right = match[3] ? columnNumber(match[3]) : left;
  const bottom = match[4] ? Number(match[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function cellDisplayText(value: LayoutValue): string {
  if (value === null || isFormulaValue(value)) return "";
  return String(value);
}

/**
 * Estimated heights (points) of rows holding wrapped text, for writers that cannot ask the host to autofit.
 * Merged cells count with the width of the whole merge. Rows without wrapped text are left out.
 */
export function estimateRowHeights(sheet: SheetLayout): Map<number, number> {
  const widths = new Map<number, number>();
  for (const column of sheet.columns ?? []) if (column.width !== undefined) widths.set(column.index, column.width);
  const widthOf = (col: number) => widths.get(col) ?? DEFAULT_COLUMN_WIDTH_CHARS;
  const mergeByTopLeft = new Map<string, RangeBox>();
  for (const merge of sheet.merges ?? []) {
    const box = parseA1Range(merge);
    mergeByTopLeft.set(`${box.top}:${box.left}`, box);
  }
  const heights = new Map<number, number>();
  const consider = (block: CellBlock) => {
    if (!block.style?.wrap) return;
    const fontSize = block.style.fontSize ?? 11;
    block.values.forEach((rowValues, r) => {
      const row = block.row + r;
      rowValues.forEach((value, c) => {
        const text = cellDisplayText(value);
        if (!text) return;
        const col = block.col + c;
        const merge = mergeByTopLeft.get(`${row}:${col}`);
        let width = 0;
        let rowsSpanned = 1;
        if (merge) {
          for (let k = merge.left; k <= merge.right; k++) width += widthOf(k);
          rowsSpanned = merge.bottom - merge.top + 1;
        } else {
          width = widthOf(col);
        }
        const needed = (wrappedLineCount(text, width, fontSize) * lineHeightPoints(fontSize) + 3) / rowsSpanned;
        if (needed > (heights.get(row) ?? 0)) heights.set(row, Math.ceil(needed * 4) / 4);
      });
    });
  };
  sheet.blocks.forEach(consider);
  const defaultHeight = lineHeightPoints(11);
  for (const [row, height] of heights) if (height <= defaultHeight) heights.delete(row);
  return heights;
}

/** Excel's limits for data validation texts; longer ones make Excel reject the rule or repair the file. */
export const VALIDATION_TEXT_LIMITS = { promptTitle: 32, promptMessage: 255, errorTitle: 32, errorMessage: 225 } as const;

/** Cuts a text to Excel's limit, reporting the cut into `warnings` so nothing is lost silently. */
export function limitValidationText(
  text: string | undefined,
  field: keyof typeof VALIDATION_TEXT_LIMITS,
  where: string,
  warnings: string[],
): string | undefined {
  if (text === undefined) return undefined;
  const limit = VALIDATION_TEXT_LIMITS[field];
  if (text.length <= limit) return text;
  warnings.push(`${where}: текст «${text.slice(0, 20)}…» длиннее ${limit} знаков, сокращен.`);
  return text.slice(0, limit - 1) + "…";
}
