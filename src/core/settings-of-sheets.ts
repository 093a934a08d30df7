/**
 * The settings and the working register as the workbook's sheets hold them: a small module of its own, so readers
 * such as the first screen's due dates do not load the appendix's layouts with them.
 */
import { findRegister } from "./read-register";
import type { RegisterTable, SheetText } from "./register-types";
import { DEFAULT_SETTINGS, findSettingsPairs, settingsFromPairs, SETTINGS_SHEET_NAME, type Settings } from "./settings";
import { isGeneratedSheetName } from "./sheet-names";
import { matchKey } from "./text";

export function settingsOfSheets(sheets: readonly SheetText[]): Settings {
  const key = matchKey(SETTINGS_SHEET_NAME);
  const sheet = sheets.find((candidate) => matchKey(candidate.name) === key);
  const pairs = sheet ? findSettingsPairs(sheet) : [];
  return pairs.length ? settingsFromPairs(pairs) : DEFAULT_SETTINGS;
}

/** The working register: the core's header finding over every sheet except the ones we generate. */
export function findWorkingRegister(sheets: readonly SheetText[]): RegisterTable | null {
  return findRegister(sheets.filter((sheet) => !isGeneratedSheetName(sheet.name)));
}
