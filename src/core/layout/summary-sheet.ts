/**
 * The «Сводка» sheet: the summary's tables as cells, plus where the data for a chart lies (the Office adapter adds an
 * Excel chart over it where the host supports charts; files carry the table only).
 */
import type { RegisterSummary } from "../summary";
import type { CellBlock, LayoutValue, SheetLayout } from "./types";
import { columnLetters } from "./cells";
import { cleanText } from "../text";

import { SUMMARY_SHEET_NAME } from "../sheet-names";
export { SUMMARY_SHEET_NAME };

export interface SummarySheet {
  layout: SheetLayout;
  /**
   * The direction × status table without its totals, header row included (e.g. "A5:J10"): a stacked column chart over it
   * shows processes per direction split by status. Null when there are no rows.
   */
  chart: { source: string; title: string } | null;
}

const HEADER_STYLE = { bold: true, wrap: true, border: true, fill: "#F2F2F2", horizontal: "center", vertical: "center" } as const;
const BODY_STYLE = { border: true, wrap: true, vertical: "top" } as const;

/**
 * A share of 0–100 with one decimal, as ru-RU writes it («66,7 %»). Not toLocaleString: its first call loads ICU's
 * number formats, ~50 ms of a command's run for one cell; a share has no thousands to group.
 */
function formatPercent(value: number): string {
  return `${value.toFixed(1).replace(".", ",")} %`;
}

export function buildSummarySheet(summary: RegisterSummary, options: { agencyGenitive?: string } = {}): SummarySheet {
  const blocks: CellBlock[] = [];
  const merges: string[] = [];
  const agency = cleanText(options.agencyGenitive ?? "");
  const statusCount = summary.statuses.length;
  const lastColumn = columnLetters(2 + statusCount);

  blocks.push({
    row: 1,
    col: 1,
    values: [[agency ? `Сводка по реестру процессов ${agency}` : "Сводка по реестру процессов"]],
    style: { bold: true, fontSize: 14, wrap: true },
  });
  merges.push(`A1:${lastColumn}1`);
  const actualization = summary.actualization;
  const dueLine = actualization
    ? `Следующая актуализация — не позднее ${actualization.due} (через шесть месяцев после ${actualization.since})` +
      (actualization.overdue ? ": срок прошел" : "")
    : "Следующая актуализация: дата утверждения реестра не указана";
  blocks.push({ row: 2, col: 1, values: [[`Всего процессов: ${summary.total}`], [dueLine]], style: { wrap: false } });

  // Directions × statuses.
  let row = 4;
  blocks.push({ row, col: 1, values: [["Процессы по направлениям и статусам реинжиниринга"]], style: { bold: true } });
  row++;
  blocks.push({ row, col: 1, values: [["Направление деятельности", ...summary.statuses, "Всего"]], style: HEADER_STYLE });
  const statusHeaderRow = row;
  row++;
  const directionRows: LayoutValue[][] = summary.directions.map((direction) => [direction.label, ...direction.counts, direction.total]);
  if (directionRows.length) {
    blocks.push({ row, col: 1, values: directionRows, style: BODY_STYLE });
    row += directionRows.length;
  }
  const lastDirectionRow = row - 1;
  blocks.push({ row, col: 1, values: [["Итого", ...summary.statusTotals, summary.total]], style: { ...BODY_STYLE, bold: true } });
  row += 2;

  // Digital processes.
  blocks.push({ row, col: 1, values: [["Вид процесса"]], style: { bold: true } });
  row++;
  blocks.push({ row, col: 1, values: [["Вид процесса", "Процессов"]], style: HEADER_STYLE });
  row++;
  blocks.push({
    row,
    col: 1,
    values: [
      ["Цифровой", summary.digital.digital],
      ["Не цифровой", summary.digital.nonDigital],
      ["Не указан", summary.digital.unspecified],
      ["Доля цифровых процессов", formatPercent(summary.digital.sharePercent)],
    ],
    style: BODY_STYLE,
  });
  row += 5;

  // Units.
  blocks.push({ row, col: 1, values: [["Процессы по ответственным"]], style: { bold: true } });
  row++;
  blocks.push({ row, col: 1, values: [["Ответственный за процесс", "Процессов"]], style: HEADER_STYLE });
  row++;
  if (summary.units.length) {
    blocks.push({ row, col: 1, values: summary.units.map((unit) => [unit.unit, unit.count]), style: BODY_STYLE });
    row += summary.units.length;
  }

  const lastStatusColumn = columnLetters(1 + statusCount);
  const chart =
    directionRows.length > 0
      ? { source: `A${statusHeaderRow}:${lastStatusColumn}${lastDirectionRow}`, title: "Процессы по направлениям и статусам" }
      : null;

  const layout: SheetLayout = {
    name: SUMMARY_SHEET_NAME,
    columns: [{ index: 1, width: 48 }, ...summary.statuses.map((_, i) => ({ index: i + 2, width: 14 })), { index: statusCount + 2, width: 10 }],
    blocks,
    merges,
    autoFitRows: true,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, footerCenter: "Страница &P из &N" },
  };
  return { layout, chart };
}
