/**
 * The running collection round as the coordinator's workbook remembers it, so the due-date screen and `reestr status`
 * can name the units that have not sent their files yet.
 *
 * Two records are read, both written by us and both tolerant of hand edits (title rows above, case, ё/е, spaces):
 * - «Сбор сведений»: written when the files for the units are prepared in the pane — the round's units, issue date and
 *   due date, one row per unit with its status;
 * - the units table of «Отчет о сведении»: written by every merge (pane and CLI) — who submitted by then.
 * A merge made on or after the round's issue date counts: a unit it reports as submitted has submitted.
 */
import { isoToRuDate, parseRuDate, ruDateToIso } from "../approval";
import type { SheetLayout } from "../layout/types";
import type { SheetText } from "../register-types";
import { MERGE_REPORT_SHEET_NAME, ROUND_SHEET_NAME } from "../sheet-names";
import { cleanText, headerKey, matchKey } from "../text";
import { compareRuDates } from "./ru-dates";
import { UNIT_STATUS_TEXT } from "./unit-status";

export const ROUND_TITLE = "Сбор сведений от подразделений";
export const ROUND_HEADER_ROW = 4;

const MISSING_TEXT = UNIT_STATUS_TEXT.missing;

/** Column titles of the round's table, in order. */
export const ROUND_COLUMNS = ["Подразделение", "Статус", "Дата выдачи", "Срок"] as const;

export interface RoundRecord {
  /** dd.mm.yyyy */
  issued: string;
  /** dd.mm.yyyy or "" when the round has no due date. */
  due: string;
  units: { unit: string; submitted: boolean }[];
}

/** The «Сбор сведений» sheet of a round just started: every unit «не представлен». */
export function roundRecordLayout(round: { issued: string; due: string; units: readonly string[] }): SheetLayout {
  const when = round.due ? `Файлы выданы ${round.issued}, срок представления ${round.due}.` : `Файлы выданы ${round.issued}.`;
  const lead = `${when} Кто уже прислал файл, видно в разделе «Сроки» и на листе «${MERGE_REPORT_SHEET_NAME}» после сведения; статус можно отметить и здесь вручную.`;
  return {
    name: ROUND_SHEET_NAME,
    columns: [
      { index: 1, width: 44 },
      { index: 2, width: 26 },
      { index: 3, width: 14, numberFormat: "@" },
      { index: 4, width: 14, numberFormat: "@" },
    ],
    blocks: [
      { row: 1, col: 1, values: [[ROUND_TITLE]], style: { bold: true, fontSize: 14 } },
      { row: 2, col: 1, values: [[lead]], style: { italic: true } },
      { row: ROUND_HEADER_ROW, col: 1, values: [[...ROUND_COLUMNS]], style: { bold: true, border: true, wrap: true, fill: "#D9E1F2" } },
      {
        row: ROUND_HEADER_ROW + 1,
        col: 1,
        values: round.units.map((unit) => [unit, MISSING_TEXT, round.issued, round.due || null]),
        style: { border: true, wrap: true, numberFormat: "@" },
      },
    ],
  };
}

function sheetNamed(sheets: readonly SheetText[], name: string): SheetText | undefined {
  const wanted = matchKey(name);
  return sheets.find((sheet) => matchKey(sheet.name) === wanted);
}

/** Row index (0-based) of the first row among the first 40 naming «Подразделение» and «Статус», with their columns. */
function findUnitHeader(rows: readonly string[][]): { row: number; unit: number; status: number; issued: number; due: number } | null {
  for (let r = 0; r < Math.min(rows.length, 40); r++) {
    const keys = (rows[r] ?? []).map((cell) => headerKey(cell ?? ""));
    const unit = keys.indexOf(headerKey("Подразделение"));
    const status = keys.indexOf(headerKey("Статус"));
    if (unit >= 0 && status >= 0) return { row: r, unit, status, issued: keys.indexOf(headerKey("Дата выдачи")), due: keys.indexOf(headerKey("Срок")) };
  }
  return null;
}

function isMissingStatus(text: string): boolean {
  return matchKey(text) === matchKey(MISSING_TEXT);
}

/** A typed date as dd.mm.yyyy, or "" (dd.mm.yyyy text, or a date Excel shows as ISO). */
function ruDateOf(text: string): string {
  const cleaned = cleanText(text);
  if (parseRuDate(cleaned)) return cleaned;
  return isoToRuDate(cleaned) ?? "";
}

interface UnitTable {
  units: { unit: string; submitted: boolean; issued: string; due: string }[];
}

/** The units table under a «Подразделение | Статус» header, up to the first empty row. */
function readUnitTable(sheet: SheetText): UnitTable | null {
  const rows = sheet.rows ?? [];
  const header = findUnitHeader(rows);
  if (!header) return null;
  const units: UnitTable["units"] = [];
  for (let r = header.row + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const unit = cleanText(cells[header.unit] ?? "");
    if (unit === "") break;
    units.push({
      unit,
      submitted: !isMissingStatus(cells[header.status] ?? ""),
      issued: header.issued >= 0 ? ruDateOf(cells[header.issued] ?? "") : "",
      due: header.due >= 0 ? ruDateOf(cells[header.due] ?? "") : "",
    });
  }
  return { units };
}

export function readRoundRecord(sheets: readonly SheetText[]): RoundRecord | null {
  const sheet = sheetNamed(sheets, ROUND_SHEET_NAME);
  if (!sheet) return null;
  const table = readUnitTable(sheet);
  if (!table || table.units.length === 0) return null;
  return {
    issued: table.units.find((unit) => unit.issued)?.issued ?? "",
    due: table.units.find((unit) => unit.due)?.due ?? "",
    units: table.units.map(({ unit, submitted }) => ({ unit, submitted })),
  };
}

/** The last merge's view of the round: its date and the units it found submitted or missing. */
export function readMergeReportUnits(sheets: readonly SheetText[]): { date: string; due: string; units: { unit: string; submitted: boolean }[] } | null {
  const sheet = sheetNamed(sheets, MERGE_REPORT_SHEET_NAME);
  if (!sheet) return null;
  const table = readUnitTable(sheet);
  if (!table || table.units.length === 0) return null;
  let date = "";
  for (const row of (sheet.rows ?? []).slice(0, 6)) {
    const found = /Дата сведения:\s*(\d{1,2}\.\d{1,2}\.\d{4})/.exec(row.join(" "));
    if (found) {
      date = found[1];
      break;
    }
  }
  return { date, due: table.units.find((unit) => unit.due)?.due ?? "", units: table.units.map(({ unit, submitted }) => ({ unit, submitted })) };
}

/**
 * The units that have not submitted and the round's due date (ISO), or null when the workbook records no round.
 * Shaped as the due summary's `PendingUnitsSource`.
 */
export function pendingUnitsOfSheets(sheets: readonly SheetText[]): { units: string[]; due: string | null } | null {
  const record = readRoundRecord(sheets);
  const report = readMergeReportUnits(sheets);
  if (record) {
    const submitted = new Set(record.units.filter((unit) => unit.submitted).map((unit) => matchKey(unit.unit)));
    const reportCounts = report !== null && (record.issued === "" || report.date === "" || compareRuDates(report.date, record.issued) >= 0);
    if (reportCounts) for (const unit of report.units) if (unit.submitted) submitted.add(matchKey(unit.unit));
    return {
      units: record.units.filter((unit) => !submitted.has(matchKey(unit.unit))).map((unit) => unit.unit),
      due: ruDateToIso(record.due || (reportCounts ? report.due : "")),
    };
  }
  if (report) return { units: report.units.filter((unit) => !unit.submitted).map((unit) => unit.unit), due: ruDateToIso(report.due) };
  return null;
}
