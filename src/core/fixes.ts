/**
 * Fixes the pane previews and applies in one batch (README, «Checking the register»): each is a plan of cell changes computed from the table as
 * read. Pure: the Office adapter writes the plan (`applyFix`), skipping cells edited since the plan was made.
 */
import type { RegisterCatalog } from "./catalog";
import type { RegisterRow, RegisterTable, SheetText } from "./register-types";
import { cleanText, matchKey, memoByText as memo, pluralRu } from "./text";
import { directionsNamedBy } from "./rules";
import { findProcess, processLabel, splitProcessCode, type TypicalProcess } from "./typical-list";
import { canonicalPlacements, canonicalValue } from "./vocabularies";

export type FixKind = "fill-direction" | "canonical-values" | "trim-spaces" | "assign-ids";

/** In the order the pane offers them. */
export const FIX_KINDS: readonly FixKind[] = ["trim-spaces", "canonical-values", "fill-direction", "assign-ids"];

export interface CellChange {
  /** Sheet row, 1-based. */
  row: number;
  /** Register column 1–15. */
  column: number;
  /** 0-based sheet column the register column was found in. */
  sheetColumn: number;
  before: string;
  after: string;
}

export interface FixPlan {
  kind: FixKind;
  /** Russian, short: «Убрать лишние пробелы». */
  title: string;
  /** Russian, one sentence on what will change. */
  description: string;
  changes: CellChange[];
  /** The fix is not offered until this setting is filled in (the pane links to its field). */
  needsSetting?: "agencyCode";
}

export interface FixOptions {
  /** Settings.idScheme: {agency}, {process}, {nn}. */
  idScheme: string;
  /** Settings.agencyCode. */
  agencyCode: string;
  /**
   * The sheet the table was read from, as display text (rows[0] is sheet row 1). With it, `before` is the cell's text
   * exactly as the sheet holds it (so a writer can tell whether the cell was edited since) and «trim-spaces» sees the
   * spaces that reading cleaned away. Without it, `before` is the table's cleaned text and «trim-spaces» finds nothing.
   */
  source?: SheetText;
}

/** The {process} part of an ID for a row whose process is not in the typical list. */
export const UNKNOWN_PROCESS_CODE = "0";

const COL = { id: 1, group: 5, process: 6, status: 8, client: 9, kind: 14, placement: 15 } as const;

/** «1 ячейка», «2 ячейки», «5 ячеек». */
export function cellsCount(n: number): string {
  return `${n} ${pluralRu(n, "ячейка", "ячейки", "ячеек")}`;
}

/** «в 1 строке», «в 3 строках». */
function inRows(n: number): string {
  return `в ${n} ${pluralRu(n, "строке", "строках", "строках")}`;
}

/** «1 строке», «3 строкам» (dative). */
function rowsCount(n: number): string {
  return `${n} ${pluralRu(n, "строка", "строки", "строк")}`;
}

function toRows(n: number): string {
  return `${n} ${pluralRu(n, "строке", "строкам", "строкам")}`;
}

/** Reads a register cell: raw sheet text when the source is given, else the table's cleaned text. */
function cellReader(table: RegisterTable, source: SheetText | undefined): (row: RegisterRow, column: number) => string {
  if (!source) return (row, column) => row.cells[column - 1] ?? "";
  return (row, column) => {
    const sheetColumn = table.columnMap[column - 1];
    if (sheetColumn === null || sheetColumn === undefined) return "";
    const text = source.rows[row.sheetRow - 1]?.[sheetColumn];
    return typeof text === "string" ? text : text === undefined || text === null ? "" : String(text);
  };
}

const NBSP_AND_TABS = /[\u00A0\u202F\u2007\t\f\v]/g;
const HORIZONTAL_RUNS = /[ \u2000-\u2006\u2008-\u200A\u3000]+/g;

/**
 * Spaces tidied: non-breaking spaces and tabs become spaces, runs collapse, each line is trimmed, empty lines at the edges
 * go and a run of empty lines inside becomes one (a paragraph break the author meant stays).
 */
export function tidySpaces(text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(NBSP_AND_TABS, " ")
    .replace(/[\u200B\uFEFF]/g, "")
    .split("\n")
    .map((line) => line.replace(HORIZONTAL_RUNS, " ").trim());
  while (lines.length && lines[0] === "") lines.shift();
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.filter((line, i) => line !== "" || lines[i - 1] !== "").join("\n");
}

/** The typical list's spelling of a process text that differs from its label or name only in case, ё/е, spaces. */
function canonicalProcess(text: string, processes: readonly TypicalProcess[]): string | null {
  const process = findProcess(text, processes);
  if (!process) return null;
  const label = processLabel(process);
  const whole = matchKey(text);
  // The user's form is kept: a label stays a label, a bare name stays a bare name.
  if (whole === matchKey(label)) return label;
  if (whole === matchKey(process.name)) return process.name;
  const { code, name } = splitProcessCode(cleanText(text));
  if (code && code === process.code && matchKey(name) === matchKey(process.name)) return label;
  // Other wordings (older seed names, another agency's name) are left to the user.
  return null;
}

/** The separator a placements cell uses, kept when its values are respelled. */
function placementJoiner(text: string): string {
  if (text.includes(";")) return "; ";
  if (text.includes(",")) return ", ";
  if (/[\n\r]/.test(text)) return "\n";
  return "; ";
}

function planTrimSpaces(table: RegisterTable, source: SheetText | undefined): CellChange[] {
  // Without the sheet's own text the table's cleaned text is all there is: nothing to tidy.
  if (!source) return [];
  const changes: CellChange[] = [];
  const columns: number[] = [];
  const sheetColumns: number[] = [];
  table.columnMap.forEach((sheetColumn, index) => {
    if (sheetColumn === null || sheetColumn === undefined) return;
    columns.push(index + 1);
    sheetColumns.push(sheetColumn);
  });
  for (const row of table.rows) {
    const sourceRow = source.rows[row.sheetRow - 1];
    if (!sourceRow) continue;
    const cells = row.cells;
    for (let i = 0; i < columns.length; i++) {
      const text = sourceRow[sheetColumns[i]];
      const column = columns[i];
      // The table holds cleanText of the same cell: equal (usually the very same string) means there is nothing to tidy.
      if (text === cells[column - 1] || text === undefined || text === null) continue;
      const before = typeof text === "string" ? text : String(text);
      if (before === "" || before === cells[column - 1]) continue;
      const after = tidySpaces(before);
      if (after !== before) changes.push({ row: row.sheetRow, column, sheetColumn: sheetColumns[i], before, after });
    }
  }
  return changes;
}

function planCanonicalValues(table: RegisterTable, catalog: RegisterCatalog, read: (row: RegisterRow, column: number) => string): CellChange[] {
  const named = directionsNamedBy(catalog);
  const byColumn = new Map<number, (text: string) => string | null>([
    [
      COL.group,
      memo((text) => {
        const codes = named(text);
        if (codes.size !== 1) return null;
        const [code] = codes;
        return catalog.directions.find((d) => d.code === code)?.name ?? null;
      }),
    ],
    [COL.process, memo((text) => canonicalProcess(text, catalog.processes))],
    [COL.status, memo((text) => canonicalValue(text, catalog.statuses))],
    [COL.client, memo((text) => canonicalValue(text, catalog.clients))],
    [COL.kind, memo((text) => canonicalValue(text, catalog.kinds))],
    [
      COL.placement,
      memo((text) => {
        const { values, unknown } = canonicalPlacements(text, catalog.placements);
        return unknown.length === 0 && values.length > 0 ? values.join(placementJoiner(text)) : null;
      }),
    ],
  ]);
  const changes: CellChange[] = [];
  const columns = [...byColumn.keys()].filter((column) => table.columnMap[column - 1] !== null);
  const canonicalIn = columns.map((column) => byColumn.get(column)!);
  for (const row of table.rows) {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      const cleaned = row.cells[column - 1];
      if (cleaned === "") continue;
      const canonical = canonicalIn[i](cleaned);
      // A difference in spaces alone is «trim-spaces»' business.
      if (canonical === null || canonical === cleaned) continue;
      const before = read(row, column);
      changes.push({ row: row.sheetRow, column, sheetColumn: table.columnMap[column - 1]!, before, after: canonical });
    }
  }
  return changes;
}

function planFillDirection(table: RegisterTable, catalog: RegisterCatalog, read: (row: RegisterRow, column: number) => string): { changes: CellChange[]; filled: number; corrected: number } {
  const groupColumn = table.columnMap[COL.group - 1];
  if (groupColumn === null || table.columnMap[COL.process - 1] === null) return { changes: [], filled: 0, corrected: 0 };
  const named = directionsNamedBy(catalog);
  const processOf = memo((text: string) => findProcess(text, catalog.processes));
  const directionName = new Map(catalog.directions.map((d) => [d.code, d.name]));
  const changes: CellChange[] = [];
  let filled = 0;
  let corrected = 0;
  for (const row of table.rows) {
    const processText = row.cells[COL.process - 1];
    if (processText === "") continue;
    const process = processOf(processText);
    if (!process) continue;
    const name = directionName.get(process.direction);
    if (!name) continue;
    const group = row.cells[COL.group - 1];
    if (group !== "" && named(group).has(process.direction)) continue;
    if (group === "") filled++;
    else corrected++;
    changes.push({ row: row.sheetRow, column: COL.group, sheetColumn: groupColumn, before: read(row, COL.group), after: name });
  }
  return { changes, filled, corrected };
}

/** A key for comparing IDs: spaces normalised, case and ё/е ignored (stricter than the rules' duplicate check). */
function idKey(text: string): string {
  const lower = cleanText(text).toLowerCase();
  return /[ё\s]/.test(lower) ? lower.replace(/ё/g, "е").replace(/\s+/g, " ") : lower;
}

/** The keys an ID occupies are its idKey and, when that ends in a period or space, this: its matchKey (trailing periods ignored). */
function extraKey(key: string, text: string): string | null {
  return key !== "" && /[.\s]/.test(key[key.length - 1]) ? matchKey(text) : null;
}

/** Where the trailing digits of an ID key start (as /^(.*?)(\d{1,9})$/ splits it: at most 9 digits); -1 without any. */
function trailingNumberStart(key: string): number {
  let start = key.length;
  while (start > 0 && key.length - start < 9) {
    const code = key.charCodeAt(start - 1);
    if (code < 48 || code > 57) break;
    start--;
  }
  return start === key.length ? -1 : start;
}

/** The scheme with {agency} resolved; without an agency code the placeholder goes with the separator beside it. */
export function resolveIdScheme(idScheme: string, agencyCode: string): string {
  let scheme = cleanText(idScheme) || "{agency}-{process}-{nn}";
  const agency = cleanText(agencyCode);
  if (agency) scheme = scheme.replace(/\{agency\}/g, agency);
  else {
    scheme = scheme.replace(/\{agency\}[-_./\s]+/g, "").replace(/[-_./\s]+\{agency\}/g, "").replace(/\{agency\}/g, "");
  }
  // Without {nn} every row of a process would get the same ID.
  if (!scheme.includes("{nn}")) scheme = `${scheme}${scheme ? "-" : ""}{nn}`;
  return scheme;
}

function planAssignIds(table: RegisterTable, catalog: RegisterCatalog, options: FixOptions, read: (row: RegisterRow, column: number) => string): CellChange[] {
  const idColumn = table.columnMap[COL.id - 1];
  if (idColumn === null) return [];
  const scheme = resolveIdScheme(options.idScheme, options.agencyCode);
  const at = scheme.indexOf("{nn}");
  const prefixTemplate = scheme.slice(0, at);
  const suffixTemplate = scheme.slice(at + "{nn}".length);
  const processOf = memo((text: string) => findProcess(text, catalog.processes));

  // Nothing to plan when every row has an ID (the usual case once IDs were assigned).
  if (!table.rows.some((row) => row.cells[COL.id - 1] === "")) return [];

  const existing: string[] = [];
  const taken = new Set<string>();
  for (const row of table.rows) {
    const id = row.cells[COL.id - 1];
    if (id === "") continue;
    const key = idKey(id);
    existing.push(key);
    taken.add(key);
    const extra = extraKey(key, id);
    if (extra !== null) taken.add(extra);
  }
  const counters = new Map<string, { next: number; width: number }>();
  // With {nn} at the end (the usual scheme) one pass finds every prefix's highest number: the prefix is what precedes
  // the trailing digits. Other schemes scan the existing IDs per prefix.
  if (suffixTemplate === "") {
    // Only the prefixes rows without an ID will take are asked for: IDs of another length are not even sliced.
    const prefixLengths = new Set<number>();
    for (const row of table.rows) {
      if (row.cells[COL.id - 1] !== "") continue;
      const process = row.cells[COL.process - 1] === "" ? null : processOf(row.cells[COL.process - 1]);
      prefixLengths.add(idKey(prefixTemplate.replace(/\{process\}/g, process?.code || UNKNOWN_PROCESS_CODE)).length);
    }
    for (const id of existing) {
      // idKey leaves no line breaks, so this splits as /^(.*?)(\d{1,9})$/ would.
      const start = trailingNumberStart(id);
      if (start < 0 || !prefixLengths.has(start)) continue;
      const key = `${id.slice(0, start)}\u0000`;
      const digits = id.length - start;
      const counter = counters.get(key);
      const next = Number(id.slice(start)) + 1;
      if (counter) {
        if (next > counter.next) counter.next = next;
        if (digits > counter.width) counter.width = digits;
      } else counters.set(key, { next: Math.max(1, next), width: Math.max(2, digits) });
    }
  }
  const counterFor = (prefix: string, suffix: string) => {
    const key = suffix === "" ? `${idKey(prefix)}\u0000` : `${prefix}\u0000${suffix}`;
    let counter = counters.get(key);
    if (!counter && suffix === "") {
      counter = { next: 1, width: 2 };
      counters.set(key, counter);
    }
    if (!counter) {
      const prefixKey = idKey(prefix);
      const suffixKey = idKey(suffix);
      let max = 0;
      let width = 2;
      for (const id of existing) {
        if (id.length <= prefixKey.length + suffixKey.length || !id.startsWith(prefixKey) || !id.endsWith(suffixKey)) continue;
        const middle = id.slice(prefixKey.length, id.length - suffixKey.length);
        if (!/^\d{1,9}$/.test(middle)) continue;
        max = Math.max(max, Number(middle));
        width = Math.max(width, middle.length);
      }
      counter = { next: max + 1, width };
      counters.set(key, counter);
    }
    return counter;
  };

  // Per process code: the scheme's prefix and suffix and their counter (a register names a few hundred processes at most).
  const schemeByCode = new Map<string, { prefix: string; suffix: string; suffixHasNumber: boolean; counter: { next: number; width: number } }>();
  const changes: CellChange[] = [];
  for (const row of table.rows) {
    if (row.cells[COL.id - 1] !== "") continue;
    const process = row.cells[COL.process - 1] === "" ? null : processOf(row.cells[COL.process - 1]);
    const code = process?.code || UNKNOWN_PROCESS_CODE;
    let scheme = schemeByCode.get(code);
    if (!scheme) {
      const prefix = prefixTemplate.replace(/\{process\}/g, code);
      const suffix = suffixTemplate.replace(/\{process\}/g, code);
      scheme = { prefix, suffix, suffixHasNumber: suffix.includes("{nn}"), counter: counterFor(prefix, suffix) };
      schemeByCode.set(code, scheme);
    }
    const { prefix, suffix, counter } = scheme;
    let id: string;
    let key: string;
    let extra: string | null;
    for (;;) {
      const number = String(counter.next).padStart(counter.width, "0");
      counter.next++;
      id = `${prefix}${number}${scheme.suffixHasNumber ? suffix.replace(/\{nn\}/g, number) : suffix}`;
      key = idKey(id);
      extra = extraKey(key, id);
      if (!taken.has(key) && (extra === null || !taken.has(extra))) break;
    }
    taken.add(key);
    if (extra !== null) taken.add(extra);
    changes.push({ row: row.sheetRow, column: COL.id, sheetColumn: idColumn, before: read(row, COL.id), after: id });
  }
  return changes;
}

function exampleId(changes: readonly CellChange[]): string {
  return changes.length ? ` вида «${changes[0].after}»` : "";
}

export function planFix(kind: FixKind, table: RegisterTable, catalog: RegisterCatalog, options: FixOptions): FixPlan {
  const read = cellReader(table, options.source);
  switch (kind) {
    case "trim-spaces": {
      const changes = planTrimSpaces(table, options.source);
      return {
        kind,
        title: "Убрать лишние пробелы",
        description: changes.length
          ? `Убрать пробелы в начале и в конце, повторные и неразрывные пробелы, пустые строки по краям: ${cellsCount(changes.length)}.`
          : "Лишних пробелов нет.",
        changes,
      };
    }
    case "canonical-values": {
      const changes = planCanonicalValues(table, catalog, read);
      return {
        kind,
        title: "Привести значения к справочнику",
        description: changes.length
          ? `Записать значения граф 5, 6, 8, 9, 14 и 15 так, как в выпадающих списках (регистр, ё/е, пробелы): ${cellsCount(changes.length)}; значения не из справочников не меняются.`
          : "Все значения из справочников уже записаны как в выпадающих списках.",
        changes,
      };
    }
    case "fill-direction": {
      const { changes, filled, corrected } = planFillDirection(table, catalog, read);
      let description: string;
      if (table.columnMap[COL.group - 1] === null) description = "В таблице нет графы 5 «Группа процессов»: заполнять некуда.";
      else if (table.columnMap[COL.process - 1] === null) description = "В таблице нет графы 6 «Наименование процесса»: направление определить не по чему.";
      else if (!changes.length) description = "Графа 5 везде соответствует процессу из графы 6.";
      else {
        const parts = [filled ? `заполнить пустую ${inRows(filled)}` : "", corrected ? `исправить не соответствующую процессу ${inRows(corrected)}` : ""].filter(Boolean);
        description = `Графа 5 «Группа процессов» по процессу из графы 6: ${parts.join(", ")}.`;
      }
      return { kind, title: "Заполнить направление по процессу", description, changes };
    }
    case "assign-ids": {
      const title = "Присвоить идентификаторы";
      const scheme = cleanText(options.idScheme) || "{agency}-{process}-{nn}";
      const changes = planAssignIds(table, catalog, options, read);
      if (table.columnMap[COL.id - 1] === null) return { kind, title, description: "В таблице нет графы 1 «Идентификатор процесса»: присваивать некуда.", changes };
      if (!changes.length) return { kind, title, description: "Идентификаторы есть во всех строках.", changes };
      // Without the code every ID would lack the agency part the scheme asks for, and a later code would change them all.
      if (scheme.includes("{agency}") && !cleanText(options.agencyCode)) {
        return {
          kind,
          title,
          description: `Без идентификатора: ${rowsCount(changes.length)}; код органа в настройках не задан, но код органа в настройках не задан, а схема идентификатора его включает. Задайте код органа — и идентификаторы можно будет присвоить.`,
          changes: [],
          needsSetting: "agencyCode",
        };
      }
      const description = `Присвоить ${toRows(changes.length)} без идентификатора уникальные идентификаторы${exampleId(changes)}; для процесса не из типового перечня и не из процессов органа код процесса «${UNKNOWN_PROCESS_CODE}».`;
      return { kind, title, description, changes };
    }
  }
}

/** Every kind in FIX_KINDS order, including plans with no changes. */
export function planAllFixes(table: RegisterTable, catalog: RegisterCatalog, options: FixOptions): FixPlan[] {
  return FIX_KINDS.map((kind) => planFix(kind, table, catalog, options));
}

/** The table as it will read after the plan is written (cells cleaned as reading cleans them). */
export function applyFixToTable(table: RegisterTable, plan: FixPlan): RegisterTable {
  const byRow = new Map<number, CellChange[]>();
  for (const change of plan.changes) {
    const list = byRow.get(change.row);
    if (list) list.push(change);
    else byRow.set(change.row, [change]);
  }
  return {
    ...table,
    rows: table.rows.map((row) => {
      const changes = byRow.get(row.sheetRow);
      if (!changes) return row;
      const cells = [...row.cells];
      for (const change of changes) cells[change.column - 1] = cleanText(change.after);
      return { ...row, cells };
    }),
  };
}
