/**
 * «Сформировать приложение к приказу» through Office.js: read the workbook, plan with the core, render the sheets
 * (the previous appendix, summary and approved register are replaced, nothing else is touched), add a chart to the
 * summary where the host has charts.
 *
 * The order details used are saved to the workbook's settings in the same request as the sheets.
 *
 * Round trips: reading 2 (appendix-read.ts; more only past the host's limit per read) + rendering 1 (the read already
 * looked the sheets up; more only past 4 MB of values), the summary's chart queued at the end of the rendering request
 * = 3, whatever the number of rows.
 */
import { findWorkingRegister, planAppendix, resolveOrder, settingsOfSheets, type AppendixPlan, type AppendixRequest } from "../../core/appendix-plan";
import { readApprovedRegister, todayRuDate, type ApprovedRegister } from "../../core/approval";
import { buildCatalog } from "../../core/catalog";
import type { OrderDetails, PaperSize } from "../../core/layout/appendix";
import type { WorkbookLayout } from "../../core/layout/types";
import { publishRegister, type PublishFormat } from "../../core/publish";
import { SETTINGS_SHEET_NAME, type ScalarSettingsField, type Settings } from "../../core/settings";
import { APPENDIX_SHEET_NAME, SUMMARY_SHEET_NAME, sameSheetName } from "../../core/sheet-names";
import { summarizeRegister, type RegisterSummary } from "../../core/summary";
import { readAppendixWorkbook, type AppendixReadOptions } from "./appendix-read";
import { renderLayout } from "./render-layout";
import { queueSettingsUpdate } from "./settings";

export type AppendixBuildOptions = Omit<AppendixRequest, "sheets"> & AppendixReadOptions;

export type ChartOutcome = "added" | "unsupported" | "failed" | "none";

export type AppendixBuildResult =
  | { ok: false; plan: Exclude<AppendixPlan, { ok: true }>; syncs: number }
  | {
      ok: true;
      plan: Extract<AppendixPlan, { ok: true }>;
      /** Russian notes: what the host could not do and the user should set by hand (print settings below ExcelApi 1.9). */
      skipped: string[];
      warnings: string[];
      /** Order details saved to the workbook's settings by this build (unchanged ones are not listed). */
      savedSettings: ScalarSettingsField[];
      chart: ChartOutcome;
      syncs: number;
    };


/**
 * Queues a stacked column chart over the summary's direction × status table, where the host has charts; it goes with
 * the rendering's last request. False when the host has no charts.
 */
function queueSummaryChart(context: Excel.RequestContext, chart: { source: string; title: string }): boolean {
  const sheet = context.workbook.worksheets.getItem(SUMMARY_SHEET_NAME);
  // eslint-disable-next-line office-addins/load-object-before-read -- a navigation property, only feature-detected
  const charts = (sheet as { charts?: Excel.ChartCollection }).charts;
  if (!charts || typeof charts.add !== "function") return false;
  const added = charts.add("ColumnStacked", sheet.getRange(chart.source), "Columns");
  added.title.text = chart.title;
  added.setPosition("L2", "T22");
  return true;
}

/** A failure of the chart's own commands (Excel names the failing statement: ChartCollection.add, Chart.setPosition…). */
function isChartError(error: unknown): boolean {
  const info = (error as { debugInfo?: { errorLocation?: string } })?.debugInfo;
  return /^Chart/i.test(info?.errorLocation ?? "");
}

export async function buildAppendixInExcel(context: Excel.RequestContext, options: AppendixBuildOptions = {}): Promise<AppendixBuildResult> {
  const read = await readAppendixWorkbook(context, options);
  const plan = planAppendix({ ...options, sheets: read.sheets });
  if (!plan.ok) return { ok: false, plan, syncs: read.syncs };
  const warnings: string[] = [];
  // Queued before rendering, so the render's request carries it: no round trip of its own.
  const saved = queueSettingsUpdate(context, read.sheets, orderSettings(plan.order, plan.paper));
  let layout: WorkbookLayout = plan.layout;
  if (saved.kind === "sheet") layout = { ...layout, sheets: [...layout.sheets, saved.sheet], names: [...(layout.names ?? []), ...saved.names] };
  if (saved.kind === "no-block") warnings.push(`Реквизиты приказа не сохранены в книге: на листе «${SETTINGS_SHEET_NAME}» нет блока «Параметр | Значение».`);
  const summaryChart = plan.summarySheet.chart;
  // Set by the queued chart, inside the rendering.
  const outcome: { chart: ChartOutcome } = { chart: "none" };
  const rendered = await renderLayout(context, layout, {
    replaceSheets: true,
    known: read.known,
    supports: options.supports,
    apiLevel: options.apiLevel,
    maxRequestBytes: options.maxRequestBytes,
    final: summaryChart
      ? { queue: () => void (outcome.chart = queueSummaryChart(context, summaryChart) ? "added" : "unsupported"), refused: isChartError }
      : undefined,
  });
  const chart: ChartOutcome = rendered.finalRefused ? "failed" : outcome.chart;
  const syncs = read.syncs + rendered.syncs;
  warnings.push(...rendered.warnings);
  if (chart === "unsupported" || chart === "failed") {
    warnings.push(`Диаграмма на листе «${SUMMARY_SHEET_NAME}» не добавлена: это приложение Excel не поддерживает диаграммы из надстройки. Таблица сводки на месте.`);
  }
  return { ok: true, plan, skipped: rendered.skipped, warnings, savedSettings: saved.fields, chart, syncs };
}

/** The order details as settings fields; empty ones are not stored (they would erase what the workbook holds). */
function orderSettings(order: OrderDetails, paper: PaperSize): Partial<Pick<Settings, ScalarSettingsField>> {
  const fields: Partial<Pick<Settings, ScalarSettingsField>> = {
    orderNumber: order.orderNumber,
    orderDate: order.orderDate,
    appendixNumber: order.appendixNumber,
    agencyGenitive: order.agencyGenitive,
    appendixPaper: paper,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ""));
}

export interface WorkbookOverview {
  /** Order details from the settings (what the form is prefilled with). */
  order: OrderDetails;
  /** The paper saved with the last appendix (A4 when none). */
  paper: PaperSize;
  approved: Pick<ApprovedRegister, "orderNumber" | "orderDate"> | null;
  /** Null when the workbook holds no register. */
  summary: RegisterSummary | null;
  hasAppendix: boolean;
  syncs: number;
}

/** What the pane shows before building: order details, the approved register, the summary. Read only. */
export async function readAppendixOverview(context: Excel.RequestContext): Promise<WorkbookOverview> {
  const read = await readAppendixWorkbook(context);
  const settings = settingsOfSheets(read.sheets);
  const approved = readApprovedRegister(read.sheets);
  const table = findWorkingRegister(read.sheets);
  const summary = table
    ? summarizeRegister(
        table.rows.map((row) => row.cells),
        buildCatalog(settings),
        { approvalDates: [approved?.orderDate, settings.lastActualization], today: todayRuDate() },
      )
    : null;
  return {
    order: resolveOrder(settings),
    paper: settings.appendixPaper ?? "A4",
    approved: approved ? { orderNumber: approved.orderNumber, orderDate: approved.orderDate } : null,
    summary,
    hasAppendix: read.known.sheets.some((sheet) => sameSheetName(sheet.name, APPENDIX_SHEET_NAME)),
    syncs: read.syncs,
  };
}

export interface Publication {
  fileName: string;
  mimeType: string;
  text: string;
  rows: number;
  /** True when the approved register was published (otherwise the working one). */
  approved: boolean;
}

/** The register for the agency's site: the approved one when the workbook keeps it, else the working register. */
export async function publicationFromExcel(context: Excel.RequestContext, format: PublishFormat): Promise<Publication | null> {
  const read = await readAppendixWorkbook(context);
  const settings = settingsOfSheets(read.sheets);
  const approved = readApprovedRegister(read.sheets);
  const table = approved?.table ?? findWorkingRegister(read.sheets);
  if (!table) return null;
  const order = resolveOrder(settings, approved ? { orderNumber: approved.orderNumber, orderDate: approved.orderDate } : {});
  const text = publishRegister(format, { rows: table.rows.map((row) => row.cells), catalog: buildCatalog(settings), order, agencyName: settings.agencyName });
  const datePart = order.orderDate ? `-${order.orderDate.split(".").reverse().join("-")}` : "";
  return {
    fileName: `reestr-processov${datePart}.${format}`,
    mimeType: format === "csv" ? "text/csv;charset=utf-8" : "text/html;charset=utf-8",
    text,
    rows: table.rows.length,
    approved: approved !== null,
  };
}
