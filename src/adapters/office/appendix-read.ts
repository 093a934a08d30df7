/**
 * Reading the workbook for the appendix, the summary and the publication: every sheet except the ones we generate (the
 * previous appendix would double the text) and the check's marks grid (very hidden, up to a whole register's cells of
 * 1s and 2s), hidden ones included (the settings and the approved register live there), in full, as display text.
 *
 * Round trips: one lists the sheets and names; one loads every sheet's used range with the text of a window of it (the
 * request's budget shared among the sheets); only what lies outside the windows is read in further requests:
 *   syncs = 2 + ceil(cells outside the windows / budget cells)
 * The budget is Excel's limit per read: 5,000,000 cells on the desktop; on Excel on the web (and an unknown host) also
 * 5 MB of response, `maxRequestBytes` at 40 bytes a cell. So a register of 20 rows and one of 2,000 take the same two.
 */
import type { SheetText } from "../../core/register-types";
import { CHECK_MARKS_SHEET_NAME } from "../../core/sheet-names";
import { isGeneratedSheetName, sameSheetName } from "../../core/sheet-names";
import { ASSUMED_BYTES_PER_CELL, DEFAULT_READ_REQUEST_BYTES, readListedSheets } from "./read-sheets";
import { supportsFromOptions } from "./host";
import type { KnownWorkbook, RenderOptions } from "./render-layout";
import { countingSync } from "./counting-sync";
import { READ_CELLS_PER_REQUEST, hostPlatform, readBudget, type HostPlatform } from "./read-budget";

export interface AppendixWorkbookRead {
  /** The sheets the core plans from, in tab order; generated sheets are left out. */
  sheets: SheetText[];
  /** Every sheet and workbook name, for rendering without another lookup. */
  known: KnownWorkbook;
  syncs: number;
}

export type AppendixReadOptions = Pick<RenderOptions, "supports" | "apiLevel" | "maxRequestBytes"> & {
  /** "PC", "Mac", "OfficeOnline"…; Office's own when not given. */
  platform?: HostPlatform;
  /** Generated sheets to read all the same (the due-date screen needs the merge report's units table). */
  alsoRead?: readonly string[];
};

export async function readAppendixWorkbook(context: Excel.RequestContext, options: AppendixReadOptions = {}): Promise<AppendixWorkbookRead> {
  const sync = countingSync(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/position,items/visibility");
  const names = supportsFromOptions(options)("1.4") ? context.workbook.names : null;
  names?.load("items/name");
  await sync();
  const known: KnownWorkbook = {
    sheets: worksheets.items.map((ws) => ({ name: ws.name, position: ws.position, visibility: ws.visibility })),
    names: names ? names.items.map((item) => item.name) : [],
  };

  const wanted = (name: string) => (options.alsoRead ?? []).some((other) => sameSheetName(other, name));
  const chosen = worksheets.items.filter((ws) => (wanted(ws.name) || !isGeneratedSheetName(ws.name)) && !sameSheetName(ws.name, CHECK_MARKS_SHEET_NAME));
  const budget = readBudget(options.platform ?? hostPlatform(), options.maxRequestBytes);
  const budgetCells = Number.isFinite(budget.bytes)
    ? Math.max(1, Math.floor((budget.bytes || DEFAULT_READ_REQUEST_BYTES) / ASSUMED_BYTES_PER_CELL))
    : READ_CELLS_PER_REQUEST;
  const read = await readListedSheets(context, chosen, budgetCells);
  return { sheets: read.sheets, known, syncs: sync.count + read.syncs };
}

