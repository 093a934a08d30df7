/** Register workbooks for the appendix tests, written with ExcelJS the way a unit's file looks. */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type ExcelJS from "exceljs";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import type { SheetText } from "../../src/core/register-types";
import { settingsToPairs, DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { buildWorkbook, validRows, writeWorkbook } from "../fixtures/register-data";

export const AGENCY_GENITIVE = "Архивной службы Республики Северная Осетия-Алания";
export const REGISTER_SHEET = "Реестр процессов";

export function tempDir(prefix = "reestr-appendix-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function registerSheetRows(rows: string[][]): string[][] {
  return [
    ["Реестр процессов (рабочий)"],
    REGISTER_COLUMNS.map((column) => column.title),
    REGISTER_COLUMNS.map((column) => String(column.number)),
    ...rows,
  ];
}

export function settingsSheetRows(settings: Partial<Settings>): string[][] {
  return [["Параметр", "Значение"], ...settingsToPairs({ ...DEFAULT_SETTINGS, ...settings })];
}

/** SheetText of a register workbook as an adapter would read it. */
export function registerSheets(rows: string[][], settings: Partial<Settings> = {}): SheetText[] {
  return [
    { name: REGISTER_SHEET, rows: registerSheetRows(rows) },
    { name: "Справочники", rows: settingsSheetRows(settings) },
  ];
}

export function registerWorkbook(rows: string[][], settings: Partial<Settings> = {}, extraSheets: { name: string; rows: string[][] }[] = []): ExcelJS.Workbook {
  return buildWorkbook([...registerSheets(rows, settings), ...extraSheets]);
}

export async function writeRegisterFile(dir: string, name: string, rows: string[][] = validRows(12), settings: Partial<Settings> = {}, extraSheets: { name: string; rows: string[][] }[] = []): Promise<string> {
  return writeWorkbook(registerWorkbook(rows, { agencyGenitive: AGENCY_GENITIVE, ...settings }, extraSheets), join(dir, name));
}

/** A row with a mandatory cell emptied (an error by rule `required`). */
export function rowWithError(index: number): string[] {
  const row = validRows(index + 1)[index];
  row[6] = "";
  return row;
}
