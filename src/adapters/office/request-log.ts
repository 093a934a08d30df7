/**
 * The request log through Office.js: reading the workbook for the log (with the register and the settings, for the IDs
 * and the calendar overrides) and writing «Журнал обращений» from the core's layout.
 *
 * Round trips: reading is `readAppendixWorkbook`'s 2 + ceil(usedCells × 40 / 4 MB); writing reuses what the read
 * learnt about the workbook, so it skips the lookup:
 *   syncs = max(1, ceil(valueBytes / 4 MB))   (+1 without `known`)
 * — 1 for any log that fits in 4 MB (about 20,000 requests), never more with its length.
 */
import type { ProductionCalendar } from "../../core/calendar/working-days";
import { requestLogWorkbookLayout } from "../../core/layout/request-log-sheet";
import type { SheetText } from "../../core/register-types";
import { checkRequestsInSheets, type RequestReport } from "../../core/requests/request-report";
import type { EvaluatedRequest } from "../../core/requests/request-rules";
import { readAppendixWorkbook } from "./appendix-read";
import { renderLayout, type KnownWorkbook, type RenderOptions, type RenderReport } from "./render-layout";

export interface RequestWorkbookRead {
  sheets: SheetText[];
  known: KnownWorkbook;
  report: RequestReport;
  syncs: number;
}

export async function readRequestWorkbook(
  context: Excel.RequestContext,
  today: string,
  options: Pick<RenderOptions, "supports" | "apiLevel" | "maxRequestBytes"> = {},
): Promise<RequestWorkbookRead> {
  const read = await readAppendixWorkbook(context, options);
  return { sheets: read.sheets, known: read.known, report: checkRequestsInSheets(read.sheets, today), syncs: read.syncs };
}

export interface WriteRequestLogOptions extends Pick<RenderOptions, "supports" | "apiLevel" | "maxRequestBytes" | "known"> {
  calendar: ProductionCalendar;
  agencyGenitive?: string;
  years?: number[];
}

/** Writes the whole log afresh (the sheet is replaced in its tab position; nothing else in the workbook is touched). */
export async function writeRequestLog(context: Excel.RequestContext, requests: readonly EvaluatedRequest[], options: WriteRequestLogOptions): Promise<RenderReport> {
  const layout = requestLogWorkbookLayout(requests, { calendar: options.calendar, agencyGenitive: options.agencyGenitive, years: options.years });
  return renderLayout(context, layout, {
    supports: options.supports,
    apiLevel: options.apiLevel,
    maxRequestBytes: options.maxRequestBytes,
    known: options.known,
    replaceSheets: true,
  });
}
