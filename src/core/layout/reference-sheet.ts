/**
 * The reference sheet «Справочники»: the typical list, the vocabularies, the units and the settings block, each list under
 * a workbook name that the register's dropdowns refer to (never inline lists: Excel caps those at 255 characters).
 * Pure data; both renderers apply it.
 */
import type { RegisterCatalog } from "../catalog";
import { SETTINGS_SHEET_NAME, settingsToPairs, type Settings } from "../settings";
import { processLabel, type TypicalProcess } from "../typical-list";
import { columnLetters } from "./cells";
import type { CellBlock, ColumnSpec, DefinedName, LayoutValue, SheetLayout } from "./types";

export const REFERENCE_SHEET_NAME = SETTINGS_SHEET_NAME;

/** Workbook names of the lists. */
export const LIST_NAMES = {
  directions: "Направления",
  /** Process labels («1.1. Информирование …»), sorted by direction. */
  processes: "Процессы",
  /** The direction name of each process, row by row beside `processes`: the dependent list counts and finds in it. */
  processDirections: "ПроцессыНаправления",
  /** The whole typical list (code, direction, process, goal, value) for lookups in formulas. */
  typicalList: "ТиповойПеречень",
  statuses: "Статусы",
  clients: "Клиенты",
  kinds: "ВидыПроцесса",
  placements: "ТочкиРазмещения",
  units: "Подразделения",
} as const;

/** Columns of the reference sheet (1-based). */
export const REFERENCE_COLUMNS = {
  code: 1,
  direction: 2,
  process: 3,
  goal: 4,
  value: 5,
  directions: 7,
  statuses: 8,
  clients: 9,
  kinds: 10,
  placements: 11,
  units: 12,
  settingsKey: 14,
  settingsValue: 15,
} as const;

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

const HEADER_STYLE = { bold: true, wrap: true, fill: "#DDEBF7", border: true, vertical: "top" as const };

/**
 * The processes the dropdowns offer (typical and the agency's own), sorted by direction (stable within it, the agency's
 * after the typical ones): OFFSET/MATCH/COUNTIF need each direction's rows together. Hidden processes follow them all,
 * outside the dropdowns' names but inside the lookup table.
 */
export function processesByDirection(catalog: RegisterCatalog): TypicalProcess[] {
  const order = new Map(catalog.directions.map((d, i) => [d.code, i]));
  return catalog.processes
    .map((process, index) => ({ process, index }))
    .sort(
      (a, b) =>
        Number(a.process.hidden ?? false) - Number(b.process.hidden ?? false) ||
        (order.get(a.process.direction) ?? 1e6) - (order.get(b.process.direction) ?? 1e6) ||
        a.index - b.index,
    )
    .map((entry) => entry.process);
}

function directionName(catalog: RegisterCatalog, code: string): string {
  return catalog.directions.find((d) => d.code === code)?.name ?? "";
}

function absoluteColumnRange(sheet: string, column: number, firstRow: number, count: number): string {
  const letters = columnLetters(column);
  // A name over an empty list still needs a range: one blank cell gives an empty dropdown, not a broken one.
  const lastRow = firstRow + Math.max(1, count) - 1;
  return `'${sheet.replace(/'/g, "''")}'!$${letters}$${firstRow}:$${letters}$${lastRow}`;
}

function listBlock(column: number, title: string, items: readonly string[]): CellBlock[] {
  const blocks: CellBlock[] = [{ row: 1, col: column, values: [[title]], style: HEADER_STYLE }];
  if (items.length) blocks.push({ row: 2, col: column, values: items.map((item) => [item]), style: { wrap: false } });
  return blocks;
}

export interface ReferenceSheet {
  sheet: SheetLayout;
  names: DefinedName[];
}

/** The reference sheet for these settings and the catalog built from them. */
export function buildReferenceSheet(settings: Settings, catalog: RegisterCatalog): ReferenceSheet {
  const sheetName = REFERENCE_SHEET_NAME;
  const processes = processesByDirection(catalog);
  const offered = processes.filter((process) => !process.hidden).length;
  const c = REFERENCE_COLUMNS;
  const typicalRows: LayoutValue[][] = processes.map((p) => [p.code, directionName(catalog, p.direction), processLabel(p), p.goal, p.value]);
  const settingsRows: LayoutValue[][] = settingsToPairs(settings).map(([key, value]) => {
    if (value.length > MAX_CELL_TEXT) {
      throw new Error(`Параметр «${key}» не помещается в ячейку книги: ${value.length} знаков при пределе ${MAX_CELL_TEXT}. Сократите список.`);
    }
    return [key, value];
  });
  const blocks: CellBlock[] = [
    { row: 1, col: c.code, values: [["Код", "Направление деятельности", "Процесс", "Цель", "Ценность"]], style: HEADER_STYLE },
    ...(typicalRows.length ? [{ row: 2, col: c.code, values: typicalRows, style: { wrap: false } }] : []),
    ...listBlock(c.directions, "Направления", catalog.directions.map((d) => d.name)),
    ...listBlock(c.statuses, "Статусы", catalog.statuses),
    ...listBlock(c.clients, "Клиенты", catalog.clients),
    ...listBlock(c.kinds, "Виды процесса", catalog.kinds),
    ...listBlock(c.placements, "Точки размещения", catalog.placements),
    ...listBlock(c.units, "Подразделения", catalog.units),
    { row: 1, col: c.settingsKey, values: [["Параметр", "Значение"]], style: HEADER_STYLE },
    ...(settingsRows.length ? [{ row: 2, col: c.settingsKey, values: settingsRows, style: { wrap: false } }] : []),
  ];
  const widths: [number, number][] = [
    [c.code, 7],
    [c.direction, 30],
    [c.process, 60],
    [c.goal, 40],
    [c.value, 40],
    [c.directions, 30],
    [c.statuses, 26],
    [c.clients, 12],
    [c.kinds, 14],
    [c.placements, 16],
    [c.units, 30],
    [c.settingsKey, 34],
    [c.settingsValue, 50],
  ];
  const columns: ColumnSpec[] = widths.map(([index, width]) => ({ index, width, numberFormat: "@" }));
  const names: DefinedName[] = [
    { name: LIST_NAMES.directions, ref: absoluteColumnRange(sheetName, c.directions, 2, catalog.directions.length) },
    { name: LIST_NAMES.processes, ref: absoluteColumnRange(sheetName, c.process, 2, offered) },
    { name: LIST_NAMES.processDirections, ref: absoluteColumnRange(sheetName, c.direction, 2, offered) },
    {
      name: LIST_NAMES.typicalList,
      ref: `'${sheetName}'!$${columnLetters(c.code)}$2:$${columnLetters(c.value)}$${1 + Math.max(1, processes.length)}`,
    },
    { name: LIST_NAMES.statuses, ref: absoluteColumnRange(sheetName, c.statuses, 2, catalog.statuses.length) },
    { name: LIST_NAMES.clients, ref: absoluteColumnRange(sheetName, c.clients, 2, catalog.clients.length) },
    { name: LIST_NAMES.kinds, ref: absoluteColumnRange(sheetName, c.kinds, 2, catalog.kinds.length) },
    { name: LIST_NAMES.placements, ref: absoluteColumnRange(sheetName, c.placements, 2, catalog.placements.length) },
    { name: LIST_NAMES.units, ref: absoluteColumnRange(sheetName, c.units, 2, catalog.units.length) },
  ];
  return {
    sheet: { name: sheetName, visibility: "veryHidden", columns, blocks, freeze: { rows: 1 } },
    names,
  };
}
