/**
 * «Сформировать приложение к приказу», the same in the pane and the CLI: find the register (never in sheets we wrote
 * ourselves), check it, and describe the sheets to write — the appendix, optionally the typical list, the summary and,
 * when the appendix is final, the approved register snapshot.
 */
import type { RegisterIssue, RegisterTable, SheetText } from "./register-types";
import type { LayoutValue, WorkbookLayout } from "./layout/types";
import type { RuDate } from "./approval";
import type { RegisterSummary } from "./summary";
import { buildCatalog, type RegisterCatalog } from "./catalog";
import { summarizeIssues, validateRegister } from "./rules";
import type { Settings } from "./settings";
import { settingsOfSheets } from "./settings-sources";
import { cleanText } from "./text";
import { APPENDIX_SHEET_NAME, buildAppendixLayout, groupNormalizedRows, isEmptyRow, normalizedRows, rowLayoutValues, type OrderDetails, type PaperSize } from "./layout/appendix";
import { buildTypicalListLayout, nextAppendixNumber } from "./layout/typical-list-appendix";
import { buildSummarySheet, type SummarySheet } from "./layout/summary-sheet";
import { buildApprovedRegisterLayout, parseRuDate, readApprovedRegister, todayRuDate, type ApprovedRegister } from "./approval";
import { summarizeRegister } from "./summary";
import { buildReferenceSheet } from "./layout/reference-sheet";

export { GENERATED_SHEET_NAMES } from "./sheet-names";
import { findWorkingRegister } from "./working-register";

export type OrderField = "orderNumber" | "orderDate" | "agencyGenitive";

export const ORDER_FIELD_LABELS: Record<OrderField, string> = {
  orderNumber: "номер приказа",
  orderDate: "дата приказа (ДД.ММ.ГГГГ)",
  agencyGenitive: "наименование органа в родительном падеже",
};

export interface AppendixRequest {
  /** The workbook as read (hidden sheets included, so settings and the approved register are seen). */
  sheets: readonly SheetText[];
  /** Given by the user; empty fields fall back to the workbook's settings. */
  order?: Partial<OrderDetails>;
  /** Absent: the paper saved in the settings, else A4. */
  paper?: PaperSize;
  /** Build although the register has errors or the order details are missing; marked «ПРОЕКТ», never kept as approved. */
  draft?: boolean;
  includeTypicalList?: boolean;
  today?: RuDate;
  /** The settings to use instead of the workbook's (the user's flags put in). */
  settings?: Settings;
  /** Also (re)write the reference sheet with these settings, so the workbook keeps what the user gave. */
  writeSettings?: boolean;
}

export type AppendixPlan =
  | { ok: false; reason: "no-register"; message: string }
  | { ok: false; reason: "missing-order"; missing: OrderField[]; message: string; order: OrderDetails }
  | { ok: false; reason: "register-errors"; message: string; errors: RegisterIssue[]; issues: RegisterIssue[]; table: RegisterTable }
  | {
      ok: true;
      layout: WorkbookLayout;
      order: OrderDetails;
      paper: PaperSize;
      /** Final: order details given, no errors, not a draft → the register is kept as approved. */
      final: boolean;
      table: RegisterTable;
      issues: RegisterIssue[];
      summary: RegisterSummary;
      summarySheet: SummarySheet;
      /** The approved register found in the workbook before this build. */
      previousApproval: ApprovedRegister | null;
    };

export { findWorkingRegister, settingsOfSheets };

/** Order details from the request, falling back to the settings (appendix number «1» when none is set). */
export function resolveOrder(settings: Settings, given: Partial<OrderDetails> = {}): OrderDetails {
  const pick = (value: string | undefined, fallback: string) => cleanText(value ?? "") || cleanText(fallback);
  return {
    appendixNumber: pick(given.appendixNumber, settings.appendixNumber) || "1",
    agencyGenitive: pick(given.agencyGenitive, settings.agencyGenitive),
    orderNumber: pick(given.orderNumber, settings.orderNumber),
    orderDate: pick(given.orderDate, settings.orderDate),
  };
}

export function missingOrderFields(order: OrderDetails): OrderField[] {
  const missing: OrderField[] = [];
  if (!order.orderNumber) missing.push("orderNumber");
  if (!parseRuDate(order.orderDate)) missing.push("orderDate");
  if (!order.agencyGenitive) missing.push("agencyGenitive");
  return missing;
}

export function planAppendix(request: AppendixRequest): AppendixPlan {
  const settings = request.settings ?? settingsOfSheets(request.sheets);
  const catalog: RegisterCatalog = buildCatalog({
    ...settings,
    agencyGenitive: cleanText(request.order?.agencyGenitive ?? "") || settings.agencyGenitive,
  });
  const table = findWorkingRegister(request.sheets);
  if (!table) {
    return { ok: false, reason: "no-register", message: "В книге не найден реестр: нет листа со строкой заголовков граф формы." };
  }
  const order = resolveOrder(settings, request.order);
  const draft = request.draft ?? false;
  const missing = missingOrderFields(order);
  if (!draft && missing.length) {
    return {
      ok: false,
      reason: "missing-order",
      missing,
      order,
      message: `Не указаны реквизиты приказа: ${missing.map((field) => ORDER_FIELD_LABELS[field]).join(", ")}.`,
    };
  }
  const issues = validateRegister(table, catalog);
  const errors = issues.filter((issue) => issue.severity === "error");
  if (!draft && errors.length) {
    return {
      ok: false,
      reason: "register-errors",
      message: `В реестре ошибок: ${summarizeIssues(issues).errors}. Исправьте их или сформируйте проект приложения.`,
      errors,
      issues,
      table,
    };
  }
  const rows = table.rows.map((row) => row.cells);
  const final = !draft && missing.length === 0 && errors.length === 0;
  const paper = request.paper ?? settings.appendixPaper ?? "A4";
  const previousApproval = readApprovedRegister(request.sheets);
  // Cleaned, grouped and sorted once: the appendix lists the groups, the summary counts them; the appendix and the
  // approved copy write the same layout values of each row.
  const cleaned = normalizedRows(rows);
  const groups = groupNormalizedRows(cleaned, catalog);
  const valuesOf = new Map<readonly string[], LayoutValue[]>();
  const registerValues: LayoutValue[][] = [];
  for (const cells of cleaned) {
    if (isEmptyRow(cells)) continue;
    const values = rowLayoutValues(cells);
    valuesOf.set(cells, values);
    registerValues.push(values);
  }
  const rowValues = (cells: readonly string[]) => valuesOf.get(cells) ?? rowLayoutValues(cells);
  const sheets = [buildAppendixLayout({ rows, catalog, order, paper, draft: !final, groups, rowValues })];
  if (request.includeTypicalList) {
    sheets.push(
      buildTypicalListLayout({ catalog, order: { ...order, appendixNumber: nextAppendixNumber(order.appendixNumber) }, paper, draft: !final }),
    );
  }
  const approvalDates = final
    ? [order.orderDate, settings.lastActualization]
    : [previousApproval?.orderDate, settings.lastActualization];
  const summary = summarizeRegister(rows, catalog, { approvalDates, today: request.today ?? todayRuDate(), groups });
  const summarySheet = buildSummarySheet(summary, { agencyGenitive: order.agencyGenitive });
  sheets.push(summarySheet.layout);
  if (final) sheets.push(buildApprovedRegisterLayout({ rows, orderNumber: order.orderNumber, orderDate: order.orderDate, values: registerValues }));
  const layout: WorkbookLayout = { sheets, activeSheet: APPENDIX_SHEET_NAME };
  if (request.writeSettings) {
    const reference = buildReferenceSheet(settings, catalog);
    layout.sheets.push(reference.sheet);
    layout.names = reference.names;
  }
  return {
    ok: true,
    layout,
    order,
    paper,
    final,
    table,
    issues,
    summary,
    summarySheet,
    previousApproval,
  };
}
