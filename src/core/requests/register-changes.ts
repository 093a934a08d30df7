/** The working register compared with the approved one a workbook keeps: what changed since the order. */
import { readApprovedRegister } from "../approval";
import { buildCatalog } from "../catalog";
import { detectChanges, normalizedRows, type RegisterChange } from "../changes";
import type { SheetText } from "../register-types";
import { settingsOfSheets } from "../workbook-settings";
import { findWorkingRegister } from "../working-register";
import { findRequestLogSheet } from "./request-log";

/**
 * The changes of the working register against the approved one kept in the workbook (what merges and fixes did since the
 * order); null when the workbook keeps no approved register or has no working register.
 */
export function registerChangesOfSheets(sheets: readonly SheetText[]): RegisterChange[] | null {
  const approved = readApprovedRegister(sheets);
  const current = findWorkingRegister(sheets.filter((sheet) => sheet !== findRequestLogSheet(sheets)));
  if (!approved || !current) return null;
  const catalog = buildCatalog(settingsOfSheets(sheets));
  return detectChanges(normalizedRows(approved.table, catalog), normalizedRows(current, catalog), catalog);
}
