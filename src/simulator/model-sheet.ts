/**
 * A worksheet of the model: cells stored as arrays per row, formats layered (sheet → column → row → cell) so that
 * formatting a whole column costs one entry, not a million; validations, conditional formats, merges, page layout.
 */
import { type Box, MAX_COLUMNS, MAX_ROWS, formatBox, intersect, isWholeColumns, isWholeRows, parseBox, sameBox, subtract } from "./address";
import { ErrorCodes, officeError } from "./errors";
import { type CellValue, type Culture, coerceString, formatValue } from "./values";
import { type CellStyle, type CellView, type ChartModel, type ConditionalFormatEntry, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, DEFAULT_STYLE, type PageLayoutModel, type RowData, type ValidationEntry, type Visibility } from "./model-types";
import { SimWorkbook } from "./model-workbook";
import { evaluateFormula } from "./model-formulas";
import { shiftSheetColumns, shiftSheetRows } from "./model-sheet-shift";

export const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

let nextId = 1;
function newId(): string {
  const n = (nextId++).toString(16).toUpperCase().padStart(8, "0");
  return `{${n}-0000-4000-8000-${"0".repeat(12)}}`;
}

export class SimSheet {
  readonly id = newId();
  name: string;
  visibility: Visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  rows: (RowData | undefined)[] = [];
  readonly columnFormats = new Map<number, string>();
  readonly rowFormats = new Map<number, string>();
  readonly columnStyles = new Map<number, number>();
  readonly rowStyles = new Map<number, number>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  mergeBoxes: Box[] = [];
  validationEntries: ValidationEntry[] = [];
  conditionalFormatEntries: ConditionalFormatEntry[] = [];
  /** Frozen rows and columns (0 = none). */
  freeze = { rows: 0, columns: 0 };
  /** Points; rows and columns without their own size. */
  standardRowHeight = DEFAULT_ROW_HEIGHT;
  standardColumnWidth = DEFAULT_COLUMN_WIDTH;
  pageLayout: PageLayoutModel;
  charts: ChartModel[] = [];
  selection: Box = { r0: 0, c0: 0, r1: 0, c1: 0 };
  deleted = false;

  constructor(
    readonly workbook: SimWorkbook,
    name: string,
  ) {
    this.name = name;
    this.pageLayout = defaultPageLayout(workbook.culture);
  }

  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }

  private row(r: number): RowData {
    let row = this.rows[r];
    if (!row) {
      row = { v: [] };
      this.rows[r] = row;
    }
    return row;
  }

  // ---- cells ------------------------------------------------------------------------------------------------

  numberFormatAt(r: number, c: number): string {
    return this.rows[r]?.nf?.[c] ?? this.rowFormats.get(r) ?? this.columnFormats.get(c) ?? "General";
  }

  styleIdAt(r: number, c: number): number {
    return this.rows[r]?.s?.[c] ?? this.rowStyles.get(r) ?? this.columnStyles.get(c) ?? 0;
  }

  styleAt(r: number, c: number): CellStyle {
    return this.workbook.styles.get(this.styleIdAt(r, c));
  }

  formulaAt(r: number, c: number): string | undefined {
    return this.rows[r]?.f?.[c];
  }

  /** The stored value (a formula's cached value is computed on read). */
  valueAt(r: number, c: number): CellValue | null {
    const row = this.rows[r];
    if (!row) return null;
    const formula = row.f?.[c];
    if (formula !== undefined) return evaluateFormula(this, formula, 0);
    const value = row.v[c];
    return value === undefined ? null : value;
  }

  textAt(r: number, c: number): string {
    const value = this.valueAt(r, c);
    if (value === null) return "";
    return formatValue(value, this.numberFormatAt(r, c), this.workbook.culture);
  }

  setValue(r: number, c: number, value: CellValue | null, formula?: string): void {
    const row = this.row(r);
    row.v[c] = value === null || value === "" ? undefined : value;
    if (formula !== undefined) (row.f ??= [])[c] = formula;
    else if (row.f && row.f[c] !== undefined) row.f[c] = undefined;
  }

  setCellNumberFormat(r: number, c: number, format: string): void {
    const row = this.row(r);
    (row.nf ??= [])[c] = format;
  }

  /**
   * Writes what a client sent through `values`/`formulas` (or what a user typed) with Excel's coercion.
   * Returns nothing; throws InvalidArgument for text over 32,767 characters.
   */
  writeInput(r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return; // null leaves the cell as it is
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw officeError(ErrorCodes.invalidArgument, "Numbers must be finite.");
      this.setValue(r, c, input);
      return;
    }
    if (typeof input === "boolean") {
      this.setValue(r, c, input);
      return;
    }
    const text = String(input);
    if (text === "") {
      this.setValue(r, c, null);
      return;
    }
    const format = this.numberFormatAt(r, c);
    if (format === "@") {
      this.setValue(r, c, text);
      return;
    }
    if (text.charCodeAt(0) === 39 /* ' */) {
      const rest = text.slice(1);
      this.setValue(r, c, rest === "" ? null : rest);
      return;
    }
    if (text.length > 1 && text.charCodeAt(0) === 61 /* = */) {
      this.setValue(r, c, 0, text);
      return;
    }
    const coerced = coerceString(text, this.workbook.culture);
    this.setValue(r, c, coerced.value);
    if (coerced.impliedFormat && format === "General") this.setCellNumberFormat(r, c, coerced.impliedFormat);
  }

  /** Applies a number format to a box: whole columns/rows go to their layer, other boxes cell by cell. */
  setNumberFormat(box: Box, format: string | ((r: number, c: number) => string)): void {
    if (typeof format === "string" && isWholeColumns(box)) {
      for (let c = box.c0; c <= box.c1; c++) this.columnFormats.set(c, format);
      if (isWholeRows(box)) this.rowFormats.clear();
      this.forStoredCells(box, (row, c) => row.nf && (row.nf[c] = undefined));
      return;
    }
    if (typeof format === "string" && isWholeRows(box)) {
      for (let r = box.r0; r <= box.r1; r++) this.rowFormats.set(r, format);
      for (let r = box.r0; r <= Math.min(box.r1, this.rows.length - 1); r++) if (this.rows[r]) this.rows[r]!.nf = undefined;
      return;
    }
    for (let r = box.r0; r <= box.r1; r++) {
      const row = this.row(r);
      const nf = (row.nf ??= []);
      for (let c = box.c0; c <= box.c1; c++) nf[c] = typeof format === "string" ? format : format(r, c);
    }
  }

  /** Changes the style of every cell of a box; whole columns/rows change their layer and the stored cells in it. */
  patchStyle(box: Box, patchKey: string, patch: (style: CellStyle) => CellStyle): void {
    const styles = this.workbook.styles;
    if (isWholeColumns(box)) {
      for (let c = box.c0; c <= box.c1; c++) this.columnStyles.set(c, styles.patch(this.columnStyles.get(c) ?? 0, patchKey, patch));
      for (const [r, id] of this.rowStyles) this.rowStyles.set(r, styles.patch(id, patchKey, patch));
      this.forStoredCells(box, (row, c) => {
        if (row.s && row.s[c] !== undefined) row.s[c] = styles.patch(row.s[c]!, patchKey, patch);
      });
      return;
    }
    if (isWholeRows(box)) {
      for (let r = box.r0; r <= box.r1; r++) this.rowStyles.set(r, styles.patch(this.rowStyles.get(r) ?? 0, patchKey, patch));
      this.forStoredCells(box, (row, c) => {
        if (row.s && row.s[c] !== undefined) row.s[c] = styles.patch(row.s[c]!, patchKey, patch);
      });
      return;
    }
    for (let r = box.r0; r <= box.r1; r++) {
      const row = this.row(r);
      const s = (row.s ??= []);
      for (let c = box.c0; c <= box.c1; c++) s[c] = styles.patch(s[c] ?? this.rowStyles.get(r) ?? this.columnStyles.get(c) ?? 0, patchKey, patch);
    }
  }

  private forStoredCells(box: Box, visit: (row: RowData, c: number, r: number) => void): void {
    const last = Math.min(box.r1, this.rows.length - 1);
    for (let r = box.r0; r <= last; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const width = Math.min(box.c1, Math.max(row.v.length, row.nf?.length ?? 0, row.s?.length ?? 0, row.f?.length ?? 0) - 1);
      for (let c = box.c0; c <= width; c++) visit(row, c, r);
    }
  }

  /**
   * Distinct style ids over a box. Rows and columns past everything stored look alike, so a huge box is
   * answered by looking at one row/column beyond the stored area.
   */
  distinctStyleIds(box: Box, limit = 2): number[] {
    const ids = new Set<number>();
    const lastStoredRow = Math.max(this.rows.length, ...[...this.rowStyles.keys()].map((r) => r + 1));
    let lastStoredCol = 0;
    for (const c of this.columnStyles.keys()) lastStoredCol = Math.max(lastStoredCol, c + 1);
    for (const row of this.rows) if (row?.s) lastStoredCol = Math.max(lastStoredCol, row.s.length);
    const r1 = Math.min(box.r1, Math.max(box.r0, lastStoredRow));
    const c1 = Math.min(box.c1, Math.max(box.c0, lastStoredCol));
    for (let r = box.r0; r <= r1; r++) {
      for (let c = box.c0; c <= c1; c++) {
        ids.add(this.styleIdAt(r, c));
        if (ids.size >= limit) return [...ids];
      }
    }
    return [...ids];
  }

  distinctNumberFormats(box: Box, limit = 2): string[] {
    const formats = new Set<string>();
    const r1 = Math.min(box.r1, Math.max(box.r0, this.rows.length, ...[...this.rowFormats.keys()].map((r) => r + 1)));
    for (let r = box.r0; r <= r1; r++) {
      for (let c = box.c0; c <= Math.min(box.c1, box.c0 + 16383); c++) {
        formats.add(this.numberFormatAt(r, c));
        if (formats.size >= limit) return [...formats];
      }
    }
    return [...formats];
  }

  clear(box: Box, what: "All" | "Contents" | "Formats"): void {
    const contents = what === "All" || what === "Contents";
    const formats = what === "All" || what === "Formats";
    if (formats) {
      if (isWholeColumns(box)) for (let c = box.c0; c <= box.c1; c++) (this.columnFormats.delete(c), this.columnStyles.delete(c));
      if (isWholeRows(box)) for (let r = box.r0; r <= box.r1; r++) (this.rowFormats.delete(r), this.rowStyles.delete(r));
      this.mergeBoxes = this.mergeBoxes.filter((m) => !intersect(m, box));
    }
    this.forStoredCells(box, (row, c) => {
      if (contents) {
        row.v[c] = undefined;
        if (row.f) row.f[c] = undefined;
      }
      if (formats) {
        if (row.nf) row.nf[c] = undefined;
        if (row.s) row.s[c] = undefined;
      }
    });
    if (formats && !isWholeColumns(box) && !isWholeRows(box) && (this.columnStyles.size || this.rowStyles.size || this.columnFormats.size || this.rowFormats.size)) {
      // Cells in formatted columns/rows become General/default explicitly.
      this.setNumberFormat(box, "General");
      this.patchStyle(box, "reset", () => ({ ...DEFAULT_STYLE }));
    }
  }

  /** Bounding box of cells with values (valuesOnly) or also with cell-level formats; null when none. */
  usedBox(valuesOnly: boolean): Box | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      let first = -1;
      let last = -1;
      const scan = (arr: unknown[] | undefined) => {
        if (!arr) return;
        for (let c = 0; c < arr.length; c++) {
          if (arr[c] !== undefined) {
            if (first < 0 || c < first) first = c;
            break;
          }
        }
        for (let c = arr.length - 1; c >= 0; c--) {
          if (arr[c] !== undefined) {
            if (c > last) last = c;
            break;
          }
        }
      };
      scan(row.v);
      scan(row.f);
      if (!valuesOnly) {
        scan(row.nf);
        scan(row.s);
      }
      if (last < 0) return;
      if (r0 < 0) r0 = r;
      r1 = r;
      c0 = Math.min(c0, first);
      c1 = Math.max(c1, last);
    });
    return r0 < 0 ? null : { r0, r1, c0, c1 };
  }

  // ---- structure ----------------------------------------------------------------------------------------------

  merge(box: Box, across: boolean): void {
    const boxes = across ? Array.from({ length: box.r1 - box.r0 + 1 }, (_, i) => ({ ...box, r0: box.r0 + i, r1: box.r0 + i })) : [box];
    for (const target of boxes) {
      if (target.r0 === target.r1 && target.c0 === target.c1) continue;
      this.mergeBoxes = this.mergeBoxes.filter((m) => !intersect(m, target));
      // Excel keeps the upper-left value only.
      for (let r = target.r0; r <= target.r1; r++) {
        for (let c = target.c0; c <= target.c1; c++) if (r !== target.r0 || c !== target.c0) this.setValue(r, c, null);
      }
      this.mergeBoxes.push(target);
    }
  }

  unmerge(box: Box): void {
    this.mergeBoxes = this.mergeBoxes.filter((m) => !intersect(m, box));
  }

  mergeAt(r: number, c: number): Box | undefined {
    return this.mergeBoxes.find((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1);
  }

  /** Inserts (count > 0) or deletes (count < 0) rows at `at`, shifting everything below. Whole rows only. */
  shiftRows(at: number, count: number, c0 = 0, c1 = MAX_COLUMNS - 1): void {
    shiftSheetRows(this, at, count, c0, c1);
  }

  /** Inserts (count > 0) or deletes (count < 0) columns at `at` within rows r0..r1. */
  shiftColumns(at: number, count: number, r0 = 0, r1 = MAX_ROWS - 1): void {
    shiftSheetColumns(this, at, count, r0, r1);
  }

  // ---- validations and conditional formats ----------------------------------------------------------------------

  /** Removes validation from a box (splitting entries that stick out of it). */
  clearValidation(box: Box): void {
    for (const entry of this.validationEntries) entry.boxes = entry.boxes.flatMap((b) => subtract(b, box));
    this.validationEntries = this.validationEntries.filter((e) => e.boxes.length);
  }

  /** The entry that covers exactly this box, creating it (with Excel's defaults) from what was there. */
  validationFor(box: Box): ValidationEntry {
    const exact = this.validationEntries.find((e) => e.boxes.length === 1 && sameBox(e.boxes[0], box));
    if (exact) return exact;
    const previous = this.validationEntries.find((e) => e.boxes.some((b) => intersect(b, box)));
    this.clearValidation(box);
    const entry: ValidationEntry = previous
      ? { ...structuredCloneLite(previous), boxes: [box] }
      : {
          boxes: [box],
          rule: {},
          errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
          prompt: { showPrompt: false, title: "", message: "" },
          ignoreBlanks: true,
        };
    this.validationEntries.push(entry);
    return entry;
  }

  validationsIn(box: Box): ValidationEntry[] {
    return this.validationEntries.filter((e) => e.boxes.some((b) => intersect(b, box)));
  }

  conditionalFormatsIn(box: Box): ConditionalFormatEntry[] {
    return this.conditionalFormatEntries.filter((e) => e.boxes.some((b) => intersect(b, box)));
  }

  clearConditionalFormats(box: Box): void {
    for (const entry of this.conditionalFormatEntries) entry.boxes = entry.boxes.flatMap((b) => subtract(b, box));
    this.conditionalFormatEntries = this.conditionalFormatEntries.filter((e) => e.boxes.length);
  }

  // ---- direct access for tests and the playground ---------------------------------------------------------------

  /** 1-based. */
  cell(row: number, column: number): CellView {
    const r = row - 1;
    const c = column - 1;
    const style = this.styleAt(r, c);
    const merged = this.mergeAt(r, c);
    return {
      value: this.valueAt(r, c),
      formula: this.formulaAt(r, c) ?? null,
      numberFormat: this.numberFormatAt(r, c),
      text: this.textAt(r, c),
      format: {
        font: { name: style.fontName, size: style.fontSize, bold: style.bold, italic: style.italic, color: style.fontColor, underline: style.underline },
        fill: style.fill,
        wrapText: style.wrap,
        horizontalAlignment: style.horizontal,
        verticalAlignment: style.vertical,
        borders: { top: style.top, bottom: style.bottom, left: style.left, right: style.right },
      },
      merged: merged ? formatBox(merged) : null,
    };
  }

  /** Values of an A1 range (empty cells as ""), as `range.values` reads them. */
  values(address: string): CellValue[][] {
    const box = this.box(address);
    return mapBox(box, (r, c) => this.valueAt(r, c) ?? "");
  }

  texts(address: string): string[][] {
    const box = this.box(address);
    return mapBox(box, (r, c) => this.textAt(r, c));
  }

  /** Writes like `range.values` does (with coercion), without a request; for test setup and the playground. */
  setValues(address: string, values: unknown[][]): void {
    const box = this.box(address);
    values.forEach((row, i) => row.forEach((value, j) => this.writeInput(box.r0 + i, box.c0 + j, value)));
    this.workbook.changed();
  }

  get merges(): string[] {
    return this.mergeBoxes.map((b) => formatBox(b));
  }

  get validations() {
    return this.validationEntries
      .filter((e) => Object.keys(e.rule).length > 0)
      .map((e) => ({ address: e.boxes.map((b) => formatBox(b)).join(","), rule: e.rule, errorAlert: e.errorAlert, prompt: e.prompt, ignoreBlanks: e.ignoreBlanks }));
  }

  get conditionalFormats() {
    return this.conditionalFormatEntries.map((e) => ({
      address: e.boxes.map((b) => formatBox(b)).join(","),
      type: e.type,
      formula: e.formula,
      fill: e.fill,
      fontColor: e.fontColor,
    }));
  }

  /** Points. */
  columnWidth(column: number): number {
    return this.columnWidths.get(column - 1) ?? this.standardColumnWidth;
  }

  /** Points. */
  rowHeight(row: number): number {
    return this.rowHeights.get(row - 1) ?? this.standardRowHeight;
  }

  /** "A1:O120" or null for a blank sheet. */
  usedRange(valuesOnly = false): string | null {
    const box = this.usedBox(valuesOnly);
    return box ? formatBox(box) : null;
  }

  private box(address: string): Box {
    const box = parseBox(address);
    if (!box) throw new Error(`Bad address «${address}»`);
    return box;
  }
}

function structuredCloneLite<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function mapBox<T>(box: Box, read: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(box.r1 - box.r0 + 1);
  for (let r = box.r0; r <= box.r1; r++) {
    const row: T[] = new Array(box.c1 - box.c0 + 1);
    for (let c = box.c0; c <= box.c1; c++) row[c - box.c0] = read(r, c);
    out[r - box.r0] = row;
  }
  return out;
}

export function defaultPageLayout(culture: Culture): PageLayoutModel {
  return {
    orientation: "Portrait",
    paperSize: culture === "ru-RU" ? "A4" : "Letter",
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    firstPageNumber: "",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    printOrder: "DownThenOver",
    headersFooters: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
  };
}
