/**
 * Decisions both layout renderers must make identically: which number format a cell gets, how A1 ranges
 * map to indexes, how wide a column is in points, how tall a wrapped row should be, what Excel's limits are.
 */
import type { CellBlock, CellStyle, LayoutValue, SheetLayout } from "./types";

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

export function columnLetters(column: number): string {
  let letters = "";
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
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

export function a1Address(box: RangeBox): string {
  const start = `${columnLetters(box.left)}${box.top}`;
  return box.top === box.bottom && box.left === box.right ? start : `${start}:${columnLetters(box.right)}${box.bottom}`;
}

/** Excel's default column width (characters of the default font's digit). */
export const DEFAULT_COLUMN_WIDTH_CHARS = 8.43;

/**
 * Office.js sets column widths in points; files and Excel's UI use characters. With the default Calibri 11
 * a digit is 7 px wide and Excel adds 5 px of padding: px = chars × 7 + 5, pt = px × 0.75.
 * So 8.43 characters = 64 px = 48 pt, Excel's default. The simulator converts back with `columnWidthChars`.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function columnWidthChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

/** Line height in points for a font size, as Excel lays out wrapped text (Calibri 11 → 15 pt). */
export function lineHeightPoints(fontSize: number): number {
  return Math.round(fontSize * 1.36 * 4) / 4;
}

/** Lines a text needs in a column of `widthChars`, breaking at spaces like Excel does. */
export function wrappedLineCount(text: string, widthChars: number, fontSize = 11): number {
  // Cyrillic letters are a little wider than digits; bold/larger fonts scale the count.
  const capacity = Math.max(1, Math.floor((widthChars * 11) / fontSize / 1.1));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let current = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (current === 0) {
        paragraphLines += Math.floor(Math.max(0, length - 1) / capacity);
        current = length % capacity || capacity;
      } else if (current + 1 + length <= capacity) {
        current += 1 + length;
      } else {
        paragraphLines += 1 + Math.floor(Math.max(0, length - 1) / capacity);
        current = length % capacity || capacity;
      }
    }
    lines += paragraphLines;
  }
  return Math.max(1, lines);
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
  warnings.push(`${where}: текст «${text.slice(0, 20)}…» длиннее ${limit} знаков, сокращён.`);
  return text.slice(0, limit - 1) + "…";
}
