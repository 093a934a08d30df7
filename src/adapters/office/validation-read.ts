/**
 * Reading the workbook for a check (README, «Checking the register: round trips») in as few round trips as the size allows.
 *
 * Round trip 1 asks for everything at once: the settings block of the reference sheet, a window of the template sheet,
 * the list of sheets, the active sheet's name, its used range and a large text window of it, and the workbook's names
 * (where the marks remember their state). The register is the active sheet when it holds one, else the template sheet.
 * Rows past the first window are read in chunks sized to the budget:
 *   read syncs = 1 + ceil(bytes outside the first window / chunk budget)
 * where the budget is Excel's limit per request: 5,000,000 cells on the desktop; on Excel on the web also 5 MB of
 * response. There each chunk aims at 90 % of it, sized by the bytes per cell measured on what was read just before
 * (the first window, then each chunk), so the chunk count is the payload's floor; a chunk the host still refuses is
 * read again in halves (one more sync, never an error).
 *
 * Two cases cost more, said here so nobody is surprised:
 * - the reference sheet or the template sheet does not exist (a workbook not made by the add-in): addressing a missing
 *   sheet fails the whole request (chaining on a null object fails too), so round trip 1 is repeated without them and
 *   the ones that exist are read in one more request: +1 or +2;
 * - neither the active sheet nor the template sheet holds a register: every visible sheet is read
 *   (readSheetsTextWithReport: 2 + chunks).
 */
import { parseMarkedSheets, type MarkedSheet } from "../../core/check-marks";
import { columnLetters } from "../../core/layout/cells";
import { REFERENCE_SHEET_NAME } from "../../core/layout/reference-sheet";
import { REGISTER_SHEET_NAME } from "../../core/layout/template";
import { HEADER_SEARCH_ROWS, findRegister } from "../../core/read-register";
import type { RegisterTable, SheetText } from "../../core/register-types";
import { DEFAULT_SETTINGS, findSettingsPairs, settingsFromPairs, type Settings } from "../../core/settings";
import { isGeneratedSheetName, sameSheetName } from "../../core/sheet-names";
import { packPieces, readSheetsTextWithReport, type Piece } from "./read-sheets";
import { countingSync } from "./counting-sync";

export { READ_CELLS_PER_REQUEST, WEB_CHUNK_BYTES, WEB_REQUEST_BYTES, hostPlatform, readBudget, type HostPlatform, type ReadBudget } from "./read-budget";
import { type ReadBudget } from "./read-budget";

/** Measured bytes per cell are raised by this much for the next chunk (its rows may be a little longer). */
const MEASURED_SAFETY = 1.03;
/** Assumed for the first window only; later chunks use the bytes per cell measured on it. */
const FIRST_WINDOW_BYTES_PER_CELL = 100;
const WINDOW_COLUMNS = 32;
/** The template sheet's window when it is not the active one: its prepared rows (a new template has 2,000). */
const TEMPLATE_WINDOW_ROWS = 2_000;
/** The settings block and the lists of the reference sheet lie within this window. */
const REFERENCE_WINDOW_ROWS = 200;
const REFERENCE_WINDOW = `A1:${columnLetters(WINDOW_COLUMNS)}${REFERENCE_WINDOW_ROWS}`;

/**
 * Sheets the add-in writes that are never the register (the consolidated register «Сводный реестр» may be checked): the
 * generated ones, the reference sheet, and "_…" helpers (the marks grid, the approved register).
 */
export function mayHoldRegister(name: string): boolean {
  return !name.startsWith("_") && !isGeneratedSheetName(name) && !sameSheetName(name, REFERENCE_SHEET_NAME);
}

function cellsFor(budget: ReadBudget, bytesPerCell: number): number {
  return Math.max(WINDOW_COLUMNS, Math.min(budget.cells, Math.floor(budget.bytes / bytesPerCell)));
}

/** UTF-8 bytes of texts as JSON carries them. */
export function textBytes(rows: readonly (readonly string[])[]): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 2;
    for (const text of row) {
      bytes += 3;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        bytes += code < 0x80 ? (code === 0x22 || code === 0x5c ? 2 : 1) : code < 0x800 ? 2 : 3;
      }
    }
  }
  return bytes;
}

interface UsedBox {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** A sheet's used range and the part of it inside a window, as queued. */
interface QueuedWindow {
  used: Excel.Range;
  window: Excel.Range;
}

function queueWindow(sheet: Excel.Worksheet, address: string): QueuedWindow {
  // getUsedRange (not …OrNullObject): a blank sheet gives A1, so the window can be chained in the same request.
  const used = sheet.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const window = used.getIntersectionOrNullObject(address);
  window.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount,text");
  return { used, window };
}

/** A read sheet: display text aligned to row 1 / column A, the used box, and how far the text was read. */
interface PartialSheet {
  name: string;
  rows: string[][];
  used: UsedBox;
  /** Rows (0-based, exclusive) and columns read from the top of the used range. */
  readBottom: number;
  readRight: number;
  /** Measured bytes per cell of what was read. */
  bytesPerCell: number;
}

/** `measureBytesPerCell` only where responses are limited in bytes (the web): measuring costs a pass over the text. */
function partialSheet(name: string, queued: QueuedWindow, measureBytesPerCell: boolean): PartialSheet {
  const used: UsedBox = { top: queued.used.rowIndex, left: queued.used.columnIndex, rows: queued.used.rowCount, cols: queued.used.columnCount };
  const rows: string[][] = [];
  for (let r = 0; r < used.top + used.rows; r++) rows.push([]);
  const window = queued.window;
  if (window.isNullObject) return { name, rows: [], used, readBottom: used.top, readRight: used.left, bytesPerCell: FIRST_WINDOW_BYTES_PER_CELL };
  const text = window.text;
  text.forEach((values, r) => {
    if (window.columnIndex === 0) rows[window.rowIndex + r] = values;
    else {
      const target = rows[window.rowIndex + r];
      values.forEach((value, c) => (target[window.columnIndex + c] = value));
    }
  });
  const blank = used.rows === 1 && used.cols === 1 && text[0]?.[0] === "";
  return {
    name,
    rows: blank ? [] : rows,
    used,
    readBottom: window.rowIndex + window.rowCount,
    readRight: window.columnIndex + window.columnCount,
    bytesPerCell: measureBytesPerCell ? Math.max(8, textBytes(text) / Math.max(1, window.rowCount * window.columnCount)) : FIRST_WINDOW_BYTES_PER_CELL,
  };
}

/** The read text as a SheetText. Cells never read stay holes: the core's readers take a missing cell for "". */
function asSheetText(sheet: PartialSheet): SheetText {
  return { name: sheet.name, rows: sheet.rows };
}

/** What is left of a sheet after its window (pieces of the one sheet read: `sheet` is 0). */
function remainingPieces(sheet: PartialSheet): Piece[] {
  const { top, left, rows, cols } = sheet.used;
  const bottom = top + rows;
  const right = left + cols;
  const pieces: Piece[] = [];
  if (sheet.rows.length === 0 && rows * cols > 1) return [{ sheet: 0, row: top, col: left, rows, cols }];
  if (sheet.readBottom < bottom) pieces.push({ sheet: 0, row: sheet.readBottom, col: left, rows: bottom - sheet.readBottom, cols });
  if (sheet.readRight < right) pieces.push({ sheet: 0, row: top, col: sheet.readRight, rows: sheet.readBottom - top, cols: right - sheet.readRight });
  return pieces.filter((p) => p.rows > 0 && p.cols > 0);
}

function a1(piece: Piece): string {
  return `${columnLetters(piece.col + 1)}${piece.row + 1}:${columnLetters(piece.col + piece.cols)}${piece.row + piece.rows}`;
}

/** Reads the rest of a sheet in chunks; returns the syncs spent and the bytes of text each chunk brought. */
async function readRemainder(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  sheet: PartialSheet,
  budget: ReadBudget,
): Promise<{ syncs: number; chunkBytes: number[] }> {
  const pieces = remainingPieces(sheet);
  const chunkBytes: number[] = [];
  if (pieces.length === 0) return { syncs: 0, chunkBytes };
  if (sheet.rows.length === 0) for (let r = 0; r < sheet.used.top + sheet.used.rows; r++) sheet.rows.push([]);
  let syncs = 0;
  if (!Number.isFinite(budget.chunkBytes)) {
    // The desktop limits cells only: whole pieces packed into requests of the cell budget.
    for (const request of packPieces(pieces, budget.cells)) {
      const ranges = request.map((piece) => ({ piece, range: worksheet.getRange(a1(piece)).load("text") }));
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- chunks past the budget: grows with megabytes, not rows
      await context.sync();
      for (const { piece, range } of ranges) placeText(sheet, piece, range.text);
    }
    return { syncs, chunkBytes };
  }
  // The web: each chunk sized to the chunk budget by the bytes per cell of what was read just before.
  let bytesPerCell = sheet.bytesPerCell * MEASURED_SAFETY;
  for (const piece of pieces) {
    let row = piece.row;
    let remaining = piece.rows;
    while (remaining > 0) {
      const byBytes = Math.floor(budget.chunkBytes / (bytesPerCell * piece.cols));
      let rows = Math.max(1, Math.min(remaining, byBytes, Math.floor(budget.cells / piece.cols)));
      for (;;) {
        const chunk: Piece = { ...piece, row, rows };
        const range = worksheet.getRange(a1(chunk)).load("text");
        syncs++;
        try {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- chunks past the budget: grows with megabytes, not rows
          await context.sync();
        } catch (error) {
          // Longer texts than measured: the same rows again in halves.
          if (officeCode(error) !== "ResponsePayloadSizeLimitExceeded" || rows === 1) throw error;
          rows = Math.ceil(rows / 2);
          continue;
        }
        placeText(sheet, chunk, range.text);
        const bytes = textBytes(range.text);
        chunkBytes.push(bytes);
        bytesPerCell = Math.max(8, (bytes / (rows * piece.cols)) * MEASURED_SAFETY);
        break;
      }
      row += rows;
      remaining -= rows;
    }
  }
  return { syncs, chunkBytes };
}

function placeText(sheet: PartialSheet, piece: Piece, text: string[][]): void {
  text.forEach((values, r) => {
    const target = sheet.rows[piece.row + r];
    values.forEach((value, c) => (target[piece.col + c] = value));
  });
}

export interface CheckRead {
  sheets: { name: string; visibility: string }[];
  activeSheet: string;
  settings: Settings;
  /** The register's sheet, read whole (display text). */
  source: SheetText | null;
  table: RegisterTable | null;
  /** Sheets that already carry our conditional formats (from the workbook's names). */
  markedSheets: MarkedSheet[];
  syncs: number;
  /** Bytes of text each read after the first request brought (the web's chunks). */
  chunkBytes: number[];
}

function officeCode(error: unknown): string {
  const candidate = error as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  return String(candidate?.code ?? candidate?.debugInfo?.code ?? "");
}

interface FirstRequest {
  worksheets: Excel.WorksheetCollection;
  active: Excel.Worksheet;
  activeWindow: QueuedWindow;
  names: Excel.NamedItemCollection;
  reference?: QueuedWindow;
  template?: QueuedWindow;
}

function queueFirstRequest(context: Excel.RequestContext, budget: ReadBudget, speculative: boolean): FirstRequest {
  const worksheets = context.workbook.worksheets;
  const cells = cellsFor(budget, FIRST_WINDOW_BYTES_PER_CELL);
  const templateRows = Math.max(HEADER_SEARCH_ROWS + 10, Math.min(TEMPLATE_WINDOW_ROWS, Math.floor((cells * 0.2) / WINDOW_COLUMNS)));
  const activeRows = Math.max(HEADER_SEARCH_ROWS + 10, Math.floor(cells / WINDOW_COLUMNS) - templateRows - REFERENCE_WINDOW_ROWS);
  const lastColumn = columnLetters(WINDOW_COLUMNS);
  // The guesses go first: when one of the sheets is missing the request fails before anything heavy was read.
  const reference = speculative ? queueWindow(worksheets.getItem(REFERENCE_SHEET_NAME), REFERENCE_WINDOW) : undefined;
  const template = speculative ? queueWindow(worksheets.getItem(REGISTER_SHEET_NAME), `A1:${lastColumn}${templateRows}`) : undefined;
  worksheets.load("items/name,items/visibility");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const activeWindow = queueWindow(active, `A1:${lastColumn}${activeRows}`);
  const names = context.workbook.names;
  names.load("items/name,items/value");
  return { worksheets, active, activeWindow, names, reference, template };
}

function headerOnly(sheet: SheetText): SheetText {
  return { name: sheet.name, rows: sheet.rows.slice(0, HEADER_SEARCH_ROWS) };
}

function settingsOf(reference: PartialSheet | null): Settings {
  if (!reference) return { ...DEFAULT_SETTINGS };
  const pairs = findSettingsPairs(asSheetText(reference));
  return pairs.length ? settingsFromPairs(pairs) : { ...DEFAULT_SETTINGS };
}

/** Reads what a check needs; `source`/`table` are null when the workbook holds no register. */
export async function readForCheck(context: Excel.RequestContext, budget: ReadBudget): Promise<CheckRead> {
  const sync = countingSync(context);
  let first = queueFirstRequest(context, budget, true);
  try {
    await sync();
  } catch (error) {
    if (officeCode(error) !== "ItemNotFound") throw error;
    first = queueFirstRequest(context, budget, false);
    await sync();
  }
  const measure = Number.isFinite(budget.bytes);
  const sheets = first.worksheets.items.map((ws) => ({ name: ws.name, visibility: String(ws.visibility) }));
  const activeName = first.active.name;
  const markedSheets = parseMarkedSheets(first.names.items.map((item) => ({ name: item.name, value: item.value })));
  const active = partialSheet(activeName, first.activeWindow, measure);
  const activeHolds = mayHoldRegister(activeName) && findRegister([headerOnly(asSheetText(active))]) !== null;
  const exists = (name: string) => sheets.some((s) => sameSheetName(s.name, name));
  const templateIsActive = sameSheetName(activeName, REGISTER_SHEET_NAME);

  let reference = first.reference ? partialSheet(REFERENCE_SHEET_NAME, first.reference, false) : null;
  let template = first.template ? partialSheet(REGISTER_SHEET_NAME, first.template, measure) : null;
  if (!first.reference) {
    // The speculative request failed: read the sheets of ours that do exist.
    const needReference = exists(REFERENCE_SHEET_NAME);
    const needTemplate = !activeHolds && !templateIsActive && exists(REGISTER_SHEET_NAME);
    const worksheets = context.workbook.worksheets;
    const referenceQueued = needReference ? queueWindow(worksheets.getItem(REFERENCE_SHEET_NAME), REFERENCE_WINDOW) : null;
    const templateQueued = needTemplate ? queueWindow(worksheets.getItem(REGISTER_SHEET_NAME), `A1:${columnLetters(WINDOW_COLUMNS)}${TEMPLATE_WINDOW_ROWS}`) : null;
    if (referenceQueued || templateQueued) await sync();
    reference = referenceQueued ? partialSheet(REFERENCE_SHEET_NAME, referenceQueued, false) : null;
    template = templateQueued ? partialSheet(REGISTER_SHEET_NAME, templateQueued, measure) : null;
  }
  const settings = settingsOf(reference);

  let chosen: PartialSheet | null = null;
  if (activeHolds) chosen = active;
  else if (template && !templateIsActive && findRegister([headerOnly(asSheetText(template))])) chosen = template;

  if (chosen) {
    const remainder = await readRemainder(context, context.workbook.worksheets.getItem(chosen.name), chosen, budget);
    sync.count += remainder.syncs;
    const source = asSheetText(chosen);
    const table = findRegister([source]);
    if (table) return { sheets, activeSheet: activeName, settings, source, table, markedSheets, syncs: sync.count, chunkBytes: remainder.chunkBytes };
  }

  // Neither the active nor the template sheet: every visible sheet the add-in did not write.
  const visible = sheets.filter((s) => s.visibility === "Visible" && mayHoldRegister(s.name)).map((s) => s.name);
  if (visible.length === 0) return { sheets, activeSheet: activeName, settings, source: null, table: null, markedSheets, syncs: sync.count, chunkBytes: [] };
  const report = await readSheetsTextWithReport(context, { sheetNames: visible, maxRequestBytes: Number.isFinite(budget.bytes) ? budget.bytes : undefined });
  sync.count += report.syncs;
  const table = findRegister(report.sheets);
  const source = table ? report.sheets.find((s) => s.name === table.sheet) ?? null : null;
  return { sheets, activeSheet: activeName, settings, source, table, markedSheets, syncs: sync.count, chunkBytes: [] };
}
