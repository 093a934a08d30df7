/**
 * The order's appendix (clauses 3.4, 3.9 of the order): the register as a print-ready sheet, rows grouped by direction.
 * Pure data; both renderers apply it.
 */
import type { RegisterCatalog } from "../catalog";
import type { CellBlock, LayoutValue, PrintSpec, RowSpec, SheetLayout } from "./types";
import { COLUMN_COUNT, REGISTER_COLUMNS, columnTitleWithMark } from "../columns";
import { cleanText, matchKey } from "../text";
import { DIRECTION_NAME_VARIANTS, findProcess, splitProcessCode, type TypicalProcess } from "../typical-list";
import { DEFAULT_COLUMN_WIDTH_CHARS, columnLetters, lineHeightPoints, parseA1Range, wrappedLineCapacity, wrappedLineCount } from "./cells";
import { compareIds } from "./id-order";

import { APPENDIX_SHEET_NAME } from "../sheet-names";
export { APPENDIX_SHEET_NAME };

export type PaperSize = "A4" | "A3";

/** What the order block in the top right corner says. */
export interface OrderDetails {
  /** «Приложение № {appendixNumber}»; empty means «Приложение» without a number. */
  appendixNumber: string;
  /** The agency in the genitive case: «Архивной службы Республики Северная Осетия-Алания». */
  agencyGenitive: string;
  orderNumber: string;
  /** dd.mm.yyyy */
  orderDate: string;
}

export const DRAFT_MARK = "ПРОЕКТ";

/** Placeholders printed where order details are still missing (only in drafts: a final appendix needs them). */
const BLANK_NUMBER = "____";
const BLANK_DATE = "__.__.____";

export const APPENDIX_FONT = "Times New Roman";
const BODY_FONT_SIZE = 10;
const HEADER_FONT_SIZE = 10;
const ORDER_FONT_SIZE = 12;
const TITLE_FONT_SIZE = 14;

/** Widths (characters) chosen so the 15 columns fit an A4 landscape page at about 75 % and an A3 page at 100 %. */
const APPENDIX_COLUMN_WIDTHS = [12, 14, 20, 16, 14, 22, 14, 13, 10, 18, 14, 14, 11, 10, 12];

/** First sheet rows of the parts of the sheet. */
export const APPENDIX_ROWS = {
  orderBlock: 1,
  title: 5,
  columnTitles: 7,
  numbering: 8,
  firstData: 9,
} as const;

/** The order block spans the last four columns (L:O). */
const ORDER_BLOCK_FIRST_COLUMN = 12;

/** Inches, as Excel stores them: narrow side margins leave the columns room; room for the page number below. */
export const APPENDIX_MARGINS = { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4, header: 0.3, footer: 0.3 } as const;

export const UNGROUPED_DIRECTION_HEADING = "Направление деятельности не определено";

export interface AppendixGroup {
  /** The direction's code ("1"…"5"), "" for rows whose direction could not be determined. */
  directionCode: string;
  /** «1. Предоставление государственных услуг» */
  heading: string;
  /** Each row: exactly 15 cleaned cells. */
  rows: string[][];
}

/** A process code's numbers ("2.10" → [2, 10]), compared number by number. */
function codeParts(code: string): number[] {
  return code.split(".").map(Number);
}

function compareCodes(left: readonly number[], right: readonly number[]): number {
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Direction code by the text of column 5 («Предоставление государственных услуг», «1. …», a seed variant). */
function directionMatcher(catalog: RegisterCatalog): (text: string) => string | null {
  const byKey = new Map<string, string>();
  for (const direction of catalog.directions) {
    byKey.set(matchKey(direction.name), direction.code);
    byKey.set(matchKey(`${direction.code}. ${direction.name}`), direction.code);
    for (const variant of DIRECTION_NAME_VARIANTS[direction.name] ?? []) byKey.set(matchKey(variant), direction.code);
  }
  return (text) => {
    const key = matchKey(text);
    if (!key) return null;
    const direct = byKey.get(key);
    if (direct) return direct;
    const { code, name } = splitProcessCode(text);
    if (code) return byKey.get(matchKey(name)) ?? (catalog.directions.some((d) => d.code === code) ? code : null);
    return null;
  };
}

/** Rows read before a column's memo may be given up. */
const MEMO_TRIAL_ROWS = 100;

/**
 * Each row as exactly 15 cleaned cells. A column that repeats its texts (a register's vocabulary)
 * cleans each text once; one whose texts are mostly distinct (IDs, names) gives its memo up. A row already clean and
 * exactly 15 cells long — a register table's rows are — is used as it is, not copied (rows are never changed after).
 */
export function normalizedRows(rows: readonly (readonly string[])[]): string[][] {
  const memos: (Map<string, string> | null)[] = Array.from({ length: COLUMN_COUNT }, () => new Map<string, string>());
  let seen = 0;
  return rows.map((cells) => {
    seen++;
    let result: string[] | null = null;
    for (let i = 0; i < COLUMN_COUNT; i++) {
      const text = cells[i] ?? "";
      const memo = memos[i];
      let clean = memo?.get(text);
      if (clean === undefined) {
        clean = cleanText(text);
        if (memo) {
          memo.set(text, clean);
          if (seen >= MEMO_TRIAL_ROWS && memo.size * 2 > seen) memos[i] = null;
        }
      }
      if (result === null && clean !== cells[i]) result = cells.slice(0, i);
      if (result !== null) result.push(clean);
    }
    return result ?? (cells.length === COLUMN_COUNT ? (cells as string[]) : cells.slice(0, COLUMN_COUNT));
  });
}

export function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === "");
}

/** A row's cells as layout values: an empty cell is no value. */
export function rowLayoutValues(cells: readonly string[]): LayoutValue[] {
  return cells.map((cell): LayoutValue => (cell === "" ? null : cell));
}

/**
 * The register's rows grouped by direction in the directions' order, within a direction ordered by process code, then ID
 * (numbers inside IDs compared as numbers), then the register's own order. Rows naming no known process or direction come
 * last under «Направление деятельности не определено». Empty rows are left out.
 */
export function groupRowsByDirection(rows: readonly (readonly string[])[], catalog: RegisterCatalog): AppendixGroup[] {
  return groupNormalizedRows(normalizedRows(rows), catalog);
}

/** groupRowsByDirection of rows already normalized (normalizedRows): their arrays are the groups' rows. */
export function groupNormalizedRows(rows: readonly string[][], catalog: RegisterCatalog): AppendixGroup[] {
  const directionOf = directionMatcher(catalog);
  const processCache = new Map<string, TypicalProcess | null>();
  const processOf = (text: string) => {
    if (!processCache.has(text)) processCache.set(text, findProcess(text, catalog.processes));
    return processCache.get(text) ?? null;
  };
  // A code's numbers are parsed once per code, not in every comparison of a 50,000-row sort.
  const partsByCode = new Map<string, number[]>();
  type Entry = { cells: string[]; processCode: string; codeParts: number[]; order: number };
  const byDirection = new Map<string, Entry[]>();
  rows.forEach((cells, order) => {
    if (isEmptyRow(cells)) return;
    const process = processOf(cells[5]);
    const directionCode = process?.direction ?? directionOf(cells[4]) ?? "";
    const list = byDirection.get(directionCode) ?? [];
    const processCode = process?.code ?? "";
    let parts = partsByCode.get(processCode);
    if (parts === undefined) partsByCode.set(processCode, (parts = codeParts(processCode)));
    list.push({ cells, processCode, codeParts: parts, order });
    byDirection.set(directionCode, list);
  });
  const sortEntries = (entries: Entry[]) =>
    entries.sort((a, b) => {
      if (a.processCode !== b.processCode) {
        if (!a.processCode) return 1;
        if (!b.processCode) return -1;
        const byCode = compareCodes(a.codeParts, b.codeParts);
        if (byCode !== 0) return byCode;
      }
      return compareIds(a.cells[0], b.cells[0]) || a.order - b.order;
    });
  const groups: AppendixGroup[] = [];
  for (const direction of catalog.directions) {
    const entries = byDirection.get(direction.code);
    if (!entries) continue;
    groups.push({
      directionCode: direction.code,
      heading: `${direction.code}. ${direction.name}`,
      rows: sortEntries(entries).map((entry) => entry.cells),
    });
  }
  const ungrouped = byDirection.get("");
  if (ungrouped) {
    groups.push({ directionCode: "", heading: UNGROUPED_DIRECTION_HEADING, rows: sortEntries(ungrouped).map((e) => e.cells) });
  }
  return groups;
}

/** «Приложение № 1» / «к приказу …» / «от 15.01.2024 № 7»; blanks for what is still missing. */
export function orderBlockLines(order: OrderDetails): string[] {
  const appendix = cleanText(order.appendixNumber);
  const agency = cleanText(order.agencyGenitive);
  return [
    appendix ? `Приложение № ${appendix}` : "Приложение",
    agency ? `к приказу ${agency}` : "к приказу",
    `от ${cleanText(order.orderDate) || BLANK_DATE} № ${cleanText(order.orderNumber) || BLANK_NUMBER}`,
  ];
}

/** The order details as one line, e.g. for a caption: «Приложение № 1 к приказу … от 15.01.2024 № 7». */
export function orderDetailsLine(order: OrderDetails): string {
  return orderBlockLines(order).join(" ");
}

export function appendixTitle(agencyGenitive: string): string {
  const agency = cleanText(agencyGenitive);
  return agency
    ? `Реестр межведомственных и внутриведомственных процессов ${agency}`
    : "Реестр межведомственных и внутриведомственных процессов";
}

export interface AppendixOptions {
  /** Register rows, 15 cells each (register column n at index n-1). */
  rows: readonly (readonly string[])[];
  catalog: RegisterCatalog;
  order: OrderDetails;
  paper?: PaperSize;
  /** Marks the sheet «ПРОЕКТ» (built although the register has errors or the order is not yet signed). */
  draft?: boolean;
  sheetName?: string;
  /** `groupRowsByDirection(rows, catalog)` when the caller already has it (the summary groups the same rows). */
  groups?: readonly AppendixGroup[];
  /** A group row's layout values (rowLayoutValues) when the caller keeps them (the approved copy writes the same rows). */
  rowValues?: (cells: readonly string[]) => LayoutValue[];
}

/** Footer text in Excel's codes: page numbers, and the draft mark on every page of a draft. */
export function appendixFooter(draft: boolean): string {
  return draft ? `${DRAFT_MARK}. Страница &P из &N` : "Страница &P из &N";
}

/** The header rows repeated on every printed page: the column titles and their numbering. */
export const APPENDIX_TITLE_ROWS = { first: APPENDIX_ROWS.columnTitles, last: APPENDIX_ROWS.numbering } as const;

export function buildAppendixLayout(options: AppendixOptions): SheetLayout {
  const { catalog, order } = options;
  const draft = options.draft ?? false;
  const paper = options.paper ?? "A4";
  const lastColumn = columnLetters(COLUMN_COUNT);
  const font = { fontName: APPENDIX_FONT };
  const blocks: CellBlock[] = [];
  const merges: string[] = [];

  if (draft) {
    blocks.push({
      row: 1,
      col: 1,
      values: [[DRAFT_MARK]],
      style: { ...font, bold: true, fontSize: 20, fontColor: "#C00000", vertical: "top" },
    });
    merges.push("A1:C2");
  }

  const orderColumn = columnLetters(ORDER_BLOCK_FIRST_COLUMN);
  orderBlockLines(order).forEach((line, i) => {
    const row = APPENDIX_ROWS.orderBlock + i;
    blocks.push({
      row,
      col: ORDER_BLOCK_FIRST_COLUMN,
      values: [[line]],
      style: { ...font, fontSize: ORDER_FONT_SIZE, wrap: true, horizontal: "left", vertical: "top" },
    });
    merges.push(`${orderColumn}${row}:${lastColumn}${row}`);
  });

  blocks.push({
    row: APPENDIX_ROWS.title,
    col: 1,
    values: [[appendixTitle(order.agencyGenitive)]],
    style: { ...font, bold: true, fontSize: TITLE_FONT_SIZE, wrap: true, horizontal: "center", vertical: "center" },
  });
  merges.push(`A${APPENDIX_ROWS.title}:${lastColumn}${APPENDIX_ROWS.title}`);

  blocks.push({
    row: APPENDIX_ROWS.columnTitles,
    col: 1,
    values: [REGISTER_COLUMNS.map(columnTitleWithMark)],
    style: { ...font, bold: true, fontSize: HEADER_FONT_SIZE, wrap: true, border: true, horizontal: "center", vertical: "center", fill: "#F2F2F2" },
  });
  blocks.push({
    row: APPENDIX_ROWS.numbering,
    col: 1,
    values: [REGISTER_COLUMNS.map((column) => column.number)],
    style: { ...font, fontSize: HEADER_FONT_SIZE, border: true, horizontal: "center", vertical: "center", fill: "#F2F2F2" },
  });

  let row = APPENDIX_ROWS.firstData;
  for (const group of options.groups ?? groupRowsByDirection(options.rows, catalog)) {
    blocks.push({
      row,
      col: 1,
      values: [[group.heading, ...new Array<LayoutValue>(COLUMN_COUNT - 1).fill(null)]],
      style: { ...font, bold: true, fontSize: BODY_FONT_SIZE, border: true, wrap: true, horizontal: "left", vertical: "center" },
    });
    merges.push(`A${row}:${lastColumn}${row}`);
    row++;
    blocks.push({
      row,
      col: 1,
      values: group.rows.map(options.rowValues ?? rowLayoutValues),
      style: { ...font, fontSize: BODY_FONT_SIZE, border: true, wrap: true, horizontal: "left", vertical: "top", numberFormat: "@" },
    });
    row += group.rows.length;
  }
  const lastRow = Math.max(row - 1, APPENDIX_ROWS.numbering);

  const print: PrintSpec = {
    orientation: "landscape",
    paper,
    fitToWidth: true,
    titleRows: { ...APPENDIX_TITLE_ROWS },
    footerCenter: appendixFooter(draft),
    margins: { ...APPENDIX_MARGINS },
    printArea: `A1:${lastColumn}${lastRow}`,
  };

  const layout: SheetLayout = {
    name: options.sheetName ?? APPENDIX_SHEET_NAME,
    columns: APPENDIX_COLUMN_WIDTHS.map((width, i) => ({ index: i + 1, width })),
    blocks,
    merges,
    freeze: { rows: APPENDIX_ROWS.numbering },
    print,
  };
  layout.rows = fittedRowHeights(layout);
  return layout;
}

/**
 * Times New Roman is narrower than Calibri, for which `wrappedLineCount` counts: a column of N characters holds about
 * 1.3 N characters of it (measured in LibreOffice's PDF); 1.2 keeps a little reserve so no text is cut in print.
 */
const TIMES_WIDTH_FACTOR = 1.2;

/** Explicit heights for every row with wrapped text, so every host and LibreOffice print the same, whole text. */
export function fittedRowHeights(layout: SheetLayout): RowSpec[] {
  const widths = new Map<number, number>();
  for (const column of layout.columns ?? []) if (column.width !== undefined) widths.set(column.index, column.width);
  /** Widths of one-row merges by row, then by their first column. */
  const mergedWidth = new Map<number, Map<number, number>>();
  for (const merge of layout.merges ?? []) {
    const box = parseA1Range(merge);
    if (box.top !== box.bottom) continue;
    let width = 0;
    for (let col = box.left; col <= box.right; col++) width += widths.get(col) ?? DEFAULT_COLUMN_WIDTH_CHARS;
    let byColumn = mergedWidth.get(box.top);
    if (!byColumn) mergedWidth.set(box.top, (byColumn = new Map()));
    byColumn.set(box.left, width);
  }
  // A register repeats its texts (units, statuses, kinds…): each text's height is counted once per width and font.
  const heightCaches = new Map<string, Map<string, number>>();
  const heightCache = (width: number, fontSize: number) => {
    const key = `${width}:${fontSize}`;
    let cache = heightCaches.get(key);
    if (!cache) heightCaches.set(key, (cache = new Map()));
    return cache;
  };
  const heights = new Map<number, number>();
  for (const block of layout.blocks) {
    if (!block.style?.wrap) continue;
    const fontSize = block.style.fontSize ?? 11;
    const factor = block.style.fontName === APPENDIX_FONT ? TIMES_WIDTH_FACTOR : 1;
    const lineHeight = lineHeightPoints(fontSize);
    const oneLine = Math.ceil((lineHeight + 3) * 4) / 4;
    const columnCaches: Map<string, number>[] = [];
    const columnCapacities: number[] = [];
    block.values.forEach((values, r) => {
      const row = block.row + r;
      const merged = mergedWidth.get(row);
      let tallest = heights.get(row) ?? 0;
      for (let c = 0; c < values.length; c++) {
        const value = values[c];
        if (typeof value !== "string" || value === "") continue;
        const col = block.col + c;
        const mergeWidth = merged?.get(col);
        // A short text on one line (IDs, most vocabulary values) needs no counting and no lookup.
        if (mergeWidth === undefined) {
          const capacity = (columnCapacities[c] ??= wrappedLineCapacity((widths.get(col) ?? DEFAULT_COLUMN_WIDTH_CHARS) * factor, fontSize));
          if (value.length <= capacity && value.indexOf("\n") < 0) {
            if (oneLine > tallest) tallest = oneLine;
            continue;
          }
        }
        const cache = mergeWidth !== undefined ? heightCache(mergeWidth * factor, fontSize) : (columnCaches[c] ??= heightCache((widths.get(col) ?? DEFAULT_COLUMN_WIDTH_CHARS) * factor, fontSize));
        let height = cache.get(value);
        if (height === undefined) {
          const width = mergeWidth ?? widths.get(col) ?? DEFAULT_COLUMN_WIDTH_CHARS;
          height = Math.ceil((wrappedLineCount(value, width * factor, fontSize) * lineHeight + 3) * 4) / 4;
          cache.set(value, height);
        }
        if (height > tallest) tallest = height;
      }
      if (tallest > 0) heights.set(row, tallest);
    });
  }
  return [...heights].sort((a, b) => a[0] - b[0]).map(([index, height]) => ({ index, height }));
}
