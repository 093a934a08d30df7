/** Range and what hangs off it: format (font, fill, borders), data validation, conditional formats. */
import {
  type Box,
  MAX_COLUMNS,
  MAX_ROWS,
  boxCells,
  boxColumns,
  boxRows,
  contains,
  formatBox,
  intersect,
  isWholeColumns,
  isWholeRows,
  parseBox,
  sheetAddress,
  splitSheet,
} from "./address";
import { SimClientResult, SimCollection, SimObject, defineProps } from "./base";
import { SimRequestContext, type Transaction, jsonBytes } from "./context";
import { ErrorCodes, officeError } from "./errors";
import {
  type BorderSpec,
  type CellStyle,
  type ConditionalFormatEntry,
  MAX_INLINE_LIST,
  type SimSheet,
  type ValidationEntry,
  type ValidationRule,
  checkCellText,
  mapBox,
} from "./model";
import { SimWorksheet } from "./worksheet";
import { checkFormula } from "./formula";
import { columnWidthChars, columnWidthPoints, lineHeightPoints, wrappedLineCount } from "../core/layout/cells";

export interface RangeRef {
  sheet: SimSheet;
  box: Box;
}

function liveSheet(ref: RangeRef): RangeRef {
  if (ref.sheet.deleted) throw officeError(ErrorCodes.itemNotFound, `The worksheet «${ref.sheet.name}» was deleted.`);
  return ref;
}

/** Checks a 2-D input against the range size; a single value applies to every cell. */
function matrixReader(value: unknown, box: Box, location: string): (i: number, j: number) => unknown {
  if (!Array.isArray(value)) {
    checkCellText(value, location);
    return () => value;
  }
  const rows = boxRows(box);
  const cols = boxColumns(box);
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    const got = `${value.length}×${Array.isArray(value[0]) ? value[0].length : "?"}`;
    throw officeError(ErrorCodes.invalidArgument, `The input array (${got}) does not match the size of the range (${rows}×${cols}).`, location);
  }
  for (const row of value as unknown[][]) for (const cell of row) checkCellText(cell, location);
  return (i, j) => (value as unknown[][])[i][j];
}

function readMatrix(tx: Transaction, ref: RangeRef, location: string, read: (r: number, c: number) => unknown): unknown[][] {
  tx.countRead(boxCells(ref.box), location);
  const matrix = mapBox(ref.box, read);
  if (tx.host.platform === "OfficeOnline") tx.countResponse(jsonBytes(matrix), location);
  return matrix;
}

function valueType(value: unknown): Excel.RangeValueType {
  if (value === null || value === "") return "Empty" as Excel.RangeValueType;
  if (typeof value === "number") return "Double" as Excel.RangeValueType;
  if (typeof value === "boolean") return "Boolean" as Excel.RangeValueType;
  return "String" as Excel.RangeValueType;
}

function uniform<V>(values: V[]): V | null {
  return values.length > 0 && values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? values[0] : null;
}

function styleValue(ref: RangeRef, pick: (style: CellStyle) => unknown): unknown {
  const styles = ref.sheet.workbook.styles;
  const ids = ref.sheet.distinctStyleIds(ref.box, 64);
  return uniform(ids.map((id) => pick(styles.get(id))));
}

function patchStyle(ref: RangeRef, key: string, patch: (style: CellStyle) => CellStyle, tx: Transaction): void {
  tx.wrote = true;
  ref.sheet.patchStyle(ref.box, key, patch);
}

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

function oneOf(value: unknown, allowed: string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw officeError(ErrorCodes.invalidArgument, `${what} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}.`);
  return value;
}

/** "#RRGGBB", or a few HTML names as Excel accepts them. */
export function normalizeColor(value: unknown): string {
  const named: Record<string, string> = { black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00", orange: "#FFA500", gray: "#808080", grey: "#808080" };
  if (typeof value !== "string") throw officeError(ErrorCodes.invalidArgument, `A colour must be a string like "#RRGGBB"; got ${JSON.stringify(value)}.`);
  const lower = value.toLowerCase();
  if (named[lower]) return named[lower];
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(value)) return `#${value.slice(1).split("").map((ch) => ch + ch).join("")}`.toUpperCase();
  throw officeError(ErrorCodes.invalidArgument, `«${value}» is not a colour.`);
}

export class SimRange extends SimObject<RangeRef> implements Pick<Excel.Range, "address" | "addressLocal" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "cellCount" | "values" | "text" | "formulas" | "formulasLocal" | "numberFormat" | "valueTypes" | "columnHidden" | "rowHidden" | "isEntireColumn" | "isEntireRow"> {
  readonly _className = "Range";
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare values: any[][];
  declare readonly text: string[][];
  declare formulas: any[][];
  declare formulasLocal: any[][];
  declare numberFormat: any[][];
  declare readonly valueTypes: Excel.RangeValueType[][];
  declare columnHidden: boolean;
  declare rowHidden: boolean;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;

  static props: import("./base").PropTable<RangeRef>;

  constructor(context: SimRequestContext, resolver: () => RangeRef | null, nullable = false) {
    super(context, () => {
      const ref = resolver();
      return ref ? liveSheet(ref) : null;
    }, nullable);
  }

  override _navigation() {
    return { format: () => this.format, worksheet: () => this.worksheet, dataValidation: () => this.dataValidation };
  }

  /** A range derived from this one at sync time. */
  private derive(location: string, compute: (ref: RangeRef) => Box | null, nullable = false): SimRange {
    return new SimRange(this._ctx, () => {
      const ref = this._target();
      const box = compute(ref);
      if (box === null) {
        if (nullable) return null;
        throw officeError(ErrorCodes.invalidArgument, `${location}: the result is outside the worksheet.`, `Range.${location}`);
      }
      if (box.r0 < 0 || box.c0 < 0 || box.r1 >= MAX_ROWS || box.c1 >= MAX_COLUMNS || box.r0 > box.r1 || box.c0 > box.c1) {
        throw officeError(ErrorCodes.invalidArgument, `${location}: the result is outside the worksheet.`, `Range.${location}`);
      }
      return { sheet: ref.sheet, box };
    }, nullable);
  }

  get format(): SimRangeFormat {
    return this._child("format", () => new SimRangeFormat(this._ctx, () => this._target()));
  }

  get worksheet(): SimWorksheet {
    return this._child("worksheet", () => new SimWorksheet(this._ctx, () => this._target().sheet));
  }

  get dataValidation(): SimDataValidation {
    return this._child("dataValidation", () => new SimDataValidation(this._ctx, () => this._target()));
  }

  get conditionalFormats(): SimConditionalFormatCollection {
    return this._child("conditionalFormats", () => new SimConditionalFormatCollection(this._ctx, () => this._target()));
  }

  getCell(row: number, column: number): SimRange {
    return this.derive("getCell", ({ box }) => ({ r0: box.r0 + row, c0: box.c0 + column, r1: box.r0 + row, c1: box.c0 + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this.derive("getOffsetRange", ({ box }) => ({ r0: box.r0 + rowOffset, r1: box.r1 + rowOffset, c0: box.c0 + columnOffset, c1: box.c1 + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    const range = this.derive("getResizedRange", ({ box }) => ({ ...box, r1: box.r1 + deltaRows, c1: box.c1 + deltaColumns }));
    this._queue("getResizedRange", "1.2", () => undefined, { writes: false });
    return range;
  }

  getRow(row: number): SimRange {
    return this.derive("getRow", ({ box }) => ({ ...box, r0: box.r0 + row, r1: box.r0 + row }));
  }

  getColumn(column: number): SimRange {
    return this.derive("getColumn", ({ box }) => ({ ...box, c0: box.c0 + column, c1: box.c0 + column }));
  }

  getEntireRow(): SimRange {
    return this.derive("getEntireRow", ({ box }) => ({ r0: box.r0, r1: box.r1, c0: 0, c1: MAX_COLUMNS - 1 }));
  }

  getEntireColumn(): SimRange {
    return this.derive("getEntireColumn", ({ box }) => ({ r0: 0, r1: MAX_ROWS - 1, c0: box.c0, c1: box.c1 }));
  }

  getLastRow(): SimRange {
    return this.derive("getLastRow", ({ box }) => ({ ...box, r0: box.r1 }));
  }

  getLastColumn(): SimRange {
    return this.derive("getLastColumn", ({ box }) => ({ ...box, c0: box.c1 }));
  }

  getLastCell(): SimRange {
    return this.derive("getLastCell", ({ box }) => ({ r0: box.r1, c0: box.c1, r1: box.r1, c1: box.c1 }));
  }

  private otherBox(other: SimRange | string, ref: RangeRef, location: string): Box {
    if (typeof other === "string") {
      const { sheet, reference } = splitSheet(other);
      if (sheet !== undefined && sheet.toLocaleLowerCase() !== ref.sheet.name.toLocaleLowerCase()) {
        throw officeError(ErrorCodes.invalidArgument, `${location}: «${other}» is on another worksheet.`);
      }
      const box = parseBox(reference);
      if (!box) throw officeError(ErrorCodes.invalidArgument, `${location}: «${other}» is not an A1 reference.`);
      return box;
    }
    const target = other._target();
    if (target.sheet !== ref.sheet) throw officeError(ErrorCodes.invalidArgument, `${location}: the ranges are on different worksheets.`);
    return target.box;
  }

  getIntersection(anotherRange: SimRange | string): SimRange {
    this._checkContext(anotherRange, "Range.getIntersection");
    return this.derive("getIntersection", (ref) => {
      const box = intersect(ref.box, this.otherBox(anotherRange, ref, "getIntersection"));
      if (!box) throw officeError(ErrorCodes.itemNotFound, "The ranges do not intersect.", "Range.getIntersection");
      return box;
    });
  }

  getIntersectionOrNullObject(anotherRange: SimRange | string): SimRange {
    this._checkContext(anotherRange, "Range.getIntersectionOrNullObject");
    const range = this.derive("getIntersectionOrNullObject", (ref) => intersect(ref.box, this.otherBox(anotherRange, ref, "getIntersectionOrNullObject")), true);
    range._instantiate("getIntersectionOrNullObject", "1.4");
    return range;
  }

  getBoundingRect(anotherRange: SimRange | string): SimRange {
    this._checkContext(anotherRange, "Range.getBoundingRect");
    return this.derive("getBoundingRect", (ref) => {
      const other = this.otherBox(anotherRange, ref, "getBoundingRect");
      return { r0: Math.min(ref.box.r0, other.r0), c0: Math.min(ref.box.c0, other.c0), r1: Math.max(ref.box.r1, other.r1), c1: Math.max(ref.box.c1, other.c1) };
    });
  }

  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.derive("getUsedRange", (ref) => {
      const used = ref.sheet.usedBox(Boolean(valuesOnly));
      const box = used && intersect(used, ref.box);
      if (!box) throw officeError(ErrorCodes.itemNotFound, "The range is empty.", "Range.getUsedRange");
      return box;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    const range = this.derive("getUsedRangeOrNullObject", (ref) => {
      const used = ref.sheet.usedBox(Boolean(valuesOnly));
      return used && intersect(used, ref.box);
    }, true);
    range._instantiate("getUsedRangeOrNullObject", "1.4");
    return range;
  }

  select(): void {
    this._queue("select", "1.1", () => {
      const { sheet, box } = this._target();
      if (sheet.visibility !== "Visible") throw officeError(ErrorCodes.invalidOperation, `The worksheet «${sheet.name}» is hidden; its cells cannot be selected.`);
      sheet.workbook.activeSheet = sheet;
      sheet.selection = box;
    });
  }

  activate(): void {
    this.select();
  }

  merge(across?: boolean): void {
    this._queue("merge", "1.2", () => {
      const { sheet, box } = this._target();
      sheet.merge(box, Boolean(across));
    });
  }

  unmerge(): void {
    this._queue("unmerge", "1.2", () => {
      const { sheet, box } = this._target();
      sheet.unmerge(box);
    });
  }

  clear(applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks"): void {
    const what = applyTo ?? "All";
    this._queue("clear", "1.1", (tx) => {
      const { sheet, box } = this._target();
      if (what === "Hyperlinks" || what === "RemoveHyperlinks") return;
      if (what !== "Formats") recordChange(tx, { sheet, box });
      sheet.clear(box, oneOf(what, ["All", "Formats", "Contents"], "applyTo") as "All" | "Formats" | "Contents");
    });
  }

  delete(shift: Excel.DeleteShiftDirection | "Up" | "Left"): void {
    this._queue("delete", "1.1", (tx) => {
      const { sheet, box } = this._target();
      const direction = oneOf(shift, ["Up", "Left"], "shift");
      recordChange(tx, { sheet, box }, isWholeRows(box) ? "RowDeleted" : isWholeColumns(box) ? "ColumnDeleted" : "CellDeleted");
      if (direction === "Up") sheet.shiftRows(box.r0, -boxRows(box), box.c0, box.c1);
      else sheet.shiftColumns(box.c0, -boxColumns(box), box.r0, box.r1);
    });
  }

  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): SimRange {
    this._queue("insert", "1.1", (tx) => {
      const { sheet, box } = this._target();
      const direction = oneOf(shift, ["Down", "Right"], "shift");
      recordChange(tx, { sheet, box }, isWholeRows(box) ? "RowInserted" : isWholeColumns(box) ? "ColumnInserted" : "CellInserted");
      if (direction === "Down") sheet.shiftRows(box.r0, boxRows(box), box.c0, box.c1);
      else sheet.shiftColumns(box.c0, boxColumns(box), box.r0, box.r1);
    });
    return this.derive("insert", ({ box }) => box);
  }

  calculate(): void {
    this._queue("calculate", "1.6", () => undefined, { writes: false });
  }

  getSpecialCells(): never {
    throw officeError(ErrorCodes.notImplemented, "getSpecialCells is not simulated.");
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

function recordChange(tx: Transaction, ref: RangeRef, changeType = "RangeEdited"): void {
  tx.changes.push({ sheet: ref.sheet, address: formatBox(ref.box), changeType });
}

/**
 * Cell-level writes (values, formulas, numberFormat) to entire columns or rows. Microsoft's page says the API returns
 * an error for any of them (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded); a
 * numberFormat given as a 1×1 array is reported to apply to the whole range (github.com/OfficeDev/office-js-docs-pr/issues/5400),
 * so that one form is taken and returned as the single value to apply. Anything else on an unbounded range is refused.
 */
function unboundedValue(ref: RangeRef, value: unknown, property: "values" | "formulas" | "numberFormat", location: string): { value: unknown } | null {
  if (!isWholeColumns(ref.box) && !isWholeRows(ref.box)) return null;
  if (property === "numberFormat" && Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return { value: value[0][0] };
  throw officeError(
    ErrorCodes.invalidArgument,
    `You can't set cell-level properties such as ${property} on an unbounded range (${formatBox(ref.box)}): narrow it to the cells you mean` +
      (property === "numberFormat" ? ", or give the format as a 1×1 array." : "."),
    location,
  );
}

function writeCells(ref: RangeRef, value: unknown, location: string, tx: Transaction, property: "values" | "formulas" = "values"): void {
  if (value === null || value === undefined) throw officeError(ErrorCodes.invalidArgument, `${property} cannot be set to null.`, location);
  unboundedValue(ref, value, property, location);
  const read = matrixReader(value, ref.box, location);
  const { sheet, box } = ref;
  for (let r = box.r0; r <= box.r1; r++) {
    for (let c = box.c0; c <= box.c1; c++) {
      const input = read(r - box.r0, c - box.c0);
      // A string starting with «=» becomes a formula unless the cell is formatted as text: Excel parses it then.
      if (typeof input === "string" && input.length > 1 && input.charCodeAt(0) === 61 && sheet.numberFormatAt(r, c) !== "@") checkFormula(input, location);
      sheet.writeInput(r, c, input);
    }
  }
  recordChange(tx, ref);
}

/** Unbounded reads return null for cell-level properties (learn.microsoft.com … excel-add-ins-ranges-unbounded). */
function cellLevel<T>(ref: RangeRef, read: () => T): T | null {
  return isWholeColumns(ref.box) || isWholeRows(ref.box) ? null : read();
}

defineProps<RangeRef>(SimRange, {
  address: { min: "1.1", get: (ref) => sheetAddress(ref.sheet.name, ref.box) },
  addressLocal: { min: "1.1", get: (ref) => sheetAddress(ref.sheet.name, ref.box) },
  rowIndex: { min: "1.1", get: (ref) => ref.box.r0 },
  columnIndex: { min: "1.1", get: (ref) => ref.box.c0 },
  rowCount: { min: "1.1", get: (ref) => boxRows(ref.box) },
  columnCount: { min: "1.1", get: (ref) => boxColumns(ref.box) },
  cellCount: { min: "1.1", get: (ref) => boxCells(ref.box) },
  isEntireColumn: { min: "1.7", get: (ref) => isWholeColumns(ref.box) },
  isEntireRow: { min: "1.7", get: (ref) => isWholeRows(ref.box) },
  values: {
    min: "1.1",
    get: (ref, tx, location) => cellLevel(ref, () => readMatrix(tx, ref, location, (r, c) => ref.sheet.valueAt(r, c) ?? "")),
    set: (ref, value, tx, location) => writeCells(ref, value, location, tx),
  },
  text: { min: "1.1", get: (ref, tx, location) => cellLevel(ref, () => readMatrix(tx, ref, location, (r, c) => ref.sheet.textAt(r, c))) },
  formulas: {
    min: "1.1",
    get: (ref, tx, location) => cellLevel(ref, () => readMatrix(tx, ref, location, (r, c) => ref.sheet.formulaAt(r, c) ?? ref.sheet.valueAt(r, c) ?? "")),
    set: (ref, value, tx, location) => writeCells(ref, value, location, tx, "formulas"),
  },
  formulasLocal: {
    min: "1.1",
    get: (ref, tx, location) => cellLevel(ref, () => readMatrix(tx, ref, location, (r, c) => ref.sheet.formulaAt(r, c) ?? ref.sheet.valueAt(r, c) ?? "")),
    set: (ref, value, tx, location) => writeCells(ref, value, location, tx, "formulas"),
  },
  numberFormat: {
    min: "1.1",
    get: (ref, tx, location) => cellLevel(ref, () => readMatrix(tx, ref, location, (r, c) => ref.sheet.numberFormatAt(r, c))),
    set: (ref, input, _tx, location) => {
      if (input === null || input === undefined) throw officeError(ErrorCodes.invalidArgument, "numberFormat cannot be set to null.", location);
      const unbounded = unboundedValue(ref, input, "numberFormat", location);
      const value = unbounded ? unbounded.value : input;
      if (!Array.isArray(value)) {
        if (typeof value !== "string") throw officeError(ErrorCodes.invalidArgument, "A number format must be a string.", location);
        ref.sheet.setNumberFormat(ref.box, value);
        return;
      }
      const read = matrixReader(value, ref.box, location);
      ref.sheet.setNumberFormat(ref.box, (r, c) => {
        const format = read(r - ref.box.r0, c - ref.box.c0);
        if (typeof format !== "string") throw officeError(ErrorCodes.invalidArgument, "A number format must be a string.", location);
        return format;
      });
    },
  },
  valueTypes: { min: "1.1", get: (ref, tx, location) => readMatrix(tx, ref, location, (r, c) => valueType(ref.sheet.valueAt(r, c))) },
  columnHidden: {
    min: "1.2",
    get: (ref) => Array.from({ length: Math.min(boxColumns(ref.box), 16384) }, (_, i) => ref.sheet.hiddenColumns.has(ref.box.c0 + i)).every(Boolean),
    set: (ref, value) => {
      for (let c = ref.box.c0; c <= ref.box.c1; c++) value ? ref.sheet.hiddenColumns.add(c) : ref.sheet.hiddenColumns.delete(c);
    },
  },
  rowHidden: {
    min: "1.2",
    get: (ref) => {
      for (let r = ref.box.r0; r <= Math.min(ref.box.r1, ref.box.r0 + 100_000); r++) if (!ref.sheet.hiddenRows.has(r)) return false;
      return true;
    },
    set: (ref, value) => {
      for (let r = ref.box.r0; r <= ref.box.r1; r++) value ? ref.sheet.hiddenRows.add(r) : ref.sheet.hiddenRows.delete(r);
    },
  },
});

// ---- format ------------------------------------------------------------------------------------------------------

export class SimRangeFormat extends SimObject<RangeRef> implements Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment"> {
  readonly _className = "RangeFormat";
  declare columnWidth: number;
  declare rowHeight: number;
  declare wrapText: boolean;
  declare horizontalAlignment: Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed";
  declare verticalAlignment: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed";
  static props: import("./base").PropTable<RangeRef>;

  override _navigation() {
    return { font: () => this.font, fill: () => this.fill, borders: () => this.borders };
  }

  get font(): SimRangeFont {
    return this._child("font", () => new SimRangeFont(this._ctx, () => this._target()));
  }

  get fill(): SimRangeFill {
    return this._child("fill", () => new SimRangeFill(this._ctx, () => this._target()));
  }

  get borders(): SimRangeBorderCollection {
    return this._child("borders", () => new SimRangeBorderCollection(this._ctx, () => this._target()));
  }

  autofitColumns(): void {
    this._queue("autofitColumns", "1.2", () => {
      const { sheet, box } = this._target();
      const used = sheet.usedBox(true);
      if (!used) return;
      const area = intersect(used, box);
      if (!area) return;
      for (let c = area.c0; c <= area.c1; c++) {
        let chars = 0;
        for (let r = area.r0; r <= area.r1; r++) {
          if (sheet.mergeAt(r, c)) continue;
          const text = sheet.textAt(r, c);
          if (!text) continue;
          const size = sheet.styleAt(r, c).fontSize;
          const longest = Math.max(...text.split("\n").map((line) => line.length));
          chars = Math.max(chars, (longest * size) / 11);
        }
        if (chars > 0) sheet.columnWidths.set(c, Math.min(columnWidthPoints(255), columnWidthPoints(chars + 0.7)));
      }
    });
  }

  autofitRows(): void {
    this._queue("autofitRows", "1.2", () => {
      const { sheet, box } = this._target();
      const used = sheet.usedBox(true);
      const area = used && intersect(used, box);
      if (!area) return;
      for (let r = area.r0; r <= area.r1; r++) {
        let height = 0;
        for (let c = area.c0; c <= area.c1; c++) {
          const merged = sheet.mergeAt(r, c);
          // Excel ignores merged cells when fitting rows.
          if (merged && (merged.r0 !== merged.r1 || merged.c0 !== merged.c1)) continue;
          const text = sheet.textAt(r, c);
          const style = sheet.styleAt(r, c);
          const lines = !text ? 1 : style.wrap ? wrappedLineCount(text, columnWidthChars(sheet.columnWidth(c + 1)), style.fontSize) : text.split("\n").length;
          const needed = lines > 1 ? lines * lineHeightPoints(style.fontSize) + 3 : Math.max(lineHeightPoints(style.fontSize), 15);
          height = Math.max(height, needed);
        }
        sheet.rowHeights.set(r, Math.min(409, Math.ceil(Math.max(height, 15) * 4) / 4));
      }
    });
  }
}

defineProps<RangeRef>(SimRangeFormat, {
  columnWidth: {
    min: "1.2",
    get: (ref) => uniform(Array.from({ length: Math.min(boxColumns(ref.box), 256) }, (_, i) => ref.sheet.columnWidth(ref.box.c0 + i + 1))),
    set: (ref, value) => {
      if (typeof value !== "number" || value < 0 || value > 1800) throw officeError(ErrorCodes.invalidArgument, `Column width ${value} is out of range.`);
      if (isWholeRows(ref.box)) {
        ref.sheet.standardColumnWidth = value;
        ref.sheet.columnWidths.clear();
        return;
      }
      for (let c = ref.box.c0; c <= ref.box.c1; c++) ref.sheet.columnWidths.set(c, value);
    },
  },
  rowHeight: {
    min: "1.2",
    get: (ref) => uniform(Array.from({ length: Math.min(boxRows(ref.box), 10_000) }, (_, i) => ref.sheet.rowHeight(ref.box.r0 + i + 1))),
    set: (ref, value) => {
      if (typeof value !== "number" || value < 0 || value > 409) throw officeError(ErrorCodes.invalidArgument, `Row height ${value} is out of range (0–409 points).`);
      if (isWholeColumns(ref.box)) {
        ref.sheet.standardRowHeight = value;
        ref.sheet.rowHeights.clear();
        return;
      }
      for (let r = ref.box.r0; r <= ref.box.r1; r++) ref.sheet.rowHeights.set(r, value);
    },
  },
  wrapText: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.wrap),
    set: (ref, value, tx) => patchStyle(ref, `wrap:${value}`, (s) => ({ ...s, wrap: Boolean(value) }), tx),
  },
  horizontalAlignment: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.horizontal),
    set: (ref, value, tx) => patchStyle(ref, `h:${oneOf(value, HORIZONTAL, "horizontalAlignment")}`, (s) => ({ ...s, horizontal: value }), tx),
  },
  verticalAlignment: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.vertical),
    set: (ref, value, tx) => patchStyle(ref, `v:${oneOf(value, VERTICAL, "verticalAlignment")}`, (s) => ({ ...s, vertical: value }), tx),
  },
});

export class SimRangeFont extends SimObject<RangeRef> implements Pick<Excel.RangeFont, "bold" | "italic" | "name" | "size" | "color" | "underline"> {
  readonly _className = "RangeFont";
  declare bold: boolean;
  declare italic: boolean;
  declare name: string;
  declare size: number;
  declare color: string;
  declare underline: Excel.RangeUnderlineStyle | "None" | "Single" | "Double" | "SingleAccountant" | "DoubleAccountant";
  static props: import("./base").PropTable<RangeRef>;
}

defineProps<RangeRef>(SimRangeFont, {
  bold: { min: "1.1", get: (ref) => styleValue(ref, (s) => s.bold), set: (ref, v, tx) => patchStyle(ref, `b:${v}`, (s) => ({ ...s, bold: Boolean(v) }), tx) },
  italic: { min: "1.1", get: (ref) => styleValue(ref, (s) => s.italic), set: (ref, v, tx) => patchStyle(ref, `i:${v}`, (s) => ({ ...s, italic: Boolean(v) }), tx) },
  name: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.fontName),
    set: (ref, v, tx) => {
      if (typeof v !== "string" || !v) throw officeError(ErrorCodes.invalidArgument, "A font name must be a non-empty string.");
      patchStyle(ref, `fn:${v}`, (s) => ({ ...s, fontName: v }), tx);
    },
  },
  size: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.fontSize),
    set: (ref, v, tx) => {
      if (typeof v !== "number" || v < 1 || v > 409) throw officeError(ErrorCodes.invalidArgument, `Font size ${v} is out of range (1–409).`);
      patchStyle(ref, `fs:${v}`, (s) => ({ ...s, fontSize: v }), tx);
    },
  },
  color: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.fontColor),
    set: (ref, v, tx) => {
      const color = normalizeColor(v);
      patchStyle(ref, `fc:${color}`, (s) => ({ ...s, fontColor: color }), tx);
    },
  },
  underline: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.underline),
    set: (ref, v, tx) => patchStyle(ref, `u:${oneOf(v, ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"], "underline")}`, (s) => ({ ...s, underline: v }), tx),
  },
});

export class SimRangeFill extends SimObject<RangeRef> implements Pick<Excel.RangeFill, "color"> {
  readonly _className = "RangeFill";
  declare color: string;
  static props: import("./base").PropTable<RangeRef>;

  clear(): void {
    this._queue("clear", "1.1", (tx) => patchStyle(this._target(), "fill:none", (s) => ({ ...s, fill: null }), tx));
  }
}

defineProps<RangeRef>(SimRangeFill, {
  color: {
    min: "1.1",
    // Excel reports no fill as white.
    get: (ref) => styleValue(ref, (s) => s.fill ?? "#FFFFFF"),
    set: (ref, v, tx) => {
      const color = normalizeColor(v);
      patchStyle(ref, `fill:${color}`, (s) => ({ ...s, fill: color }), tx);
    },
  },
});

type Side = "top" | "bottom" | "left" | "right";
interface BorderRef extends RangeRef {
  index: string;
}

/** Which cells and which of their sides an Excel border index stands for. */
function borderTargets(ref: BorderRef): { box: Box; side: Side }[] {
  const { box } = ref;
  switch (ref.index) {
    case "EdgeTop":
      return [{ box: { ...box, r1: box.r0 }, side: "top" }];
    case "EdgeBottom":
      return [{ box: { ...box, r0: box.r1 }, side: "bottom" }];
    case "EdgeLeft":
      return [{ box: { ...box, c1: box.c0 }, side: "left" }];
    case "EdgeRight":
      return [{ box: { ...box, c0: box.c1 }, side: "right" }];
    case "InsideHorizontal":
      return box.r0 === box.r1 ? [] : [{ box: { ...box, r1: box.r1 - 1 }, side: "bottom" }, { box: { ...box, r0: box.r0 + 1 }, side: "top" }];
    case "InsideVertical":
      return box.c0 === box.c1 ? [] : [{ box: { ...box, c1: box.c1 - 1 }, side: "right" }, { box: { ...box, c0: box.c0 + 1 }, side: "left" }];
    default:
      return [];
  }
}

const NO_BORDER: BorderSpec = { style: "None", weight: "Thin", color: "#000000" };

function borderValue(ref: BorderRef, pick: (spec: BorderSpec) => unknown): unknown {
  const targets = borderTargets(ref);
  if (targets.length === 0) return pick(NO_BORDER);
  const values = targets.flatMap(({ box, side }) => ref.sheet.distinctStyleIds(box, 64).map((id) => pick(ref.sheet.workbook.styles.get(id)[side] ?? NO_BORDER)));
  return uniform(values);
}

function setBorder(ref: BorderRef, field: keyof BorderSpec, value: string, tx: Transaction): void {
  for (const { box, side } of borderTargets(ref)) {
    patchStyle({ sheet: ref.sheet, box }, `border:${side}:${field}:${value}`, (s) => {
      const current = s[side] ?? { style: "Continuous", weight: "Thin", color: "#000000" };
      const next = { ...current, [field]: value };
      if (field === "style" && value === "None") return { ...s, [side]: undefined };
      return { ...s, [side]: next };
    }, tx);
  }
}

export class SimRangeBorder extends SimObject<BorderRef> implements Pick<Excel.RangeBorder, "sideIndex" | "style" | "weight" | "color"> {
  readonly _className = "RangeBorder";
  declare readonly sideIndex: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";
  declare style: Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot";
  declare weight: Excel.BorderWeight | "Hairline" | "Thin" | "Medium" | "Thick";
  declare color: string;
  static props: import("./base").PropTable<BorderRef>;
}

defineProps<BorderRef>(SimRangeBorder, {
  sideIndex: { min: "1.1", get: (ref) => ref.index },
  style: { min: "1.1", get: (ref) => borderValue(ref, (b) => b.style), set: (ref, v, tx) => setBorder(ref, "style", oneOf(v, BORDER_STYLES, "style"), tx) },
  weight: { min: "1.1", get: (ref) => borderValue(ref, (b) => b.weight), set: (ref, v, tx) => setBorder(ref, "weight", oneOf(v, BORDER_WEIGHTS, "weight"), tx) },
  color: { min: "1.1", get: (ref) => borderValue(ref, (b) => b.color), set: (ref, v, tx) => setBorder(ref, "color", normalizeColor(v), tx) },
});

export class SimRangeBorderCollection extends SimCollection<RangeRef, SimRangeBorder, BorderRef> {
  readonly _className = "RangeBorderCollection";
  static props: import("./base").PropTable<RangeRef>;
  declare readonly count: number;

  getItem(index: Excel.BorderIndex | string): SimRangeBorder {
    return this._child(`item:${index}`, () =>
      new SimRangeBorder(this._ctx, () => ({ ...this._target(), index: oneOf(index, BORDER_INDEXES, "BorderIndex") })),
    );
  }

  /** @internal */ _members(target: RangeRef): BorderRef[] {
    return BORDER_INDEXES.slice(0, 6).map((index) => ({ ...target, index }));
  }

  /** @internal */ _itemProxy(member: BorderRef): SimRangeBorder {
    return new SimRangeBorder(this._ctx, () => member);
  }
}

defineProps<RangeRef>(SimRangeBorderCollection, { count: { min: "1.1", get: () => 6 } });

// ---- data validation ---------------------------------------------------------------------------------------------

const RULE_TYPES: Record<string, string> = { list: "List", wholeNumber: "WholeNumber", decimal: "Decimal", textLength: "TextLength", date: "Date", time: "Time", custom: "Custom" };
const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

/** Checks a rule as Excel does when it is set, and normalises list sources. */
function normalizeRule(rule: unknown, ref: RangeRef): ValidationRule {
  if (!rule || typeof rule !== "object") throw officeError(ErrorCodes.invalidArgument, "A data validation rule must be an object.");
  const kinds = Object.entries(rule as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (kinds.length !== 1 || !(kinds[0][0] in RULE_TYPES)) {
    throw officeError(ErrorCodes.invalidArgument, `A data validation rule needs exactly one of ${Object.keys(RULE_TYPES).join(", ")}.`);
  }
  const [kind, body] = kinds[0] as [keyof ValidationRule, Record<string, unknown>];
  if (kind === "list") {
    let source = body.source;
    if (source instanceof SimRange) {
      const target = source._target();
      source = `=${sheetAddress(target.sheet.name, target.box, true)}`;
    }
    if (typeof source !== "string" || source.trim() === "") throw officeError(ErrorCodes.invalidArgument, "A list validation needs a source.");
    if (source.startsWith("=")) {
      checkFormula(source, "DataValidation.rule");
      const name = source.slice(1).trim();
      // A bare name must exist when the rule is set; formulas (OFFSET, INDEX…) are taken as they are.
      if (/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && !parseBox(name) && !ref.sheet.workbook.findName(name, ref.sheet)) {
        throw officeError(ErrorCodes.invalidArgument, `The list source refers to «${name}», which is not a defined name.`);
      }
    } else if (source.length > MAX_INLINE_LIST) {
      throw officeError(ErrorCodes.invalidArgument, `An inline list source can be at most ${MAX_INLINE_LIST} characters; this one has ${source.length}. Put the list on a sheet and refer to it.`);
    }
    return { list: { inCellDropDown: body.inCellDropDown === undefined ? true : Boolean(body.inCellDropDown), source } };
  }
  if (kind === "custom") {
    if (typeof body.formula !== "string" || !body.formula) throw officeError(ErrorCodes.invalidArgument, "A custom validation needs a formula.");
    checkFormula(body.formula.startsWith("=") ? body.formula : `=${body.formula}`, "DataValidation.rule");
    return { custom: { formula: body.formula } };
  }
  if (body.formula1 === undefined || body.formula1 === null || body.formula1 === "") throw officeError(ErrorCodes.invalidArgument, `A ${kind} validation needs formula1.`);
  const operator = oneOf(body.operator, OPERATORS, "operator");
  if ((operator === "Between" || operator === "NotBetween") && (body.formula2 === undefined || body.formula2 === null)) {
    throw officeError(ErrorCodes.invalidArgument, `Operator ${operator} needs formula2.`);
  }
  return { [kind]: { formula1: body.formula1 as string | number, formula2: body.formula2 as string | number | undefined, operator } } as ValidationRule;
}

function validationView(ref: RangeRef): ValidationEntry | null | "mixed" {
  const entries = ref.sheet.validationsIn(ref.box);
  if (entries.length === 0) return null;
  if (entries.length === 1 && entries[0].boxes.some((b) => contains(b, ref.box))) return entries[0];
  return "mixed";
}

export class SimDataValidation extends SimObject<RangeRef> implements Pick<Excel.DataValidation, "type" | "ignoreBlanks" | "valid"> {
  readonly _className = "DataValidation";
  declare readonly type: Excel.DataValidationType | "None" | "WholeNumber" | "Decimal" | "List" | "Date" | "Time" | "TextLength" | "Custom" | "Inconsistent" | "MixedCriteria";
  declare rule: Excel.DataValidationRule;
  declare errorAlert: Excel.DataValidationErrorAlert;
  declare prompt: Excel.DataValidationPrompt;
  declare ignoreBlanks: boolean;
  declare readonly valid: boolean;
  static props: import("./base").PropTable<RangeRef>;

  clear(): void {
    this._queue("clear", "1.8", () => {
      const ref = this._target();
      ref.sheet.clearValidation(ref.box);
    });
  }

  getInvalidCellsOrNullObject(): never {
    throw officeError(ErrorCodes.notImplemented, "getInvalidCellsOrNullObject is not simulated.");
  }
}

function textLimit(value: unknown, limit: number, what: string): string {
  const text = value === undefined || value === null ? "" : String(value);
  if (text.length > limit) throw officeError(ErrorCodes.invalidArgument, `The ${what} can be at most ${limit} characters; got ${text.length}.`);
  return text;
}

defineProps<RangeRef>(SimDataValidation, {
  type: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      if (view === null) return "None";
      if (view === "mixed") return "Inconsistent";
      const kind = Object.keys(view.rule)[0];
      return kind ? RULE_TYPES[kind] : "None";
    },
  },
  rule: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      return view && view !== "mixed" ? JSON.parse(JSON.stringify(view.rule)) : {};
    },
    set: (ref, value) => {
      const rule = normalizeRule(value, ref);
      ref.sheet.validationFor(ref.box).rule = rule;
    },
  },
  errorAlert: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      return view && view !== "mixed" ? { ...view.errorAlert } : { showAlert: true, style: "Stop", title: "", message: "" };
    },
    set: (ref, value: Partial<Excel.DataValidationErrorAlert>) => {
      const entry = ref.sheet.validationFor(ref.box);
      const next = { ...entry.errorAlert };
      if (value.showAlert !== undefined) next.showAlert = Boolean(value.showAlert);
      if (value.style !== undefined) next.style = oneOf(value.style, ["Stop", "Warning", "Information"], "errorAlert.style");
      if (value.title !== undefined) next.title = textLimit(value.title, 32, "error alert title");
      if (value.message !== undefined) next.message = textLimit(value.message, 225, "error alert message");
      entry.errorAlert = next;
    },
  },
  prompt: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      return view && view !== "mixed" ? { ...view.prompt } : { showPrompt: false, title: "", message: "" };
    },
    set: (ref, value: Partial<Excel.DataValidationPrompt>) => {
      const entry = ref.sheet.validationFor(ref.box);
      const next = { ...entry.prompt };
      if (value.showPrompt !== undefined) next.showPrompt = Boolean(value.showPrompt);
      if (value.title !== undefined) next.title = textLimit(value.title, 32, "prompt title");
      if (value.message !== undefined) next.message = textLimit(value.message, 255, "prompt message");
      entry.prompt = next;
    },
  },
  ignoreBlanks: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      return view && view !== "mixed" ? view.ignoreBlanks : true;
    },
    set: (ref, value) => {
      ref.sheet.validationFor(ref.box).ignoreBlanks = Boolean(value);
    },
  },
  valid: { min: "1.8", get: () => true },
});

// ---- conditional formats -------------------------------------------------------------------------------------------

const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
let conditionalFormatIds = 1;

interface CfRef {
  sheet: SimSheet;
  entry: ConditionalFormatEntry;
}

function liveEntry(ref: CfRef): CfRef {
  if (!ref.sheet.conditionalFormatEntries.includes(ref.entry)) throw officeError(ErrorCodes.itemNotFound, "The conditional format was deleted.");
  return ref;
}

export class SimConditionalFormatCollection extends SimCollection<RangeRef, SimConditionalFormat, CfRef> {
  readonly _className = "ConditionalFormatCollection";
  static props: import("./base").PropTable<RangeRef> = {};

  add(type: Excel.ConditionalFormatType | string): SimConditionalFormat {
    let created: CfRef | undefined;
    this._queue("add", "1.6", () => {
      const { sheet, box } = this._target();
      const kind = oneOf(type, CF_TYPES, "ConditionalFormatType");
      const entry: ConditionalFormatEntry = { id: String(conditionalFormatIds++), boxes: [box], type: kind, formula: "", fill: null, fontColor: null, bold: null, italic: null, stopIfTrue: false };
      // A new rule is placed first (priority 0), as Excel does.
      sheet.conditionalFormatEntries.unshift(entry);
      created = { sheet, entry };
    });
    return new SimConditionalFormat(this._ctx, () => {
      if (!created) throw officeError(ErrorCodes.invalidObjectPath, "The conditional format was not created.");
      return liveEntry(created);
    });
  }

  getCount(): SimClientResult<number> {
    return this._result("getCount", "1.6", () => {
      const { sheet, box } = this._target();
      return sheet.conditionalFormatsIn(box).length;
    });
  }

  clearAll(): void {
    this._queue("clearAll", "1.6", () => {
      const { sheet, box } = this._target();
      sheet.clearConditionalFormats(box);
    });
  }

  getItemAt(index: number): SimConditionalFormat {
    return new SimConditionalFormat(this._ctx, () => {
      const { sheet, box } = this._target();
      const entry = sheet.conditionalFormatsIn(box)[index];
      if (!entry) throw officeError(ErrorCodes.itemNotFound, `No conditional format at index ${index}.`);
      return { sheet, entry };
    });
  }

  getItem(id: string): SimConditionalFormat {
    return new SimConditionalFormat(this._ctx, () => {
      const { sheet } = this._target();
      const entry = sheet.conditionalFormatEntries.find((e) => e.id === id);
      if (!entry) throw officeError(ErrorCodes.itemNotFound, `No conditional format with id ${id}.`);
      return { sheet, entry };
    });
  }

  /** @internal */ _members(target: RangeRef): CfRef[] {
    return target.sheet.conditionalFormatsIn(target.box).map((entry) => ({ sheet: target.sheet, entry }));
  }

  /** @internal */ _itemProxy(member: CfRef): SimConditionalFormat {
    return new SimConditionalFormat(this._ctx, () => member);
  }
}

export class SimConditionalFormat extends SimObject<CfRef> implements Pick<Excel.ConditionalFormat, "id" | "priority" | "stopIfTrue" | "type"> {
  readonly _className = "ConditionalFormat";
  declare readonly id: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  declare readonly type: Excel.ConditionalFormatType | "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue";
  static props: import("./base").PropTable<CfRef>;

  override _navigation() {
    return { custom: () => this.custom };
  }

  get custom(): SimCustomConditionalFormat {
    return this._child("custom", () =>
      new SimCustomConditionalFormat(this._ctx, () => {
        const ref = this._target();
        if (ref.entry.type !== "Custom") throw officeError(ErrorCodes.invalidOperation, `The conditional format is of type ${ref.entry.type}, not Custom.`);
        return ref;
      }),
    );
  }

  getRange(): SimRange {
    const range = new SimRange(this._ctx, () => {
      const { sheet, entry } = this._target();
      if (entry.boxes.length !== 1) throw officeError(ErrorCodes.invalidOperation, "The conditional format applies to several areas; use getRanges().");
      return { sheet, box: entry.boxes[0] };
    });
    this._queue("getRange", "1.6", () => undefined, { writes: false });
    return range;
  }

  getRangeOrNullObject(): SimRange {
    const range = new SimRange(this._ctx, () => {
      const { sheet, entry } = this._target();
      return entry.boxes.length === 1 ? { sheet, box: entry.boxes[0] } : null;
    }, true);
    range._instantiate("getRangeOrNullObject", "1.6");
    return range;
  }

  delete(): void {
    this._queue("delete", "1.6", () => {
      const { sheet, entry } = this._target();
      sheet.conditionalFormatEntries = sheet.conditionalFormatEntries.filter((e) => e !== entry);
    });
  }
}

defineProps<CfRef>(SimConditionalFormat, {
  id: { min: "1.6", get: (ref) => ref.entry.id },
  type: { min: "1.6", get: (ref) => ref.entry.type },
  priority: {
    min: "1.6",
    get: (ref) => ref.sheet.conditionalFormatEntries.indexOf(ref.entry),
    set: (ref, value) => {
      const list = ref.sheet.conditionalFormatEntries.filter((e) => e !== ref.entry);
      list.splice(Math.max(0, Math.min(list.length, Number(value))), 0, ref.entry);
      ref.sheet.conditionalFormatEntries = list;
    },
  },
  stopIfTrue: { min: "1.6", get: (ref) => ref.entry.stopIfTrue, set: (ref, value) => (ref.entry.stopIfTrue = Boolean(value)) },
});

export class SimCustomConditionalFormat extends SimObject<CfRef> {
  readonly _className = "CustomConditionalFormat";
  static props: import("./base").PropTable<CfRef> = {};

  override _navigation() {
    return { rule: () => this.rule, format: () => this.format };
  }

  get rule(): SimConditionalFormatRule {
    return this._child("rule", () => new SimConditionalFormatRule(this._ctx, () => this._target()));
  }

  get format(): SimConditionalRangeFormat {
    return this._child("format", () => new SimConditionalRangeFormat(this._ctx, () => this._target()));
  }
}

export class SimConditionalFormatRule extends SimObject<CfRef> implements Pick<Excel.ConditionalFormatRule, "formula" | "formulaLocal"> {
  readonly _className = "ConditionalFormatRule";
  declare formula: string;
  declare formulaLocal: string;
  static props: import("./base").PropTable<CfRef>;
}

function setCfFormula(ref: CfRef, value: unknown, _tx: Transaction, location: string): void {
  if (typeof value !== "string" || value.trim() === "" || value.trim() === "=") throw officeError(ErrorCodes.invalidArgument, "A conditional format needs a formula.");
  const formula = value.startsWith("=") ? value : `=${value}`;
  checkFormula(formula, location);
  ref.entry.formula = formula;
}

defineProps<CfRef>(SimConditionalFormatRule, {
  formula: { min: "1.6", get: (ref) => ref.entry.formula, set: setCfFormula },
  formulaLocal: { min: "1.6", get: (ref) => ref.entry.formula, set: setCfFormula },
});

export class SimConditionalRangeFormat extends SimObject<CfRef> {
  readonly _className = "ConditionalRangeFormat";
  static props: import("./base").PropTable<CfRef> = {};

  override _navigation() {
    return { fill: () => this.fill, font: () => this.font };
  }

  get fill(): SimConditionalFill {
    return this._child("fill", () => new SimConditionalFill(this._ctx, () => this._target()));
  }

  get font(): SimConditionalFont {
    return this._child("font", () => new SimConditionalFont(this._ctx, () => this._target()));
  }
}

export class SimConditionalFill extends SimObject<CfRef> implements Pick<Excel.ConditionalRangeFill, "color"> {
  readonly _className = "ConditionalRangeFill";
  declare color: string;
  static props: import("./base").PropTable<CfRef>;

  clear(): void {
    this._queue("clear", "1.6", () => (this._target().entry.fill = null));
  }
}

defineProps<CfRef>(SimConditionalFill, {
  color: { min: "1.6", get: (ref) => ref.entry.fill, set: (ref, value) => (ref.entry.fill = normalizeColor(value)) },
});

export class SimConditionalFont extends SimObject<CfRef> implements Pick<Excel.ConditionalRangeFont, "color" | "bold" | "italic"> {
  readonly _className = "ConditionalRangeFont";
  declare color: string;
  declare bold: boolean;
  declare italic: boolean;
  static props: import("./base").PropTable<CfRef>;

  clear(): void {
    this._queue("clear", "1.6", () => Object.assign(this._target().entry, { fontColor: null, bold: null, italic: null }));
  }
}

defineProps<CfRef>(SimConditionalFont, {
  color: { min: "1.6", get: (ref) => ref.entry.fontColor, set: (ref, value) => (ref.entry.fontColor = normalizeColor(value)) },
  bold: { min: "1.6", get: (ref) => ref.entry.bold, set: (ref, value) => (ref.entry.bold = Boolean(value)) },
  italic: { min: "1.6", get: (ref) => ref.entry.italic, set: (ref, value) => (ref.entry.italic = Boolean(value)) },
});

export { formatBox };
