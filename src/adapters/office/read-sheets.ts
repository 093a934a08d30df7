/**
 * Reads sheets as the user sees them (`Range.text`: numbers and dates as displayed) into `SheetText`.
 *
 * Round trips: one sync lists the sheets; one sync loads every chosen sheet's used range together with its text
 * inside a window of `floor(budgetCells / sheets)` cells (budgetCells = maxRequestBytes / 40 bytes per cell, 32 columns
 * wide). A sheet that does not fit its window is read in row chunks:
 *   syncs = 2 + ceil(cellsOutsideWindows × 40 / maxRequestBytes)
 * so round trips grow with megabytes, never with rows of a sheet that fits.
 */
import type { SheetText } from "../../core/register-types";
import { countingSync } from "./counting-sync";

export interface ReadSheetsOptions {
  /** Sheets to read, in this order; missing ones are left out. Default: every sheet. */
  sheetNames?: string[];
  /** Include hidden and very hidden sheets when `sheetNames` is not given. Default false. */
  includeHidden?: boolean;
  /** Refuse sheets with more used cells than this (a clear error instead of freezing the host). */
  maxCells?: number;
  maxRequestBytes?: number;
}

export interface ReadSheetsReport {
  sheets: SheetText[];
  syncs: number;
}

export const DEFAULT_READ_REQUEST_BYTES = 4_000_000;
/** Assumed JSON bytes per cell of text: register cells are long Cyrillic texts (2 bytes a letter). */
export const ASSUMED_BYTES_PER_CELL = 40;
/** Registers have 15 columns plus a few extra; wider sheets read their far columns in a later chunk. */
const WINDOW_COLUMNS = 32;

export interface Piece {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface SheetState {
  name: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
  text: string[][];
}

/** Packs pieces into requests of at most `budgetCells` cells, splitting tall pieces by rows. */
export function packPieces(pieces: Piece[], budgetCells: number): Piece[][] {
  const requests: Piece[][] = [];
  let current: Piece[] = [];
  let used = 0;
  for (const piece of pieces) {
    let row = piece.row;
    let remaining = piece.rows;
    while (remaining > 0) {
      const room = Math.floor((budgetCells - used) / piece.cols);
      if (room <= 0) {
        if (current.length) requests.push(current);
        current = [];
        used = 0;
        // A row wider than the whole budget still goes alone in one request.
        if (Math.floor(budgetCells / piece.cols) <= 0) {
          requests.push([{ ...piece, row, rows: 1 }]);
          row++;
          remaining--;
        }
        continue;
      }
      const take = Math.min(room, remaining);
      current.push({ ...piece, row, rows: take });
      used += take * piece.cols;
      row += take;
      remaining -= take;
    }
  }
  if (current.length) requests.push(current);
  return requests;
}

function place(state: SheetState, row: number, col: number, text: string[][]): void {
  text.forEach((values, r) => {
    const target = state.text[row - state.top + r];
    values.forEach((value, c) => (target[col - state.left + c] = value));
  });
}

/** Reads the chosen sheets' used ranges as display text, rows aligned to sheet row 1 and column A. */
export async function readSheetsTextWithReport(context: Excel.RequestContext, options: ReadSheetsOptions = {}): Promise<ReadSheetsReport> {
  const sync = countingSync(context);
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_READ_REQUEST_BYTES;
  const budgetCells = Math.max(1, Math.floor(maxRequestBytes / ASSUMED_BYTES_PER_CELL));

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await sync();
  const byName = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const chosen = options.sheetNames
    ? options.sheetNames.map((name) => byName.get(name)).filter((ws): ws is Excel.Worksheet => ws !== undefined)
    : worksheets.items.filter((ws) => options.includeHidden || ws.visibility === "Visible");
  const read = await readListedSheets(context, chosen, budgetCells, options.maxCells);
  return { sheets: read.sheets, syncs: sync.count + read.syncs };
}

/**
 * The text of sheets whose proxies the caller already has (their names loaded): one sync for the used ranges and a
 * window of each (the budget shared equally), then requests of `budgetCells` for what lies outside the windows.
 */
export async function readListedSheets(context: Excel.RequestContext, chosen: Excel.Worksheet[], budgetCells: number, maxCells?: number): Promise<ReadSheetsReport> {
  const sync = countingSync(context);
  if (chosen.length === 0) return { sheets: [], syncs: sync.count };

  const windowCells = Math.max(WINDOW_COLUMNS, Math.floor(budgetCells / chosen.length));
  const windowRows = Math.max(1, Math.floor(windowCells / WINDOW_COLUMNS));
  const loaded = chosen.map((ws) => {
    // getUsedRange (not …OrNullObject) returns A1 for a blank sheet, so the window can be chained without a sync.
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const window = used.getIntersectionOrNullObject(ws.getRangeByIndexes(0, 0, windowRows, WINDOW_COLUMNS));
    window.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount,text");
    return { ws, used, window };
  });
  await sync();

  const states: SheetState[] = [];
  const pieces: Piece[] = [];
  loaded.forEach(({ ws, used, window }, index) => {
    const state: SheetState = {
      name: ws.name,
      top: used.rowIndex,
      left: used.columnIndex,
      rows: used.rowCount,
      cols: used.columnCount,
      text: [],
    };
    if (maxCells !== undefined && state.rows * state.cols > maxCells) {
      throw new Error(
        `Лист «${ws.name}» слишком велик: ${state.rows * state.cols} заполненных ячеек при пределе ${maxCells}. Удалите лишнее или разделите лист.`,
      );
    }
    state.text = Array.from({ length: state.rows }, () => Array<string>(state.cols).fill(""));
    const bottom = state.top + state.rows; // exclusive
    const right = state.left + state.cols;
    if (!window.isNullObject) {
      place(state, window.rowIndex, window.columnIndex, window.text);
      // Outside the window: rows below it (all columns), and columns right of it (window rows only).
      const windowBottom = window.rowIndex + window.rowCount;
      const windowRight = window.columnIndex + window.columnCount;
      if (windowBottom < bottom) pieces.push({ sheet: index, row: windowBottom, col: state.left, rows: bottom - windowBottom, cols: state.cols });
      if (windowRight < right) pieces.push({ sheet: index, row: state.top, col: windowRight, rows: windowBottom - state.top, cols: right - windowRight });
    } else {
      pieces.push({ sheet: index, row: state.top, col: state.left, rows: state.rows, cols: state.cols });
    }
    states.push(state);
  });

  for (const request of packPieces(pieces, budgetCells)) {
    const ranges = request.map((piece) => {
      const range = loaded[piece.sheet].ws.getRangeByIndexes(piece.row, piece.col, piece.rows, piece.cols);
      range.load("text");
      return { piece, range };
    });
    await sync();
    for (const { piece, range } of ranges) place(states[piece.sheet], piece.row, piece.col, range.text);
  }

  const sheets = states.map((state): SheetText => {
    const blank = state.rows === 1 && state.cols === 1 && state.text[0][0] === "";
    if (blank) return { name: state.name, rows: [] };
    const leading = Array<string>(state.left).fill("");
    const rows: string[][] = [];
    for (let r = 0; r < state.top; r++) rows.push([]);
    for (const row of state.text) rows.push(state.left ? leading.concat(row) : row);
    return { name: state.name, rows };
  });
  return { sheets, syncs: sync.count };
}

export async function readSheetsText(context: Excel.RequestContext, options: ReadSheetsOptions = {}): Promise<SheetText[]> {
  return (await readSheetsTextWithReport(context, options)).sheets;
}

/** One sheet by name; `null` when the workbook has no such sheet. */
export async function readSheetText(context: Excel.RequestContext, sheetName: string, options: Omit<ReadSheetsOptions, "sheetNames"> = {}): Promise<SheetText | null> {
  const [sheet] = await readSheetsText(context, { ...options, sheetNames: [sheetName] });
  return sheet ?? null;
}
