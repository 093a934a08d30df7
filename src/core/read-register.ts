/**
 * Finding the register in any workbook: the header row is the row, within the first 30 of a sheet, whose cells
 * name the most register columns; columns may come in any order, extra ones are kept, missing ones reported.
 */
import type { ExtraColumn, RegisterRow, RegisterTable, SheetText } from "./register-types";
import { COLUMN_COUNT, matchColumnTitleDetailed, type TitleMatchQuality } from "./columns";
import { SETTINGS_SHEET_NAME } from "./settings";
import { isGeneratedSheetName } from "./sheet-names";
import { cleanText, matchKey } from "./text";
import { ownCopy } from "./own-copy";

/** Why a workbook gives no register: one wording for the CLI, the merge and the pane. */
export const NO_REGISTER_MESSAGE =
  "в книге не найден реестр: ни на одном листе нет строки заголовков с графами формы (идентификатор, наименование услуги, наименование процесса…)";

/** The header must lie within this many rows from the top of the sheet. */
export const HEADER_SEARCH_ROWS = 30;
/** Fewer matched titles than this is not a register header. */
export const MIN_HEADER_COLUMNS = 3;
/** At least one of these (ID, service, process) must be among the matched titles. */
const KEY_COLUMNS = [1, 3, 6];

const QUALITY_RANK: Record<TitleMatchQuality, number> = { exact: 3, alias: 2, prefix: 1 };

interface HeaderCandidate {
  sheetIndex: number;
  /** 0-based. */
  rowIndex: number;
  columnMap: (number | null)[];
  matched: number;
  exactness: number;
  extraColumns: ExtraColumn[];
}

/** Sheets we write that are never a register. */
function isSkippedSheet(name: string): boolean {
  return name.startsWith("_") || matchKey(name) === matchKey(SETTINGS_SHEET_NAME);
}

function isRegisterSheetName(name: string): boolean {
  return matchKey(name).startsWith("реестр");
}

/** Title matches remembered per distinct text: merged files repeat the same headers and cell texts (bounded). */
const titleMatches = new Map<string, ReturnType<typeof matchColumnTitleDetailed>>();

function titleMatch(text: string): ReturnType<typeof matchColumnTitleDetailed> {
  let match = titleMatches.get(text);
  if (match === undefined) {
    if (titleMatches.size >= 20_000) titleMatches.clear();
    match = matchColumnTitleDetailed(text);
    // Its own copy: a key cut out of the file's XML would keep the whole part alive as long as the cache.
    titleMatches.set(ownCopy(text), match);
  }
  return match;
}

function headerCandidate(row: readonly string[], sheetIndex: number, rowIndex: number): HeaderCandidate | null {
  const columnMap: (number | null)[] = new Array(COLUMN_COUNT).fill(null);
  const rank: number[] = new Array(COLUMN_COUNT).fill(0);
  const unmatched: number[] = [];
  for (let c = 0; c < row.length; c++) {
    const text = row[c];
    if (!text || cleanText(text) === "") continue;
    const match = titleMatch(text);
    if (!match) {
      unmatched.push(c);
      continue;
    }
    const index = match.column - 1;
    const quality = QUALITY_RANK[match.quality];
    if (quality > rank[index]) {
      // A better title for the same column: the earlier cell becomes an extra column.
      const previous = columnMap[index];
      if (previous !== null) unmatched.push(previous);
      columnMap[index] = c;
      rank[index] = quality;
    } else {
      unmatched.push(c);
    }
  }
  const matched = columnMap.filter((c) => c !== null).length;
  if (matched < MIN_HEADER_COLUMNS) return null;
  if (!KEY_COLUMNS.some((n) => columnMap[n - 1] !== null)) return null;
  const extraColumns = unmatched
    .sort((a, b) => a - b)
    .map((sheetColumn) => ({ sheetColumn, title: cleanText(row[sheetColumn]) }));
  return { sheetIndex, rowIndex, columnMap, matched, exactness: rank.reduce((a, b) => a + b, 0), extraColumns };
}

function isBetter(candidate: HeaderCandidate, best: HeaderCandidate | null, sheets: readonly SheetText[]): boolean {
  if (!best) return true;
  if (candidate.matched !== best.matched) return candidate.matched > best.matched;
  const candidateNamed = isRegisterSheetName(sheets[candidate.sheetIndex].name);
  const bestNamed = isRegisterSheetName(sheets[best.sheetIndex].name);
  if (candidateNamed !== bestNamed) return candidateNamed;
  return candidate.exactness > best.exactness;
}

function isUnbeatable(best: HeaderCandidate, sheets: readonly SheetText[]): boolean {
  return best.matched === COLUMN_COUNT && best.exactness === COLUMN_COUNT * QUALITY_RANK.exact && isRegisterSheetName(sheets[best.sheetIndex].name);
}

const SMALL_INTEGER = /^\d{1,3}\.?$/;

/**
 * The row of column numbers (1…15) that forms print under the header: by register number (through `columnMap`, register
 * column index → sheet column) or by position.
 */
export function isNumberingRow(row: readonly string[], columnMap: readonly (number | null)[]): boolean {
  const values: number[] = [];
  for (const cell of row) {
    const text = cleanText(cell ?? "");
    if (text === "") continue;
    if (!SMALL_INTEGER.test(text)) return false;
    values.push(parseInt(text, 10));
  }
  const matched = columnMap.filter((sheetColumn) => sheetColumn !== null).length;
  if (values.length < Math.min(MIN_HEADER_COLUMNS, matched)) return false;
  const byRegisterNumber = columnMap.every((sheetColumn, index) => {
    if (sheetColumn === null) return true;
    const text = cleanText(row[sheetColumn] ?? "");
    return text === "" || parseInt(text, 10) === index + 1;
  });
  // By position: 1, 2, 3 … from left to right (the first may be skipped under a merged or blank cell).
  const consecutive = values[0] <= 2 && values.every((value, i) => i === 0 || value === values[i - 1] + 1);
  return byRegisterNumber || consecutive;
}

/** After this many rows, a column whose texts are mostly distinct (IDs, descriptions) stops being memoised. */
const MEMO_TRIAL_ROWS = 2_048;

/**
 * cleanText per sheet column, remembered per distinct text: registers repeat statuses, kinds, units and process names
 * thousands of times, and a small map per column is faster than testing each cell again. Columns of mostly distinct
 * texts fall back to plain cleanText after a trial. A class rather than closures: optimised code calling per-call
 * closures is thrown away with them, every call.
 */
class ColumnCleaners {
  private readonly memos: (Map<string, string> | null)[];
  private rowsSeen = 0;

  constructor(count: number) {
    this.memos = Array.from({ length: count }, () => new Map<string, string>());
  }

  nextRow(): void {
    this.rowsSeen++;
  }

  clean(column: number, text: string): string {
    const memo = this.memos[column];
    if (memo === null) return cleanText(text);
    let cleaned = memo.get(text);
    if (cleaned === undefined) {
      cleaned = cleanText(text);
      memo.set(text, cleaned);
      if (this.rowsSeen >= MEMO_TRIAL_ROWS && memo.size * 2 > this.rowsSeen) this.memos[column] = null;
    }
    return cleaned;
  }
}

/**
 * The extra cells of every row of a table without extra columns: one array, not one per row (a merge keeps tens of
 * thousands of rows, and the collector copies every object it keeps). Frozen: nothing may add to it.
 */
const NO_EXTRA_CELLS = Object.freeze([]) as unknown as string[];

function tableFrom(sheet: SheetText, header: HeaderCandidate): RegisterTable {
  const rows: RegisterRow[] = [];
  const sheetRows = sheet.rows;
  const columnMap = header.columnMap;
  const extraColumns = header.extraColumns.map(({ sheetColumn }) => sheetColumn);
  const cleaners = new ColumnCleaners(columnMap.length + extraColumns.length);
  let numberingChecked = false;
  for (let r = header.rowIndex + 1; r < sheetRows.length; r++) {
    const source = sheetRows[r];
    if (!source || source.length === 0) continue;
    cleaners.nextRow();
    let empty = true;
    const cells: string[] = new Array(columnMap.length);
    for (let i = 0; i < columnMap.length; i++) {
      const sheetColumn = columnMap[i];
      const text = sheetColumn === null ? undefined : source[sheetColumn];
      const cleaned = text ? cleaners.clean(i, text) : "";
      if (cleaned !== "") empty = false;
      cells[i] = cleaned;
    }
    const extra: string[] = extraColumns.length === 0 ? NO_EXTRA_CELLS : new Array(extraColumns.length);
    for (let i = 0; i < extraColumns.length; i++) {
      const text = source[extraColumns[i]];
      const cleaned = text ? cleaners.clean(columnMap.length + i, text) : "";
      if (cleaned !== "") empty = false;
      extra[i] = cleaned;
    }
    if (empty) continue;
    if (!numberingChecked) {
      numberingChecked = true;
      if (isNumberingRow(source, columnMap)) continue;
    }
    rows.push({ sheetRow: r + 1, cells, extra });
  }
  const missingColumns: number[] = [];
  header.columnMap.forEach((sheetColumn, index) => {
    if (sheetColumn === null) missingColumns.push(index + 1);
  });
  return {
    sheet: sheet.name,
    headerRow: header.rowIndex + 1,
    columnMap: header.columnMap,
    missingColumns,
    extraColumns: header.extraColumns,
    rows,
  };
}

/**
 * The register in these sheets, or null when no sheet has a register header. Sheets we generate (the appendix, the
 * summary, the merge report…) repeat the column titles: they are searched only when no other sheet holds a register.
 */
export function findRegister(sheets: readonly SheetText[]): RegisterTable | null {
  return findRegisterAmong(sheets, (name) => !isGeneratedSheetName(name)) ?? findRegisterAmong(sheets, isGeneratedSheetName);
}

function findRegisterAmong(sheets: readonly SheetText[], searched: (name: string) => boolean): RegisterTable | null {
  let best: HeaderCandidate | null = null;
  search: for (let sheetIndex = 0; sheetIndex < sheets.length; sheetIndex++) {
    const sheet = sheets[sheetIndex];
    if (!sheet || isSkippedSheet(sheet.name ?? "") || !searched(sheet.name ?? "")) continue;
    const rows = sheet.rows ?? [];
    const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
    for (let r = 0; r < limit; r++) {
      const candidate = headerCandidate(rows[r] ?? [], sheetIndex, r);
      if (!candidate) continue;
      if (isBetter(candidate, best, sheets)) best = candidate;
      // Nothing beats every title matched exactly on a sheet named as a register: the rows below (unit IDs and
      // descriptions, each a new text to match against the titles) need not be tried.
      if (isUnbeatable(best!, sheets)) break search;
    }
  }
  if (!best) return null;
  const header: HeaderCandidate = best;
  return tableFrom(sheets[header.sheetIndex], withLowerHeaderRow(header, sheets[header.sheetIndex].rows ?? []));
}

/**
 * A header split over two rows (a group title merged over some columns, their titles in the row below): when every text
 * of the next row names a column the header misses, that row completes the header and the data start under it.
 */
function withLowerHeaderRow(header: HeaderCandidate, rows: readonly (readonly string[])[]): HeaderCandidate {
  const below = rows[header.rowIndex + 1] ?? [];
  const columnMap = [...header.columnMap];
  let added = 0;
  for (let c = 0; c < below.length; c++) {
    if (!below[c] || cleanText(below[c]) === "") continue;
    const match = titleMatch(below[c]);
    if (!match || columnMap[match.column - 1] !== null || columnMap.includes(c)) return header;
    columnMap[match.column - 1] = c;
    added++;
  }
  if (added === 0) return header;
  const extraColumns = header.extraColumns.filter(({ sheetColumn }) => !columnMap.includes(sheetColumn));
  return { ...header, rowIndex: header.rowIndex + 1, columnMap, matched: header.matched + added, extraColumns };
}
