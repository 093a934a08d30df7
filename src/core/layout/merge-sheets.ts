/**
 * The sheets a merge writes, as layouts for both renderers: the consolidated register (15 columns, then provenance and the
 * files' extra columns), the merge report, and — when an approved register was compared — the change log.
 * Every value that came from a submitted file is a literal string, so the renderers write it as text.
 */
import type { CellBlock, ColumnSpec, LayoutValue, SheetLayout, WorkbookLayout } from "./types";
import type { MergeInput, MergeResult } from "../merge";
import type { RegisterChange } from "../changes";
import type { RegisterTable } from "../register-types";
import { mergeRegisters, mergeTotals, MERGE_COLUMN_COUNT } from "../merge";
import { detectChanges, normalizedRows, GROUND_LETTERS, GROUND_TITLES, groundLetters } from "../changes";
import { buildCatalog } from "../catalog";
import { ISSUE_CODE_TITLES } from "../issue-views";
import { DEFAULT_SETTINGS, type Settings } from "../settings";
import { settingsResolutionLines, type SettingsResolution } from "../settings-sources";
import { buildReferenceSheet } from "./reference-sheet";
import { REGISTER_COLUMNS } from "../columns";
import { assessRound, CARRIED_OVER_PROVENANCE, unitsMissingFirst, UNIT_STATUS_TEXT, type RoundAssessment } from "../collection/round";
import { UNIT_COLUMN } from "../collection/distribute";
import { CellNormalizer, type MergeIssue, type RowSource } from "../merge";
import { cleanText, matchKey, pluralRu } from "../text";

export const MERGED_SHEET_NAME = "Сводный реестр";
import { CHANGE_LOG_SHEET_NAME, MERGE_REPORT_SHEET_NAME } from "../sheet-names";
export { CHANGE_LOG_SHEET_NAME, MERGE_REPORT_SHEET_NAME };
export const MERGE_SHEET_NAMES: readonly string[] = [MERGED_SHEET_NAME, MERGE_REPORT_SHEET_NAME, CHANGE_LOG_SHEET_NAME];

/** Rows of the consolidated sheet (1-based), as the template has them: titles, then header, numbering, data. */
export const MERGED_HEADER_ROW = 4;
export const MERGED_NUMBERING_ROW = 5;
export const MERGED_FIRST_DATA_ROW = 6;

export const SOURCE_FILE_TITLE = "Исходный файл";
export const SOURCE_ROW_TITLE = "Строка в файле";

const HEADER_FILL = "#D9E1F2";
const TITLE_STYLE = { bold: true, fontSize: 14, wrap: false } as const;
const HEADER_STYLE = { bold: true, wrap: true, border: true, fill: HEADER_FILL, horizontal: "center", vertical: "center" } as const;
const BODY_STYLE = { wrap: true, border: true, vertical: "top" } as const;

/** The approved register the change log compares against. */
export interface ChangeLogSource {
  changes: RegisterChange[];
  /** The approved register's rows (15 normalised cells each), as `RegisterChange.previousIndex` refers to them. */
  previousRows: string[][];
  /** Where it came from, for people: «приказ от 15.01.2024 № 7» or a file name. */
  description: string;
}

export interface MergeLayoutOptions {
  /** dd.mm.yyyy, shown on the sheets (the core knows no clock). */
  date: string;
  changeLog?: ChangeLogSource;
  /** Where the consolidated workbook's settings came from and where the inputs disagree. */
  settings?: SettingsResolution;
}

export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnTitle(column: number): string {
  const spec = REGISTER_COLUMNS[column - 1];
  return spec.mandatory ? `${spec.title}*` : spec.title;
}

/** Row of the consolidated sheet that holds `MergeResult.rows[index]`. */
export function mergedSheetRow(index: number): number {
  return MERGED_FIRST_DATA_ROW + index;
}

export function mergedRegisterSheet(result: MergeResult, options: MergeLayoutOptions): SheetLayout {
  const totals = mergeTotals(result);
  const width = MERGE_COLUMN_COUNT + 2 + result.extraColumns.length;
  const lastLetter = columnLetter(width);
  const header: LayoutValue[] = [
    ...Array.from({ length: MERGE_COLUMN_COUNT }, (_, index) => columnTitle(index + 1)),
    SOURCE_FILE_TITLE,
    SOURCE_ROW_TITLE,
    ...result.extraColumns,
  ];
  const numbering: LayoutValue[] = Array.from({ length: width }, (_, index) => (index < MERGE_COLUMN_COUNT ? index + 1 : null));
  // Each row made at its final size: a spread followed by more elements reserves room for some twenty more, and the
  // 20,000 rows of a big merge live until the sheet is written (~4 MB more for the collector to copy).
  const extraCount = result.extraColumns.length;
  const body: LayoutValue[][] = result.rows.map((row) => {
    const cells = row.cells;
    const values: LayoutValue[] = new Array(cells.length + 2 + extraCount);
    for (let column = 0; column < cells.length; column++) values[column] = cells[column];
    values[cells.length] = row.source.file;
    values[cells.length + 1] = row.source.row;
    for (let extra = 0; extra < extraCount; extra++) values[cells.length + 2 + extra] = row.extra.get(extra) ?? "";
    return values;
  });
  const columns: ColumnSpec[] = [];
  for (let column = 1; column <= width; column++) {
    const registerColumn = REGISTER_COLUMNS[column - 1];
    const widthChars = column <= MERGE_COLUMN_COUNT ? registerColumn?.width ?? 20 : column === MERGE_COLUMN_COUNT + 2 ? 10 : 24;
    // The source row is a number we write; every other column holds text (also when the coordinator types into it later).
    columns.push(column === MERGE_COLUMN_COUNT + 2 ? { index: column, width: widthChars } : { index: column, width: widthChars, numberFormat: "@" });
  }
  const blocks: CellBlock[] = [
    { row: 1, col: 1, values: [["Сводный реестр межведомственных и внутриведомственных процессов"]], style: TITLE_STYLE },
    {
      row: 2,
      col: 1,
      values: [
        [
          `Сведено ${options.date}: файлов прочитано — ${totals.filesRead} из ${result.inputs.length}, строк — ${totals.rows}, ` +
            `объединено дубликатов — ${totals.duplicatesMerged}, ошибок — ${totals.errors}, предупреждений — ${totals.warnings}. ` +
            `Источник каждой строки — в графах «${SOURCE_FILE_TITLE}» и «${SOURCE_ROW_TITLE}»; подробности — на листе «${MERGE_REPORT_SHEET_NAME}».`,
        ],
      ],
      style: { italic: true, wrap: false },
    },
    { row: MERGED_HEADER_ROW, col: 1, values: [header], style: HEADER_STYLE },
    { row: MERGED_NUMBERING_ROW, col: 1, values: [numbering], style: { ...HEADER_STYLE, bold: false, numberFormat: "0" } },
  ];
  if (body.length > 0) blocks.push({ row: MERGED_FIRST_DATA_ROW, col: 1, values: body, style: BODY_STYLE });
  return {
    name: MERGED_SHEET_NAME,
    tabColor: "#2F5597",
    columns,
    rows: [{ index: MERGED_HEADER_ROW, height: 60 }],
    blocks,
    freeze: { rows: MERGED_NUMBERING_ROW, columns: 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: { first: MERGED_HEADER_ROW, last: MERGED_NUMBERING_ROW },
      footerCenter: "Страница &P из &N",
      printArea: `A1:${lastLetter}${Math.max(MERGED_NUMBERING_ROW, mergedSheetRow(result.rows.length - 1))}`,
    },
  };
}

/** A titled table: a bold caption row, a header row, then rows; returns the blocks and the next free row. */
function table(startRow: number, caption: string, header: string[], rows: LayoutValue[][], empty: string): { blocks: CellBlock[]; next: number } {
  const blocks: CellBlock[] = [
    { row: startRow, col: 1, values: [[caption]], style: { bold: true, fontSize: 12 } },
    { row: startRow + 1, col: 1, values: [header], style: HEADER_STYLE },
  ];
  if (rows.length > 0) {
    blocks.push({ row: startRow + 2, col: 1, values: rows, style: BODY_STYLE });
    return { blocks, next: startRow + 2 + rows.length + 1 };
  }
  blocks.push({ row: startRow + 2, col: 1, values: [[empty]], style: { italic: true } });
  return { blocks, next: startRow + 4 };
}

function columnLabel(column: number): string {
  return `${column}. ${REGISTER_COLUMNS[column - 1]?.title ?? ""}`;
}

const STATUS_TEXT = { ok: "прочитан", error: "не прочитан" } as const;
const SEVERITY_TEXT = { error: "ошибка", warning: "предупреждение" } as const;

/** Which settings the consolidated workbook carries and, per disagreeing parameter, which file holds what. */
function settingsTable(startRow: number, resolution: SettingsResolution): { blocks: CellBlock[]; next: number } {
  const [origin] = settingsResolutionLines(resolution);
  const rows: LayoutValue[][] = [];
  for (const conflict of resolution.conflicts) {
    for (const entry of conflict.values) rows.push([conflict.title, entry.files.join(", "), entry.value || "не задано", entry.value === conflict.used ? "да" : "нет"]);
  }
  const conflicts = table(startRow + 1, "Расхождения в настройках файлов", ["Параметр", "Файлы", "Значение", "Взято в сводную книгу"], rows, "Настройки файлов совпадают.");
  return { blocks: [{ row: startRow, col: 1, values: [[origin]], style: { bold: true } }, ...conflicts.blocks], next: conflicts.next };
}

export function mergeReportSheet(result: MergeResult, options: MergeLayoutOptions): SheetLayout {
  const totals = mergeTotals(result);
  const summary: LayoutValue[][] = [
    ["Файлов выбрано", result.inputs.length],
    ["Прочитано", totals.filesRead],
    ["Не прочитано", totals.filesFailed],
    ["Строк с данными в файлах", totals.rowsRead],
    ["Строк в сводном реестре", totals.rows],
    ["Объединено полных дубликатов", totals.duplicatesMerged],
    ["Ошибок", totals.errors],
    ["Предупреждений", totals.warnings],
  ];
  if (options.changeLog) {
    summary.push([`Изменений относительно утвержденного реестра (${options.changeLog.description})`, options.changeLog.changes.length]);
  }
  if (result.carriedOver) summary.push([`Строк перенесено из утвержденного реестра (подразделение не представило файл)`, result.carriedOver]);
  const blocks: CellBlock[] = [
    { row: 1, col: 1, values: [["Отчет о сведении файлов подразделений"]], style: TITLE_STYLE },
    { row: 2, col: 1, values: [[`Дата сведения: ${options.date}`]], style: { italic: true } },
  ];
  let next = 4;
  if (result.units && result.units.length > 0) {
    // Who submitted comes first: it is the coordinator's first question in a collection round.
    const units = table(
      next,
      "Подразделения (не представившие файл — первыми)",
      ["Подразделение", "Статус", "Файлы", "Строк", "Срок", "Как определено", "Примечание"],
      unitsMissingFirst(result.units).map((unit) => [
        unit.unit,
        UNIT_STATUS_TEXT[unit.status],
        unit.files.join("; "),
        unit.rows,
        unit.due,
        unit.match === "stamp" ? "по штампу файла" : unit.match === "column7" ? "по графе 7" : "",
        [...unit.notes, unit.status === "missing" && unit.rows > 0 ? `${unit.rows} ${pluralRu(unit.rows, "строка перенесена", "строки перенесены", "строк перенесено")} из утвержденного реестра без изменений` : ""]
          .filter(Boolean)
          .join("; "),
      ]),
      "",
    );
    blocks.push(...units.blocks);
    next = units.next;
  }
  blocks.push({ row: next, col: 1, values: summary, style: { border: true } });
  next = next + summary.length + 1;

  const files = table(
    next,
    "Файлы",
    ["№", "Файл", "Статус", "Лист", "Строка заголовка", "Строк с данными", "Объединено дубликатов", "Примечание"],
    result.inputs.map((input, index) => [
      index + 1,
      input.file,
      STATUS_TEXT[input.status],
      input.sheet ?? "",
      input.headerRow ?? null,
      input.rows,
      input.duplicatesMerged,
      [input.message, input.rowsWithoutRegisterData > 0 ? `строк без данных в графах 1–15: ${input.rowsWithoutRegisterData}` : ""]
        .filter(Boolean)
        .join("; "),
    ]),
    "Файлы не выбраны.",
  );
  blocks.push(...files.blocks);
  next = files.next;

  const duplicateRows: LayoutValue[][] = [];
  result.rows.forEach((row, index) => {
    for (const duplicate of row.mergedDuplicates) {
      duplicateRows.push([duplicate.file, duplicate.row, row.source.file, row.source.row, mergedSheetRow(index), row.cells[0]]);
    }
  });
  const duplicates = table(
    next,
    "Объединенные дубликаты (строки, совпавшие во всех 15 графах, оставлены один раз)",
    ["Файл", "Строка в файле", "Оставлена строка: файл", "Оставлена строка: строка", "Строка сводного реестра", "Идентификатор"],
    duplicateRows,
    "Полных дубликатов нет.",
  );
  blocks.push(...duplicates.blocks);
  next = duplicates.next;

  const issues = table(
    next,
    "Замечания (строки перенесены в сводный реестр, исправьте их там или в файле подразделения)",
    ["Файл", "Строка в файле", "Строка сводного реестра", "Графа", "Уровень", "Правило", "Описание"],
    result.issues.map((issue) => [
      issue.file,
      issue.row,
      mergedSheetRow(issue.mergedIndex),
      columnLabel(issue.column),
      SEVERITY_TEXT[issue.severity],
      // The sheet is read by clerks: the rule's Russian title, never its machine code (that stays in the CLI's JSON).
      ISSUE_CODE_TITLES[issue.code] ?? issue.code,
      issue.message,
    ]),
    "Замечаний нет.",
  );
  blocks.push(...issues.blocks);
  if (options.settings) blocks.push(...settingsTable(issues.next, options.settings).blocks);

  const widths = [30, 24, 22, 24, 16, 32, 60, 40];
  return {
    name: MERGE_REPORT_SHEET_NAME,
    tabColor: "#548235",
    columns: widths.map((width, index) => ({ index: index + 1, width })),
    blocks,
  };
}

export function changeLogSheet(result: MergeResult, source: ChangeLogSource, options: MergeLayoutOptions): SheetLayout {
  const rows: LayoutValue[][] = [];
  source.changes.forEach((change, index) => {
    const number = index + 1;
    const current = change.currentIndex !== undefined ? result.rows[change.currentIndex] : undefined;
    const previous = change.previousIndex !== undefined ? source.previousRows[change.previousIndex] : undefined;
    const processName = current?.cells[5] || previous?.[5] || "";
    const where = current ? mergedSheetRow(change.currentIndex ?? 0) : null;
    const grounds = `${groundLetters(change.grounds)}) ${change.grounds.map((g) => GROUND_TITLES[g]).join("; ")}`;
    if (change.columns.length === 0) {
      rows.push([number, change.id, processName, grounds, null, null, null, where]);
      return;
    }
    change.columns.forEach((column, columnIndex) => {
      rows.push([
        columnIndex === 0 ? number : null,
        change.id,
        processName,
        columnIndex === 0 ? grounds : null,
        columnLabel(column.column),
        column.old,
        column.new,
        where,
      ]);
    });
  });
  const legend = (["form", "content", "terminated", "new"] as const)
    .map((ground) => `${GROUND_LETTERS[ground]}) ${GROUND_TITLES[ground]}`)
    .join("; ");
  const blocks: CellBlock[] = [
    { row: 1, col: 1, values: [["Журнал изменений реестра процессов"]], style: TITLE_STYLE },
    { row: 2, col: 1, values: [[`Сравнение сводного реестра от ${options.date} с утвержденным реестром: ${source.description}`]], style: { italic: true } },
    { row: 3, col: 1, values: [[`Основания внесения изменений: ${legend}. Изменения графы 14–15 — форма процесса, других граф — содержание.`]], style: { italic: true } },
  ];
  const body = table(
    5,
    `Изменений: ${source.changes.length}`,
    ["№", "Идентификатор", "Наименование процесса", "Основание", "Графа", "Было", "Стало", "Строка сводного реестра"],
    rows,
    "Изменений нет: сводный реестр совпадает с утвержденным.",
  );
  blocks.push(...body.blocks);
  const widths = [6, 18, 40, 34, 30, 40, 40, 14];
  return {
    name: CHANGE_LOG_SHEET_NAME,
    tabColor: "#C55A11",
    columns: widths.map((width, index) => ({ index: index + 1, width })),
    blocks,
    freeze: { rows: 6 },
  };
}

/** All sheets of a merge: the consolidated register (active), the report, and the change log when one was made. */
export function mergeWorkbookLayout(result: MergeResult, options: MergeLayoutOptions): WorkbookLayout {
  const sheets = [mergedRegisterSheet(result, options), mergeReportSheet(result, options)];
  if (options.changeLog) sheets.push(changeLogSheet(result, options.changeLog, options));
  return { sheets, activeSheet: MERGED_SHEET_NAME };
}

export interface MergePlanRequest {
  inputs: MergeInput[];
  /** The agency's settings (lists, agency name); defaults when null. */
  settings: Settings | null;
  /** The approved register to compare with, when there is one. */
  previous?: { table: RegisterTable; description: string } | null;
  /** Reported on the merge report sheet. */
  settingsResolution?: SettingsResolution;
  /** Put the reference sheet («Справочники»: settings, lists and their names) into the layout: a new workbook needs it. */
  writeSettings?: boolean;
  /** dd.mm.yyyy */
  date: string;
}

export interface MergePlan {
  result: MergeResult;
  /** Empty when there was no approved register. */
  changes: RegisterChange[];
  layout: WorkbookLayout;
}

/** The whole merge, the same in the pane and the command line: match files to units, consolidate, compare, lay out the sheets. */
export function planMerge(request: MergePlanRequest): MergePlan {
  const settings = request.settings ?? DEFAULT_SETTINGS;
  const catalog = buildCatalog(settings);
  const previousRows = request.previous ? normalizedRows(request.previous.table, catalog) : null;
  const round = assessRound(
    request.inputs.map((input) => ({
      file: input.file,
      table: input.result.ok ? input.result.table : null,
      stamp: input.stamp,
      received: input.received,
    })),
    { units: settings.units, agency: { name: settings.agencyName, code: settings.agencyCode }, previousRows: previousRows ?? undefined },
  );
  const carried = request.previous ? carriedOverRows(request, round, catalog) : [];
  const result = mergeRegisters(request.inputs, catalog, { skip: round.superseded, notes: round.inputNotes, carried });
  result.issues.push(...flagIssues(result, round));
  result.carriedOver = carried.length;
  const carriedByUnit = new Map<string, number>();
  for (const row of carried) {
    const key = matchKey(row.cells[UNIT_COLUMN - 1] ?? "");
    carriedByUnit.set(key, (carriedByUnit.get(key) ?? 0) + 1);
  }
  result.units = round.units.map((unit) => (unit.status === "missing" ? { ...unit, rows: carriedByUnit.get(matchKey(unit.unit)) ?? 0 } : unit));
  let changeLog: ChangeLogSource | undefined;
  if (request.previous && previousRows) {
    const changes = detectChanges(previousRows, result.rows.map((row) => row.cells), catalog);
    changeLog = { changes, previousRows, description: request.previous.description };
  }
  const layout = mergeWorkbookLayout(result, { date: request.date, changeLog, settings: request.settingsResolution });
  if (request.writeSettings) {
    const settings = request.settings ?? DEFAULT_SETTINGS;
    const reference = buildReferenceSheet(settings, catalog);
    layout.sheets.push(reference.sheet);
    layout.names = [...(layout.names ?? []), ...reference.names];
  }
  return { result, changes: changeLog?.changes ?? [], layout };
}

/**
 * The approved rows of units that sent no file, unless their ID came back in another unit's file (a process moved between
 * units is a change of column 7, not a termination and a new process). Rows without a unit stay out: no unit can
 * vouch for them, so their absence reads as before.
 */
function carriedOverRows(request: MergePlanRequest, round: RoundAssessment, catalog: ReturnType<typeof buildCatalog>): { cells: string[]; source: RowSource }[] {
  const previous = request.previous;
  if (!previous || round.missing.size === 0) return [];
  const currentIds = new Set<string>();
  request.inputs.forEach((input, index) => {
    if (!input.result.ok || round.superseded.has(index)) return;
    for (const row of input.result.table.rows) {
      const id = cleanText(row.cells[0] ?? "");
      if (id !== "") currentIds.add(id);
    }
  });
  const normalizer = new CellNormalizer(catalog);
  const carried: { cells: string[]; source: RowSource }[] = [];
  for (const row of previous.table.rows) {
    const cells = normalizer.row(row.cells);
    if (cells.every((cell) => cell === "")) continue;
    if (!round.missing.has(matchKey(cells[UNIT_COLUMN - 1]))) continue;
    if (cells[0] !== "" && currentIds.has(cells[0])) continue;
    carried.push({ cells, source: { file: CARRIED_OVER_PROVENANCE, fileIndex: -1, sheet: previous.table.sheet, row: row.sheetRow } });
  }
  return carried;
}

/** Rows of a stamped file that belong to another unit, as warnings on column 7 traced to their file and row. */
function flagIssues(result: MergeResult, round: RoundAssessment): MergeIssue[] {
  if (round.flags.length === 0) return [];
  const indexBySource = new Map<string, number>();
  result.rows.forEach((row, index) => {
    for (const source of [row.source, ...row.mergedDuplicates]) indexBySource.set(`${source.fileIndex}:${source.row}`, index);
  });
  const issues: MergeIssue[] = [];
  for (const flag of round.flags) {
    const mergedIndex = indexBySource.get(`${flag.inputIndex}:${flag.sheetRow}`);
    if (mergedIndex === undefined) continue;
    issues.push({
      row: flag.sheetRow,
      column: UNIT_COLUMN,
      code: "invalid-value",
      severity: "warning",
      message: flag.message,
      file: result.inputs[flag.inputIndex].file,
      mergedIndex,
    });
  }
  return issues;
}
