/**
 * The «Журнал обращений» sheet as data. Dates are written as real dates (serial numbers shown as ДД.ММ.ГГГГ) so the
 * conditional formats can compare them with TODAY() and mark overdue requests and those due within 2 working days
 * without the add-in. NETWORKDAYS needs the non-working weekdays: they are listed in a hidden column with a name.
 */
import { ProductionCalendar, dayNumberToIso, isoToDayNumber } from "../calendar/working-days";
import { GROUND_LETTERS, groundLabel, REQUEST_COLUMNS, REQUEST_LOG_SHEET_NAME, REQUEST_STATUSES, type RequestColumnKey } from "../requests/request-log";
import type { EvaluatedRequest } from "../requests/request-rules";
import { DUE_SOON_WORKING_DAYS } from "../requests/request-rules";
import { columnLetters } from "./cells";
import type { DefinedName, LayoutValue, SheetLayout, WorkbookLayout } from "./types";

export const REQUEST_LOG_TITLE = "Журнал обращений об изменении реестра процессов";
export const REQUEST_LOG_HEADER_ROW = 3;
export const REQUEST_LOG_FIRST_DATA_ROW = REQUEST_LOG_HEADER_ROW + 1;
/** Rows prepared with dropdowns and highlighting below the last request. */
export const REQUEST_LOG_SPARE_ROWS = 200;

export const REQUEST_STATUS_NAME = "Статусы_обращений";
export const REQUEST_GROUND_NAME = "Основания_изменений";
export const NON_WORKING_DAYS_NAME = "Нерабочие_дни";

export const OVERDUE_FILL = "#F4CCCC";
export const DUE_SOON_FILL = "#FFF2CC";

const DATE_FORMAT = "dd.mm.yyyy";
/** Days between 1899-12-30 (Excel's serial zero in the 1900 system) and 1970-01-01. */
const SERIAL_OFFSET = 25_569;

export function isoToSerial(iso: string | null): number | null {
  if (!iso) return null;
  const day = isoToDayNumber(iso);
  return day === null ? null : day + SERIAL_OFFSET;
}

/** Hidden helper columns to the right of the log: statuses, grounds, non-working weekdays. */
const HELPER_FIRST_COLUMN = REQUEST_COLUMNS.length + 3;

/** Non-working weekdays (holidays and transferred days off) of the given years, as Excel serials. */
export function nonWorkingWeekdaySerials(calendar: ProductionCalendar, years: number[]): number[] {
  const serials: number[] = [];
  for (const year of years) {
    const first = isoToDayNumber(`${year}-01-01`)!;
    const last = isoToDayNumber(`${year}-12-31`)!;
    for (let day = first; day <= last; day++) {
      const weekday = new Date(day * 86_400_000).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !calendar.isWorkingDay(dayNumberToIso(day))) serials.push(day + SERIAL_OFFSET);
    }
  }
  return serials;
}

function cellOf(request: EvaluatedRequest, key: RequestColumnKey): LayoutValue {
  switch (key) {
    case "memoDate":
    case "received":
    case "decisionDate":
    case "informedDate":
      return isoToSerial(request[key]) ?? (request.raw[key] || null);
    case "due":
      return isoToSerial(request.due);
    case "ground":
      return request.ground ? groundLabel(request.ground) : request.raw.ground || null;
    case "processIds":
      return request.processIds.join("; ") || null;
    case "status":
      return request.status;
    case "number":
      return request.number || null;
    default:
      return (request[key] as string) || null;
  }
}

export interface RequestLogSheetOptions {
  calendar: ProductionCalendar;
  /** Years whose non-working weekdays the sheet lists for its highlighting; default: this year and the next. */
  years?: number[];
  agencyGenitive?: string;
}

export function buildRequestLogSheet(requests: readonly EvaluatedRequest[], options: RequestLogSheetOptions): { layout: SheetLayout; names: DefinedName[] } {
  const columnCount = REQUEST_COLUMNS.length;
  const last = columnLetters(columnCount);
  const first = REQUEST_LOG_FIRST_DATA_ROW;
  const lastRow = first + requests.length + REQUEST_LOG_SPARE_ROWS - 1;
  const letter = (key: RequestColumnKey) => columnLetters(REQUEST_COLUMNS.find((column) => column.key === key)!.index);

  const thisYear = new Date().getFullYear();
  const years = options.years ?? [thisYear, thisYear + 1];
  const holidays = nonWorkingWeekdaySerials(options.calendar, years);
  const helper = (offset: number) => columnLetters(HELPER_FIRST_COLUMN + offset);
  const helperTop = REQUEST_LOG_HEADER_ROW + 1;

  const rows: LayoutValue[][] = requests.map((request, i) =>
    REQUEST_COLUMNS.map((column) => (column.key === "number" ? request.number || String(i + 1) : cellOf(request, column.key))),
  );
  const agency = (options.agencyGenitive ?? "").trim();
  const due = `$${letter("due")}${first}`;
  const status = `$${letter("status")}${first}`;
  const open = `OR(${status}="на рассмотрении",${status}="")`;

  const layout: SheetLayout = {
    name: REQUEST_LOG_SHEET_NAME,
    tabColor: "#C55A11",
    columns: [
      ...REQUEST_COLUMNS.map((column) => ({ index: column.index, width: column.width, numberFormat: column.kind === "date" ? DATE_FORMAT : "@" })),
      { index: HELPER_FIRST_COLUMN, width: 18, hidden: true },
      { index: HELPER_FIRST_COLUMN + 1, width: 36, hidden: true },
      { index: HELPER_FIRST_COLUMN + 2, width: 12, numberFormat: DATE_FORMAT, hidden: true },
    ],
    rows: [{ index: REQUEST_LOG_HEADER_ROW, height: 45 }],
    blocks: [
      { row: 1, col: 1, values: [[agency ? `${REQUEST_LOG_TITLE} ${agency}` : REQUEST_LOG_TITLE]], style: { bold: true, fontSize: 13 } },
      {
        row: 2,
        col: 1,
        values: [[`Срок рассмотрения — ${10} рабочих дней после дня поступления (п. 3.10 порядка), по производственному календарю. Красным — просрочено, желтым — срок в ближайшие ${DUE_SOON_WORKING_DAYS} рабочих дня.`]],
        style: { italic: true, fontSize: 9 },
      },
      { row: REQUEST_LOG_HEADER_ROW, col: 1, values: [REQUEST_COLUMNS.map((column) => column.title)], style: { bold: true, wrap: true, border: true, fill: "#F2F2F2", horizontal: "center", vertical: "center" } },
      // One block per column: dates carry their date format, text stays text.
      ...(rows.length
        ? REQUEST_COLUMNS.map((column) => ({
            row: first,
            col: column.index,
            values: rows.map((row) => [row[column.index - 1]]),
            style: column.kind === "date" ? { border: true, vertical: "top" as const, horizontal: "center" as const, numberFormat: DATE_FORMAT } : { border: true, wrap: true, vertical: "top" as const },
          }))
        : []),
      { row: REQUEST_LOG_HEADER_ROW, col: HELPER_FIRST_COLUMN, values: [["Статусы"], ...REQUEST_STATUSES.map((value) => [value])] },
      { row: REQUEST_LOG_HEADER_ROW, col: HELPER_FIRST_COLUMN + 1, values: [["Основания"], ...GROUND_LETTERS.map((ground) => [groundLabel(ground)])] },
      { row: REQUEST_LOG_HEADER_ROW, col: HELPER_FIRST_COLUMN + 2, values: [["Нерабочие дни"], ...(holidays.length ? holidays : [null]).map((serial) => [serial])], style: { numberFormat: DATE_FORMAT } },
    ],
    merges: [`A1:${last}1`, `A2:${last}2`],
    validations: [
      {
        range: `${letter("status")}${first}:${letter("status")}${lastRow}`,
        source: `=${REQUEST_STATUS_NAME}`,
        errorStyle: "warning",
        errorTitle: "Статус обращения",
        errorMessage: "Выберите: на рассмотрении, учтено или отклонено (причину — в графе «Причина отклонения»).",
      },
      {
        range: `${letter("ground")}${first}:${letter("ground")}${lastRow}`,
        source: `=${REQUEST_GROUND_NAME}`,
        errorStyle: "warning",
        errorTitle: "Основание",
        errorMessage: "Основание изменения: а, б, в или г (п. 8 порядка).",
      },
    ],
    conditionalFormats: [
      {
        range: `A${first}:${last}${lastRow}`,
        formula: `=AND(${open},ISNUMBER(${due}),${due}<TODAY())`,
        fill: OVERDUE_FILL,
        fontColor: "#9C0006",
      },
      {
        range: `A${first}:${last}${lastRow}`,
        formula: `=AND(${open},ISNUMBER(${due}),${due}>=TODAY(),NETWORKDAYS(TODAY()+1,${due},${NON_WORKING_DAYS_NAME})<=${DUE_SOON_WORKING_DAYS})`,
        fill: DUE_SOON_FILL,
      },
    ],
    freeze: { rows: REQUEST_LOG_HEADER_ROW, columns: 2 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: { first: REQUEST_LOG_HEADER_ROW, last: REQUEST_LOG_HEADER_ROW } },
  };
  const sheetRef = `'${REQUEST_LOG_SHEET_NAME}'`;
  const names: DefinedName[] = [
    { name: REQUEST_STATUS_NAME, ref: `${sheetRef}!$${helper(0)}$${helperTop}:$${helper(0)}$${helperTop + REQUEST_STATUSES.length - 1}` },
    { name: REQUEST_GROUND_NAME, ref: `${sheetRef}!$${helper(1)}$${helperTop}:$${helper(1)}$${helperTop + GROUND_LETTERS.length - 1}` },
    { name: NON_WORKING_DAYS_NAME, ref: `${sheetRef}!$${helper(2)}$${helperTop}:$${helper(2)}$${helperTop + Math.max(holidays.length, 1) - 1}` },
  ];
  return { layout, names };
}

export function requestLogWorkbookLayout(requests: readonly EvaluatedRequest[], options: RequestLogSheetOptions): WorkbookLayout {
  const { layout, names } = buildRequestLogSheet(requests, options);
  return { sheets: [layout], names, activeSheet: REQUEST_LOG_SHEET_NAME };
}
