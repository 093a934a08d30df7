/**
 * Checking the register in Excel (README, «Checking the register: round trips»): read, rules, fixes, marks, selection, applying a fix, watching edits.
 *
 * Round trips of a check: 1 read (+ ceil(bytes past the first request / budget) chunks, see validation-read.ts for the
 * budget and the fallbacks) + 1 write of the marks (+1 per further 4 MB of marks; none when there is nothing to mark or
 * clear). A register that fits one request is checked in 2 syncs whatever its row count.
 */
import { buildCatalog, type RegisterCatalog } from "../../core/catalog";
import { CHECK_MARKS_SHEET_NAME, cellMarks } from "../../core/check-marks";
import { sameSheetName } from "../../core/sheet-names";
import { planAllFixes, type FixPlan } from "../../core/fixes";
import { columnLetters } from "../../core/layout/cells";
import { NO_REGISTER_MESSAGE } from "../../core/merge";
import type { RegisterIssue, RegisterTable } from "../../core/register-types";
import { summarizeIssues, validateRegister, type IssueSummary } from "../../core/rules";
import type { Settings } from "../../core/settings";
import { supportsFromOptions } from "./host";
import type { RenderOptions } from "./render-layout";
import { hostPlatform, readBudget, readForCheck, textBytes, type HostPlatform } from "./validation-read";
import { MARK_REQUEST_BYTES, clearMarks, writeCheckMarks } from "./validation-marks";

export interface CheckOptions extends Pick<RenderOptions, "supports" | "apiLevel"> {
  /** Mark problem cells in the sheet (default true). */
  mark?: boolean;
  /** Override of the per-request byte budget (tests). */
  maxRequestBytes?: number;
  /** Office's platform ("PC", "OfficeOnline", "Mac"); default Office.context.platform. Only the web limits response bytes. */
  platform?: HostPlatform;
}

export interface RegisterCheck {
  sheet: string;
  headerRow: number;
  /** Data rows checked (non-empty). */
  rowsChecked: number;
  issues: RegisterIssue[];
  summary: IssueSummary;
  table: RegisterTable;
  catalog: RegisterCatalog;
  settings: Settings;
  /** planAllFixes of the table read. */
  fixes: FixPlan[];
  /** Cells marked in the sheet; 0 when marking was off or impossible. */
  marked: number;
  /** Russian: why the cells were not marked (e.g. the host lacks conditional formats); absent when marked. */
  markNote?: string;
  syncs: number;
  /** Of `syncs`: round trips spent reading. */
  readSyncs?: number;
  /** Bytes of text each read chunk after the first request brought (Excel on the web: each close to the 5 MB limit). */
  readChunkBytes?: number[];
}

/** Conditional formats through Office.js. */
const MARKS_API = "1.6";
/** Worksheet.onChanged. */
export const EDIT_EVENTS_API = "1.7";

export const NO_MARKS_NOTE =
  "Ячейки с замечаниями не подсвечены: эта версия Excel не дает надстройкам подсвечивать ячейки. Щелкните замечание в списке — надстройка выделит ячейку.";

export const NO_REGISTER_ERROR = `${NO_REGISTER_MESSAGE.charAt(0).toUpperCase()}${NO_REGISTER_MESSAGE.slice(1)}. Создайте реестр в разделе «Шаблон» или откройте лист с реестром.`;

/** Throws an Error with a Russian message when the workbook holds no register. */
export async function checkRegister(context: Excel.RequestContext, options: CheckOptions = {}): Promise<RegisterCheck> {
  const platform = options.platform ?? hostPlatform();
  const read = await readForCheck(context, readBudget(platform, options.maxRequestBytes));
  if (!read.table || !read.source) throw new Error(NO_REGISTER_ERROR);
  const { table, source, settings } = read;
  const catalog = buildCatalog(settings);
  const issues = validateRegister(table, catalog);
  const fixes = planAllFixes(table, catalog, { idScheme: settings.idScheme, agencyCode: settings.agencyCode, source });
  const result: RegisterCheck = {
    sheet: table.sheet,
    headerRow: table.headerRow,
    rowsChecked: table.rows.length,
    issues,
    summary: summarizeIssues(issues),
    table,
    catalog,
    settings,
    fixes,
    marked: 0,
    syncs: read.syncs,
    readSyncs: read.syncs,
    readChunkBytes: read.chunkBytes,
  };
  if (options.mark === false) return result;
  if (!supportsFromOptions(options)(MARKS_API)) {
    result.markNote = NO_MARKS_NOTE;
    return result;
  }
  const marks = cellMarks(issues, table);
  result.syncs += await writeCheckMarks(context, {
    sheet: table.sheet,
    firstDataRow: table.headerRow + 1,
    marks,
    helperExists: read.sheets.some((s) => sameSheetName(s.name, CHECK_MARKS_SHEET_NAME)),
    markedSheets: read.markedSheets,
    maxRequestBytes: options.maxRequestBytes,
  });
  result.marked = marks.length;
  return result;
}

/** Removes the marks of the last check (the user's own formatting untouched). One sync. */
export async function clearCheckMarks(context: Excel.RequestContext): Promise<void> {
  await clearMarks(context);
}

/** Activates the sheet and selects one cell (row 1-based, sheetColumn 0-based). One sync. */
export async function selectCell(context: Excel.RequestContext, sheet: string, row: number, sheetColumn: number): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(`${columnLetters(sheetColumn + 1)}${row}`).select();
  try {
    await context.sync();
  } catch (error) {
    // One more round trip, only on failure: say why in the user's terms when the sheet is gone or hidden.
    const probe = context.workbook.worksheets.getItemOrNullObject(sheet);
    probe.load("isNullObject,visibility");
    await context.sync();
    if (probe.isNullObject) throw new Error(`Лист «${sheet}» не найден: его переименовали или удалили. Проверьте реестр снова.`);
    if (probe.visibility !== "Visible") {
      throw new Error(`Лист «${sheet}» скрыт: покажите его (правый щелчок по ярлыку листа → «Показать»), чтобы перейти к ячейке.`);
    }
    throw error;
  }
}

export interface ApplyFixResult {
  /** Cells written. */
  changed: number;
  /** Cells left alone because they no longer hold the value the plan saw (edited since the check). */
  skipped: number;
  syncs: number;
}

interface ColumnSpan {
  sheetColumn: number;
  top: number;
  bottom: number;
  /** Estimated response bytes of reading the span's text. */
  bytes: number;
}

/** Bytes Office.js spends on one range write beyond its values (object path, address, two properties). */
const RANGE_WRITE_OVERHEAD = 250;

/**
 * Writes the plan's changes as text in one batch, skipping cells edited since the plan was made.
 * Round trips: 1 read of the changed columns' current text (bounding rows per column; more only past the budget) + 1
 * write (consecutive rows of a column are one range; more only past 4 MB of request).
 */
export async function applyFix(context: Excel.RequestContext, sheet: string, plan: Pick<FixPlan, "changes">, options: Pick<CheckOptions, "maxRequestBytes" | "platform"> = {}): Promise<ApplyFixResult> {
  if (plan.changes.length === 0) return { changed: 0, skipped: 0, syncs: 0 };
  let syncs = 0;
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const budget = readBudget(options.platform ?? hostPlatform(), options.maxRequestBytes);

  const spans = new Map<number, ColumnSpan>();
  for (const change of plan.changes) {
    const span = spans.get(change.sheetColumn);
    if (span) {
      span.top = Math.min(span.top, change.row);
      span.bottom = Math.max(span.bottom, change.row);
    } else spans.set(change.sheetColumn, { sheetColumn: change.sheetColumn, top: change.row, bottom: change.row, bytes: 0 });
  }
  const bytesPerCell = Math.max(40, textBytes([plan.changes.map((c) => c.before)]) / plan.changes.length) * 1.25;
  const rowsPerRequest = Math.max(1, Math.floor(Math.min(budget.cells, budget.bytes / bytesPerCell)));

  // Read: each column's bounding rows, in requests of at most `rowsPerRequest` cells.
  const current = new Map<string, string>();
  const pending: { sheetColumn: number; top: number; range: Excel.Range }[] = [];
  let queuedCells = 0;
  const flush = async () => {
    if (!pending.length) return;
    syncs++;
    await context.sync();
    for (const { sheetColumn, top, range } of pending) range.text.forEach((values, i) => current.set(`${top + i}:${sheetColumn}`, values[0] ?? ""));
    pending.length = 0;
    queuedCells = 0;
  };
  for (const span of spans.values()) {
    for (let top = span.top; top <= span.bottom; ) {
      const rows = Math.min(span.bottom - top + 1, rowsPerRequest - queuedCells);
      if (rows <= 0) {
        await flush();
        continue;
      }
      const letter = columnLetters(span.sheetColumn + 1);
      const range = worksheet.getRange(`${letter}${top}:${letter}${top + rows - 1}`);
      range.load("text");
      pending.push({ sheetColumn: span.sheetColumn, top, range });
      queuedCells += rows;
      top += rows;
    }
  }
  await flush();

  const accepted = plan.changes.filter((change) => current.get(`${change.row}:${change.sheetColumn}`) === change.before);
  const skipped = plan.changes.length - accepted.length;
  if (accepted.length === 0) return { changed: 0, skipped, syncs };

  // Write: runs of consecutive rows per column, as text ("@" before the values, so "=…" and "001" stay literal).
  accepted.sort((a, b) => a.sheetColumn - b.sheetColumn || a.row - b.row);
  const maxBytes = options.maxRequestBytes ?? MARK_REQUEST_BYTES;
  let requestBytes = 0;
  let queued = 0;
  for (let start = 0; start < accepted.length; ) {
    let end = start + 1;
    while (end < accepted.length && accepted[end].sheetColumn === accepted[start].sheetColumn && accepted[end].row === accepted[end - 1].row + 1) end++;
    const run = accepted.slice(start, end);
    const values = run.map((change) => [change.after]);
    const bytes = RANGE_WRITE_OVERHEAD + textBytes(values) + run.length * 6;
    if (queued > 0 && requestBytes + bytes > maxBytes) {
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a further request only past 4 MB of writes
      await context.sync();
      requestBytes = 0;
      queued = 0;
    }
    const letter = columnLetters(run[0].sheetColumn + 1);
    const top = run[0].row;
    const bottom = run[run.length - 1].row;
    const range = worksheet.getRange(`${letter}${top}:${letter}${bottom}`);
    range.numberFormat = run.map(() => ["@"]);
    range.values = values;
    // Remembered before the sync: Excel may deliver the change event before the sync resolves.
    rememberOwnWrite(sheet, top === bottom ? `${letter}${top}` : `${letter}${top}:${letter}${bottom}`);
    requestBytes += bytes;
    queued++;
    start = end;
  }
  syncs++;
  await context.sync();
  return { changed: accepted.length, skipped, syncs };
}

/**
 * Ranges applyFix wrote, per sheet, for hosts below ExcelApi 1.14: their change events carry no `triggerSource`, so the
 * add-in's own writes would look like the user's and set off an automatic re-check after every fix. Each entry is
 * forgotten when its event comes or after OWN_WRITE_MEMORY_MS, so it cannot hide a later edit of the user for long.
 */
const OWN_WRITE_MEMORY_MS = 10_000;
const ownWrites = new Map<string, { address: string; until: number }[]>();

function rememberOwnWrite(sheet: string, address: string, now = Date.now()): void {
  const key = sheet.toLocaleLowerCase();
  const list = (ownWrites.get(key) ?? []).filter((write) => write.until > now);
  list.push({ address, until: now + OWN_WRITE_MEMORY_MS });
  ownWrites.set(key, list);
}

/**
 * Whether a change event of `sheet` comes from the add-in's own writes: Excel says so from ExcelApi 1.14 on
 * (`triggerSource`); below it, the event's address is one applyFix has just written (consumed once).
 */
export function isOwnWrite(sheet: string, event: Pick<Excel.WorksheetChangedEventArgs, "address"> & { triggerSource?: string }, now = Date.now()): boolean {
  if (event.triggerSource !== undefined) return event.triggerSource === "ThisLocalAddin";
  const key = sheet.toLocaleLowerCase();
  const list = (ownWrites.get(key) ?? []).filter((write) => write.until > now);
  const address = event.address.replace(/\$/g, "").toUpperCase();
  const index = list.findIndex((write) => write.address === address);
  if (index >= 0) list.splice(index, 1);
  if (list.length) ownWrites.set(key, list);
  else ownWrites.delete(key);
  return index >= 0;
}

export const NO_EVENTS_MESSAGE =
  "Автоматическая проверка после правок недоступна: эта функция требует более новой версии Excel. Проверяйте реестр кнопкой «Проверить реестр».";

type ExcelRun = {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
};

function globalExcelRun(): ExcelRun {
  const excel = (globalThis as { Excel?: { run?: ExcelRun } }).Excel;
  if (typeof excel?.run !== "function") throw new Error("Excel недоступен: откройте надстройку в Excel или в песочнице.");
  return excel.run.bind(excel) as ExcelRun;
}

/**
 * Calls `onEdit` after the user changes the sheet (typing, paste, deletion; not the add-in's own writes).
 * Returns a function that stops watching. Needs ExcelApi 1.7 (Worksheet.onChanged); below it, rejects with a Russian message.
 */
export async function watchSheetEdits(sheet: string, onEdit: () => void): Promise<() => Promise<void>> {
  if (!supportsFromOptions({})(EDIT_EVENTS_API)) throw new Error(NO_EVENTS_MESSAGE);
  const run = globalExcelRun();
  const handler = await run(async (context) => {
    const added = context.workbook.worksheets.getItem(sheet).onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
      // Only the user's edits count: fixes written by the add-in come back as change events too (marks go to another sheet).
      if (isOwnWrite(sheet, event)) return;
      onEdit();
    });
    await context.sync();
    return added;
  });
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    // Office.js removes a handler in a batch on the context it was added with.
    await run(handler.context as Excel.RequestContext, async (context) => {
      handler.remove();
      await context.sync();
    });
  };
}
