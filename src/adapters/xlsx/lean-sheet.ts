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
/** Bytes of sheet XML generated before they are handed on to zlib. */
const BYTES_PER_PART = 1 << 18;

interface PlacedCell {
  value: LayoutValue;
  xf: number;
}

interface RowPlan {
  /** Block indexes and the row within each, in layout order (later blocks win, as in ExcelJS). */
  segments: number[];
  height?: number;
}

/** Everything a sheet needs that is known before its XML is generated. */
export interface SheetPlan {
  layout: SheetLayout;
  /** By row number; rows nothing touches are holes. An array, not a Map: 100,000 rows are planned per big sheet. */
  rows: RowPlan[];
  rowOrder: number[];
  blockStyles: ((value: LayoutValue) => number)[];
  merges: RangeBox[];
  columnXml: string;
  dimension: string;
}

export function planSheet(layout: SheetLayout, styles: StyleTable): SheetPlan {
  const rows: RowPlan[] = [];
  const rowPlan = (index: number) => (rows[index] ??= { segments: [] });
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  layout.blocks.forEach((block, blockIndex) => {
    block.values.forEach((values, r) => {
      // A row's first segment as a literal of its size: a push onto an empty array reserves room for 16 more (the
      // consolidated sheet's 20,000 rows: ~2.5 MB more for the collector to copy while the sheet is written).
      const planned = rows[block.row + r];
      if (planned === undefined) rows[block.row + r] = { segments: [blockIndex, r] };
      else planned.segments.push(blockIndex, r);
      if (values.length > 0) {
        top = Math.min(top, block.row + r);
        bottom = Math.max(bottom, block.row + r);
        left = Math.min(left, block.col);
        right = Math.max(right, block.col + values.length - 1);
      }
    });
  });
  const merges = (layout.merges ?? []).map((merge) => parseA1Range(merge));
  for (const box of merges) {
    for (let row = box.top; row <= box.bottom; row++) rowPlan(row);
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.bottom);
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
  }
  if (layout.autoFitRows) for (const [row, height] of estimateRowHeights(layout)) rowPlan(row).height = height;
  for (const row of layout.rows ?? []) if (row.height !== undefined) rowPlan(row.index).height = row.height;

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
  const rowOrder: number[] = [];
  rows.forEach((_, index) => rowOrder.push(index));
  return { layout, rows, rowOrder, blockStyles, merges, columnXml, dimension };
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
  for (const rowIndex of plan.rowOrder) {
    const rowPlan = plan.rows[rowIndex];
    rowText = String(rowIndex);
    out.ascii(`<row r="${rowText}"${rowPlan.height !== undefined ? ` ht="${rowPlan.height}" customHeight="1"` : ""}`);
    const segments = rowPlan.segments;
    const merges = mergesByRow[rowIndex] ?? noMerges;
    const cellsAt = out.length;
    out.ascii(">");
    if (segments.length === 2 && merges.length === 0) {
      // The common case: one block covers the row, cells already in column order.
      const block = blocks[segments[0]];
      const styleOf = plan.blockStyles[segments[0]];
      const values = block.values[segments[1]];
      for (let c = 0; c < values.length; c++) cellXml(block.col + c, values[c], styleOf(values[c]));
    } else if (segments.length > 0 || merges.length > 0) {
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

/** The value and style blocks put at (row, col), before merges; for a merge's top-left cell seen from a lower row. */
function placedAt(plan: SheetPlan, row: number, col: number): PlacedCell | undefined {
  const segments = plan.rows[row]?.segments ?? [];
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
