/**
 * The collection round in the open workbook. Reading for the units' files: every sheet as text, hidden ones included
 * (the settings and the approved register live on hidden sheets) — the reader's 2 syncs, more only past its request
 * budget. Recording the round: «Сбор сведений» written afresh in its tab position — a lookup and one write, whatever
 * the number of units.
 */
import { roundRecordLayout } from "../../core/collection/round-record";
import type { SheetText } from "../../core/register-types";
import { readSheetsTextWithReport } from "./read-sheets";
import { renderLayout, type RenderOptions, type RenderReport } from "./render-layout";

export async function readWorkbookForDistribution(context: Excel.RequestContext): Promise<{ sheets: SheetText[]; syncs: number }> {
  return readSheetsTextWithReport(context, { includeHidden: true });
}

/** Records a round just started: its units (each «не представлен» until a merge finds its file), issue and due dates. */
export async function writeRoundRecord(
  context: Excel.RequestContext,
  round: { issued: string; due: string; units: readonly string[] },
  options: Pick<RenderOptions, "supports" | "apiLevel"> = {},
): Promise<RenderReport> {
  return renderLayout(context, { sheets: [roundRecordLayout(round)] }, { ...options, replaceSheets: true });
}
