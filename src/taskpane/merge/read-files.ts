/**
 * Reading the units' files in the pane. The xlsx reader (and ExcelJS behind it) is loaded on first use through a dynamic
 * import, so webpack puts it in its own chunk and the pane starts without it.
 */
import { registerFromSheets, settingsFromSheets, type MergeInputResult } from "../../core/merge";
import { approvedRegisterFromSheets } from "../../core/changes";
import type { RegisterTable } from "../../core/register-types";
import type { Settings } from "../../core/settings";
import { merge as t } from "../strings/merge";
import { readCollectionStamp, type StampReading } from "../../core/collection/stamp";
import { formatRuDate, todayRuDate } from "../../core/approval";
import { workbookSavedDate } from "../../adapters/xlsx/saved-date";


type Reader = typeof import("../../adapters/xlsx/read-workbook");

let readerLoading: Promise<Reader> | null = null;

export function loadReader(): Promise<Reader> {
  readerLoading ??= import(/* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/read-workbook");
  return readerLoading;
}

export function looksLikeXlsx(file: File): boolean {
  return /\.(xlsx|xlsm)$/i.test(file.name);
}

export interface ReadUnitFile {
  result: MergeInputResult;
  settings: Settings | null;
  /** The collection stamp, when the file was prepared for a unit. */
  stamp?: StampReading;
  /** dd.mm.yyyy of the file's last change, as the browser reports it. */
  received?: string;
}

async function sheetsOf(
  file: File,
): Promise<{ ok: true; sheets: import("../../core/register-types").SheetText[]; data: Uint8Array } | { ok: false; message: string; reason: string }> {
  const reader = await loadReader();
  // The size first: a huge file is refused before a byte of it is loaded into memory.
  const limit = reader.DEFAULT_READ_LIMITS.maxFileBytes;
  if (file.size > limit) {
    return { ok: false, reason: "too-large", message: `файл слишком большой: ${reader.formatMegabytes(file.size)} при пределе ${reader.formatMegabytes(limit)}` };
  }
  const data = new Uint8Array(await file.arrayBuffer());
  const read = await reader.readWorkbookData(data, file.name);
  return read.ok ? { ok: true, sheets: read.sheets, data } : { ok: false, message: read.message, reason: read.reason };
}

/** One unit's file: its register (or why there is none) and the settings it carries. */
export async function readUnitFile(file: File): Promise<ReadUnitFile> {
  const read = await sheetsOf(file);
  if (!read.ok) return { result: { ok: false, reason: read.reason, message: read.message }, settings: null };
  return {
    result: registerFromSheets(read.sheets),
    settings: settingsFromSheets(read.sheets),
    stamp: readCollectionStamp(read.sheets),
    // The date the unit's program saved the file; the browser's file date only when the workbook does not say.
    received: (await workbookSavedDate(read.data)) ?? (file.lastModified ? formatRuDate(todayRuDate(new Date(file.lastModified))) : undefined),
  };
}

export type ApprovedFile =
  | { ok: true; table: RegisterTable; description: string; settings: Settings | null }
  | { ok: false; message: string };

/** The approved register chosen as a file: the appendix feature's snapshot when it has one, else its register. */
export async function readApprovedFile(file: File): Promise<ApprovedFile> {
  const read = await sheetsOf(file);
  if (!read.ok) return { ok: false, message: read.message };
  const approved = approvedRegisterFromSheets(read.sheets);
  if (!approved) return { ok: false, message: t.noApprovedInFile };
  return { ok: true, table: approved.table, description: `${file.name}, ${approved.description}`, settings: settingsFromSheets(read.sheets) };
}
