/** Reading a register workbook from disk for commands: the sheets, the register found in them, and the workbook's settings. */
import { readWorkbookFile } from "../adapters/xlsx/read-workbook-file";
import type { ReadFailure, ReadLimits } from "../adapters/xlsx/read-workbook";
import { findRegister } from "../core/read-register";
import type { RegisterTable, SheetText } from "../core/register-types";
import { DEFAULT_SETTINGS, findSettingsPairs, settingsFromPairs, SETTINGS_SHEET_NAME, type Settings } from "../core/settings";
import { matchKey } from "../core/text";
import { resolvePath, type CliIO } from "./io";

export type RegisterInput =
  | { ok: true; sheets: SheetText[]; table: RegisterTable; settings: Settings }
  | { ok: false; reason: ReadFailure | "no-register"; message: string };

export const NO_REGISTER_MESSAGE =
  "в книге не найден реестр: ни на одном листе в первых 30 строках нет строки заголовков с графами формы реестра";

/** Settings stored in the workbook's «Справочники» sheet, or the defaults when there is none. */
export function settingsFromSheets(sheets: readonly SheetText[]): Settings {
  const settingsKey = matchKey(SETTINGS_SHEET_NAME);
  const sheet = sheets.find((candidate) => matchKey(candidate.name) === settingsKey);
  if (!sheet) return DEFAULT_SETTINGS;
  const pairs = findSettingsPairs(sheet);
  return pairs.length > 0 ? settingsFromPairs(pairs) : DEFAULT_SETTINGS;
}

/** `file` as given on the command line; resolved against io.cwd. */
export async function readRegisterInput(file: string, io: CliIO, limits?: ReadLimits): Promise<RegisterInput> {
  const read = await readWorkbookFile(resolvePath(io, file), limits);
  if (!read.ok) return read;
  const table = findRegister(read.sheets);
  if (!table) return { ok: false, reason: "no-register", message: NO_REGISTER_MESSAGE };
  return { ok: true, sheets: read.sheets, table, settings: settingsFromSheets(read.sheets) };
}

/** The one line a command prints for a file it could not use. */
export function fileProblemLine(command: string, file: string, message: string): string {
  return `reestr ${command}: ${file}: ${message}\n`;
}
