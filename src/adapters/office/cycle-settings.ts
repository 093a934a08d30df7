/**
 * The cycle's settings (the calendar's extra days, the documents' templates) through Office.js: read from the settings
 * block of «Справочники», written back cell by cell as text — only the changed values; every other pair stays.
 *
 * Round trips: reading = the sheet reader's 2 (the reference sheet only); saving = those 2 + 1 write (none when nothing
 * changed), whatever the number of dates or the length of a template.
 */
import { planCycleSettingsWrites, cycleFieldValues, type CycleField } from "../../core/cycle-settings-edit";
import { REFERENCE_SHEET_NAME } from "../../core/layout/reference-sheet";
import { sameSheetName } from "../../core/sheet-names";
import { findSettingsBlock } from "../../core/settings";
import { readSheetsTextWithReport } from "./read-sheets";

export async function readCycleSettings(context: Excel.RequestContext): Promise<{ values: Record<CycleField, string>; hasBlock: boolean; syncs: number }> {
  const read = await readSheetsTextWithReport(context, { sheetNames: [REFERENCE_SHEET_NAME] });
  const sheet = read.sheets.find((candidate) => sameSheetName(candidate.name, REFERENCE_SHEET_NAME)) ?? null;
  return { values: cycleFieldValues(sheet), hasBlock: sheet !== null && findSettingsBlock(sheet) !== null, syncs: read.syncs };
}

export type SaveCycleSettingsResult =
  | { ok: true; changed: CycleField[]; syncs: number }
  | { ok: false; problems: Partial<Record<CycleField, string[]>> }
  | { ok: false; noBlock: true };

/** Checks `changes`; when all are valid, writes the changed cells (text format) in one sync after the read. */
export async function saveCycleSettings(context: Excel.RequestContext, changes: Partial<Record<CycleField, string>>): Promise<SaveCycleSettingsResult> {
  const read = await readSheetsTextWithReport(context, { sheetNames: [REFERENCE_SHEET_NAME] });
  const sheet = read.sheets.find((candidate) => sameSheetName(candidate.name, REFERENCE_SHEET_NAME)) ?? null;
  const plan = planCycleSettingsWrites(sheet, changes);
  if (!plan.ok) return plan;
  if (plan.writes.length === 0) return { ok: true, changed: [], syncs: read.syncs };
  const worksheet = context.workbook.worksheets.getItem(sheet!.name);
  for (const write of plan.writes) {
    const range = worksheet.getRangeByIndexes(write.row, write.column, 1, write.values.length);
    range.numberFormat = [write.values.map(() => "@")];
    range.values = [[...write.values]];
  }
  await context.sync();
  return { ok: true, changed: plan.writes.map((write) => write.field), syncs: read.syncs + 1 };
}
