/**
 * Merging the registers that units submit (docs/merge.md, «Semantics»): exact duplicates kept once, conflicting IDs flagged, every row traced
 * back to its file and sheet row, files that could not be read reported while the others are merged.
 */
import type { RegisterIssue, RegisterTable, SheetText } from "./register-types";
import type { RegisterCatalog } from "./catalog";
import { REGISTER_COLUMNS } from "./columns";
import { anyText, cleanText, matchKey } from "./text";
import { validateRegister } from "./rules";
import { findRegister, NO_REGISTER_MESSAGE } from "./read-register";
import { SETTINGS_SHEET_NAME, findSettingsPairs, settingsFromPairs, type Settings } from "./settings";
import type { StampReading } from "./collection/stamp";
import { CellComparer, CellNormalizer, MERGE_COLUMN_COUNT } from "./cell-keys";
import type { UnitReport } from "./collection/round";

export { CellComparer, CellNormalizer, MERGE_COLUMN_COUNT, matchDirection, normalizeCell } from "./cell-keys";

export type MergeInputResult =
  | { ok: true; table: RegisterTable }
  | { ok: false; message: string; reason?: string };

export interface MergeInput {
  /** The file's name as the user gave it (command line argument or picked file name). */
  file: string;
  result: MergeInputResult;
  /** The collection stamp the file carries (a file prepared for a unit), when it was looked for. */
  stamp?: StampReading;
  /** dd.mm.yyyy the file was received (its modification date), when known: tells a late submission. */
  received?: string;
}

/** Where a consolidated row came from. */
export interface RowSource {
  file: string;
  /** Index of the file in the inputs. */
  fileIndex: number;
  sheet: string;
  /** The source sheet's row number (1-based). */
  row: number;
}

export interface MergedRow {
  /** 15 cells: cleaned, vocabulary values in their canonical form. */
  cells: string[];
  source: RowSource;
  /** Values of the source's extra columns, keyed by the consolidated extra column index. */
  extra: ReadonlyMap<number, string>;
  /** Other rows identical in all 15 columns, merged into this one. */
  mergedDuplicates: readonly RowSource[];
}

export interface MergeInputReport {
  file: string;
  status: "ok" | "error";
  /** Data rows read from the file (empty rows are not data). */
  rows: number;
  /** "" for a file read without remarks; the reason for a file that could not be read. */
  message: string;
  reason?: string;
  sheet?: string;
  headerRow?: number;
  missingColumns: number[];
  extraColumns: string[];
  /** Rows of this file merged into an identical row kept elsewhere. */
  duplicatesMerged: number;
  /** Rows with text only outside the 15 columns (not register data, not merged). */
  rowsWithoutRegisterData: number;
}

/** An issue of the consolidated register, traced back to its source. */
export interface MergeIssue extends RegisterIssue {
  /** `row` is the source sheet's row; this is the file. */
  file: string;
  /** 0-based index of the row in `MergeResult.rows`. */
  mergedIndex: number;
}

export interface MergeResult {
  inputs: MergeInputReport[];
  /** The consolidated register in its final order. */
  rows: MergedRow[];
  /** Titles of extra columns found in the files (union, first spelling kept). */
  extraColumns: string[];
  duplicatesMerged: number;
  issues: MergeIssue[];
  /** Who submitted (set by `planMerge`): every unit of the round with its status. */
  units?: UnitReport[];
  /** Rows carried over unchanged from the approved register for units that did not submit. */
  carriedOver?: number;
}

export { NO_REGISTER_MESSAGE };

/** The register found in a workbook's sheets, or the reason it is not there. */
export function registerFromSheets(sheets: readonly SheetText[]): MergeInputResult {
  const table = findRegister(sheets);
  return table ? { ok: true, table } : { ok: false, reason: "no-register", message: NO_REGISTER_MESSAGE };
}

/** Settings kept in a workbook's reference sheet, or null when it has none. */
export function settingsFromSheets(sheets: readonly SheetText[]): Settings | null {
  const sheet = sheets.find((candidate) => matchKey(candidate.name) === matchKey(SETTINGS_SHEET_NAME));
  if (!sheet) return null;
  const pairs = findSettingsPairs(sheet);
  return pairs.length > 0 ? settingsFromPairs(pairs) : null;
}

/**
 * A key under which codes such as «1.10» and «1.9», or IDs such as «017.04.010», compare part by part with numbers as
 * numbers, by plain string comparison (far cheaper than a collator on tens of thousands of rows). Digit runs are padded to
 * a fixed width after their leading zeros are dropped; the original text breaks ties so that «01» and «1» stay distinct.
 */
export function codeSortKey(code: string): string {
  // Written as code units into one scratch array and made into a string at once: one key per consolidated row, and the
  // pieces of a joined key (a slice and a padded copy per digit run, an array per key) were some 800 bytes of garbage
  // per row, a third of what planning a merge allocates.
  const units = keyScratch;
  let count = 0;
  const length = code.length;
  for (let i = 0; i < length; i++) {
    const c = code.charCodeAt(i);
    if (!isDigit(c)) {
      units[count++] = c;
      continue;
    }
    let end = i + 1;
    while (end < length && isDigit(code.charCodeAt(end))) end++;
    // Leading zeros dropped, one digit kept; padded to 16 digits unless longer.
    let start = i;
    while (start < end - 1 && code.charCodeAt(start) === 48) start++;
    for (let pad = end - start; pad < 16; pad++) units[count++] = 48;
    for (let k = start; k < end; k++) units[count++] = code.charCodeAt(k);
    i = end - 1;
  }
  units[count++] = 0;
  for (let i = 0; i < length; i++) units[count++] = code.charCodeAt(i);
  if (units.length !== count) units.length = count;
  if (count <= APPLY_UNITS) return String.fromCharCode.apply(null, units);
  // A code of thousands of characters (a cell holds up to 32,767): `apply` takes its arguments in slices.
  const parts: string[] = [];
  for (let from = 0; from < count; from += APPLY_UNITS) parts.push(String.fromCharCode.apply(null, units.slice(from, from + APPLY_UNITS)));
  return parts.join("");
}

/** Code units passed to one String.fromCharCode: well under what `apply` takes as arguments. */
const APPLY_UNITS = 8192;
const keyScratch: number[] = [];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function compareCodes(a: string, b: string): number {
  const keyA = codeSortKey(a);
  const keyB = codeSortKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/**
 * Order of the consolidated register: by direction (in the catalog's order), then process code, then ID, stable.
 * A row whose process is unknown sorts after the known processes of the direction its column 5 names; a row whose direction
 * cannot be told at all sorts after every direction. Within equal keys the input order (file, then row) is kept.
 * The keys are kept in arrays by row and the rows' indexes sorted: no key object per row (tens of thousands of them, each
 * copied by the collector while the merge runs).
 */
function sortRows(rows: readonly MergedRow[], comparer: CellComparer, ranks: SortRanks): MergedRow[] {
  const count = rows.length;
  const directionRanks = new Int32Array(count);
  const processRanks = new Int32Array(count);
  /** `codeSortKey` of the ID; "" sorts last. */
  const ids: string[] = new Array(count);
  const indexes: number[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const row = rows[index];
    const process = comparer.process(row.cells[5]);
    const directionCode = process ? process.direction : comparer.direction(row.cells[4])?.code;
    directionRanks[index] = directionCode !== undefined ? ranks.directions.get(directionCode) ?? ranks.unknown : ranks.unknown;
    processRanks[index] = process ? ranks.processes.get(process.code) ?? ranks.unknown : ranks.unknown;
    ids[index] = row.cells[0] === "" ? "" : codeSortKey(row.cells[0]);
    indexes[index] = index;
  }
  indexes.sort((a, b) => directionRanks[a] - directionRanks[b] || processRanks[a] - processRanks[b] || compareIds(ids[a], ids[b]) || a - b);
  return indexes.map((index) => rows[index]);
}

interface SortRanks {
  directions: Map<string, number>;
  processes: Map<string, number>;
  unknown: number;
}

function sortRanks(catalog: RegisterCatalog): SortRanks {
  const codes = catalog.processes.map((process) => process.code).sort(compareCodes);
  return {
    directions: new Map(catalog.directions.map((direction, index) => [direction.code, index])),
    processes: new Map(codes.map((code, index) => [code, index])),
    unknown: Math.max(codes.length, catalog.directions.length),
  };
}

/** Rows with an ID come before rows without one; IDs are compared by their `codeSortKey`. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  return a < b ? -1 : 1;
}

function describeSource(source: RowSource): string {
  return `${source.file} (строка ${source.row})`;
}

export interface MergeOptions {
  /** Inputs whose rows are counted but not merged (a later file of the same unit replaces them), with the reason. */
  skip?: ReadonlyMap<number, string>;
  /** Remarks added to an input's message (collection round: another agency's stamp, a replaced table…). */
  notes?: ReadonlyMap<number, readonly string[]>;
  /** Rows not from any input (a unit's approved rows carried over), merged and sorted with the others. */
  carried?: readonly { cells: string[]; source: RowSource }[];
}

const NO_EXTRA: ReadonlyMap<number, string> = new Map();
const NO_EXTRA_VALUES: string[] = [];
const NO_DUPLICATES: readonly RowSource[] = Object.freeze([]);

/** Merges the inputs; `catalog` gives the vocabularies, the typical list and the units the rules check against. */
export function mergeRegisters(inputs: readonly MergeInput[], catalog: RegisterCatalog, options: MergeOptions = {}): MergeResult {
  const comparer = new CellComparer(catalog);
  const normalizer = new CellNormalizer(catalog);
  const reports: MergeInputReport[] = [];
  const extraTitles: string[] = [];
  const extraIndexByKey = new Map<string, number>();
  // Kept rows by the hash of their cells' key numbers; a hash shared by distinct rows (rare) holds them all.
  const keptByHash = new Map<number, MergedRow | MergedRow[]>();
  const numbers: number[] = [];
  const otherNumbers: number[] = [];
  /** Whether a kept row's cells have the numbers of the row at hand (in `numbers`). */
  const hasRowNumbers = (cells: readonly string[]) => {
    comparer.rowNumbers(cells, otherNumbers);
    for (let index = 0; index < numbers.length; index++) if (numbers[index] !== otherNumbers[index]) return false;
    return true;
  };
  const kept: MergedRow[] = [];
  let duplicatesMerged = 0;

  inputs.forEach((input, fileIndex) => {
    if (!input.result.ok) {
      reports.push({
        file: input.file,
        status: "error",
        rows: 0,
        message: input.result.message,
        reason: input.result.reason,
        missingColumns: [],
        extraColumns: [],
        duplicatesMerged: 0,
        rowsWithoutRegisterData: 0,
      });
      return;
    }
    const table = input.result.table;
    const extraMap = table.extraColumns.map((column) => {
      const key = matchKey(column.title);
      let index = extraIndexByKey.get(key);
      if (index === undefined) {
        index = extraTitles.length;
        extraTitles.push(column.title);
        extraIndexByKey.set(key, index);
      }
      return index;
    });
    const report: MergeInputReport = {
      file: input.file,
      status: "ok",
      rows: 0,
      message: "",
      sheet: table.sheet,
      headerRow: table.headerRow,
      missingColumns: [...table.missingColumns],
      extraColumns: table.extraColumns.map((column) => column.title),
      duplicatesMerged: 0,
      rowsWithoutRegisterData: 0,
    };
    for (const row of table.rows) {
      const cells = normalizer.row(row.cells);
      if (!anyText(cells)) {
        if (row.extra.some((value) => cleanText(value ?? "") !== "")) report.rowsWithoutRegisterData++;
        continue;
      }
      report.rows++;
      if (options.skip?.has(fileIndex)) continue;
      const source: RowSource = { file: input.file, fileIndex, sheet: table.sheet, row: row.sheetRow };
      const hash = comparer.rowNumbers(cells, numbers);
      const bucket = keptByHash.get(hash);
      let existing: MergedRow | undefined;
      if (bucket !== undefined) {
        if (!Array.isArray(bucket)) existing = hasRowNumbers(bucket.cells) ? bucket : undefined;
        else existing = bucket.find((candidate) => hasRowNumbers(candidate.cells));
      }
      if (existing) {
        // A new array per duplicate found: rows without duplicates (nearly all) share one empty array.
        existing.mergedDuplicates = existing.mergedDuplicates.length === 0 ? [source] : [...existing.mergedDuplicates, source];
        report.duplicatesMerged++;
        duplicatesMerged++;
        continue;
      }
      // Most rows have no extra values: they share one empty map (tens of thousands of maps were megabytes).
      let extra: Map<number, string> | undefined;
      for (let index = 0; index < row.extra.length; index++) {
        const text = cleanText(row.extra[index] ?? "");
        if (text !== "") (extra ??= new Map()).set(extraMap[index], text);
      }
      const merged: MergedRow = { cells, source, extra: extra ?? NO_EXTRA, mergedDuplicates: NO_DUPLICATES };
      if (bucket === undefined) keptByHash.set(hash, merged);
      else if (Array.isArray(bucket)) bucket.push(merged);
      else keptByHash.set(hash, [bucket, merged]);
      kept.push(merged);
    }
    report.message = [describeInputRemarks(report), ...(options.notes?.get(fileIndex) ?? [])].filter(Boolean).join("; ");
    reports.push(report);
  });
  for (const row of options.carried ?? []) {
    kept.push({ cells: normalizer.row(row.cells), source: row.source, extra: NO_EXTRA, mergedDuplicates: NO_DUPLICATES });
  }

  const ranks = sortRanks(catalog);
  const ordered = sortRows(kept, comparer, ranks);

  return {
    inputs: reports,
    rows: ordered,
    extraColumns: extraTitles,
    duplicatesMerged,
    issues: checkMergedRows(ordered, catalog),
  };
}

/** Missing and extra columns, said in one line; "" when there is nothing to say. */
function describeInputRemarks(report: MergeInputReport): string {
  const parts: string[] = [];
  if (report.missingColumns.length > 0) {
    parts.push(`нет граф: ${report.missingColumns.map((n) => `${n} «${REGISTER_COLUMNS[n - 1]?.title ?? n}»`).join(", ")}`);
  }
  if (report.extraColumns.length > 0) {
    parts.push(`дополнительные графы: ${report.extraColumns.map((title) => `«${title}»`).join(", ")}`);
  }
  if (report.rows === 0) parts.push("в реестре нет строк с данными");
  return parts.join("; ");
}

/** The consolidated rows as a register table: sheet row n+1 is `rows[n]`, so issues map back by index. */
export function mergedTable(rows: readonly MergedRow[], sheet = "Сводный реестр"): RegisterTable {
  return {
    sheet,
    headerRow: 0,
    columnMap: Array.from({ length: MERGE_COLUMN_COUNT }, (_, index) => index),
    missingColumns: [],
    extraColumns: [],
    rows: rows.map((row, index) => ({ sheetRow: index + 1, cells: [...row.cells], extra: [] })),
  };
}

/** Runs the register's rules over the consolidated rows and traces every issue to its source file and row. */
export function checkMergedRows(rows: readonly MergedRow[], catalog: RegisterCatalog): MergeIssue[] {
  // The rules only read the cells: the rows' own arrays, not a copy of every row.
  const table: RegisterTable = { ...mergedTable([]), rows: rows.map((row, index) => ({ sheetRow: index + 1, cells: row.cells, extra: NO_EXTRA_VALUES })) };
  const issues = validateRegister(table, catalog);
  // Rows by ID, for the message of a repeated ID: built only when one is reported (a list per row otherwise).
  let rowsById: Map<string, MergedRow[]> | undefined;
  const rowsWithId = (id: string): MergedRow[] => {
    if (!rowsById) {
      rowsById = new Map();
      for (const row of rows) {
        const rowId = row.cells[0];
        if (rowId === "") continue;
        const list = rowsById.get(rowId);
        if (list) list.push(row);
        else rowsById.set(rowId, [row]);
      }
    }
    return rowsById.get(id) ?? [];
  };
  return issues.map((issue) => {
    const mergedIndex = issue.row - 1;
    const row = rows[mergedIndex];
    let message = issue.message;
    if (issue.code === "duplicate-id") {
      const others = rowsWithId(row.cells[0]).filter((other) => other !== row);
      message =
        `Идентификатор «${row.cells[0]}» повторяется с другим содержанием: ` +
        [row, ...others].map((r) => describeSource(r.source)).join(", ") +
        ". Решите, какая строка верна.";
    }
    return { ...issue, message, row: row.source.row, file: row.source.file, mergedIndex };
  });
}

/** Counts for the report and for the check that every row is accounted for. */
export function mergeTotals(result: MergeResult): {
  filesRead: number;
  filesFailed: number;
  rowsRead: number;
  rows: number;
  duplicatesMerged: number;
  errors: number;
  warnings: number;
} {
  let errors = 0;
  let warnings = 0;
  for (const issue of result.issues) {
    if (issue.severity === "error") errors++;
    else warnings++;
  }
  return {
    filesRead: result.inputs.filter((input) => input.status === "ok").length,
    filesFailed: result.inputs.filter((input) => input.status === "error").length,
    rowsRead: result.inputs.reduce((sum, input) => sum + input.rows, 0),
    rows: result.rows.length,
    duplicatesMerged: result.duplicatesMerged,
    errors,
    warnings,
  };
}
