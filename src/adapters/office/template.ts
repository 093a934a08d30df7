/**
 * «Создать реестр» through Office.js: the register template on a new sheet, or the active register-like sheet
 * converted into it (columns into the form's order, the user's own columns kept to the right, nothing deleted).
 *
 * Round trips: what the workbook holds (1) + our sheets' contents when they exist beside the active one (0 or 1) + one
 * write (the renderer is told what exists, so it skips its lookup) = 2 or 3, whatever the size of the typical list or the
 * vocabularies (only a register past 4 MB of text adds write requests, see render-layout.ts).
 *
 * Also: the worksheet change handler that fills column 5 and proposes column 10 when a process is picked in column 6
 * (ExcelApi 1.7). Excel on the web does not raise the change event for picks from a dropdown list, so there the same fill
 * is offered later as a fix by validation.
 */
import { buildCatalog, type RegisterCatalog } from "../../core/catalog";
import { columnByKey } from "../../core/columns";
import { REFERENCE_SHEET_NAME } from "../../core/layout/reference-sheet";
import { REGISTER_SHEET_NAME, buildTemplateLayout, templateGeometry, type TemplateLayoutOptions } from "../../core/layout/template";
import { findRegister } from "../../core/read-register";
import type { SheetText } from "../../core/register-types";
import { DEFAULT_SETTINGS, findSettingsPairs, settingsFromPairs, type Settings } from "../../core/settings";
import { planTemplateUpgrade, upgradeTemplateOptions, type UpgradePlan } from "../../core/template-upgrade";
import { cleanText } from "../../core/text";
import { findProcess } from "../../core/typical-list";
import { supportsFromOptions } from "./host";
import { renderLayout, type KnownWorkbook, type RenderOptions } from "./render-layout";
import { countingSync } from "./counting-sync";

export type TemplateMode = "created" | "upgraded" | "refreshed";

export interface TemplateOptions extends Pick<RenderOptions, "supports" | "apiLevel" | "maxRequestBytes"> {
  /** Settings to write (the settings form); default: the ones already on the reference sheet, or the defaults. */
  settings?: Settings;
  /** Rows of a new template prepared with dropdowns. */
  dataRows?: number;
}

export interface TemplateResult {
  mode: TemplateMode;
  sheetName: string;
  /** The user's sheet name before it became the register sheet. */
  renamedFrom?: string;
  plan?: UpgradePlan;
  /** Russian lines for the pane: what was mapped, moved, kept. */
  notes: string[];
  /** What the host could not do (newer APIs), for the pane. */
  skipped: string[];
  warnings: string[];
  settings: Settings;
  /** 1-based rows of the register on the sheet. */
  headerRow: number;
  firstDataRow: number;
  syncs: number;
}

/** A sheet read for the template: display texts, and which cells hold formulas. */
interface SheetRead {
  sheet: SheetText;
  formulaCells: { row0: number; col0: number }[];
}

function toSheetRead(name: string, used: Excel.Range): SheetRead {
  if (used.isNullObject) return { sheet: { name, rows: [] }, formulaCells: [] };
  const rows: string[][] = [];
  for (let r = 0; r < used.rowIndex; r++) rows.push([]);
  const leading = Array<string>(used.columnIndex).fill("");
  const formulaCells: { row0: number; col0: number }[] = [];
  used.text.forEach((row, r) => {
    rows.push(used.columnIndex ? leading.concat(row) : [...row]);
    const formulas = used.formulas[r] ?? [];
    formulas.forEach((formula, c) => {
      if (typeof formula === "string" && formula.startsWith("=")) formulaCells.push({ row0: used.rowIndex + r, col0: used.columnIndex + c });
    });
  });
  return { sheet: { name, rows }, formulaCells };
}

function loadUsed(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("isNullObject,rowIndex,columnIndex,text,formulas");
  return used;
}

function isBlank(sheet: SheetText): boolean {
  return sheet.rows.every((row) => row.every((cell) => cleanText(cell ?? "") === ""));
}

/**
 * Creates the template or converts the register-like sheet; at most 3 syncs: what the workbook holds (1), the contents of
 * our sheets when they exist beside the active one (1, only then), everything written (1, the renderer told what exists).
 */
export async function createOrUpgradeTemplate(context: Excel.RequestContext, options: TemplateOptions = {}): Promise<TemplateResult> {
  const sync = countingSync(context);
  // Round trip 1: the sheets and names there are, and the active sheet's contents. Nothing is addressed that might not
  // exist: acting on a missing sheet would fail the whole request.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/position,items/visibility");
  const names = context.workbook.names;
  names.load("items/name");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const activeUsed = loadUsed(active);
  await sync();

  const sheetNamed = (name: string) => worksheets.items.find((ws) => ws.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  const registerSheet = sheetNamed(REGISTER_SHEET_NAME);
  const referenceSheet = sheetNamed(REFERENCE_SHEET_NAME);
  const activeIsRegister = registerSheet !== undefined && registerSheet.name === active.name;

  // Round trip 2, only when our sheets exist beside the active one.
  const registerUsed = registerSheet && !activeIsRegister ? loadUsed(worksheets.getItem(registerSheet.name)) : undefined;
  const referenceUsed = referenceSheet && !options.settings ? loadUsed(worksheets.getItem(referenceSheet.name)) : undefined;
  if (registerUsed || referenceUsed) await sync();

  const settings =
    options.settings ??
    (referenceUsed ? settingsFromPairs(findSettingsPairs(toSheetRead(REFERENCE_SHEET_NAME, referenceUsed).sheet)) : { ...DEFAULT_SETTINGS });
  let target: SheetRead | null = null;
  let renameFrom: string | undefined;
  if (registerSheet) {
    target = toSheetRead(registerSheet.name, registerUsed ?? activeUsed);
  } else if (active.name !== referenceSheet?.name) {
    const read = toSheetRead(active.name, activeUsed);
    if (findRegister([read.sheet])) {
      target = read;
      renameFrom = active.name;
    }
  }

  let layoutOptions: TemplateLayoutOptions = { dataRows: options.dataRows, title: true };
  let mode: TemplateMode = "created";
  let plan: UpgradePlan | undefined;
  const notes: string[] = [];
  if (target && !isBlank(target.sheet)) {
    const table = findRegister([target.sheet]);
    if (!table) {
      throw new Error(
        `Лист «${REGISTER_SHEET_NAME}» уже есть, но таблица реестра на нем не найдена. Переименуйте его или перенесите данные — надстройка не меняет чужие листы.`,
      );
    }
    plan = planTemplateUpgrade(target.sheet, table);
    mode = plan.unchanged ? "refreshed" : "upgraded";
    layoutOptions = upgradeTemplateOptions(plan, target.sheet, { dataRows: options.dataRows, sheetName: REGISTER_SHEET_NAME });
    notes.push(...plan.summary);
    if (!plan.unchanged) {
      const moved = target.formulaCells.filter((cell) => cell.row0 >= plan!.headerRow);
      if (moved.length) {
        notes.push(`Формулы в ${moved.length} ячейк${moved.length === 1 ? "е" : "ах"} перенесены значениями (ссылки в них указывали бы на прежние графы).`);
      }
      // Merged cells inside the rewritten area would refuse the new values.
      const rows = plan.lastRow + plan.rowShift - plan.headerRow + 1;
      worksheets.getItem(target.sheet.name).getRangeByIndexes(plan.headerRow - 1, 0, Math.max(2, rows), plan.width).unmerge();
    }
    if (renameFrom) {
      // Queued before the renderer's writes, which address the sheet by its new name in the same request.
      active.name = REGISTER_SHEET_NAME;
      notes.unshift(`Лист «${renameFrom}» переименован в «${REGISTER_SHEET_NAME}».`);
    }
  } else {
    notes.push(`Создан лист «${REGISTER_SHEET_NAME}» по форме приложения 1.`);
  }
  // The reference sheet is ours: rewritten whole so shorter lists leave no stale rows behind.
  if (referenceSheet) worksheets.getItem(referenceSheet.name).getRange().clear("Contents");

  const known: KnownWorkbook = {
    sheets: worksheets.items.map((ws) => ({ name: ws.name === renameFrom ? REGISTER_SHEET_NAME : ws.name, position: ws.position, visibility: ws.visibility })),
    names: names.items.map((item) => item.name),
  };
  const layout = buildTemplateLayout(settings, layoutOptions);
  const report = await renderLayout(context, layout, { supports: options.supports, apiLevel: options.apiLevel, maxRequestBytes: options.maxRequestBytes, known });
  const geometry = templateGeometry(layoutOptions);
  return {
    mode,
    sheetName: REGISTER_SHEET_NAME,
    renamedFrom: renameFrom,
    plan,
    notes,
    skipped: report.skipped,
    warnings: report.warnings,
    settings,
    headerRow: geometry.headerRow,
    firstDataRow: geometry.firstDataRow,
    syncs: sync.count + report.syncs,
  };
}

/** One row's columns 5, 6 and 10 as the sheet shows them. */
export interface AutofillRow {
  row: number;
  group: string;
  process: string;
  value: string;
}

export interface AutofillChange {
  row: number;
  /** Column 5, when it should change. */
  group?: string;
  /** Column 10, proposed when it was empty. */
  value?: string;
}

/** What picking processes in column 6 fills: the direction in column 5, the value in column 10 when empty. */
export function processAutofill(rows: readonly AutofillRow[], catalog: RegisterCatalog): AutofillChange[] {
  const changes: AutofillChange[] = [];
  for (const row of rows) {
    const process = findProcess(cleanText(row.process), catalog.processes);
    if (!process) continue;
    const direction = catalog.directions.find((d) => d.code === process.direction)?.name;
    const change: AutofillChange = { row: row.row };
    if (direction && cleanText(row.group) !== direction) change.group = direction;
    if (cleanText(row.value) === "" && process.value) change.value = process.value;
    if (change.group !== undefined || change.value !== undefined) changes.push(change);
  }
  return changes;
}

type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface AutofillHandle {
  attached: boolean;
  /** Why it is not attached (older Excel), for the pane. */
  note?: string;
  remove(): Promise<void>;
}

const GROUP_LETTER = "E";
const PROCESS_COLUMN = columnByKey("process").number;
const VALUE_LETTER = "J";

/** Rows of column 6 an address such as "F7", "E7:G12", "F:F" or "7:9" touches, clipped to the data rows; null when none. */
export function processRowsTouched(address: string, firstDataRow: number): { top: number; bottom: number } | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parse = (part: string) => {
    const match = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(part.trim());
    if (!match) return null;
    const col = match[1] ? [...match[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : undefined;
    return { col, row: match[2] ? Number(match[2]) : undefined };
  };
  const parts = local.split(":");
  const start = parse(parts[0]);
  const end = parse(parts[1] ?? parts[0]);
  if (!start || !end) return null;
  const left = start.col ?? 1;
  const right = end.col ?? 16384;
  const top = start.row ?? 1;
  const bottom = end.row ?? 1_048_576;
  if (PROCESS_COLUMN < Math.min(left, right) || PROCESS_COLUMN > Math.max(left, right)) return null;
  const from = Math.max(firstDataRow, Math.min(top, bottom));
  const to = Math.max(top, bottom);
  return from <= to ? { top: from, bottom: to } : null;
}

/** Most rows one change event fills (a paste of a whole column is left to validation). */
export const AUTOFILL_MAX_ROWS = 5000;

/** Reads columns 5–10 of the touched rows (one sync) and writes columns 5 and 10 where needed (one sync). */
export async function applyProcessAutofill(
  context: Excel.RequestContext,
  sheetName: string,
  rows: { top: number; bottom: number },
  catalog: RegisterCatalog,
): Promise<AutofillChange[]> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const bottom = Math.min(rows.bottom, rows.top + AUTOFILL_MAX_ROWS - 1);
  const range = sheet.getRange(`${GROUP_LETTER}${rows.top}:${VALUE_LETTER}${bottom}`);
  range.load("text");
  await context.sync();
  const read: AutofillRow[] = range.text.map((cells, i) => ({ row: rows.top + i, group: cells[0] ?? "", process: cells[1] ?? "", value: cells[5] ?? "" }));
  const changes = processAutofill(read, catalog);
  if (!changes.length) return changes;
  for (const change of changes) {
    if (change.group !== undefined) {
      const cell = sheet.getRange(`${GROUP_LETTER}${change.row}`);
      cell.numberFormat = [["@"]];
      cell.values = [[change.group]];
    }
    if (change.value !== undefined) {
      const cell = sheet.getRange(`${VALUE_LETTER}${change.row}`);
      cell.numberFormat = [["@"]];
      cell.values = [[change.value]];
    }
  }
  await context.sync();
  return changes;
}

/**
 * Registers the register sheet's change handler (ExcelApi 1.7). The handler runs its own batch through `run` (Excel.run
 * in the pane). Excel on the web does not raise the event for picks from a dropdown list; typing or pasting does.
 */
export async function attachProcessAutofill(
  context: Excel.RequestContext,
  options: { run: ExcelBatchRunner; settings: Settings; firstDataRow: number; onFilled?: (changes: AutofillChange[]) => void } & Pick<RenderOptions, "supports" | "apiLevel">,
): Promise<AutofillHandle> {
  const supports = supportsFromOptions(options);
  if (!supports("1.7")) {
    return {
      attached: false,
      note: "Автозаполнение графы 5 и 10 при выборе процесса недоступно: эта функция требует более новой версии Excel. Используйте исправления в разделе «Проверка».",
      remove: async () => undefined,
    };
  }
  const catalog = buildCatalog(options.settings);
  const sheet = context.workbook.worksheets.getItem(REGISTER_SHEET_NAME);
  const handler = sheet.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
    const rows = processRowsTouched(event.address, options.firstDataRow);
    if (!rows) return;
    const changes = await options.run((ctx) => applyProcessAutofill(ctx, REGISTER_SHEET_NAME, rows, catalog));
    if (changes.length) options.onFilled?.(changes);
  });
  await context.sync();
  return {
    attached: true,
    remove: async () => {
      handler.remove();
      await handler.context.sync();
    },
  };
}
