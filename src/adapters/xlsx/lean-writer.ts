/**
 * A lean xlsx writer for big layouts (the merge's consolidated register): writes the sheet XML straight from the
 * layout, strings shared, styles deduplicated, parts deflated by Node's zlib while they are generated. Cell decisions come
 * from `core/layout/cells.ts` like in `exceljs-writer.ts` (ExcelJS), whose output it matches cell for cell: value, type,
 * number format, font, fill, border, alignment, widths, heights, merges, freeze, print settings, names, dropdowns
 * (data validations) and conditional formats (`lean-rules.ts`).
 */
import type { CellBlock, CellStyle, ConditionalFormatSpec, LayoutValue, PrintSpec, SheetLayout, WorkbookLayout } from "../../core/layout/types";
import { columnLetters, estimateRowHeights, formulaBody, isFormulaValue, numberFormatFor, parseA1Range, type RangeBox } from "../../core/layout/cells";
import { dxfXml, sheetRulesXml } from "./lean-rules";
import { XmlBytes } from "./xml-bytes";
import { ZipWriter } from "./zip-writer";

export interface LeanWriteOptions {
  /** zlib level 1–9; 6 by default. */
  level?: number;
  /** Stamped on the ZIP entries. */
  modified?: Date;
}

export interface LeanWriteResult {
  bytes: Buffer;
  warnings: string[];
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PAPER_SIZE = { A4: 9, A3: 8 } as const;
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Excel's built-in number formats the layouts use; others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
/** Bytes of sheet XML generated before they are handed on to zlib. */
const BYTES_PER_PART = 1 << 18;

// Characters XML 1.0 cannot carry are dropped, as ExcelJS does (its set, plus U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex
const ESCAPES = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", _: "_x005F_" };

/**
 * Text for XML content and attributes. A literal "_xHHHH_" is written as "_x005F_xHHHH_": Excel and readers decode
 * "_xHHHH_" as a character, and submitted text must stay as it was.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (ch) => ENTITY[ch] ?? "");
}

function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

/** 'Sheet name' as a formula reference writes it. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(area: string): string {
  return area
    .replace(/\$/g, "")
    .split(":")
    .map((part) => part.replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

const THIN_BORDER =
  '<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>' +
  '<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>';

/**
 * Where a style table's own entries start in the stylesheet it is written into. A new workbook: right after the reserved
 * defaults (font 0; fills 0 and 1; border 0; cell format 0). A user's workbook: after its own entries, which keep their
 * indexes, so its sheets look as they did (`layout-in-place.ts`).
 */
export interface StyleOffsets {
  fonts: number;
  fills: number;
  borders: number;
  xfs: number;
  dxfs: number;
  /** The first custom number format id free to use (164 in a new workbook). */
  numFmtId: number;
  /**
   * Entries the stylesheet already has, by their XML (number formats by code): reused rather than added again, so
   * writing into a workbook we wrote before does not grow its stylesheet.
   */
  existing?: { fonts: Map<string, number>; fills: Map<string, number>; borders: Map<string, number>; xfs: Map<string, number>; dxfs: Map<string, number>; numFmts: Map<string, number> };
}

const NEW_WORKBOOK_OFFSETS: StyleOffsets = { fonts: 1, fills: 2, borders: 1, xfs: 1, dxfs: 0, numFmtId: 164 };
/** Entries of each list that stand for the stylesheet's own defaults, not written again into a user's stylesheet. */
const RESERVED = { fonts: 1, fills: 2, borders: 1, xfs: 1 } as const;

/** The entries a style table adds to a stylesheet, each list's XML elements in index order. */
export interface StyleAdditions {
  numFmts: string[];
  fonts: string[];
  fills: string[];
  borders: string[];
  xfs: string[];
  dxfs: string[];
}

/** Fonts, fills, borders, number formats and cell formats, each written once. */
export class StyleTable {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly customFormats = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>([[this.xfs[0], 0]]);
  private readonly dxfs: string[] = [];

  constructor(private readonly offsets: StyleOffsets = NEW_WORKBOOK_OFFSETS) {
    // A new workbook always lists the thin border (index 1); a user's stylesheet gets it only when it is used and new.
    if (offsets === NEW_WORKBOOK_OFFSETS) this.borders.push(THIN_BORDER);
  }

  /** The index of `xml` in `list` (added when new), as the stylesheet numbers it: reserved entries, then the offset. */
  private indexIn(list: string[], xml: string, reserved: number, offset: number, existing?: Map<string, number>): number {
    const known = existing?.get(xml);
    if (known !== undefined) return known;
    // In a user's stylesheet the reserved entries are its own, whatever they look like: never matched by content.
    let found = list.indexOf(xml, this.offsets === NEW_WORKBOOK_OFFSETS ? 0 : reserved);
    if (found < 0) {
      list.push(xml);
      found = list.length - 1;
    }
    return found < reserved ? found : offset + found - reserved;
  }

  private numberFormatId(format: string): number {
    const builtin = BUILTIN_FORMATS[format];
    if (builtin !== undefined) return builtin;
    let id = this.customFormats.get(format) ?? this.offsets.existing?.numFmts.get(format);
    if (id === undefined) this.customFormats.set(format, (id = this.offsets.numFmtId + this.customFormats.size));
    return id;
  }

  /** The differential format index of a conditional format. */
  dxf(spec: ConditionalFormatSpec): number {
    return this.indexIn(this.dxfs, dxfXml(spec), 0, this.offsets.dxfs, this.offsets.existing?.dxfs);
  }

  /** The cell format index for `style` with number format `numFmt`. */
  xf(style: CellStyle | undefined, numFmt: string): number {
    const numFmtId = this.numberFormatId(numFmt);
    let fontId = 0;
    let fillId = 0;
    let borderId = 0;
    let alignment = "";
    if (style) {
      if (style.bold || style.italic || style.fontName || style.fontSize || style.fontColor) {
        const name = style.fontName ?? "Calibri";
        fontId = this.indexIn(
          this.fonts,
          "<font>" +
            (style.bold ? "<b/>" : "") +
            (style.italic ? "<i/>" : "") +
            `<sz val="${style.fontSize ?? 11}"/>` +
            (style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : "") +
            `<name val="${escapeXml(name)}"/>` +
            (name === "Calibri" ? '<family val="2"/>' : "") +
            "</font>",
          RESERVED.fonts,
          this.offsets.fonts,
          this.offsets.existing?.fonts,
        );
      }
      if (style.fill) {
        fillId = this.indexIn(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
          RESERVED.fills,
          this.offsets.fills,
          this.offsets.existing?.fills,
        );
      }
      if (style.border) borderId = this.indexIn(this.borders, THIN_BORDER, RESERVED.borders, this.offsets.borders, this.offsets.existing?.borders);
      if (style.wrap || style.horizontal || style.vertical) {
        alignment =
          "<alignment" +
          (style.horizontal ? ` horizontal="${style.horizontal}"` : "") +
          (style.vertical ? ` vertical="${style.vertical}"` : "") +
          (style.wrap ? ' wrapText="1"' : "") +
          "/>";
      }
    }
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ` applyAlignment="1">${alignment}</xf>` : "/>");
    const known = this.offsets.existing?.xfs.get(xml);
    if (known !== undefined) return known;
    let index = this.xfIndex.get(xml);
    if (index === undefined) {
      this.xfs.push(xml);
      this.xfIndex.set(xml, (index = this.xfs.length - 1));
    }
    return index < RESERVED.xfs ? index : this.offsets.xfs + index - RESERVED.xfs;
  }

  /** What this table adds past the reserved defaults, for a stylesheet that already has its own entries. */
  additions(): StyleAdditions {
    return {
      numFmts: [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`),
      fonts: this.fonts.slice(RESERVED.fonts),
      fills: this.fills.slice(RESERVED.fills),
      borders: this.borders.slice(RESERVED.borders),
      xfs: this.xfs.slice(RESERVED.xfs),
      dxfs: [...this.dxfs],
    };
  }

  xml(): string {
    const formats = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_HEAD +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

/** How a text cell is written, after `<c r="A1" s="3"`: through shared strings, or inline in a user's workbook. */
export interface CellTexts {
  write(out: XmlBytes, text: string): void;
}

const SHARED_CELL_OPEN = ' t="s"><v>';
const SHARED_CELL_CLOSE = "</v></c>";

/** Shared strings: each distinct text once, cells refer to it by index. */
export class SharedStrings implements CellTexts {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private references = 0;

  /**
   * `first`: how many strings the table already holds (a user's workbook), ours numbered after them; `existing`: its
   * plain texts by index, used instead of adding the same text again.
   */
  constructor(
    private readonly first = 0,
    private readonly existing?: ReadonlyMap<string, number>,
  ) {}

  get referenceCount(): number {
    return this.references;
  }

  get uniqueCount(): number {
    return this.texts.length;
  }

  add(text: string): number {
    this.references++;
    const known = this.existing?.get(text);
    if (known !== undefined) return known;
    let index = this.index.get(text);
    if (index === undefined) {
      this.index.set(text, (index = this.texts.length));
      this.texts.push(text);
    }
    return this.first + index;
  }

  write(out: XmlBytes, text: string): void {
    out.ascii(SHARED_CELL_OPEN);
    out.integer(this.add(text));
    out.ascii(SHARED_CELL_CLOSE);
  }

  *xml(): Generator<string> {
    yield XML_HEAD + `<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.texts.length}">`;
    yield* this.items();
    yield "</sst>";
  }

  /** The `<si>` elements, in pieces. */
  *items(): Generator<string> {
    let part = "";
    for (let i = 0; i < this.texts.length; i++) {
      const text = this.texts[i];
      // Leading/trailing spaces and line breaks survive only with xml:space="preserve" (ExcelJS's rule).
      part += /^\s|\n|\s$/.test(text) ? `<si><t xml:space="preserve">${escapeXml(text)}</t></si>` : `<si><t>${escapeXml(text)}</t></si>`;
      if (part.length > 1 << 16) {
        yield part;
        part = "";
      }
    }
    yield part;
  }
}

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
  let rowText = "";
  const cellXml = (col: number, value: LayoutValue, xf: number): void => {
    out.ascii(cellOpen(col));
    out.ascii(rowText);
    if (shared !== undefined && typeof value === "string") {
      out.ascii(sharedOpen(xf));
      out.integer(shared.add(value));
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

const DEFINED_NAME_REF = /^('[^']+(?:''[^']*)*'|[^'!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/;

/** The print area and print titles of `sheet`, the sheet at `index` in the workbook, as `<definedName>` elements. */
export function printNamesXml(sheet: SheetLayout, index: number): string[] {
  const names: string[] = [];
  const quoted = quotedSheet(sheet.name);
  if (sheet.print?.printArea) {
    names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(`${quoted}!${absolute(sheet.print.printArea)}`)}</definedName>`);
  }
  if (sheet.print?.titleRows) {
    const { first, last } = sheet.print.titleRows;
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${quoted}!$${first}:$${last}`)}</definedName>`);
  }
  return names;
}

/** The layout's workbook-scoped names as `<definedName>` elements; a name that is not a range reference is refused. */
export function layoutNamesXml(layout: WorkbookLayout): string[] {
  return (layout.names ?? []).map((name) => {
    if (!DEFINED_NAME_REF.test(name.ref)) {
      throw new Error(`Имя «${name.name}»: в файл можно записать только ссылку на диапазон, а не «${name.ref}».`);
    }
    return `<definedName name="${escapeXml(name.name)}">${escapeXml(name.ref)}</definedName>`;
  });
}

function workbookXml(layout: WorkbookLayout, activeIndex: number): string {
  const sheets = layout.sheets;
  const firstVisible = Math.max(0, sheets.findIndex((sheet) => (sheet.visibility ?? "visible") === "visible"));
  const names = [...sheets.flatMap((sheet, index) => printNamesXml(sheet, index)), ...layoutNamesXml(layout)];
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="17000" firstSheet="${firstVisible}" activeTab="${activeIndex}"/></bookViews>` +
    "<sheets>" +
    sheets
      .map((sheet, index) => {
        const state = sheet.visibility && sheet.visibility !== "visible" ? ` state="${sheet.visibility}"` : "";
        return `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${state} r:id="rId${index + 1}"/>`;
      })
      .join("") +
    "</sheets>" +
    (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
    '<calcPr calcId="171027"/>' +
    "</workbook>"
  );
}

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    "</Types>"
  );
}

function workbookRelsXml(sheetCount: number): string {
  const type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${type}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return (
    XML_HEAD +
    `<Relationships xmlns="${PACKAGE_REL_NS}">` +
    sheets.join("") +
    `<Relationship Id="rId${sheetCount + 1}" Type="${type}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${type}/sharedStrings" Target="sharedStrings.xml"/>` +
    "</Relationships>"
  );
}

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PACKAGE_REL_NS}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  "</Relationships>";

/** Writes `layout` as a new workbook. */
export async function writeLayoutLean(layout: WorkbookLayout, options: LeanWriteOptions = {}): Promise<LeanWriteResult> {
  const names = new Set<string>();
  for (const sheet of layout.sheets) {
    const key = sheet.name.toLowerCase();
    if (names.has(key)) throw new Error(`Два листа с именем «${sheet.name}».`);
    names.add(key);
  }
  const warnings: string[] = [];
  const sheets = layout.sheets;
  const activeName = layout.activeSheet ?? sheets.find((sheet) => (sheet.visibility ?? "visible") === "visible")?.name;
  const activeIndex = Math.max(0, sheets.findIndex((sheet) => sheet.name === activeName));
  if (sheets[activeIndex] && (sheets[activeIndex].visibility ?? "visible") !== "visible") {
    warnings.push(`Лист «${sheets[activeIndex].name}» скрыт и не может быть активным.`);
  }

  const styles = new StyleTable();
  const strings = new SharedStrings();
  const zip = new ZipWriter(options.level ?? 6, options.modified);
  const workbook = workbookXml(layout, activeIndex);
  for (let index = 0; index < sheets.length; index++) {
    await zip.add(`xl/worksheets/sheet${index + 1}.xml`, sheetXml(planSheet(sheets[index], styles), index === activeIndex, strings, styles, warnings));
  }
  await zip.add("xl/sharedStrings.xml", strings.xml());
  await zip.add("xl/styles.xml", [styles.xml()]);
  await zip.add("xl/workbook.xml", [workbook]);
  await zip.add("xl/_rels/workbook.xml.rels", [workbookRelsXml(sheets.length)]);
  await zip.add("_rels/.rels", [ROOT_RELS]);
  await zip.add("[Content_Types].xml", [contentTypesXml(sheets.length)]);
  const bytes = zip.finish(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"]);
  return { bytes, warnings };
}
