/**
 * What preparing the units' files needs from the open workbook: every sheet as text, hidden ones included (the settings
 * and the approved register live on hidden sheets). Round trips: the reader's 2 syncs, more only past its request budget.
 */
import type { SheetText } from "../../core/register-types";
import { readSheetsTextWithReport } from "./read-sheets";

export async function readWorkbookForDistribution(context: Excel.RequestContext): Promise<{ sheets: SheetText[]; syncs: number }> {
  return readSheetsTextWithReport(context, { includeHidden: true });
}
