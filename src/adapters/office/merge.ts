/**
 * «Свести файлы подразделений» through Office.js. The files are parsed in the pane (no insertWorksheetsFromBase64, which
 * needs ExcelApi 1.13 and fails on the web for some content); Excel only receives the finished sheets.
 *
 * Round trips: reading the workbook's state = 2 (sheet list with the merge sheets' lookups; settings and approved
 * register text), 1 when neither sheet exists, more only past 4 MB of text; writing = the renderer's 1 lookup + 1 apply,
 * plus one per further 4.5 MB of values — within the merge's budget of at most 4 syncs plus one per 5 MB (docs/merge.md, «Task pane»).
 */
import { readApprovedRegister, APPROVED_SHEET_NAME } from "../../core/approval";
import { parseMarkedSheets } from "../../core/check-marks";
import { sameSheetName } from "../../core/sheet-names";
import type { RegisterTable } from "../../core/register-types";
import { CHANGE_LOG_SHEET_NAME, MERGE_SHEET_NAMES } from "../../core/layout/merge-sheets";
import type { WorkbookLayout } from "../../core/layout/types";
import { settingsFromSheets } from "../../core/merge";
import { SETTINGS_SHEET_NAME, type Settings } from "../../core/settings";
import { readSheetsTextWithReport } from "./read-sheets";
import { renderLayout, type RenderOptions, type RenderReport } from "./render-layout";

export interface MergeWorkbookState {
  /** Merge sheets already in the workbook (an earlier consolidation): replacing them asks the user first. */
  existingMergeSheets: string[];
  /** The workbook's own settings (its reference sheet), or null when it has none. */
  settings: Settings | null;
  /** The approved register kept in the workbook by the appendix feature. */
  approved: { table: RegisterTable; description: string } | null;
  /**
   * The check's records (workbook names) saying a merge sheet carries its two conditional formats. Replacing the sheet
   * drops the formats, so the write forgets these and the next check equips the new sheet.
   */
  markRecords: string[];
  syncs: number;
}

/**
 * What the pane needs before merging: earlier merge sheets, the settings and the approved register. Read only.
 * The merge sheets' lookups ride on the reader's own listing sync, so the whole state costs the reader's 2 syncs
 * (more only past `maxRequestBytes` of text) and a write after it stays within the merge's round-trip budget (docs/merge.md).
 */
export async function readMergeWorkbookState(
  context: Excel.RequestContext,
  options: Pick<RenderOptions, "maxRequestBytes"> = {},
): Promise<MergeWorkbookState> {
  const mergeSheets = MERGE_SHEET_NAMES.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("isNullObject");
    return { name, sheet };
  });
  const names = context.workbook.names;
  names.load("items/name,items/value");
  const read = await readSheetsTextWithReport(context, {
    sheetNames: [SETTINGS_SHEET_NAME, APPROVED_SHEET_NAME],
    maxRequestBytes: options.maxRequestBytes,
  });
  const snapshot = readApprovedRegister(read.sheets);
  const existingMergeSheets = mergeSheets.filter((item) => !item.sheet.isNullObject).map((item) => item.name);
  const markRecords = parseMarkedSheets(names.items.map((item) => ({ name: item.name, value: item.value })))
    .filter((record) => existingMergeSheets.some((name) => sameSheetName(name, record.sheet)))
    .map((record) => record.name);
  return {
    existingMergeSheets,
    markRecords,
    settings: settingsFromSheets(read.sheets),
    approved: snapshot ? { table: snapshot.table, description: `приказ от ${snapshot.orderDate} № ${snapshot.orderNumber}` } : null,
    syncs: read.syncs,
  };
}

/**
 * Bytes of values per write request. The renderer's 4 MB default would, past ~24 MB of values, spend more syncs than
 * the merge's budget allows (4 + one per 5 MB, docs/merge.md); 4.5 MB keeps within it up to ~45 MB. The estimate runs a few per cent above the
 * JSON actually sent, so a request stays well under Excel's 5 MB limit.
 */
export const MERGE_WRITE_REQUEST_BYTES = 4_500_000;

export interface MergeWriteOptions extends Pick<RenderOptions, "supports" | "apiLevel" | "maxRequestBytes"> {
  /** Merge sheets present in the workbook (from `readMergeWorkbookState`). */
  existingMergeSheets: readonly string[];
  /** `readMergeWorkbookState`'s markRecords: forgotten with the sheets they describe. */
  markRecords?: readonly string[];
}

/**
 * Writes the merge's sheets, replacing earlier ones (the pane has asked). A change log left from an earlier merge is
 * removed when this merge has none, so the workbook never shows changes that belong to another consolidation.
 * The deletions (and forgetting the check's records of replaced sheets) are queued into the renderer's first sync: no
 * extra round trip.
 */
export async function writeMergeSheets(context: Excel.RequestContext, layout: WorkbookLayout, options: MergeWriteOptions): Promise<RenderReport> {
  const writes = new Set(layout.sheets.map((sheet) => sheet.name));
  if (options.existingMergeSheets.includes(CHANGE_LOG_SHEET_NAME) && !writes.has(CHANGE_LOG_SHEET_NAME)) {
    context.workbook.worksheets.getItem(CHANGE_LOG_SHEET_NAME).delete();
  }
  for (const record of options.markRecords ?? []) context.workbook.names.getItem(record).delete();
  return renderLayout(context, layout, {
    replaceSheets: true,
    supports: options.supports,
    apiLevel: options.apiLevel,
    maxRequestBytes: options.maxRequestBytes ?? MERGE_WRITE_REQUEST_BYTES,
  });
}
