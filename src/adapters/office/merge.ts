/**
 * «Свести файлы подразделений» through Office.js. The files are parsed in the pane (no insertWorksheetsFromBase64, which
 * needs ExcelApi 1.13 and fails on the web for some content); Excel only receives the finished sheets.
 *
 * Round trips: reading the workbook's state = 1 (sheet names) + 2 (settings and approved register sheets, more only past
 * 5 MB); writing = the renderer's 1 lookup + 1 apply, plus one per further 4 MB of values — within issue 6's
 * "at most 4 syncs plus one per 5 MB chunk".
 */
import { readApprovedRegister, APPROVED_SHEET_NAME } from "../../core/approval";
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
  syncs: number;
}

/** What the pane needs before merging: earlier merge sheets, the settings and the approved register. Read only. */
export async function readMergeWorkbookState(
  context: Excel.RequestContext,
  options: Pick<RenderOptions, "maxRequestBytes"> = {},
): Promise<MergeWorkbookState> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const names = worksheets.items.map((sheet) => sheet.name);
  const wanted = [SETTINGS_SHEET_NAME, APPROVED_SHEET_NAME].filter((name) => names.includes(name));
  let syncs = 1;
  let settings: Settings | null = null;
  let approved: MergeWorkbookState["approved"] = null;
  if (wanted.length > 0) {
    const read = await readSheetsTextWithReport(context, { sheetNames: wanted, maxRequestBytes: options.maxRequestBytes });
    syncs += read.syncs;
    settings = settingsFromSheets(read.sheets);
    const snapshot = readApprovedRegister(read.sheets);
    if (snapshot) {
      approved = { table: snapshot.table, description: `приказ от ${snapshot.orderDate} № ${snapshot.orderNumber}` };
    }
  }
  return { existingMergeSheets: MERGE_SHEET_NAMES.filter((name) => names.includes(name)), settings, approved, syncs };
}

export interface MergeWriteOptions extends Pick<RenderOptions, "supports" | "apiLevel" | "maxRequestBytes"> {
  /** Merge sheets present in the workbook (from `readMergeWorkbookState`). */
  existingMergeSheets: readonly string[];
}

/**
 * Writes the merge's sheets, replacing earlier ones (the pane has asked). A change log left from an earlier merge is
 * removed when this merge has none, so the workbook never shows changes that belong to another consolidation.
 * The deletion is queued into the renderer's first sync: no extra round trip.
 */
export async function writeMergeSheets(context: Excel.RequestContext, layout: WorkbookLayout, options: MergeWriteOptions): Promise<RenderReport> {
  const writes = new Set(layout.sheets.map((sheet) => sheet.name));
  if (options.existingMergeSheets.includes(CHANGE_LOG_SHEET_NAME) && !writes.has(CHANGE_LOG_SHEET_NAME)) {
    context.workbook.worksheets.getItem(CHANGE_LOG_SHEET_NAME).delete();
  }
  return renderLayout(context, layout, {
    replaceSheets: true,
    supports: options.supports,
    apiLevel: options.apiLevel,
    maxRequestBytes: options.maxRequestBytes,
  });
}
