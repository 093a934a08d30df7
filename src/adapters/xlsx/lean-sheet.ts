/** One worksheet of the lean writer: its plan (rows, styles, merges) made ahead, then its XML in pieces. */
import type { CellBlock, LayoutValue, PrintSpec, SheetLayout } from "../../core/layout/types";
import { columnLetters, estimateRowHeights, formulaBody, isFormulaValue, numberFormatFor, parseA1Range, type RangeBox } from "../../core/layout/cells";
import { sheetRulesXml } from "./lean-rules";
import { SHARED_CELL_CLOSE, SHARED_CELL_OPEN, SharedStrings, type CellTexts } from "./lean-strings";
import type { StyleTable } from "./lean-styles";
import { argb, escapeXml, MAIN_NS, REL_NS, XML_HEAD } from "./lean-xml";
import { XmlBytes } from "./xml-bytes";

const PAPER_SIZE = { A4: 9, A3: 8 } as const;
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/**
 * Bytes of sheet XML generated before they are handed on to zlib: a row short of the writer's 256 KB buffer, so the row
 * that ends a part seldom outgrows it (growing copied the whole part into a new 512 KB buffer, every part).
 */
const BYTES_PER_PART = (1 << 18) - (1 << 15);

interface PlacedCell {
  value: LayoutValue;
  xf: number;
}

/** Everything a sheet needs that is known before its XML is generated. */
export interface SheetPlan {
  layout: SheetLayout;
  /**
   * By row number: 0 for a row nothing touches, 1 for a row to write, 2 for one that more than one block covers
   * (`moreSegments`). Typed arrays, not an object per row: 100,000 rows are planned per big sheet, and objects kept
   * until the sheet is written were copied by every young-generation collection meanwhile.
   */
  planned: Uint8Array;
  /** The first block covering the row (its index, -1 for none) and the row within it. */
  firstBlock: Int32Array;
  firstBlockRow: Int32Array;
  /** Further blocks covering a row, in layout order (later blocks win, as in ExcelJS): block index, row within it, …. */
  moreSegments: Map<number, number[]>;
  /** The row's height in points; -1 for none. */
  heights: Float64Array;
  blockStyles: ((value: LayoutValue) => number)[];
  merges: RangeBox[];
  columnXml: string;
  dimension: string;
}

export function planSheet(layout: SheetLayout, styles: StyleTable): SheetPlan {
  const merges = (layout.merges ?? []).map((merge) => parseA1Range(merge));
  const autoHeights = layout.autoFitRows ? estimateRowHeights(layout) : undefined;
  let lastRow = 0;
  for (const block of layout.blocks) lastRow = Math.max(lastRow, block.row + block.values.length - 1);
  for (const box of merges) lastRow = Math.max(lastRow, box.bottom);
  if (autoHeights) for (const row of autoHeights.keys()) lastRow = Math.max(lastRow, row);
  for (const row of layout.rows ?? []) if (row.height !== undefined) lastRow = Math.max(lastRow, row.index);
  const planned = new Uint8Array(lastRow + 1);
  const firstBlock = new Int32Array(lastRow + 1).fill(-1);
  const firstBlockRow = new Int32Array(lastRow + 1);
  const moreSegments = new Map<number, number[]>();
  const heights = new Float64Array(lastRow + 1).fill(-1);
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  layout.blocks.forEach((block, blockIndex) => {
    block.values.forEach((values, r) => {
      const row = block.row + r;
      if (firstBlock[row] < 0) {
        firstBlock[row] = blockIndex;
        firstBlockRow[row] = r;
        planned[row] = 1;
      } else {
        const more = moreSegments.get(row);
        if (more === undefined) moreSegments.set(row, [blockIndex, r]);
        else more.push(blockIndex, r);
        planned[row] = 2;
      }
      if (values.length > 0) {
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, block.col);
        right = Math.max(right, block.col + values.length - 1);
      }
    });
  });
  for (const box of merges) {
    for (let row = box.top; row <= box.bottom; row++) planned[row] ||= 1;
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.bottom);
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
  }
  if (autoHeights) {
    for (const [row, height] of autoHeights) {
      planned[row] ||= 1;
      heights[row] = height;
    }
  }
  for (const row of layout.rows ?? []) {
    if (row.height === undefined) continue;
    planned[row.index] ||= 1;
    heights[row.index] = row.height;
  }

  // One style function per block: the number format depends on the value, the rest on the block. A text and an empty
  // cell take the same format (numberFormatFor), remembered apart: nearly every cell of a big sheet is one of them.
  const blockStyles = layout.blocks.map((block: CellBlock) => {
    const byFormat = new Map<string, number>();
    let textXf = -1;
    return (value: LayoutValue) => {
      const text = typeof value === "string" || value === null;
      if (text && textXf >= 0) return textXf;
      const numFmt = numberFormatFor(value, block.style);
      let xf = byFormat.get(numFmt);
      if (xf === undefined) byFormat.set(numFmt, (xf = styles.xf(block.style, numFmt)));
      if (text) textXf = xf;
      return xf;
    };
  });

  const columns = new Map<number, string>();
  for (const column of layout.columns ?? []) {
    const xf = column.numberFormat ? styles.xf(undefined, column.numberFormat) : 0;
    if (column.width === undefined && !xf && !column.hidden) continue;
    columns.set(
      column.index,
      (column.width !== undefined ? ` width="${column.width}" customWidth="1"` : "") + (xf ? ` style="${xf}"` : "") + (column.hidden ? ' hidden="1"' : ""),
    );
  }
  const columnXml = columns.size
    ? `<cols>${[...columns.keys()]
        .sort((a, b) => a - b)
        .map((index) => `<col min="${index}" max="${index}"${columns.get(index)}/>`)
        .join("")}</cols>`
    : "";
  const dimension = bottom > 0 ? `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}` : "A1";
  return { layout, planned, firstBlock, firstBlockRow, moreSegments, heights, blockStyles, merges, columnXml, dimension };
}

function sheetViewXml(layout: SheetLayout, selected: boolean): string {
  const open = `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}`;
  const rows = layout.freeze?.rows ?? 0;
  const columns = layout.freeze?.columns ?? 0;
  if (rows <= 0 && columns <= 0) return `<sheetViews>${open}/></sheetViews>`;
  const topLeft = `${columnLetters(columns + 1)}${rows + 1}`;
  const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    `<sheetViews>${open}>` +
    `<pane${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    "</sheetView></sheetViews>"
  );
}

function printXml(print: PrintSpec | undefined): string {
  const m = print?.margins ?? DEFAULT_MARGINS;
  let xml = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!print) return xml;
  xml +=
    `<pageSetup paperSize="${PAPER_SIZE[print.paper]}" orientation="${print.orientation}"` +
    (print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "") +
    "/>";
  if (print.footerCenter) xml += `<headerFooter><oddFooter>${escapeXml(`&C${print.footerCenter}`)}</oddFooter></headerFooter>`;
  return xml;
}

/** The sheet's XML in parts of a few hundred rows. */
export function* sheetXml(plan: SheetPlan, selected: boolean, strings: CellTexts, styles: StyleTable, warnings: string[]): Generator<string | Uint8Array> {
  const { layout } = plan;
  const sheetPr =
    layout.tabColor || layout.print?.fitToWidth
      ? "<sheetPr>" +
        (layout.tabColor ? `<tabColor rgb="${argb(layout.tabColor)}"/>` : "") +
        (layout.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "") +
        "</sheetPr>"
      : "";
  yield XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    sheetPr +
    `<dimension ref="${plan.dimension}"/>` +
    sheetViewXml(layout, selected) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    plan.columnXml +
    "<sheetData>";

  // Millions of cells are written for a big sheet: straight into bytes, from pieces cached by column and style.
  const out = new XmlBytes();
  const cellOpens: string[] = [];
  const cellOpen = (col: number) => (cellOpens[col] ??= `<c r="${columnLetters(col)}`);
  const styleAttributes: string[] = [];
  const styleAttribute = (xf: number) => (styleAttributes[xf] ??= xf ? `" s="${xf}"` : '"');
  // Shared strings: the style attribute and the text cell's opening in one piece, per style.
  const shared = Object.getPrototypeOf(strings) === SharedStrings.prototype ? (strings as SharedStrings) : undefined;
  const sharedOpens: string[] = [];
  const sharedOpen = (xf: number) => (sharedOpens[xf] ??= styleAttribute(xf) + SHARED_CELL_OPEN);
  // A column often holds the previous row's text again (a unit, a status, the rows of one direction: 60 % of the cells
  // of a 50,000-row appendix and its approved copy): its index is taken again without a lookup in the string table.
  const lastTexts: string[] = [];
  const lastIndexes: number[] = [];
  let rowText = "";
  const cellXml = (col: number, value: LayoutValue, xf: number): void => {
    out.ascii(cellOpen(col));
    out.ascii(rowText);
    if (shared !== undefined && typeof value === "string") {
      out.ascii(sharedOpen(xf));
      let index: number;
      if (lastTexts[col] === value) index = shared.addAgain(lastIndexes[col]);
      else {
        index = shared.add(value);
        lastTexts[col] = value;
        lastIndexes[col] = index;
      }
      out.integer(index);
      out.ascii(SHARED_CELL_CLOSE);
      return;
    }
    out.ascii(styleAttribute(xf));
    if (typeof value === "string") strings.write(out, value);
    else if (typeof value === "number") out.ascii(Number.isFinite(value) ? `><v>${value}</v></c>` : "/>");
    else if (value !== null && isFormulaValue(value)) out.text(`><f>${escapeXml(formulaBody(value))}</f></c>`);
    else out.ascii("/>");
  };
  const mergesByRow: RangeBox[][] = [];
  for (const box of plan.merges) for (let row = box.top; row <= box.bottom; row++) (mergesByRow[row] ??= []).push(box);
  const noMerges: RangeBox[] = [];
  const { blocks } = layout;
  const { planned, firstBlock, firstBlockRow, heights } = plan;
  for (let rowIndex = 0; rowIndex < planned.length; rowIndex++) {
    const kind = planned[rowIndex];
    if (kind === 0) continue;
    rowText = String(rowIndex);
    const height = heights[rowIndex];
    out.ascii(`<row r="${rowText}"${height >= 0 ? ` ht="${height}" customHeight="1"` : ""}`);
    const merges = mergesByRow[rowIndex] ?? noMerges;
    const cellsAt = out.length;
    out.ascii(">");
    if (kind === 1 && firstBlock[rowIndex] >= 0 && merges.length === 0) {
      // The common case: one block covers the row, cells already in column order.
      const block = blocks[firstBlock[rowIndex]];
      const styleOf = plan.blockStyles[firstBlock[rowIndex]];
      const values = block.values[firstBlockRow[rowIndex]];
      for (let c = 0; c < values.length; c++) cellXml(block.col + c, values[c], styleOf(values[c]));
    } else {
      const segments = segmentsOf(plan, rowIndex);
      const placed = new Map<number, PlacedCell>();
      for (let s = 0; s < segments.length; s += 2) {
        const block = blocks[segments[s]];
        const styleOf = plan.blockStyles[segments[s]];
        block.values[segments[s + 1]].forEach((value, c) => {
          const col = block.col + c;
          // A null restyles the cell but keeps an earlier value, as writing into ExcelJS does.
          const previous = placed.get(col);
          placed.set(col, { value: value === null && previous ? previous.value : value, xf: styleOf(value) });
        });
      }
      // Merged cells other than the top-left one lose their values and take its style (ExcelJS's mergeCells).
      for (const box of merges) {
        const master = box.top === rowIndex ? placed.get(box.left) : placedAt(plan, box.top, box.left);
        const xf = master?.xf ?? 0;
        for (let col = box.left; col <= box.right; col++) {
          if (rowIndex === box.top && col === box.left) continue;
          placed.set(col, { value: null, xf });
        }
      }
      for (const col of [...placed.keys()].sort((a, b) => a - b)) {
        const cell = placed.get(col)!;
        cellXml(col, cell.value, cell.xf);
      }
    }
    if (out.length === cellsAt + 1) out.rewind(cellsAt);
    out.ascii(out.length === cellsAt ? "/>" : "</row>");
    if (out.length >= BYTES_PER_PART) yield out.take();
  }
  yield out.take();
  let part = "</sheetData>";
  if (plan.merges.length) {
    part += `<mergeCells count="${plan.merges.length}">${(layout.merges ?? []).map((merge) => `<mergeCell ref="${merge.replace(/\$/g, "")}"/>`).join("")}</mergeCells>`;
  }
  part += sheetRulesXml(layout, (spec) => styles.dxf(spec), escapeXml, warnings);
  yield part + printXml(layout.print) + "</worksheet>";
}

/** The blocks covering a row, in layout order: block index, row within it, …. */
function segmentsOf(plan: SheetPlan, row: number): number[] {
  if (row < 0 || row >= plan.planned.length || plan.firstBlock[row] < 0) return [];
  return [plan.firstBlock[row], plan.firstBlockRow[row], ...(plan.moreSegments.get(row) ?? [])];
}

/** The value and style blocks put at (row, col), before merges; for a merge's top-left cell seen from a lower row. */
function placedAt(plan: SheetPlan, row: number, col: number): PlacedCell | undefined {
  const segments = segmentsOf(plan, row);
  let found: PlacedCell | undefined;
  for (let s = 0; s < segments.length; s += 2) {
    const block = plan.layout.blocks[segments[s]];
    const c = col - block.col;
    const values = block.values[segments[s + 1]];
    if (c < 0 || c >= values.length) continue;
    const value = values[c];
    found = { value: value === null && found ? found.value : value, xf: plan.blockStyles[segments[s]](value) };
  }
  return found;
}
