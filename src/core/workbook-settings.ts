/** The agency's settings as one workbook carries them in the settings block of its reference sheet. */
import type { SheetText } from "./register-types";
import { DEFAULT_SETTINGS, findSettingsPairs, readSettingsPairs, SETTINGS_SHEET_NAME, type Settings } from "./settings";
import { matchKey } from "./text";

export interface WorkbookSettings {
  settings: Settings;
  /** Parameters that could not be used (their defaults stand), one Russian line each. */
  problems: string[];
}

/** The settings block of a workbook's reference sheet; null when the workbook has none (a file from another program). */
export function readWorkbookSettings(sheets: readonly SheetText[]): WorkbookSettings | null {
  const key = matchKey(SETTINGS_SHEET_NAME);
  const sheet = sheets.find((candidate) => matchKey(candidate.name) === key);
  if (!sheet) return null;
  const pairs = findSettingsPairs(sheet);
  if (!pairs.length) return null;
  return readSettingsPairs(pairs);
}

/** A workbook's settings; the defaults when it carries none (what could not be used: readWorkbookSettings). */
export function settingsOfSheets(sheets: readonly SheetText[]): Settings {
  return readWorkbookSettings(sheets)?.settings ?? DEFAULT_SETTINGS;
}
