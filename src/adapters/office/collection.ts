/**
 * What preparing the units' files needs from the open workbook: every sheet as text, hidden ones included (the settings
 * and the approved register live on hidden sheets). Round trips: the reader's 2 syncs, more only past its request budget.
 */
import type { SheetText } from "../../core/register-types";
import { readSheetsTextWithReport } from "./read-sheets";
import { buildRoundRecordSheet, type RoundRecord } from "../../core/collection/round-record";
import { renderLayout, type RenderOptions, type RenderReport } from "./render-layout";

export async function readWorkbookForDistribution(context: Excel.RequestContext): Promise<{ sheets: SheetText[]; syncs: number }> {
  return readSheetsTextWithReport(context, { includeHidden: true });
}

/**
 * Records the round just started in the workbook: the very hidden sheet «_Сбор сведений» is (re)written and nothing else
 * is touched. Round trips: the renderer's lookup + 1 apply = 2, whatever the number of units.
 */
export async function writeRoundRecord(
  context: Excel.RequestContext,
  record: RoundRecord,
  options: Pick<RenderOptions, "supports" | "apiLevel"> = {},
): Promise<RenderReport> {
  return renderLayout(context, { sheets: [buildRoundRecordSheet(record)] }, { replaceSheets: true, supports: options.supports, apiLevel: options.apiLevel });
}
