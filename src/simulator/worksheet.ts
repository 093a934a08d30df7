/** Worksheet, the worksheet collection, freeze panes, page layout, charts and the onChanged event. */
import { type Box, MAX_COLUMNS, MAX_ROWS, formatBox, parseBox, splitSheet } from "./address";
import { SimClientResult, SimCollection, SimObject, defineProps, type PropTable } from "./base";
import type { ChangedHandler, SimRequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import { type ChartModel, type HeadersFooters, type SimSheet, type Visibility } from "./model";
import { type RangeRef, SimRange } from "./range";
import { normalizeColor } from "./range-format";
import { SimNamedItemCollection } from "./workbook";

function live(sheet: SimSheet): SimSheet {
  if (sheet.deleted) throw officeError(ErrorCodes.itemNotFound, `The worksheet «${sheet.name}» was deleted.`);
  return sheet;
}

/** A range on `sheet` from an address, a sheet-qualified address or a defined name. */
function resolveAddress(sheet: SimSheet, address: string | undefined, location: string): Box {
  if (address === undefined || address === "") return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 };
  const { sheet: sheetName, reference } = splitSheet(address);
  if (sheetName !== undefined && sheetName.toLocaleLowerCase() !== sheet.name.toLocaleLowerCase()) {
    throw officeError(ErrorCodes.invalidArgument, `«${address}» is not on the worksheet «${sheet.name}».`, location);
  }
  const box = parseBox(reference);
  if (box) return box;
  const named = sheet.workbook.resolveReference(reference, sheet);
  if (named && named.sheet === sheet) return named.box;
  throw officeError(ErrorCodes.invalidArgument, `«${address}» is not a valid address on «${sheet.name}».`, location);
}

export class SimWorksheet extends SimObject<SimSheet> implements Pick<Excel.Worksheet, "name" | "id" | "position" | "visibility" | "tabColor" | "showGridlines" | "standardHeight" | "standardWidth"> {
  readonly _className = "Worksheet";
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
  declare tabColor: string;
  declare showGridlines: boolean;
  declare readonly standardHeight: number;
  declare standardWidth: number;
  static props: PropTable<SimSheet>;

  constructor(context: SimRequestContext, resolver: () => SimSheet | null, nullable = false) {
    super(context, () => {
      const sheet = resolver();
      return sheet ? live(sheet) : null;
    }, nullable);
  }

  override _navigation() {
    return { freezePanes: () => this.freezePanes, pageLayout: () => this.pageLayout, names: () => this.names, charts: () => this.charts };
  }

  private range(location: string, min: string, compute: (sheet: SimSheet) => Box | null, nullable = false): SimRange {
    const range = new SimRange(this._ctx, () => {
      const sheet = this._target();
      const box = compute(sheet);
      return box ? { sheet, box } : null;
    }, nullable);
    if (min !== "1.1") this._queue(location, min, () => undefined, { writes: false });
    return range;
  }

  getRange(address?: string): SimRange {
    return this.range("getRange", "1.1", (sheet) => resolveAddress(sheet, address, "Worksheet.getRange"));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this.range("getRangeByIndexes", "1.7", () => {
      const box = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && rowCount > 0 && columnCount > 0 && box.r0 >= 0 && box.c0 >= 0 && box.r1 < MAX_ROWS && box.c1 < MAX_COLUMNS;
      if (!ok) throw officeError(ErrorCodes.invalidArgument, `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the worksheet.`, "Worksheet.getRangeByIndexes");
      return box;
    });
  }

  getCell(row: number, column: number): SimRange {
    return this.range("getCell", "1.1", () => {
      if (row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) throw officeError(ErrorCodes.invalidArgument, `Cell (${row}, ${column}) is outside the worksheet.`);
      return { r0: row, c0: column, r1: row, c1: column };
    });
  }

  /** Like Excel: a blank sheet's used range is A1. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.range("getUsedRange", valuesOnly ? "1.2" : "1.1", (sheet) => sheet.usedBox(Boolean(valuesOnly)) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    const range = new SimRange(this._ctx, () => {
      const sheet = this._target();
      const box = sheet.usedBox(Boolean(valuesOnly));
      return box ? { sheet, box } : null;
    }, true);
    range._instantiate("getUsedRangeOrNullObject", "1.4");
    return range;
  }

  activate(): void {
    this._queue("activate", "1.1", () => {
      const sheet = this._target();
      if (sheet.visibility !== "Visible") throw officeError(ErrorCodes.invalidOperation, `The worksheet «${sheet.name}» is hidden and cannot be activated.`);
      sheet.workbook.activeSheet = sheet;
    });
  }

  delete(): void {
    this._queue("delete", "1.1", () => {
      const sheet = this._target();
      // Excel refuses to delete a very hidden sheet; it must be made visible (or hidden) first (github.com/OfficeDev/office-js/issues/365).
      if (sheet.visibility === "VeryHidden") throw officeError(ErrorCodes.generalException, `The worksheet «${sheet.name}» is very hidden; make it visible before deleting it.`, "Worksheet.delete");
      sheet.workbook.deleteSheet(sheet);
    });
  }

  calculate(_markAllDirty: boolean): void {
    this._queue("calculate", "1.6", () => undefined, { writes: false });
  }

  get freezePanes(): SimFreezePanes {
    return this._child("freezePanes", () => new SimFreezePanes(this._ctx, () => this._target()));
  }

  get pageLayout(): SimPageLayout {
    return this._child("pageLayout", () => new SimPageLayout(this._ctx, () => this._target()));
  }

  get names(): SimNamedItemCollection {
    return this._child("names", () => new SimNamedItemCollection(this._ctx, () => ({ workbook: this._target().workbook, scope: this._target() }), "1.4"));
  }

  get charts(): SimChartCollection {
    return this._child("charts", () => new SimChartCollection(this._ctx, () => this._target()));
  }

  private _onChanged?: SimEventHandlers;

  get onChanged(): SimEventHandlers {
    return (this._onChanged ??= new SimEventHandlers(this, "1.7", () => this._target()));
  }
}

defineProps<SimSheet>(SimWorksheet, {
  name: { min: "1.1", get: (s) => s.name, set: (s, value) => s.workbook.renameSheet(s, value) },
  id: { min: "1.1", get: (s) => s.id },
  position: { min: "1.1", get: (s) => s.position, set: (s, value) => s.workbook.moveSheet(s, value) },
  visibility: { min: "1.1", get: (s) => s.visibility, set: (s, value: Visibility) => s.workbook.setVisibility(s, value) },
  tabColor: { min: "1.7", get: (s) => s.tabColor, set: (s, value) => (s.tabColor = value === "" || value === null ? "" : normalizeColor(value)) },
  showGridlines: { min: "1.8", get: (s) => s.showGridlines, set: (s, value) => (s.showGridlines = Boolean(value)) },
  standardHeight: { min: "1.7", get: (s) => s.standardRowHeight },
  standardWidth: {
    min: "1.7",
    get: (s) => Math.round(((s.standardColumnWidth / 0.75 - 5) / 7) * 100) / 100,
    set: (s, value) => (s.standardColumnWidth = Math.round((Number(value) * 7 + 5) * 0.75 * 100) / 100),
  },
});

export class SimWorksheetCollection extends SimCollection<SimSheet[], SimWorksheet, SimSheet> {
  readonly _className = "WorksheetCollection";
  static props: PropTable<SimSheet[]> = {};

  /** @internal */ _members(): SimSheet[] {
    return this._ctx._host.workbook.sheets;
  }

  /** @internal */ _itemProxy(member: SimSheet): SimWorksheet {
    return new SimWorksheet(this._ctx, () => member);
  }

  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this._ctx, () => {
      const sheet = this._ctx._host.workbook.findSheet(key);
      if (!sheet) throw officeError(ErrorCodes.itemNotFound, `There is no worksheet «${key}».`, "WorksheetCollection.getItem");
      return sheet;
    });
  }

  getItemOrNullObject(key: string): SimWorksheet {
    const sheet = new SimWorksheet(this._ctx, () => this._ctx._host.workbook.findSheet(key) ?? null, true);
    sheet._instantiate("getItemOrNullObject", "1.4");
    return sheet;
  }

  add(name?: string): SimWorksheet {
    let created: SimSheet | undefined;
    this._queue("add", "1.1", () => {
      created = this._ctx._host.workbook.addSheet(name);
    });
    return new SimWorksheet(this._ctx, () => {
      if (!created) throw officeError(ErrorCodes.invalidObjectPath, "The worksheet was not added.");
      return created;
    });
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this._ctx, () => this._ctx._host.workbook.activeSheet);
  }

  getCount(visibleOnly?: boolean): SimClientResult<number> {
    return this._result("getCount", "1.4", () => this._ctx._host.workbook.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length);
  }

  getFirst(visibleOnly?: boolean): SimWorksheet {
    this._queue("getFirst", "1.5", () => undefined, { writes: false });
    return new SimWorksheet(this._ctx, () => {
      const sheet = this._ctx._host.workbook.sheets.find((s) => !visibleOnly || s.visibility === "Visible");
      if (!sheet) throw officeError(ErrorCodes.itemNotFound, "There is no such worksheet.");
      return sheet;
    });
  }

  getLast(visibleOnly?: boolean): SimWorksheet {
    this._queue("getLast", "1.5", () => undefined, { writes: false });
    return new SimWorksheet(this._ctx, () => {
      const sheet = [...this._ctx._host.workbook.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible");
      if (!sheet) throw officeError(ErrorCodes.itemNotFound, "There is no such worksheet.");
      return sheet;
    });
  }

  private _onChanged?: SimEventHandlers;

  get onChanged(): SimEventHandlers {
    return (this._onChanged ??= new SimEventHandlers(this, "1.9", () => null));
  }
}

// ---- freeze panes ----------------------------------------------------------------------------------------------------

export class SimFreezePanes extends SimObject<SimSheet> {
  readonly _className = "WorksheetFreezePanes";
  static props: PropTable<SimSheet> = {};

  private set(location: string, compute: (sheet: SimSheet) => { rows: number; columns: number }): void {
    this._queue(location, "1.7", () => {
      const sheet = this._target();
      const next = compute(sheet);
      if (next.rows < 0 || next.columns < 0 || next.rows >= MAX_ROWS || next.columns >= MAX_COLUMNS) throw officeError(ErrorCodes.invalidArgument, "The frozen area is outside the worksheet.");
      sheet.freeze = next;
    });
  }

  freezeRows(count?: number): void {
    this.set("freezeRows", () => ({ rows: count ?? 1, columns: 0 }));
  }

  freezeColumns(count?: number): void {
    this.set("freezeColumns", () => ({ rows: 0, columns: count ?? 1 }));
  }

  freezeAt(frozenRange: SimRange | string): void {
    this._checkContext(frozenRange, "WorksheetFreezePanes.freezeAt");
    this.set("freezeAt", (sheet) => {
      const box = typeof frozenRange === "string" ? resolveAddress(sheet, frozenRange, "WorksheetFreezePanes.freezeAt") : frozenRange._target().box;
      return { rows: box.r0 === 0 && box.r1 === MAX_ROWS - 1 ? 0 : box.r1 + 1, columns: box.c0 === 0 && box.c1 === MAX_COLUMNS - 1 ? 0 : box.c1 + 1 };
    });
  }

  unfreeze(): void {
    this.set("unfreeze", () => ({ rows: 0, columns: 0 }));
  }

  getLocation(): SimRange {
    return new SimRange(this._ctx, () => {
      const sheet = this._target();
      const box = frozenBox(sheet);
      if (!box) throw officeError(ErrorCodes.itemNotFound, "The worksheet has no frozen panes.");
      return { sheet, box };
    });
  }

  getLocationOrNullObject(): SimRange {
    const range = new SimRange(this._ctx, () => {
      const sheet = this._target();
      const box = frozenBox(sheet);
      return box ? { sheet, box } : null;
    }, true);
    range._instantiate("getLocationOrNullObject", "1.7");
    return range;
  }
}

function frozenBox(sheet: SimSheet): Box | null {
  const { rows, columns } = sheet.freeze;
  if (rows === 0 && columns === 0) return null;
  return { r0: 0, c0: 0, r1: rows > 0 ? rows - 1 : MAX_ROWS - 1, c1: columns > 0 ? columns - 1 : MAX_COLUMNS - 1 };
}

// ---- page layout -------------------------------------------------------------------------------------------------------

const PAPER_TYPES = ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14", "Csheet", "Dsheet", "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65", "EnvelopeB4", "EnvelopeB5", "EnvelopeB6", "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS", "FanfoldStdGerman", "FanfoldLegalGerman"];
const MARGIN_UNITS: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

function rowsReference(sheet: SimSheet, value: SimRange | string, whole: "rows" | "columns", location: string): string {
  const box = typeof value === "string" ? resolveAddress(sheet, value, location) : value._target().box;
  if (whole === "rows") return `$${box.r0 + 1}:$${box.r1 + 1}`;
  return formatBox({ r0: 0, r1: MAX_ROWS - 1, c0: box.c0, c1: box.c1 }, true);
}

export class SimPageLayout extends SimObject<SimSheet> implements Pick<Excel.PageLayout, "orientation" | "paperSize" | "zoom" | "leftMargin" | "rightMargin" | "topMargin" | "bottomMargin" | "headerMargin" | "footerMargin" | "centerHorizontally" | "centerVertically" | "printGridlines" | "printHeadings" | "blackAndWhite" | "draftMode" | "printComments" | "printErrors" | "printOrder"> {
  readonly _className = "PageLayout";
  declare orientation: Excel.PageOrientation | "Portrait" | "Landscape";
  declare paperSize: Excel.PaperType | "A3" | "A4" | "Letter" | any;
  declare zoom: Excel.PageLayoutZoomOptions;
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare blackAndWhite: boolean;
  declare draftMode: boolean;
  declare firstPageNumber: number | "";
  declare printComments: Excel.PrintComments | "NoComments" | "EndSheet" | "InPlace";
  declare printErrors: Excel.PrintErrorType | "AsDisplayed" | "Blank" | "Dash" | "NotAvailable";
  declare printOrder: Excel.PrintOrder | "DownThenOver" | "OverThenDown";
  static props: PropTable<SimSheet>;

  override _navigation() {
    return { headersFooters: () => this.headersFooters };
  }

  get headersFooters(): SimHeaderFooterGroup {
    return this._child("headersFooters", () => new SimHeaderFooterGroup(this._ctx, () => this._target()));
  }

  setPrintArea(printArea: SimRange | string): void {
    this._checkContext(printArea, "PageLayout.setPrintArea");
    this._queue("setPrintArea", "1.9", () => {
      const sheet = this._target();
      const parts = typeof printArea === "string" ? printArea.split(",") : [printArea];
      sheet.pageLayout.printArea = parts
        .map((part) => formatBox(typeof part === "string" ? resolveAddress(sheet, part.trim(), "PageLayout.setPrintArea") : part._target().box, true))
        .join(",");
    });
  }

  setPrintTitleRows(printTitleRows: SimRange | string): void {
    this._checkContext(printTitleRows, "PageLayout.setPrintTitleRows");
    this._queue("setPrintTitleRows", "1.9", () => {
      const sheet = this._target();
      sheet.pageLayout.printTitleRows = rowsReference(sheet, printTitleRows, "rows", "PageLayout.setPrintTitleRows");
    });
  }

  setPrintTitleColumns(printTitleColumns: SimRange | string): void {
    this._checkContext(printTitleColumns, "PageLayout.setPrintTitleColumns");
    this._queue("setPrintTitleColumns", "1.9", () => {
      const sheet = this._target();
      sheet.pageLayout.printTitleColumns = rowsReference(sheet, printTitleColumns, "columns", "PageLayout.setPrintTitleColumns");
    });
  }

  setPrintMargins(unit: Excel.PrintMarginUnit | "Points" | "Inches" | "Centimeters", marginOptions: Excel.PageLayoutMarginOptions): void {
    this._queue("setPrintMargins", "1.9", () => {
      const factor = MARGIN_UNITS[unit as string];
      if (!factor) throw officeError(ErrorCodes.invalidArgument, `Unknown margin unit ${unit}.`);
      const margins = this._target().pageLayout.margins;
      for (const key of ["top", "bottom", "left", "right", "header", "footer"] as const) {
        const value = marginOptions[key];
        if (value === undefined) continue;
        if (typeof value !== "number" || value < 0) throw officeError(ErrorCodes.invalidArgument, `Margin ${key} must be a non-negative number.`);
        margins[key] = Math.round(value * factor * 1000) / 1000;
      }
    });
  }

  private optionalRange(location: string, read: (sheet: SimSheet) => string | null): SimRange {
    const range = new SimRange(this._ctx, () => {
      const sheet = this._target();
      const reference = read(sheet);
      const box = reference ? parseBox(reference.split(",")[0]) : null;
      return box ? { sheet, box } : null;
    }, true);
    range._instantiate(location, "1.9");
    return range;
  }

  getPrintAreaOrNullObject(): SimRange {
    return this.optionalRange("getPrintAreaOrNullObject", (s) => s.pageLayout.printArea);
  }

  getPrintTitleRowsOrNullObject(): SimRange {
    return this.optionalRange("getPrintTitleRowsOrNullObject", (s) => s.pageLayout.printTitleRows);
  }

  getPrintTitleColumnsOrNullObject(): SimRange {
    return this.optionalRange("getPrintTitleColumnsOrNullObject", (s) => s.pageLayout.printTitleColumns);
  }
}

function marginProp(key: "top" | "bottom" | "left" | "right" | "header" | "footer") {
  return {
    min: "1.9",
    get: (s: SimSheet) => s.pageLayout.margins[key],
    set: (s: SimSheet, value: unknown) => {
      if (typeof value !== "number" || value < 0) throw officeError(ErrorCodes.invalidArgument, `Margin ${key} must be a non-negative number of points.`);
      s.pageLayout.margins[key] = value;
    },
  };
}

function flagProp(key: "centerHorizontally" | "centerVertically" | "printGridlines" | "printHeadings" | "blackAndWhite" | "draftMode") {
  return { min: "1.9", get: (s: SimSheet) => s.pageLayout[key], set: (s: SimSheet, value: unknown) => (s.pageLayout[key] = Boolean(value)) };
}

function choiceProp(key: "printComments" | "printErrors" | "printOrder", allowed: string[]) {
  return {
    min: "1.9",
    get: (s: SimSheet) => s.pageLayout[key],
    set: (s: SimSheet, value: unknown) => {
      if (typeof value !== "string" || !allowed.includes(value)) throw officeError(ErrorCodes.invalidArgument, `${key} must be one of ${allowed.join(", ")}.`);
      s.pageLayout[key] = value;
    },
  };
}

defineProps<SimSheet>(SimPageLayout, {
  orientation: {
    min: "1.9",
    get: (s) => s.pageLayout.orientation,
    set: (s, value) => {
      if (value !== "Portrait" && value !== "Landscape") throw officeError(ErrorCodes.invalidArgument, `orientation must be Portrait or Landscape; got ${JSON.stringify(value)}.`);
      s.pageLayout.orientation = value;
    },
  },
  paperSize: {
    min: "1.9",
    get: (s) => s.pageLayout.paperSize,
    set: (s, value) => {
      if (!PAPER_TYPES.includes(value)) throw officeError(ErrorCodes.invalidArgument, `Unknown paper size ${JSON.stringify(value)}.`);
      s.pageLayout.paperSize = value;
    },
  },
  zoom: {
    min: "1.9",
    get: (s) => ({ ...s.pageLayout.zoom }),
    set: (s, value: Excel.PageLayoutZoomOptions) => {
      if (!value || typeof value !== "object") throw officeError(ErrorCodes.invalidArgument, "zoom must be an object.");
      const { scale, horizontalFitToPages, verticalFitToPages } = value;
      if (scale !== undefined && (typeof scale !== "number" || scale < 10 || scale > 400)) throw officeError(ErrorCodes.invalidArgument, "zoom.scale must be 10–400.");
      for (const pages of [horizontalFitToPages, verticalFitToPages]) {
        if (pages !== undefined && (!Number.isInteger(pages) || pages < 0 || pages > 32767)) throw officeError(ErrorCodes.invalidArgument, "Fit-to-pages counts must be whole numbers 0–32767.");
      }
      if (scale !== undefined && (horizontalFitToPages !== undefined || verticalFitToPages !== undefined)) {
        throw officeError(ErrorCodes.invalidArgument, "zoom takes either a scale or fit-to-pages counts, not both.");
      }
      s.pageLayout.zoom = scale !== undefined ? { scale } : { horizontalFitToPages, verticalFitToPages };
    },
  },
  leftMargin: marginProp("left"),
  rightMargin: marginProp("right"),
  topMargin: marginProp("top"),
  bottomMargin: marginProp("bottom"),
  headerMargin: marginProp("header"),
  footerMargin: marginProp("footer"),
  centerHorizontally: flagProp("centerHorizontally"),
  centerVertically: flagProp("centerVertically"),
  printGridlines: flagProp("printGridlines"),
  printHeadings: flagProp("printHeadings"),
  blackAndWhite: flagProp("blackAndWhite"),
  draftMode: flagProp("draftMode"),
  firstPageNumber: { min: "1.9", get: (s) => s.pageLayout.firstPageNumber, set: (s, value) => (s.pageLayout.firstPageNumber = value === "" ? "" : Number(value)) },
  printComments: choiceProp("printComments", ["NoComments", "EndSheet", "InPlace"]),
  printErrors: choiceProp("printErrors", ["AsDisplayed", "Blank", "Dash", "NotAvailable"]),
  printOrder: choiceProp("printOrder", ["DownThenOver", "OverThenDown"]),
});

/** Headers and footers other than "default for all pages" are kept per sheet here (they are not saved to files). */
const otherHeadersFooters = new WeakMap<SimSheet, Record<string, HeadersFooters>>();

function headersFootersOf(sheet: SimSheet, which: string): HeadersFooters {
  if (which === "defaultForAllPages") return sheet.pageLayout.headersFooters;
  let others = otherHeadersFooters.get(sheet);
  if (!others) otherHeadersFooters.set(sheet, (others = {}));
  return (others[which] ??= { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" });
}

export class SimHeaderFooterGroup extends SimObject<SimSheet> {
  readonly _className = "HeaderFooterGroup";
  declare state: Excel.HeaderFooterState | "Default" | "FirstAndDefault" | "OddAndEven" | "FirstOddAndEven";
  declare useSheetMargins: boolean;
  declare useSheetScale: boolean;
  static props: PropTable<SimSheet>;
  private static states = new WeakMap<SimSheet, { state: string; useSheetMargins: boolean; useSheetScale: boolean }>();

  static stateOf(sheet: SimSheet) {
    let state = SimHeaderFooterGroup.states.get(sheet);
    if (!state) SimHeaderFooterGroup.states.set(sheet, (state = { state: "Default", useSheetMargins: true, useSheetScale: true }));
    return state;
  }

  override _navigation() {
    return { defaultForAllPages: () => this.defaultForAllPages, firstPage: () => this.firstPage, evenPages: () => this.evenPages, oddPages: () => this.oddPages };
  }

  private part(which: string): SimHeaderFooter {
    return this._child(which, () => new SimHeaderFooter(this._ctx, () => headersFootersOf(this._target(), which)));
  }

  get defaultForAllPages(): SimHeaderFooter {
    return this.part("defaultForAllPages");
  }

  get firstPage(): SimHeaderFooter {
    return this.part("firstPage");
  }

  get evenPages(): SimHeaderFooter {
    return this.part("evenPages");
  }

  get oddPages(): SimHeaderFooter {
    return this.part("oddPages");
  }
}

defineProps<SimSheet>(SimHeaderFooterGroup, {
  state: {
    min: "1.9",
    get: (s) => SimHeaderFooterGroup.stateOf(s).state,
    set: (s, value) => {
      if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(value)) throw officeError(ErrorCodes.invalidArgument, `Unknown header/footer state ${value}.`);
      SimHeaderFooterGroup.stateOf(s).state = value;
    },
  },
  useSheetMargins: { min: "1.9", get: (s) => SimHeaderFooterGroup.stateOf(s).useSheetMargins, set: (s, v) => (SimHeaderFooterGroup.stateOf(s).useSheetMargins = Boolean(v)) },
  useSheetScale: { min: "1.9", get: (s) => SimHeaderFooterGroup.stateOf(s).useSheetScale, set: (s, v) => (SimHeaderFooterGroup.stateOf(s).useSheetScale = Boolean(v)) },
});

export class SimHeaderFooter extends SimObject<HeadersFooters> implements Pick<Excel.HeaderFooter, "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter"> {
  readonly _className = "HeaderFooter";
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
  static props: PropTable<HeadersFooters>;
}

const headerFooterProps: PropTable<HeadersFooters> = {};
for (const key of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const) {
  headerFooterProps[key] = {
    min: "1.9",
    get: (h) => h[key],
    set: (h, value) => {
      const text = String(value ?? "");
      // Excel caps each header/footer at 255 characters.
      if (text.length > 255) throw officeError(ErrorCodes.invalidArgument, `A ${key} can be at most 255 characters.`);
      h[key] = text;
    },
  };
}
defineProps<HeadersFooters>(SimHeaderFooter, headerFooterProps);

// ---- charts -------------------------------------------------------------------------------------------------------------

interface ChartRef {
  sheet: SimSheet;
  chart: ChartModel;
}

export class SimChartCollection extends SimCollection<SimSheet, SimChart, ChartRef> {
  readonly _className = "ChartCollection";
  declare readonly count: number;
  static props: PropTable<SimSheet>;

  /** @internal */ _members(sheet: SimSheet): ChartRef[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }

  /** @internal */ _itemProxy(member: ChartRef): SimChart {
    return new SimChart(this._ctx, () => member);
  }

  add(type: Excel.ChartType | string, sourceData: SimRange, seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows"): SimChart {
    this._checkContext(sourceData, "ChartCollection.add");
    let created: ChartRef | undefined;
    this._queue("add", "1.1", () => {
      const sheet = this._target();
      if (typeof type !== "string" || !type) throw officeError(ErrorCodes.invalidArgument, "A chart needs a type.");
      const source = sourceData._target();
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ChartModel = { name: `Chart ${n}`, type, source: `${source.sheet.name}!${formatBox(source.box, true)}`, seriesBy: seriesBy ?? "Auto", title: "", top: 0, left: 0, width: 360, height: 216 };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return new SimChart(this._ctx, () => {
      if (!created) throw officeError(ErrorCodes.invalidObjectPath, "The chart was not added.");
      return created;
    });
  }

  getItem(name: string): SimChart {
    return new SimChart(this._ctx, () => {
      const sheet = this._target();
      const chart = sheet.charts.find((c) => c.name === name);
      if (!chart) throw officeError(ErrorCodes.itemNotFound, `There is no chart «${name}».`);
      return { sheet, chart };
    });
  }
}

defineProps<SimSheet>(SimChartCollection, { count: { min: "1.1", get: (s) => s.charts.length } });

export class SimChart extends SimObject<ChartRef> implements Pick<Excel.Chart, "name" | "top" | "left" | "width" | "height"> {
  readonly _className = "Chart";
  declare name: string;
  declare chartType: Excel.ChartType | string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  static props: PropTable<ChartRef>;

  override _navigation() {
    return { title: () => this.title };
  }

  get title(): SimChartTitle {
    return this._child("title", () => new SimChartTitle(this._ctx, () => this._target().chart));
  }

  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    this._queue("setPosition", "1.1", () => {
      const { sheet, chart } = this._target();
      const boxOf = (cell: SimRange | string) => (typeof cell === "string" ? resolveAddress(sheet, cell, "Chart.setPosition") : cell._target().box);
      const start = boxOf(startCell);
      chart.top = start.r0 * sheet.standardRowHeight;
      chart.left = start.c0 * sheet.standardColumnWidth;
      if (endCell !== undefined) {
        const end = boxOf(endCell);
        chart.height = (end.r1 - start.r0 + 1) * sheet.standardRowHeight;
        chart.width = (end.c1 - start.c0 + 1) * sheet.standardColumnWidth;
      }
    });
  }

  delete(): void {
    this._queue("delete", "1.1", () => {
      const { sheet, chart } = this._target();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

function numberProp(key: "top" | "left" | "width" | "height") {
  return { min: "1.1", get: (r: ChartRef) => r.chart[key], set: (r: ChartRef, v: unknown) => (r.chart[key] = Number(v)) };
}

defineProps<ChartRef>(SimChart, {
  name: { min: "1.1", get: (r) => r.chart.name, set: (r, v) => (r.chart.name = String(v)) },
  chartType: { min: "1.7", get: (r) => r.chart.type, set: (r, v) => (r.chart.type = String(v)) },
  top: numberProp("top"),
  left: numberProp("left"),
  width: numberProp("width"),
  height: numberProp("height"),
});

export class SimChartTitle extends SimObject<ChartModel> implements Pick<Excel.ChartTitle, "text" | "visible"> {
  readonly _className = "ChartTitle";
  declare text: string;
  declare visible: boolean;
  static props: PropTable<ChartModel>;
}

defineProps<ChartModel>(SimChartTitle, {
  text: { min: "1.1", get: (c) => c.title, set: (c, v) => (c.title = String(v)) },
  visible: { min: "1.1", get: (c) => c.title !== "", set: () => undefined },
});

// ---- events --------------------------------------------------------------------------------------------------------------

export class SimEventHandlerResult {
  constructor(
    readonly context: Excel.RequestContext,
    private readonly owner: SimObject<any>,
    private readonly removeHandler: () => void,
  ) {}

  /** Takes effect at once: add-ins often remove handlers after their Excel.run has ended. */
  remove(): void {
    this.removeHandler();
  }
}

/** `worksheet.onChanged` (1.7) and `worksheets.onChanged` (1.9). Handlers take effect at the next sync. */
export class SimEventHandlers {
  constructor(
    private readonly owner: SimObject<any>,
    private readonly min: string,
    private readonly sheetOf: () => SimSheet | null,
  ) {}

  add(handler: ChangedHandler): SimEventHandlerResult {
    const host = this.owner._ctx._host;
    let key: SimSheet | null = null;
    this.owner._queue("onChanged.add", this.min, () => {
      key = this.sheetOf();
      const set = host.changedHandlers.get(key) ?? new Set<ChangedHandler>();
      set.add(handler);
      host.changedHandlers.set(key, set);
    }, { writes: false });
    return new SimEventHandlerResult(this.owner.context, this.owner, () => host.changedHandlers.get(key)?.delete(handler));
  }
}

export type { RangeRef };
