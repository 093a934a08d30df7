/** Excel.Range as the host applies it: addresses, navigation, cell values and formulas, structure (insert, delete, merge). */
import { type Box, MAX_COLUMNS, MAX_ROWS, boxCells, boxColumns, boxRows, formatBox, intersect, isWholeColumns, isWholeRows, parseBox, sheetAddress, splitSheet } from "./address";
import { SimObject, defineProps } from "./base";
import { SimRequestContext, type Transaction, jsonBytes } from "./context";
import { ErrorCodes, officeError } from "./errors";
import { type SimSheet, checkCellText, mapBox } from "./model";
import { SimWorksheet } from "./worksheet";
import { checkFormula } from "./formula";
import { SimRangeFormat, oneOf } from "./range-format";
import { SimDataValidation } from "./data-validation";
import { SimConditionalFormatCollection } from "./conditional-format";

export interface RangeRef {
  sheet: SimSheet;
  box: Box;
}

export function liveSheet(ref: RangeRef): RangeRef {
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

export function readMatrix(tx: Transaction, ref: RangeRef, location: string, read: (r: number, c: number) => unknown): unknown[][] {
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

export { formatBox };
