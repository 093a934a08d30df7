/** Worksheet, the worksheet collection, freeze panes and the onChanged event (page layout: page-layout.ts; charts: chart.ts). */
import { type Box, MAX_COLUMNS, MAX_ROWS } from "./address";
import { SimClientResult, SimCollection, SimObject, defineProps, type PropTable } from "./base";
import type { ChangedHandler, SimRequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import { type SimSheet, type Visibility } from "./model";
import { type RangeRef, SimRange } from "./range";
import { normalizeColor } from "./range-format";
import { SimNamedItemCollection } from "./workbook";
import { SimChartCollection } from "./chart";
import { SimPageLayout } from "./page-layout";
import { resolveAddress } from "./worksheet-address";

function live(sheet: SimSheet): SimSheet {
  if (sheet.deleted) throw officeError(ErrorCodes.itemNotFound, `The worksheet «${sheet.name}» was deleted.`);
  return sheet;
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
