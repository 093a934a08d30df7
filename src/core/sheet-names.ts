/**
 * Names of the sheets the add-in and the CLI generate. A leaf module (it imports only text.ts), so the register finder can skip these
 * sheets without importing the layouts that write them (those import the finder).
 */
import { matchKey } from "./text";

/** The register template's sheet (the layouts that write it import this name, and so can light readers). */
export const REGISTER_SHEET_NAME = "Реестр процессов";
export const APPENDIX_SHEET_NAME = "Приложение к приказу";
export const TYPICAL_LIST_SHEET_NAME = "Типовой перечень";
export const SUMMARY_SHEET_NAME = "Сводка";
export const MERGE_REPORT_SHEET_NAME = "Отчет о сведении";
export const CHANGE_LOG_SHEET_NAME = "Журнал изменений";
/** 17 characters, none of []:*?/\, no apostrophe at the edges; the leading "_" keeps findRegister off it. */
export const CHECK_MARKS_SHEET_NAME = "_Отметки проверки";
/** The running collection round (a record the coordinator may read and edit; not a copy of the register). */
export const ROUND_SHEET_NAME = "Сбор сведений";

/**
 * Sheets we generate that repeat the register's column titles but are not the register a user keeps. The consolidated
 * register («Сводный реестр») is not among them: after a merge it is the register.
 */
export const GENERATED_SHEET_NAMES: readonly string[] = [
  APPENDIX_SHEET_NAME,
  TYPICAL_LIST_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  MERGE_REPORT_SHEET_NAME,
  CHANGE_LOG_SHEET_NAME,
];

const GENERATED_KEYS = new Set(GENERATED_SHEET_NAMES.map(matchKey));

export function isGeneratedSheetName(name: string): boolean {
  return GENERATED_KEYS.has(matchKey(name));
}

/** Excel compares sheet names ignoring case only (not ё/е, not spaces). */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}
