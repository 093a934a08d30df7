/**
 * Excel without Excel: Microsoft's own office.js client (the Excel debug build, win32 or web) talking to a simulated
 * host over an in-memory workbook model. The add-in's code runs on the real client — its proxies, load/sync, requirement
 * checks (`ApiNotFound` at the call), chunked writes and `OfficeExtension.Error` — and the host (./host) executes the
 * request messages the client sends, with Excel's errors and limits. Runs in Node (tests, benches: the client is loaded
 * into a vm context per simulator) and in the browser (the playground passes `loadClient`).
 */
import { parseBox } from "./address";
import { type ModelChange, type Platform, type SimHost, type SimStats, READ_CELL_LIMIT, REQUEST_PAYLOAD_LIMIT, RESPONSE_PAYLOAD_LIMIT } from "./context";
import { compareApiVersions } from "../excel-facts/api-version";
import { type CellValue, type Culture } from "./values";
import { SimSheet, SimWorkbook } from "./model";
import { RequestExecutor } from "./host/execute";
import type { RequestBody } from "./host/protocol";
import { type ClientBuild, type ClientGlobals, OfficeJsErrorCode, type HostReply, utf8Length, wireClient } from "./client/wire";
import { loadClientInNode } from "./client/node";
import "./workbook";

export { SimWorkbook, SimSheet } from "./model";
export type { CellView, ValidationEntry, ConditionalFormatEntry, PageLayoutModel, NameEntry } from "./model";
export { SimOfficeError, ErrorCodes } from "./errors";
export type { Platform, SimStats } from "./context";
export { coerceString, formatValue } from "./values";
export type { Culture, CellValue } from "./values";
export type { ClientBuild, ClientGlobals, HostReply } from "./client/wire";
export { READ_CELL_LIMIT };

export const NEWEST_API_VERSION = "1.17";
/** The client builds the simulator can run: Excel for Windows and Excel on the web. */
export const CLIENT_BUILDS: readonly ClientBuild[] = ["win32", "web"];

export interface SimulatorOptions {
  /** ExcelApi minor level, e.g. "1.8" (Office 2019); default the newest, "1.17". */
  apiVersion?: string;
  /** "OfficeOnline": worksheet onChanged is not raised for dropdown picks, and responses are capped at 5 MB. Default: "OfficeOnline" for the web build, else "PC". */
  platform?: Platform;
  /** How typed/written strings are parsed and numbers shown: "en-US" (Office.js API rules, default) or "ru-RU". */
  culture?: Culture;
  /** Which office.js build runs the add-in's code: "win32" (default) or "web". */
  client?: ClientBuild;
  /**
   * Turn on office.js's own requirement check at the call (`ApiNotFound` thrown by the property or method, nothing sent).
   * office.js 1.1.110 ships it switched off (it sets the flag on `Utility`, reads it from `CommonUtility`), so by default
   * an API above the level goes out and the host refuses it at sync.
   */
  apiCheckAtCall?: boolean;
  /** Loads the client's globals (the browser passes one; Node loads node_modules/@microsoft/office-js into a vm context). */
  loadClient?: (build: ClientBuild) => ClientGlobals;
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
  ErrorCodes: Record<string, string>;
  [name: string]: any;
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
  [key: string]: any;
}

export interface SimStatsWithPayload extends SimStats {
  /** UTF-8 bytes of every request message's JSON so far. */
  requestBytes: number;
  /** UTF-8 bytes of every response's JSON so far. */
  responseBytes: number;
  largestResponseBytes: number;
  /** Messages (counted in `syncs`) that only release the ranges office.js tracked: Excel.run sends one when it ends. */
  releases: number;
}

export interface ExcelSimulator {
  /** office.js's own `Excel` namespace, wired to this simulator's host. */
  Excel: SimExcelNamespace;
  Office: SimOfficeNamespace;
  /** office.js's `OfficeExtension` (its `Error` is what `context.sync()` rejects with). */
  OfficeExtension: { Error: new (...args: any[]) => Error; ErrorCodes: Record<string, string>; [key: string]: any };
  stats: SimStatsWithPayload;
  options: Required<Omit<SimulatorOptions, "loadClient" | "apiCheckAtCall">>;
  /** Sets globalThis.Excel / Office / OfficeExtension (or on `target`). */
  install(target?: any): void;
  /** Direct, synchronous access to the model (no client, no syncs). */
  workbook: SimWorkbook;
  saveXlsx(): Promise<Uint8Array>;
  loadXlsx(data: Uint8Array | ArrayBuffer): Promise<void>;
  /** Called after every change of the model (a request that wrote, a user edit, a load). Returns an unsubscribe. */
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
  /** Sends one request message (JSON text) straight to the host, as office.js would: for tests of the protocol itself. */
  hostRequest(requestText: string): HostReply;
  /** The request messages the client sent (JSON text), newest last, when `recordRequests` is on. */
  requestLog: string[];
  recordRequests: boolean;
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

/** The build a test run asks for (jest's "web" project sets EXCEL_CLIENT_BUILD=web), else win32. */
function defaultClientBuild(): ClientBuild {
  const asked = typeof process !== "undefined" ? process.env?.EXCEL_CLIENT_BUILD : undefined;
  return asked === "web" ? "web" : "win32";
}

/** Worksheet.onChanged's event id in office.js (`eventType: 10`). */
const WORKSHEET_CHANGED_EVENT = 10;

export function createExcelSimulator(options: SimulatorOptions = {}): ExcelSimulator {
  const build: ClientBuild = options.client ?? defaultClientBuild();
  const resolved: Required<Omit<SimulatorOptions, "loadClient" | "apiCheckAtCall">> = {
    apiVersion: options.apiVersion ?? NEWEST_API_VERSION,
    platform: options.platform ?? (build === "web" ? "OfficeOnline" : "PC"),
    culture: options.culture ?? "en-US",
    client: build,
  };
  if (!/^1\.\d+$/.test(resolved.apiVersion)) throw new Error(`apiVersion must look like "1.8"; got ${resolved.apiVersion}`);
  const workbook = new SimWorkbook(resolved.culture);
  const stats: SimStatsWithPayload = {
    syncs: 0,
    requests: 0,
    actions: 0,
    largestRequestBytes: 0,
    requestBytes: 0,
    responseBytes: 0,
    largestResponseBytes: 0,
    releases: 0,
    reset() {
      stats.releases = 0;
      stats.syncs = 0;
      stats.requests = 0;
      stats.actions = 0;
      stats.largestRequestBytes = 0;
      stats.requestBytes = 0;
      stats.responseBytes = 0;
      stats.largestResponseBytes = 0;
    },
  };
  const pendingEvents = new Set<Promise<unknown>>();
  const eventErrors: unknown[] = [];
  /** Worksheets (by id) whose onChanged the client registered with the host. */
  const registered = new Map<string, number>();
  let handlersRun = 0;

  function track(run: Promise<unknown>): void {
    handlersRun++;
    const settled = run.catch((error: unknown) => {
      // Excel swallows handler errors; keep them visible to tests.
      eventErrors.push(error);
    });
    pendingEvents.add(settled);
    void settled.finally(() => pendingEvents.delete(settled));
  }

  /** Events arrive after the request that caused them, as Excel's do. Returns whether the sheet has listeners. */
  function raise(changes: ModelChange[], triggerSource: string): boolean {
    const entries = changes
      .filter((change) => (registered.get(change.sheet.id) ?? 0) > 0)
      .map((change) => {
        const message: Record<string, unknown> = { type: "WorksheetChanged", changeType: change.changeType, source: "Local", address: change.address, worksheetId: change.sheet.id, shiftDirection: "None" };
        // WorksheetChangedEventArgs.triggerSource arrived with ExcelApi 1.14; older hosts do not say who made the change.
        if (compareApiVersions(resolved.apiVersion, "1.14") >= 0) message.triggerSource = triggerSource;
        return { messageType: WORKSHEET_CHANGED_EVENT, targetId: change.sheet.id, message };
      });
    if (entries.length === 0) return false;
    const delivery = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => wired.raise(entries));
    pendingEvents.add(delivery);
    void delivery.finally(() => pendingEvents.delete(delivery));
    return true;
  }

  const host: SimHost = {
    workbook,
    apiVersion: resolved.apiVersion,
    platform: resolved.platform,
    stats,
    changedHandlers: new Map(),
    raiseChanges(changes, triggerSource) {
      raise(changes, triggerSource);
    },
  };
  const executor = new RequestExecutor(host, {
    registerChanged(sheetId, on) {
      registered.set(sheetId, Math.max(0, (registered.get(sheetId) ?? 0) + (on ? 1 : -1)));
    },
  });

  function handle(requestText: string): HostReply {
    stats.syncs++;
    stats.requests++;
    const requestBytes = utf8Length(requestText);
    stats.requestBytes += requestBytes;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    if (simulator.recordRequests) simulator.requestLog.push(requestText);
    // Excel on the web refuses a request over 5 MB whole; applied on every platform, as the add-in must run there.
    if (requestBytes > REQUEST_PAYLOAD_LIMIT) {
      return { status: "failed", code: OfficeJsErrorCode.requestPayloadSizeLimitExceeded, message: `The request carries ${requestBytes} bytes; Excel on the web accepts at most ${REQUEST_PAYLOAD_LIMIT}.` };
    }
    const body = JSON.parse(requestText) as RequestBody;
    stats.actions += body.Actions?.length ?? 0;
    if (body.Actions?.length && body.Actions.every((a) => a.Name === "_RemoveReference" || (a.ActionType === 1 && body.ObjectPaths[String(a.ObjectPathId)]?.ObjectPathType === 1))) stats.releases++;
    const { response, tx } = executor.execute(body);
    if (tx.wrote) workbook.changed();
    if (tx.changes.length) host.raiseChanges(tx.changes, "ThisLocalAddin");
    const text = JSON.stringify(response);
    const responseBytes = utf8Length(text);
    stats.responseBytes += responseBytes;
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
    if (resolved.platform === "OfficeOnline" && responseBytes > RESPONSE_PAYLOAD_LIMIT) {
      return { status: "failed", code: OfficeJsErrorCode.responsePayloadSizeLimitExceeded, message: `The response would carry ${responseBytes} bytes; Excel on the web returns at most ${RESPONSE_PAYLOAD_LIMIT}.` };
    }
    return { status: "succeeded", body: text };
  }

  function isSetSupported(name: string, minVersion?: string | number): boolean {
    const wanted = minVersion === undefined ? "1.1" : String(minVersion);
    if (name === "ExcelApi") return compareApiVersions(resolved.apiVersion, wanted) >= 0;
    if (name === "ExcelApiOnline") return resolved.platform === "OfficeOnline" && compareApiVersions("1.1", wanted) >= 0;
    if (name === "ExcelApiDesktop") return resolved.platform !== "OfficeOnline" && compareApiVersions("1.1", wanted) >= 0;
    const level = OTHER_SETS[name];
    return level !== undefined && compareApiVersions(level, wanted) >= 0;
  }

  const client = (options.loadClient ?? loadClientInNode)(build);
  const wired = wireClient(client, { handle, isSetSupported, platform: resolved.platform, track });
  if (options.apiCheckAtCall) client.OfficeExtension.CommonUtility._doApiNotSupportedCheck = true;

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
    await flushEvents();
    const before = handlersRun;
    raise([{ sheet, address: formatEditedAddress(written), changeType: "RangeEdited" }], "Unknown");
    await flushEvents();
    return { accepted: true, eventsRaised: handlersRun - before };
  }

  const simulator: ExcelSimulator = {
    Excel: client.Excel as SimExcelNamespace,
    Office: client.Office as SimOfficeNamespace,
    OfficeExtension: client.OfficeExtension,
    stats,
    options: resolved,
    workbook,
    requestLog: [],
    recordRequests: false,
    hostRequest: (requestText) => handle(requestText),
    install(target: any = globalThis) {
      target.Excel = client.Excel;
      target.Office = client.Office;
      target.OfficeExtension = client.OfficeExtension;
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
