/**
 * The optional second appendix: the typical list of processes as in Приложение 2 (№, direction, process, goal and value).
 */
import type { RegisterCatalog } from "../catalog";
import type { CellBlock, LayoutValue, SheetLayout } from "./types";
import type { OrderDetails, PaperSize } from "./appendix";
import { APPENDIX_FONT, APPENDIX_MARGINS, DRAFT_MARK, appendixFooter, fittedRowHeights, orderBlockLines } from "./appendix";
import { processLabel, type TypicalProcess } from "../typical-list";
import { cleanText } from "../text";

import { TYPICAL_LIST_SHEET_NAME } from "../sheet-names";
export { TYPICAL_LIST_SHEET_NAME };

export const TYPICAL_LIST_TITLES = [
  "№",
  "Направление деятельности органа власти (вид функции)",
  "Наименование процесса",
  "Цель выполнения процесса",
  "Ценность для клиента",
];

const WIDTHS = [6, 26, 40, 50, 50];

export const AGENCY_PROCESSES_HEADING = "Процессы органа, дополняющие типовой перечень";

/** The agency's own processes still in use, by direction and number. */
export function agencyProcessesByCode(catalog: RegisterCatalog): TypicalProcess[] {
  const key = (code: string) => code.split(".").map(Number);
  return catalog.processes
    .filter((process) => process.agency && !process.hidden)
    .sort((a, b) => key(a.code)[0] - key(b.code)[0] || key(a.code)[1] - key(b.code)[1]);
}
const HEADER_ROW = 7;

/** The appendix number after the register's: «1» → «2»; "" when the register's is not a plain number. */
export function nextAppendixNumber(appendixNumber: string): string {
  const trimmed = cleanText(appendixNumber);
  return /^\d+$/.test(trimmed) ? String(Number(trimmed) + 1) : "";
}

export function buildTypicalListLayout(options: {
  catalog: RegisterCatalog;
  /** The order details; `appendixNumber` is this appendix's own number. */
  order: OrderDetails;
  paper?: PaperSize;
  draft?: boolean;
}): SheetLayout {
  const { catalog, order } = options;
  const draft = options.draft ?? false;
  const font = { fontName: APPENDIX_FONT };
  const blocks: CellBlock[] = [];
  const merges: string[] = [];
  if (draft) {
    blocks.push({ row: 1, col: 1, values: [[DRAFT_MARK]], style: { ...font, bold: true, fontSize: 20, fontColor: "#C00000" } });
    merges.push("A1:B2");
  }
  orderBlockLines(order).forEach((line, i) => {
    blocks.push({ row: 1 + i, col: 4, values: [[line]], style: { ...font, fontSize: 12, wrap: true, vertical: "top" } });
    merges.push(`D${1 + i}:E${1 + i}`);
  });
  const agency = cleanText(order.agencyGenitive);
  blocks.push({
    row: 5,
    col: 1,
    values: [[agency ? `Типовой перечень процессов ${agency}` : "Типовой перечень процессов"]],
    style: { ...font, bold: true, fontSize: 14, wrap: true, horizontal: "center" },
  });
  merges.push("A5:E5");
  blocks.push({
    row: HEADER_ROW,
    col: 1,
    values: [TYPICAL_LIST_TITLES],
    style: { ...font, bold: true, fontSize: 10, wrap: true, border: true, horizontal: "center", vertical: "center", fill: "#F2F2F2" },
  });
  const directionName = new Map(catalog.directions.map((direction) => [direction.code, direction.name]));
  const cellStyle = { ...font, fontSize: 10, wrap: true, border: true, vertical: "top" as const, numberFormat: "@" };
  const rowsOf = (processes: readonly TypicalProcess[]): LayoutValue[][] => {
    const data: LayoutValue[][] = [];
    let previousDirection: string | null = null;
    for (const process of processes) {
      const first = process.direction !== previousDirection;
      previousDirection = process.direction;
      // As in the order: the direction's number and name only on its first process.
      data.push([
        first ? process.direction : null,
        first ? (directionName.get(process.direction) ?? null) : null,
        processLabel(process),
        process.goal || null,
        process.value || null,
      ]);
    }
    return data;
  };
  const data = rowsOf(catalog.processes.filter((process) => !process.agency));
  blocks.push({ row: HEADER_ROW + 1, col: 1, values: data, style: cellStyle });
  let lastRow = HEADER_ROW + data.length;
  // Clause 3.6: the register is kept «с использованием» the typical list; the agency's additions are shown apart from it.
  const own = agencyProcessesByCode(catalog);
  if (own.length) {
    const headingRow = lastRow + 1;
    blocks.push({ row: headingRow, col: 1, values: [[AGENCY_PROCESSES_HEADING]], style: { ...font, bold: true, fontSize: 11, border: true, wrap: true, horizontal: "center" } });
    merges.push(`A${headingRow}:E${headingRow}`);
    const ownRows = rowsOf(own);
    blocks.push({ row: headingRow + 1, col: 1, values: ownRows, style: cellStyle });
    lastRow = headingRow + ownRows.length;
  }
  const layout: SheetLayout = {
    name: TYPICAL_LIST_SHEET_NAME,
    columns: WIDTHS.map((width, i) => ({ index: i + 1, width })),
    blocks,
    merges,
    freeze: { rows: HEADER_ROW },
    print: {
      orientation: "landscape",
      paper: options.paper ?? "A4",
      fitToWidth: true,
      titleRows: { first: HEADER_ROW, last: HEADER_ROW },
      footerCenter: appendixFooter(draft),
      margins: { ...APPENDIX_MARGINS },
      printArea: `A1:E${lastRow}`,
    },
  };
  layout.rows = fittedRowHeights(layout);
  return layout;
}
