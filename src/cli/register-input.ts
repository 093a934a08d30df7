/** Reading a register workbook from disk for commands: the sheets, the register found in them, and the workbook's settings. */
import { readWorkbookBytes, readWorkbookFile } from "../adapters/xlsx/read-workbook-file";
import type { ReadFailure, ReadLimits } from "../adapters/xlsx/read-workbook";
import { findRegister, NO_REGISTER_MESSAGE } from "../core/read-register";
import type { RegisterTable, SheetText } from "../core/register-types";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings";
import { readWorkbookSettings, settingsOfSheets } from "../core/settings-sources";
import { resolvePath, type CliIO } from "./io";

export type RegisterInput =
  | { ok: true; sheets: SheetText[]; table: RegisterTable; settings: Settings; /** Settings that could not be used (defaults stand), one line each. */ settingsProblems: string[] }
  | { ok: false; reason: ReadFailure | "no-register"; message: string };

/** One wording with the merge and the pane (core/read-register.ts). */
export { NO_REGISTER_MESSAGE };

/** `file` as given on the command line; resolved against io.cwd. */
export async function readRegisterInput(file: string, io: CliIO, limits?: ReadLimits): Promise<RegisterInput> {
  const read = await readWorkbookFile(resolvePath(io, file), limits);
  if (!read.ok) return read;
  const table = findRegister(read.sheets);
  if (!table) return { ok: false, reason: "no-register", message: NO_REGISTER_MESSAGE };
  // Read once: the settings and what in them could not be used.
  const stored = readWorkbookSettings(read.sheets);
  return { ok: true, sheets: read.sheets, table, settings: stored?.settings ?? DEFAULT_SETTINGS, settingsProblems: stored?.problems ?? [] };
}

export interface WorkbookInput {
  /** FILE resolved against io.cwd. */
  path: string;
  sheets: SheetText[];
  settings: Settings;
}

/**
 * The preamble of the commands that plan from the whole workbook (appendix, publish): read FILE; when it cannot be
 * used, print the command's one line about it and give null (the command then exits with EXIT_FAILURE).
 */
export async function readWorkbookInput(
  command: string,
  file: string,
  io: CliIO,
  options: { limits?: ReadLimits; bytes?: Uint8Array; inflated?: (compressed: Uint8Array) => Promise<Uint8Array | null> | null } = {},
): Promise<WorkbookInput | null> {
  const path = resolvePath(io, file);
  // `bytes`: FILE's bytes when the command has read them already (it makes its output from them too); `inflated`: parts
  // of them it is inflating already.
  const read = options.bytes ? await readWorkbookBytes(options.bytes, path, options.limits, options.inflated) : await readWorkbookFile(path, options.limits);
  if (!read.ok) {
    io.stderr(fileProblemLine(command, file, read.message));
    return null;
  }
  return { path, sheets: read.sheets, settings: settingsOfSheets(read.sheets) };
}

/** The one line a command prints for a file it could not use. */
export function fileProblemLine(command: string, file: string, message: string): string {
  return `reestr ${command}: ${file}: ${message}\n`;
}
