/**
 * The sheets we write, described as data. Two renderers apply a layout:
 * `adapters/office/render-layout.ts` (Office.js) and `adapters/xlsx/exceljs-writer.ts` (a file).
 * Rows and columns are 1-based; ranges are A1 addresses without a sheet name.
 */

/** A literal string is always written as text (never a formula, never coerced to a number or date). */
export type LayoutValue = string | number | null | { formula: string };

export type HorizontalAlignment = "left" | "center" | "right";
export type VerticalAlignment = "top" | "center" | "bottom";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" */
  fill?: string;
  wrap?: boolean;
  horizontal?: HorizontalAlignment;
  vertical?: VerticalAlignment;
  /** Thin borders on every edge of every cell of the block. */
  border?: boolean;
  /** Excel number format; "@" is text. Strings get "@" when none is given. */
  numberFormat?: string;
}

/** A rectangle of values whose top-left cell is (row, col). */
export interface CellBlock {
  row: number;
  col: number;
  values: LayoutValue[][];
  style?: CellStyle;
}

export interface ColumnSpec {
  index: number;
  /** Width in characters, as Excel shows it. */
  width?: number;
  /** Applied to the whole column (e.g. "@" so typed IDs such as 1.10 stay text). */
  numberFormat?: string;
  hidden?: boolean;
}

export interface RowSpec {
  index: number;
  /** Points. */
  height?: number;
}

export interface ListValidation {
  /** e.g. "F7:F5000" */
  range: string;
  /** A formula referring to a workbook name, e.g. "=Статусы" or an OFFSET over one; never an inline list. */
  source: string;
  /** "stop" rejects other values; "warning" allows free text after a warning. */
  errorStyle: "stop" | "warning" | "information";
  errorTitle?: string;
  errorMessage?: string;
  promptTitle?: string;
  promptMessage?: string;
}

export interface ConditionalFormatSpec {
  range: string;
  /** Written for the top-left cell of `range`, relative references as in Excel's UI, e.g. "=AND(COUNTA($A7:$O7)>0,$A7=\"\")". */
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface PrintSpec {
  orientation: "landscape" | "portrait";
  paper: "A4" | "A3";
  /** Fit all columns on one page wide (any number of pages tall). */
  fitToWidth?: boolean;
  /** Rows repeated on every page, e.g. { first: 5, last: 6 }. */
  titleRows?: { first: number; last: number };
  /** Footer centre text in Excel header/footer codes, e.g. "Страница &P из &N". */
  footerCenter?: string;
  /** Inches, as Excel stores them. */
  margins?: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** e.g. "A1:O120" */
  printArea?: string;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetLayout {
  name: string;
  visibility?: SheetVisibility;
  /** "#RRGGBB" */
  tabColor?: string;
  columns?: ColumnSpec[];
  rows?: RowSpec[];
  blocks: CellBlock[];
  /** A1 ranges to merge, e.g. "A2:O2". */
  merges?: string[];
  validations?: ListValidation[];
  conditionalFormats?: ConditionalFormatSpec[];
  freeze?: { rows: number; columns?: number };
  print?: PrintSpec;
  /** Let the host fit row heights to wrapped text (Office: autofitRows; files: estimated heights). */
  autoFitRows?: boolean;
}

export interface DefinedName {
  /** Workbook-scoped name, e.g. "Статусы". */
  name: string;
  /** An absolute reference with the sheet, e.g. "'Справочники'!$A$2:$A$8". */
  ref: string;
  comment?: string;
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  names?: DefinedName[];
  /** The sheet to show when rendering is done. */
  activeSheet?: string;
}
