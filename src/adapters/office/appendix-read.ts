/**
 * Reading the workbook for the appendix, the summary and the publication: every sheet except the ones we generate (the
 * previous appendix would double the text) and the check's marks grid (very hidden, up to a whole register's cells of
 * 1s and 2s), hidden ones included (the settings and the approved register live there), in full, as display text.
 *
 * Round trips: one lists the sheets and names, one loads the used ranges' sizes, then the text is packed into requests of
 * `maxRequestBytes` (40 bytes a cell assumed):
 *   syncs = 2 + ceil(usedCells × 40 / maxRequestBytes)
 * so a register of 20 rows and one of 2,000 take the same three; only megabytes add round trips.
 */
import type { SheetText } from "../../core/register-types";
import { CHECK_MARKS_SHEET_NAME } from "../../core/check-marks";
import { isGeneratedSheetName, sameSheetName } from "../../core/sheet-names";
import { ASSUMED_BYTES_PER_CELL, DEFAULT_READ_REQUEST_BYTES, packPieces, type Piece } from "./read-sheets";
import { supportsFromOptions, type KnownWorkbook, type RenderOptions } from "./render-layout";

export interface AppendixWorkbookRead {
  /** The sheets the core plans from, in tab order; generated sheets are left out. */
  sheets: SheetText[];
  /** Every sheet and workbook name, for rendering without another lookup. */
  known: KnownWorkbook;
  syncs: number;
}

export async function readAppendixWorkbook(
  context: Excel.RequestContext,
  options: Pick<RenderOptions, "supports" | "apiLevel" | "maxRequestBytes"> = {},
): Promise<AppendixWorkbookRead> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/position,items/visibility");
  const names = supportsFromOptions(options)("1.4") ? context.workbook.names : null;
  names?.load("items/name");
  await sync();
  const known: KnownWorkbook = {
    sheets: worksheets.items.map((ws) => ({ name: ws.name, position: ws.position, visibility: ws.visibility })),
    names: names ? names.items.map((item) => item.name) : [],
  };

  const used = worksheets.items
    .filter((ws) => !isGeneratedSheetName(ws.name) && !sameSheetName(ws.name, CHECK_MARKS_SHEET_NAME))
    .map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
      return { ws, range };
    });
  await sync();

  const present = used.filter(({ range }) => !range.isNullObject);
  const texts = present.map(({ range }) => Array.from({ length: range.rowCount }, () => Array<string>(range.columnCount).fill("")));
  const pieces: Piece[] = present.map(({ range }, sheet) => ({ sheet, row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount }));
  const budgetCells = Math.max(1, Math.floor((options.maxRequestBytes ?? DEFAULT_READ_REQUEST_BYTES) / ASSUMED_BYTES_PER_CELL));
  // The budget assumes 40 bytes a cell; long Cyrillic texts take several times that, and Excel on the web refuses a
  // response over 5 MB (ResponsePayloadSizeLimitExceeded, nothing read): such a request is read again in halves.
  const read = async (request: Piece[]): Promise<void> => {
    const loaded = request.map((piece) => {
      const range = present[piece.sheet].ws.getRangeByIndexes(piece.row, piece.col, piece.rows, piece.cols);
      range.load("text");
      return { piece, range };
    });
    try {
      await sync();
    } catch (error) {
      const halves = halve(request);
      if ((error as { code?: string })?.code !== "ResponsePayloadSizeLimitExceeded" || !halves) throw error;
      for (const half of halves) await read(half);
      return;
    }
    for (const { piece, range } of loaded) {
      const top = present[piece.sheet].range.rowIndex;
      range.text.forEach((row, r) => (texts[piece.sheet][piece.row - top + r] = row));
    }
  };
  for (const request of packPieces(pieces, budgetCells)) await read(request);

  const byName = new Map(present.map(({ ws, range }, i) => [ws.name, { range, text: texts[i] }]));
  const sheets = used.map(({ ws }): SheetText => {
    const found = byName.get(ws.name);
    if (!found) return { name: ws.name, rows: [] };
    const leading = Array<string>(found.range.columnIndex).fill("");
    const rows: string[][] = Array.from({ length: found.range.rowIndex }, () => []);
    for (const row of found.text) rows.push(found.range.columnIndex ? leading.concat(row) : row);
    return { name: ws.name, rows };
  });
  return { sheets, known, syncs };
}

/** Two smaller requests covering the same cells, or null for a single row that cannot be split. */
function halve(request: Piece[]): [Piece[], Piece[]] | null {
  if (request.length > 1) return [request.slice(0, Math.ceil(request.length / 2)), request.slice(Math.ceil(request.length / 2))];
  const [piece] = request;
  if (!piece || piece.rows < 2) return null;
  const top = Math.ceil(piece.rows / 2);
  return [[{ ...piece, rows: top }], [{ ...piece, row: piece.row + top, rows: piece.rows - top }]];
}
