/**
 * The register as approved by the order (clauses 3.4, 3.9, 3.11): kept in the workbook on a hidden sheet with the order's
 * number and date, so the next merge compares against it (change grounds а–г) and the pane can say when the next
 * actualization is due (at least every six months).
 */
import type { RegisterRow, RegisterTable, SheetText } from "./register-types";
import type { CellBlock, LayoutValue, SheetLayout } from "./layout/types";
import { COLUMN_COUNT, REGISTER_COLUMNS } from "./columns";
import { cleanText, matchKey } from "./text";

/** Starts with "_" so that finding the working register never picks it. */
export const APPROVED_SHEET_NAME = "_Утвержденный реестр";

const MARKER = "Утвержденный реестр процессов";
const ORDER_NUMBER_LABEL = "Номер приказа";
const ORDER_DATE_LABEL = "Дата приказа";
const ROWS_LABEL = "Строк в реестре";

/** Sheet rows (1-based) of the snapshot's parts. */
const SNAPSHOT_ROWS = { marker: 1, orderNumber: 2, orderDate: 3, rowCount: 4, header: 6 } as const;

/** Clause 3.11: «не реже, чем каждые шесть месяцев». */
export const ACTUALIZATION_INTERVAL_MONTHS = 6;

export interface ApprovedRegister {
  orderNumber: string;
  /** dd.mm.yyyy */
  orderDate: string;
  table: RegisterTable;
}

export interface RuDate {
  day: number;
  month: number;
  year: number;
}

/** "dd.mm.yyyy" (also d.m.yyyy) → its parts, or null when it is not a calendar date. */
export function parseRuDate(text: string): RuDate | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(cleanText(text ?? ""));
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { day, month, year };
}

export function formatRuDate(date: RuDate): string {
  return `${String(date.day).padStart(2, "0")}.${String(date.month).padStart(2, "0")}.${date.year}`;
}

/** "YYYY-MM-DD" (the command line's form) → "dd.mm.yyyy", or null when it is not a calendar date. */
export function isoToRuDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cleanText(text ?? ""));
  if (!match) return null;
  const candidate = `${match[3]}.${match[2]}.${match[1]}`;
  return parseRuDate(candidate) ? candidate : null;
}

/** "dd.mm.yyyy" → "YYYY-MM-DD", or null when it is not a calendar date. */
export function ruDateToIso(text: string): string | null {
  const date = parseRuDate(text);
  return date ? `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}` : null;
}

/** Adds whole months; the 31st becomes the last day of a shorter month (31.08 + 6 months = 28/29.02). */
export function addMonths(date: RuDate, months: number): RuDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

function toUtcDays(date: RuDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

export function todayRuDate(now: Date = new Date()): RuDate {
  return { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear() };
}

/** Today (local time) as dd.mm.yyyy, the form the register's dates are written in. */
export function todayText(now: Date = new Date()): string {
  return formatRuDate(todayRuDate(now));
}

export interface ActualizationDue {
  /** dd.mm.yyyy of the latest approval or actualization the date is counted from. */
  since: string;
  /** dd.mm.yyyy */
  due: string;
  /** Days from today to the due date; negative when overdue. */
  daysLeft: number;
  overdue: boolean;
}

/**
 * The next actualization: six months after the latest of the given dates (approval order date, last actualization).
 * Null when none of them is a date.
 */
export function nextActualization(dates: readonly (string | null | undefined)[], today: RuDate = todayRuDate()): ActualizationDue | null {
  const parsed = dates.map((text) => (text ? parseRuDate(text) : null)).filter((date): date is RuDate => date !== null);
  if (parsed.length === 0) return null;
  const latest = parsed.reduce((a, b) => (toUtcDays(b) > toUtcDays(a) ? b : a));
  const due = addMonths(latest, ACTUALIZATION_INTERVAL_MONTHS);
  const daysLeft = toUtcDays(due) - toUtcDays(today);
  return { since: formatRuDate(latest), due: formatRuDate(due), daysLeft, overdue: daysLeft < 0 };
}

/** The hidden sheet holding the approved register: order number and date, then the 15 columns as written. */
export function buildApprovedRegisterLayout(input: {
  rows: readonly (readonly string[])[];
  orderNumber: string;
  orderDate: string;
  /**
   * The rows' layout values when the caller has them (the appendix writes the same rows): the non-empty rows, each
   * as 15 cleaned cells with an empty cell as null, in the register's order.
   */
  values?: LayoutValue[][];
}): SheetLayout {
  const data =
    input.values ??
    input.rows
      .map((cells) => Array.from({ length: COLUMN_COUNT }, (_, i) => cleanText(cells[i] ?? "")))
      .filter((cells) => cells.some((cell) => cell !== ""))
      .map((cells) => cells.map((cell): LayoutValue => (cell === "" ? null : cell)));
  const blocks: CellBlock[] = [
    {
      row: SNAPSHOT_ROWS.marker,
      col: 1,
      values: [
        [MARKER, null],
        [ORDER_NUMBER_LABEL, cleanText(input.orderNumber)],
        [ORDER_DATE_LABEL, cleanText(input.orderDate)],
        [ROWS_LABEL, String(data.length)],
      ],
      style: { numberFormat: "@" },
    },
    { row: SNAPSHOT_ROWS.header, col: 1, values: [REGISTER_COLUMNS.map((column) => column.title)], style: { bold: true } },
  ];
  if (data.length) {
    blocks.push({
      row: SNAPSHOT_ROWS.header + 1,
      col: 1,
      values: data,
      style: { numberFormat: "@" },
    });
  }
  return {
    name: APPROVED_SHEET_NAME,
    visibility: "hidden",
    columns: REGISTER_COLUMNS.map((column) => ({ index: column.number, width: column.width, numberFormat: "@" })),
    blocks,
  };
}

function labelValue(rows: readonly string[][], rowNumber: number, label: string): string | null {
  const row = rows[rowNumber - 1] ?? [];
  return matchKey(row[0] ?? "") === matchKey(label) ? cleanText(row[1] ?? "") : null;
}

/** The approved register kept in the workbook, or null when there is none (or the sheet was damaged). */
/** The sheet named as the approved register's copy (case and spacing ignored), whatever it holds. */
export function findApprovedSheet(sheets: readonly SheetText[]): SheetText | undefined {
  const key = matchKey(APPROVED_SHEET_NAME);
  return sheets.find((candidate) => matchKey(candidate?.name ?? "") === key);
}

export function readApprovedRegister(sheets: readonly SheetText[]): ApprovedRegister | null {
  const sheet = findApprovedSheet(sheets);
  if (!sheet) return null;
  const rows = sheet.rows ?? [];
  if (matchKey(rows[SNAPSHOT_ROWS.marker - 1]?.[0] ?? "") !== matchKey(MARKER)) return null;
  const orderNumber = labelValue(rows, SNAPSHOT_ROWS.orderNumber, ORDER_NUMBER_LABEL);
  const orderDate = labelValue(rows, SNAPSHOT_ROWS.orderDate, ORDER_DATE_LABEL);
  if (orderNumber === null || orderDate === null) return null;
  const header = rows[SNAPSHOT_ROWS.header - 1] ?? [];
  const titlesMatch = REGISTER_COLUMNS.every((column, i) => matchKey(header[i] ?? "") === matchKey(column.title));
  if (!titlesMatch) return null;
  const registerRows: RegisterRow[] = [];
  for (let r = SNAPSHOT_ROWS.header; r < rows.length; r++) {
    const source = rows[r] ?? [];
    const cells = Array.from({ length: COLUMN_COUNT }, (_, i) => cleanText(source[i] ?? ""));
    if (cells.every((cell) => cell === "")) continue;
    registerRows.push({ sheetRow: r + 1, cells, extra: [] });
  }
  return {
    orderNumber,
    orderDate,
    table: {
      sheet: sheet.name,
      headerRow: SNAPSHOT_ROWS.header,
      columnMap: REGISTER_COLUMNS.map((_, i) => i),
      missingColumns: [],
      extraColumns: [],
      rows: registerRows,
    },
  };
}
