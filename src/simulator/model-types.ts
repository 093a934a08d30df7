/** The workbook model's data: cell styles (StyleTable), validations, conditional formats, page layout, names, limits. */
import { type Box } from "./address";
import { ErrorCodes, officeError } from "./errors";
import { type CellValue } from "./values";
import { SimSheet } from "./model-sheet";

export const MAX_CELL_TEXT = 32_767;
export const MAX_INLINE_LIST = 255;
/** Text constants in formulas (and so in names) hold at most 255 characters. */
export const MAX_NAME_TEXT = 255;
export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11
export const DEFAULT_ROW_HEIGHT = 15;

export interface BorderSpec {
  style: string;
  weight: string;
  color: string;
}

export interface CellStyle {
  fontName: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  underline: string;
  fontColor: string;
  /** "#RRGGBB" or null for no fill. */
  fill: string | null;
  wrap: boolean;
  horizontal: string;
  vertical: string;
  top?: BorderSpec;
  bottom?: BorderSpec;
  left?: BorderSpec;
  right?: BorderSpec;
}

export const DEFAULT_STYLE: Readonly<CellStyle> = Object.freeze({
  fontName: "Calibri",
  fontSize: 11,
  bold: false,
  italic: false,
  underline: "None",
  fontColor: "#000000",
  fill: null,
  wrap: false,
  horizontal: "General",
  vertical: "Bottom",
});

/** Interned styles: cells hold small integers; equal styles share one id. */
export class StyleTable {
  readonly styles: CellStyle[] = [DEFAULT_STYLE as CellStyle];
  private readonly ids = new Map<string, number>([[JSON.stringify(DEFAULT_STYLE), 0]]);
  private readonly patched = new Map<string, number>();

  id(style: CellStyle): number {
    const key = JSON.stringify(style);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(Object.freeze({ ...style }) as CellStyle);
      this.ids.set(key, id);
    }
    return id;
  }

  get(id: number): CellStyle {
    return this.styles[id];
  }

  /** The id of style `id` changed by `patch`; memoised per (id, patchKey) so big ranges cost one lookup per cell. */
  patch(id: number, patchKey: string, patch: (style: CellStyle) => CellStyle): number {
    const key = `${id}|${patchKey}`;
    let result = this.patched.get(key);
    if (result === undefined) {
      result = this.id(patch({ ...this.styles[id] }));
      this.patched.set(key, result);
    }
    return result;
  }
}

export interface RowData {
  /** Value or cached-value placeholder; undefined = empty. */
  v: (CellValue | undefined)[];
  /** Formula text ("=…") where the cell holds a formula. */
  f?: (string | undefined)[];
  /** Cell-level number format. */
  nf?: (string | undefined)[];
  /** Cell-level style id. */
  s?: (number | undefined)[];
}

export interface ValidationRule {
  list?: { inCellDropDown: boolean; source: string };
  wholeNumber?: { formula1: string | number; formula2?: string | number; operator: string };
  decimal?: { formula1: string | number; formula2?: string | number; operator: string };
  textLength?: { formula1: string | number; formula2?: string | number; operator: string };
  date?: { formula1: string | number; formula2?: string | number; operator: string };
  time?: { formula1: string | number; formula2?: string | number; operator: string };
  custom?: { formula: string };
}

export interface ValidationErrorAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

export interface ValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface ValidationEntry {
  boxes: Box[];
  rule: ValidationRule;
  errorAlert: ValidationErrorAlert;
  prompt: ValidationPrompt;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatEntry {
  id: string;
  boxes: Box[];
  type: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  stopIfTrue: boolean;
}

export interface HeadersFooters {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** "$5:$6" or null. */
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  /** Points. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  firstPageNumber: number | "";
  printComments: string;
  printErrors: string;
  printOrder: string;
  headersFooters: HeadersFooters;
}

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface NameEntry {
  name: string;
  /** "=Sheet1!$A$1:$A$5", "=0.5", "=\"text\"" … */
  formula: string;
  comment: string;
  visible: boolean;
  /** null: workbook scope. */
  scope: SimSheet | null;
}

export interface ChangeEvent {
  sheet: SimSheet;
  box: Box;
  dropdownPick: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface CellView {
  /** null when the cell is empty; a formula cell gives its cached value. */
  value: CellValue | null;
  formula: string | null;
  numberFormat: string;
  text: string;
  format: {
    font: { name: string; size: number; bold: boolean; italic: boolean; color: string; underline: string };
    fill: string | null;
    wrapText: boolean;
    horizontalAlignment: string;
    verticalAlignment: string;
    borders: { top?: BorderSpec; bottom?: BorderSpec; left?: BorderSpec; right?: BorderSpec };
  };
  merged: string | null;
}

export function checkCellText(value: unknown, location: string): void {
  if (typeof value === "string" && value.length > MAX_CELL_TEXT) {
    throw officeError(ErrorCodes.invalidArgument, `A cell can hold at most ${MAX_CELL_TEXT} characters; got ${value.length}.`, location);
  }
}
