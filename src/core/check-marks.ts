/**
 * How a check marks problem cells in the workbook, as data (README, «Checking the register»); `adapters/office/validation-marks.ts` writes it.
 *
 * A very hidden helper sheet holds a mark grid at the same addresses as the register sheet's cells (1 = error,
 * 2 = warning); its A1 names the sheet the marks belong to (issues never fall on row 1: data rows lie below a header).
 * The register sheet gets two conditional formats of our own, once, that colour a cell when the grid says so. A new check
 * only rewrites the grid, and clearing the grid makes them invisible: the user's own formatting is never touched, and
 * removing the marks is exact.
 *
 * Why not one conditional format per problem cell, found again by a marker in its formula: Office.js cannot load
 * `items/custom/rule/formula` of a sheet that also has conditional formats of other types (office-js issue #2180, which
 * the simulator reproduces), so ours could not be told apart without an extra round trip; and thousands of conditional
 * formats slow Excel down.
 */
import type { RegisterIssue, RegisterTable } from "./register-types";
import { columnLetters } from "./layout/cells";
import { CHECK_MARKS_SHEET_NAME, sameSheetName } from "./sheet-names";

export { CHECK_MARKS_SHEET_NAME };

/**
 * Workbook names (hidden) that remember which sheets already have our two conditional formats: «_ОтметкиПроверки_1» =
 * "5|Реестр процессов" (first data row | sheet). Names, not cells of the helper sheet: they are loaded in the check's
 * read request without addressing a sheet that may not exist yet.
 */
export const MARKED_SHEET_NAME_PREFIX = "_ОтметкиПроверки_";

export const MARK_ERROR = 1;
export const MARK_WARNING = 2;
export type MarkValue = typeof MARK_ERROR | typeof MARK_WARNING;

/** Excel's "bad" and "neutral" cell styles. */
export const MARK_STYLES: Record<MarkValue, { fill: string; fontColor: string }> = {
  [MARK_ERROR]: { fill: "#FFC7CE", fontColor: "#9C0006" },
  [MARK_WARNING]: { fill: "#FFEB9C", fontColor: "#9C5700" },
};

const LAST_ROW = 1_048_576;

/** 'Sheet name' for a formula, apostrophes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A string literal for a formula, quotes doubled. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The conditional format's formula on `sheet`: the helper grid names this sheet and holds `mark` at this very cell. */
export function markFormula(sheet: string, mark: MarkValue): string {
  const helper = quoteSheetName(CHECK_MARKS_SHEET_NAME);
  // INDEX over the whole helper sheet with ROW()/COLUMN(): every column the register may use is covered, and marks stay
  // aligned when the user inserts rows or columns above or left of the register (the range of the format moves, ROW() too).
  return `=AND(${helper}!$A$1=${formulaString(sheet)},INDEX(${helper}!$1:$${LAST_ROW},ROW(),COLUMN())=${mark})`;
}

/** Whole rows from the first data row down: the register's columns wherever they are, and any it gains later. */
export function markedRowsAddress(firstDataRow: number): string {
  return `${firstDataRow}:${LAST_ROW}`;
}

export interface MarkedSheet {
  /** The workbook name that records it. */
  name: string;
  sheet: string;
  firstDataRow: number;
}

/** Formula of the workbook name recording a sheet: a string constant (≤ 255 characters; sheet names have ≤ 31). */
export function markedSheetFormula(sheet: string, firstDataRow: number): string {
  return `=${formulaString(`${firstDataRow}|${sheet}`)}`;
}

/** Our records among the workbook's names (name and value as Office.js loads them). */
export function parseMarkedSheets(names: readonly { name: string; value: unknown }[]): MarkedSheet[] {
  const records: MarkedSheet[] = [];
  for (const item of names) {
    if (!item.name.startsWith(MARKED_SHEET_NAME_PREFIX)) continue;
    // Hosts give a string constant's value either as the text or as its formula ="…" (quotes doubled).
    const raw = String(item.value ?? "");
    const quoted = /^="(.*)"$/s.exec(raw);
    const text = quoted ? quoted[1].replace(/""/g, '"') : raw;
    const match = /^(\d+)\|(.+)$/.exec(text);
    if (match) records.push({ name: item.name, sheet: match[2], firstDataRow: Number(match[1]) });
  }
  return records;
}

/** The next free record name. */
export function nextMarkedSheetName(records: readonly { name: string }[]): string {
  let max = 0;
  for (const record of records) {
    const n = Number(record.name.slice(MARKED_SHEET_NAME_PREFIX.length));
    if (Number.isInteger(n)) max = Math.max(max, n);
  }
  return `${MARKED_SHEET_NAME_PREFIX}${max + 1}`;
}

/** Whether `sheet` already has formats covering rows from `firstDataRow` (sheet names compare as Excel does). */
export function isSheetEquipped(records: readonly MarkedSheet[], sheet: string, firstDataRow: number): boolean {
  return records.some((record) => sameSheetName(record.sheet, sheet) && record.firstDataRow <= firstDataRow);
}

export interface CellMark {
  /** Sheet row, 1-based. */
  row: number;
  /** 0-based sheet column. */
  sheetColumn: number;
  mark: MarkValue;
}

/** One mark per problem cell (an error outranks a warning); issues of a column missing from the table have no cell. */
export function cellMarks(issues: readonly RegisterIssue[], table: RegisterTable): CellMark[] {
  // A number per cell (Excel has 16,384 columns), not a string: 150,000 issues made as many strings before.
  const byCell = new Map<number, CellMark>();
  for (const issue of issues) {
    const sheetColumn = table.columnMap[issue.column - 1];
    if (sheetColumn === null || sheetColumn === undefined || issue.row <= 1) continue;
    const key = issue.row * 16_384 + sheetColumn;
    const mark: MarkValue = issue.severity === "error" ? MARK_ERROR : MARK_WARNING;
    const known = byCell.get(key);
    if (!known) byCell.set(key, { row: issue.row, sheetColumn, mark });
    else if (mark === MARK_ERROR) known.mark = MARK_ERROR;
  }
  return [...byCell.values()].sort((a, b) => a.sheetColumn - b.sheetColumn || a.row - b.row);
}

/** A rectangle of the helper grid to write: values 1, 2 or "" (blank). */
export interface MarkBlock {
  address: string;
  values: (number | string)[][];
  /** Estimated request bytes (values plus the range's path). */
  bytes: number;
}

/** Request bytes an Office.js range write costs beyond its values (object path, address, property name). */
const BLOCK_OVERHEAD_BYTES = 200;

function blockBytes(values: (number | string)[][]): number {
  let bytes = BLOCK_OVERHEAD_BYTES + 2;
  for (const row of values) {
    bytes += 2;
    for (const value of row) bytes += value === "" ? 3 : 2;
  }
  return bytes;
}

function block(row: number, col: number, values: (number | string)[][]): MarkBlock {
  const rows = values.length;
  const cols = values[0].length;
  const address = `${columnLetters(col + 1)}${row}:${columnLetters(col + cols)}${row + rows - 1}`;
  return { address, values, bytes: blockBytes(values) };
}

/** Vertical runs: consecutive marked rows of one column are one write. */
function runBlocks(marks: readonly CellMark[]): MarkBlock[] {
  const blocks: MarkBlock[] = [];
  let start = 0;
  for (let i = 1; i <= marks.length; i++) {
    const previous = marks[i - 1];
    const current = marks[i];
    if (current && current.sheetColumn === previous.sheetColumn && current.row === previous.row + 1) continue;
    const run = marks.slice(start, i);
    blocks.push(block(run[0].row, run[0].sheetColumn, run.map((m) => [m.mark])));
    start = i;
  }
  return blocks;
}

/** One dense rectangle over all marks (blanks written as ""), split into row bands of at most `maxBytes`. */
function denseBlocks(marks: readonly CellMark[], maxBytes: number): MarkBlock[] {
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const m of marks) {
    top = Math.min(top, m.row);
    bottom = Math.max(bottom, m.row);
    left = Math.min(left, m.sheetColumn);
    right = Math.max(right, m.sheetColumn);
  }
  const width = right - left + 1;
  const grid: (number | string)[][] = Array.from({ length: bottom - top + 1 }, () => new Array<number | string>(width).fill(""));
  for (const m of marks) grid[m.row - top][m.sheetColumn - left] = m.mark;
  const rowBytes = 2 + width * 3;
  const bandRows = Math.max(1, Math.floor((maxBytes - BLOCK_OVERHEAD_BYTES) / rowBytes));
  const blocks: MarkBlock[] = [];
  for (let r = 0; r < grid.length; r += bandRows) blocks.push(block(top + r, left, grid.slice(r, r + bandRows)));
  return blocks;
}

export interface MarkWritePlan {
  /** Writes grouped into requests of at most `maxBytes` each (the first request also carries the fixed work). */
  requests: MarkBlock[][];
  mode: "runs" | "dense";
  bytes: number;
}

/**
 * The grid writes for these marks: vertical runs or one dense rectangle, whichever the request bytes favour (scattered
 * marks → runs; marks on most rows → the rectangle), packed into requests of at most `maxBytes`.
 */
export function planMarkWrites(marks: readonly CellMark[], maxBytes: number, firstRequestReserve = 0): MarkWritePlan {
  if (marks.length === 0) return { requests: [[]], mode: "runs", bytes: 0 };
  const runs = runBlocks(marks);
  const runBytes = runs.reduce((sum, b) => sum + b.bytes, 0);
  const rows = new Set(marks.map((m) => m.row));
  const columns = new Set(marks.map((m) => m.sheetColumn));
  const denseEstimate = BLOCK_OVERHEAD_BYTES + (Math.max(...rows) - Math.min(...rows) + 1) * (2 + (Math.max(...columns) - Math.min(...columns) + 1) * 3);
  const mode = denseEstimate < runBytes ? "dense" : "runs";
  const blocks = mode === "dense" ? denseBlocks(marks, maxBytes) : runs;
  const requests: MarkBlock[][] = [[]];
  let used = firstRequestReserve;
  for (const item of blocks) {
    if (used + item.bytes > maxBytes && requests[requests.length - 1].length > 0) {
      requests.push([]);
      used = 0;
    }
    requests[requests.length - 1].push(item);
    used += item.bytes;
  }
  return { requests, mode, bytes: blocks.reduce((sum, b) => sum + b.bytes, 0) };
}

