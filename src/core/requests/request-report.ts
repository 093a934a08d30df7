/** The request log of a workbook, checked: what `reestr requests`, `reestr status` and the pane show. */
import { findWorkingRegister } from "../working-register";
import { ProductionCalendar } from "../calendar/working-days";
import { cycleSettingsFromSheets } from "../cycle-settings";
import type { SheetText } from "../register-types";
import { SETTINGS_SHEET_NAME } from "../settings";
import { cleanText } from "../text";
import { findRequestLogSheet, readRequestLog, REQUEST_LOG_SHEET_NAME, type RequestLog } from "./request-log";
import { evaluateRequestLog, type EvaluatedRequest, type RequestIssue } from "./request-rules";

// The comparison with the approved register is a module of its own: it needs the catalog and the typical list.
export { registerChangesOfSheets } from "./register-changes";

export type RequestReport =
  | {
      ok: true;
      log: RequestLog;
      requests: EvaluatedRequest[];
      issues: RequestIssue[];
      /** Settings values of the calendar that could not be used, one Russian sentence each. */
      calendarProblems: string[];
      calendar: ProductionCalendar;
    }
  | { ok: false; reason: "no-log-sheet" | "no-header"; message: string };

export const NO_LOG_SHEET_MESSAGE = `в книге нет листа «${REQUEST_LOG_SHEET_NAME}»`;
export const NO_LOG_HEADER_MESSAGE = `на листе «${REQUEST_LOG_SHEET_NAME}» не найдена строка заголовков (нужны хотя бы «Инициатор» и «Дата поступления»)`;

/** The calendar with the workbook's own overrides. */
export function calendarOfSheets(sheets: readonly SheetText[]): { calendar: ProductionCalendar; problems: string[] } {
  const settings = cycleSettingsFromSheets(sheets, SETTINGS_SHEET_NAME);
  return { calendar: new ProductionCalendar(undefined, settings.calendar), problems: settings.problems };
}

/** The register's IDs, or null when the workbook holds no register (IDs are then not checked). */
export function registerIdsOfSheets(sheets: readonly SheetText[]): Set<string> | null {
  const table = findWorkingRegister(sheets.filter((sheet) => sheet !== findRequestLogSheet(sheets)));
  if (!table) return null;
  return new Set(table.rows.map((row) => cleanText(row.cells[0] ?? "")).filter((id) => id !== ""));
}

export function checkRequestsInSheets(sheets: readonly SheetText[], today: string): RequestReport {
  const sheet = findRequestLogSheet(sheets);
  if (!sheet) return { ok: false, reason: "no-log-sheet", message: NO_LOG_SHEET_MESSAGE };
  const log = readRequestLog(sheet);
  if (!log) return { ok: false, reason: "no-header", message: NO_LOG_HEADER_MESSAGE };
  const { calendar, problems } = calendarOfSheets(sheets);
  const { requests, issues } = evaluateRequestLog(log, { calendar, today, registerIds: registerIdsOfSheets(sheets) });
  return { ok: true, log, requests, issues, calendarProblems: problems, calendar };
}
