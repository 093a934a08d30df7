/**
 * An in-memory stand-in for the Excel JavaScript API (office.js) with its request semantics: proxies,
 * load/sync, Office error codes, sync counting, Excel's limits, string coercion and requirement-set levels.
 * Runs in Node (tests, benches) and in the browser (the playground).
 *
 * APIs newer than the simulated requirement set: the call is queued like any other and `context.sync()`
 * rejects with OfficeExtension.Error code "ApiNotFound", which is what office.js from the CDN does on an
 * older Excel (the JavaScript has the method; the host does not).
 */
import { parseBox } from "./address";
import { SimObject } from "./base";
import { compareApiVersions } from "../excel-facts/api-version";
import { type ChangedEventArgs, type ChangedHandler, type Platform, type SimHost, type SimStats, SimRequestContext } from "./context";
import { ErrorCodes, SimOfficeError } from "./errors";
import { type CellValue, type Culture } from "./values";
import { SimSheet, SimWorkbook } from "./model";
import "./workbook";

export { SimWorkbook, SimSheet } from "./model";
export type { CellView, ValidationEntry, ConditionalFormatEntry, PageLayoutModel, NameEntry } from "./model";
export { SimOfficeError, ErrorCodes } from "./errors";
export { SimRequestContext } from "./context";
export type { Platform, SimStats } from "./context";
export { coerceString, formatValue } from "./values";
export type { Culture, CellValue } from "./values";

export const NEWEST_API_VERSION = "1.17";

export interface SimulatorOptions {
  /** ExcelApi minor level, e.g. "1.8" (Office 2019); default the newest, "1.17". */
  apiVersion?: string;
  /** "OfficeOnline": worksheet onChanged is not raised for dropdown picks, and responses are capped at 5 MB. */
  platform?: Platform;
  /** How typed/written strings are parsed and numbers shown: "en-US" (Office.js API rules, default) or "ru-RU". */
  culture?: Culture;
}

export interface UserEditOptions {
  /** The value was picked from an in-cell dropdown (Excel on the web raises no onChanged for it). */
  dropdownPick?: boolean;
  /** Pasted: data validation does not stop it. Typed values are checked against list validations with a Stop alert. */
  paste?: boolean;
}

export interface UserEditResult {
  /** False when a Stop validation refused a typed value (nothing was written). */
  accepted: boolean;
  /** How many onChanged handlers ran. */
  eventsRaised: number;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface SimExcelNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(object: unknown, batch: Batch<T>): Promise<T>;
  RequestContext: new () => Excel.RequestContext;
  ErrorCodes: typeof ErrorCodes;
  [enumName: string]: unknown;
}

export interface SimOfficeNamespace {
  context: {
    host: "Excel";
    platform: Platform;
    displayLanguage: string;
    contentLanguage: string;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    diagnostics: { host: "Excel"; platform: Platform; version: string };
  };
  onReady(callback?: (info: { host: "Excel"; platform: Platform }) => void): Promise<{ host: "Excel"; platform: Platform }>;
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  AsyncResultStatus: Record<string, string>;
  [key: string]: unknown;
}

export interface ExcelSimulator {
  Excel: SimExcelNamespace;
  Office: SimOfficeNamespace;
  OfficeExtension: { Error: typeof SimOfficeError; ErrorCodes: typeof ErrorCodes; [key: string]: unknown };
  stats: SimStats;
  options: Required<SimulatorOptions>;
  /** Sets globalThis.Excel / Office / OfficeExtension (or on `target`). */
  install(target?: any): void;
  /** Direct, synchronous access to the model (no proxies, no syncs). */
  workbook: SimWorkbook;
  saveXlsx(): Promise<Uint8Array>;
  loadXlsx(data: Uint8Array | ArrayBuffer): Promise<void>;
  /** Called after every change of the model (a sync that wrote, a user edit, a load). Returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  /** A user typing or pasting into the sheet: Excel's coercion, then the worksheet's onChanged handlers. */
  userEdit(sheetName: string, address: string, values: unknown[][] | unknown, options?: UserEditOptions): Promise<UserEditResult>;
  /** Resolves when all onChanged handlers raised so far (and the events they caused) have run. */
  flushEvents(): Promise<void>;
  /** Errors thrown by onChanged handlers (Excel swallows them). */
  eventErrors: unknown[];
  /** The user selects cells (the sheet becomes active). */
  userSelect(sheetName: string, address: string): void;
  /** The user clicks a sheet tab. */
  userActivate(sheetName: string): void;
}

const enumOf = (...names: string[]) => Object.freeze(Object.fromEntries(names.map((n) => [n.charAt(0).toLowerCase() + n.slice(1), n])));

/** The Excel enums add-ins use, as office.js defines them: string-valued objects. */
export const EXCEL_ENUMS = {
  SheetVisibility: enumOf("Visible", "Hidden", "VeryHidden"),
  ConditionalFormatType: enumOf("Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"),
  BorderIndex: enumOf("EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"),
  BorderLineStyle: enumOf("None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"),
  BorderWeight: enumOf("Hairline", "Thin", "Medium", "Thick"),
  HorizontalAlignment: enumOf("General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"),
  VerticalAlignment: enumOf("Top", "Center", "Bottom", "Justify", "Distributed"),
  ClearApplyTo: enumOf("All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"),
  DeleteShiftDirection: enumOf("Up", "Left"),
  InsertShiftDirection: enumOf("Down", "Right"),
  PageOrientation: enumOf("Portrait", "Landscape"),
  PaperType: enumOf("Letter", "Legal", "A3", "A4", "A5", "B4", "B5", "Tabloid", "Executive"),
  PrintMarginUnit: enumOf("Points", "Inches", "Centimeters"),
  DataValidationAlertStyle: enumOf("Stop", "Warning", "Information"),
  DataValidationType: enumOf("None", "WholeNumber", "Decimal", "List", "Date", "Time", "TextLength", "Custom", "Inconsistent", "MixedCriteria"),
  DataValidationOperator: enumOf("Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"),
  ChartType: enumOf("ColumnClustered", "ColumnStacked", "BarClustered", "BarStacked", "Line", "Pie", "Doughnut", "Area", "XYScatter"),
  ChartSeriesBy: enumOf("Auto", "Columns", "Rows"),
  RangeValueType: enumOf("Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue"),
  NamedItemType: enumOf("String", "Integer", "Double", "Boolean", "Range", "Error", "Array"),
  NamedItemScope: enumOf("Worksheet", "Workbook"),
  CalculationMode: enumOf("Automatic", "AutomaticExceptTables", "Manual"),
  EventType: enumOf("WorksheetChanged", "WorksheetSelectionChanged", "WorksheetAdded", "WorksheetActivated", "WorksheetDeactivated"),
  DataChangeType: enumOf("Unknown", "RangeEdited", "RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"),
  EventSource: enumOf("Local", "Remote"),
  HeaderFooterState: enumOf("Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"),
  RangeUnderlineStyle: enumOf("None", "Single", "Double", "SingleAccountant", "DoubleAccountant"),
} as const;

/** Requirement sets other than ExcelApi that the simulated host reports. */
const OTHER_SETS: Record<string, string> = { DialogApi: "1.2", AddinCommands: "1.1", IdentityAPI: "1.3", DialogOrigin: "1.1" };

/** A list validation's items, when they can be known without a formula engine. */
function listItems(workbook: SimWorkbook, sheet: SimSheet, source: string): string[] | null {
  if (!source.startsWith("=")) return source.split(/[,;]/).map((s) => s.trim());
  const resolved = workbook.resolveReference(source.slice(1), sheet);
  if (!resolved) return null;
  const items: string[] = [];
  for (let r = resolved.box.r0; r <= Math.min(resolved.box.r1, resolved.box.r0 + 100_000); r++) {
    for (let c = resolved.box.c0; c <= resolved.box.c1; c++) items.push(resolved.sheet.textAt(r, c));
  }
  return items;
}

export function createExcelSimulator(options: SimulatorOptions = {}): ExcelSimulator {
  const resolved: Required<SimulatorOptions> = { apiVersion: options.apiVersion ?? NEWEST_API_VERSION, platform: options.platform ?? "PC", culture: options.culture ?? "en-US" };
  if (!/^1\.\d+$/.test(resolved.apiVersion)) throw new Error(`apiVersion must look like "1.8"; got ${resolved.apiVersion}`);
  const workbook = new SimWorkbook(resolved.culture);
  const stats: SimStats = {
    syncs: 0,
    requests: 0,
    actions: 0,
    largestRequestBytes: 0,
    reset() {
      stats.syncs = 0;
      stats.requests = 0;
      stats.actions = 0;
      stats.largestRequestBytes = 0;
    },
  };
  const pendingEvents = new Set<Promise<void>>();
  const changedHandlers = new Map<SimSheet | null, Set<ChangedHandler>>();

  /** Events arrive after the request that caused them, as Excel's do. Returns how many handlers will run. */
  function raise(sheet: SimSheet, address: string, changeType: string, triggerSource: string): number {
    const handlers = [...(changedHandlers.get(sheet) ?? []), ...(changedHandlers.get(null) ?? [])];
    if (handlers.length === 0) return 0;
    const args: ChangedEventArgs = { address, changeType, source: "Local", type: "WorksheetChanged", worksheetId: sheet.id };
    // WorksheetChangedEventArgs.triggerSource arrived with ExcelApi 1.14; older hosts do not say who made the change.
    if (compareApiVersions(resolved.apiVersion, "1.14") >= 0) args.triggerSource = triggerSource;
    const delivery = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      for (const handler of handlers) {
        try {
          await handler({ ...args });
        } catch (error) {
          // Excel swallows handler errors; keep them visible to tests.
          eventErrors.push(error);
        }
      }
    });
    pendingEvents.add(delivery);
    void delivery.finally(() => pendingEvents.delete(delivery));
    return handlers.length;
  }
  const eventErrors: unknown[] = [];

  const host: SimHost = {
    workbook,
    apiVersion: resolved.apiVersion,
    platform: resolved.platform,
    stats,
    changedHandlers,
    raiseChanges(changes, triggerSource) {
      for (const change of changes) raise(change.sheet, change.address, change.changeType, triggerSource);
    },
  };

  async function run<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T> | undefined;
    if (typeof batch !== "function") throw new SimOfficeError(ErrorCodes.invalidArgument, "Excel.run needs a batch function.");
    const reused = first instanceof SimObject ? first._ctx : first instanceof SimRequestContext ? first : null;
    const context = reused ?? new SimRequestContext(host);
    try {
      const pending = batch(context as unknown as Excel.RequestContext) as unknown;
      if (!pending || typeof (pending as Promise<T>).then !== "function") {
        throw new SimOfficeError(ErrorCodes.runMustReturnPromise, "The batch function passed to Excel.run must return a promise.");
      }
      const result = await (pending as Promise<T>);
      // office.js flushes what the batch queued last; an empty flush is no round trip.
      if (context._actions.length) await context.sync();
      return result;
    } finally {
      if (!reused) context._closed = true;
    }
  }

  class RequestContext extends SimRequestContext {
    constructor() {
      super(host);
    }
  }

  const Excel: SimExcelNamespace = {
    ...EXCEL_ENUMS,
    run: run as SimExcelNamespace["run"],
    RequestContext: RequestContext as unknown as new () => Excel.RequestContext,
    ErrorCodes,
  };

  const platformType = { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" };
  const Office: SimOfficeNamespace = {
    context: {
      host: "Excel",
      platform: resolved.platform,
      displayLanguage: "ru-RU",
      contentLanguage: "ru-RU",
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const wanted = minVersion === undefined ? "1.1" : String(minVersion);
          if (name === "ExcelApi") return compareApiVersions(resolved.apiVersion, wanted) >= 0;
          if (name === "ExcelApiOnline") return resolved.platform === "OfficeOnline" && compareApiVersions("1.1", wanted) >= 0;
          if (name === "ExcelApiDesktop") return resolved.platform !== "OfficeOnline" && compareApiVersions("1.1", wanted) >= 0;
          const level = OTHER_SETS[name];
          return level !== undefined && compareApiVersions(level, wanted) >= 0;
        },
      },
      diagnostics: { host: "Excel", platform: resolved.platform, version: "16.0.0.0" },
    },
    onReady(callback) {
      const info = { host: "Excel" as const, platform: resolved.platform };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: platformType,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };

  const OfficeExtension = { Error: SimOfficeError, ErrorCodes, ClientRequestContext: SimRequestContext };

  /** Waits until every raised onChanged handler has finished, including events their own writes raised. */
  async function flushEvents(): Promise<void> {
    while (pendingEvents.size) await Promise.all([...pendingEvents]);
  }

  async function userEdit(sheetName: string, address: string, values: unknown[][] | unknown, editOptions: UserEditOptions = {}): Promise<UserEditResult> {
    const sheet = workbook.sheet(sheetName);
    const box = parseBox(address);
    if (!box) throw new Error(`Bad address «${address}»`);
    const matrix = Array.isArray(values) ? (values as unknown[][]) : Array.from({ length: box.r1 - box.r0 + 1 }, () => Array(box.c1 - box.c0 + 1).fill(values));
    if (!editOptions.paste) {
      for (let i = 0; i < matrix.length; i++) {
        for (let j = 0; j < matrix[i].length; j++) {
          const r = box.r0 + i;
          const c = box.c0 + j;
          const value = matrix[i][j];
          if (value === null || value === undefined || value === "") continue;
          const entry = sheet.validationsIn({ r0: r, c0: c, r1: r, c1: c })[0];
          if (!entry?.rule.list || !entry.errorAlert.showAlert || entry.errorAlert.style !== "Stop") continue;
          const items = listItems(workbook, sheet, entry.rule.list.source);
          if (items && !items.some((item) => item.toLocaleLowerCase() === String(value).toLocaleLowerCase())) return { accepted: false, eventsRaised: 0 };
        }
      }
    }
    const written = { r0: box.r0, c0: box.c0, r1: box.r0 + matrix.length - 1, c1: box.c0 + Math.max(1, ...matrix.map((row) => row.length)) - 1 };
    matrix.forEach((row, i) => row.forEach((value, j) => sheet.writeInput(box.r0 + i, box.c0 + j, value === null || value === undefined ? "" : value)));
    workbook.changed();
    // Excel on the web does not raise onChanged for a value picked from a dropdown.
    if (editOptions.dropdownPick && resolved.platform === "OfficeOnline") return { accepted: true, eventsRaised: 0 };
    const eventsRaised = raise(sheet, formatEditedAddress(written), "RangeEdited", "Unknown");
    await flushEvents();
    return { accepted: true, eventsRaised };
  }

  const simulator: ExcelSimulator = {
    Excel,
    Office,
    OfficeExtension,
    stats,
    options: resolved,
    workbook,
    install(target: any = globalThis) {
      target.Excel = Excel;
      target.Office = Office;
      target.OfficeExtension = OfficeExtension;
    },
    async saveXlsx() {
      const { saveWorkbook } = await import("./xlsx");
      return saveWorkbook(workbook);
    },
    async loadXlsx(data) {
      const { loadWorkbook } = await import("./xlsx");
      await loadWorkbook(workbook, data);
    },
    onChange(listener) {
      return workbook.onChange(listener);
    },
    userEdit,
    flushEvents,
    eventErrors,
    userSelect(sheetName: string, address: string) {
      const sheet = workbook.sheet(sheetName);
      const box = parseBox(address);
      if (!box) throw new Error(`Bad address «${address}»`);
      workbook.activeSheet = sheet;
      sheet.selection = box;
      workbook.changed();
    },
    userActivate(sheetName: string) {
      workbook.activeSheet = workbook.sheet(sheetName);
      workbook.changed();
    },
  };
  return simulator;
}

function formatEditedAddress(box: { r0: number; c0: number; r1: number; c1: number }): string {
  const letters = (c: number) => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const start = `${letters(box.c0)}${box.r0 + 1}`;
  return box.r0 === box.r1 && box.c0 === box.c1 ? start : `${start}:${letters(box.c1)}${box.r1 + 1}`;
}

export type { CellValue as SimCellValue };
