/**
 * The request machinery of office.js: a context queues actions (property sets, method calls, loads); `sync()`
 * sends them as one request, applies them in order, and fills loaded properties when the whole request succeeded.
 */
import { compareApiVersions } from "../excel-facts/api-version";
import { ErrorCodes, SimOfficeError, officeError } from "./errors";
import type { SimSheet, SimWorkbook } from "./model";

export type Platform = "PC" | "OfficeOnline" | "Mac";

/** Excel on the web refuses requests (and responses) over 5 MB; the simulator applies the request limit everywhere. */
export const REQUEST_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const RESPONSE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Excel reads at most 5,000,000 cells in one request. */
export const READ_CELL_LIMIT = 5_000_000;

export interface SimStats {
  /** `context.sync()` calls (Excel.run's closing flush only when it had queued work). */
  syncs: number;
  /** Round trips that carried work (empty syncs send nothing). */
  requests: number;
  /** Actions (property sets, method calls, loads) sent. */
  actions: number;
  /** Estimated bytes of the largest request so far. */
  largestRequestBytes: number;
  reset(): void;
}

export interface ChangedEventArgs {
  address: string;
  changeType: string;
  source: string;
  type: string;
  worksheetId: string;
  /** ExcelApi 1.14 and later only. */
  triggerSource?: string;
}

export type ChangedHandler = (args: ChangedEventArgs) => Promise<unknown> | void;

export interface ModelChange {
  sheet: SimSheet;
  address: string;
  changeType: string;
}

export interface SimHost {
  /** Raises onChanged for changes a request made (Excel raises it for the add-in's own writes too). */
  raiseChanges(changes: ModelChange[], triggerSource: string): void;
  workbook: SimWorkbook;
  apiVersion: string;
  platform: Platform;
  stats: SimStats;
  /** onChanged handlers per sheet; the key `null` holds worksheets.onChanged handlers. */
  changedHandlers: Map<SimSheet | null, Set<ChangedHandler>>;
}

/** One request being applied: loaded values wait here until the whole request succeeded. */
export class Transaction {
  readonly commits: (() => void)[] = [];
  cellsRead = 0;
  responseBytes = 0;
  readonly changes: ModelChange[] = [];
  wrote = false;

  constructor(readonly host: SimHost) {}

  countRead(cells: number, location: string): void {
    this.cellsRead += cells;
    if (this.cellsRead > READ_CELL_LIMIT) {
      throw officeError(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        `The request reads ${this.cellsRead} cells; Excel returns at most ${READ_CELL_LIMIT} per request.`,
        location,
      );
    }
  }

  countResponse(bytes: number, location: string): void {
    if (this.host.platform !== "OfficeOnline") return;
    this.responseBytes += bytes;
    if (this.responseBytes > RESPONSE_PAYLOAD_LIMIT) {
      throw officeError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response would be about ${this.responseBytes} bytes; Excel on the web returns at most 5 MB.`, location);
    }
  }
}

export interface Action {
  location: string;
  /** Minimum ExcelApi version of the API the action uses. */
  min: string;
  bytes: number;
  writes: boolean;
  run(tx: Transaction): void;
}

function asOfficeError(error: unknown, location: string): SimOfficeError {
  if (error instanceof SimOfficeError) {
    if (!error.debugInfo.errorLocation) {
      error.debugInfo.errorLocation = location;
      error.debugInfo.statement = location;
    }
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return officeError(ErrorCodes.generalException, message, location);
}

export class SimRequestContext {
  /** @internal */ _actions: Action[] = [];
  /** @internal */ _bytes = 0;
  /** @internal */ _closed = false;
  readonly trackedObjects = { add: (_object: unknown) => undefined, remove: (_object: unknown) => undefined };
  readonly debugInfo = {};
  /** @internal */ readonly _host: SimHost;
  private _workbook?: unknown;

  constructor(host: SimHost) {
    this._host = host;
  }

  /** Set by the proxy module (avoids a circular import). */
  static workbookFactory: (context: SimRequestContext) => unknown;

  get workbook(): any {
    return (this._workbook ??= SimRequestContext.workbookFactory(this));
  }

  get application(): any {
    return this.workbook.application;
  }

  load(object: { load(option?: unknown): unknown }, option?: unknown): void {
    object.load(option);
  }

  /** @internal */
  _enqueue(action: Action): void {
    if (this._closed) {
      throw officeError(ErrorCodes.invalidObjectPath, "The object belongs to an Excel.run batch that has already finished.", action.location);
    }
    this._actions.push(action);
    this._bytes += action.bytes + 40;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const host = this._host;
    host.stats.syncs++;
    const actions = this._actions;
    const bytes = this._bytes;
    this._actions = [];
    this._bytes = 0;
    await Promise.resolve();
    if (actions.length === 0) return passThroughValue as T;
    host.stats.requests++;
    host.stats.actions += actions.length;
    host.stats.largestRequestBytes = Math.max(host.stats.largestRequestBytes, bytes);
    if (bytes > REQUEST_PAYLOAD_LIMIT) {
      throw officeError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        `The request carries about ${bytes} bytes; Excel on the web accepts at most ${REQUEST_PAYLOAD_LIMIT}. Split the writes over several context.sync() calls.`,
        actions[0].location,
      );
    }
    const tx = new Transaction(host);
    let failure: SimOfficeError | undefined;
    for (const action of actions) {
      try {
        if (compareApiVersions(host.apiVersion, action.min) < 0) {
          throw officeError(ErrorCodes.apiNotFound, `${action.location} needs ExcelApi ${action.min}; this Excel supports ${host.apiVersion}.`, action.location);
        }
        if (action.writes) tx.wrote = true;
        action.run(tx);
      } catch (error) {
        failure = asOfficeError(error, action.location);
        break;
      }
    }
    if (tx.wrote) host.workbook.changed();
    if (tx.changes.length) host.raiseChanges(tx.changes, "ThisLocalAddin");
    if (failure) throw failure;
    for (const commit of tx.commits) commit();
    return passThroughValue as T;
  }
}

/** UTF-8 bytes of a string as JSON carries it (quotes and a separator included). */
function stringBytes(value: string): number {
  let bytes = value.length + 3;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80) bytes += code < 0x800 ? 1 : 2;
    else if (code === 0x22 || code === 0x5c) bytes += 1;
  }
  return bytes;
}

function scalarBytes(value: unknown): number {
  if (typeof value === "string") return stringBytes(value);
  if (value === null || value === undefined) return 5;
  if (typeof value === "number" || typeof value === "boolean") return String(value).length + 1;
  return jsonBytes(value);
}

/** UTF-8 bytes of a value as JSON would carry it (the request payload Excel measures). */
export function jsonBytes(value: unknown): number {
  if (Array.isArray(value)) {
    let bytes = 2;
    for (const item of value) {
      if (Array.isArray(item)) {
        bytes += 2;
        for (let j = 0; j < item.length; j++) bytes += scalarBytes(item[j]);
      } else bytes += scalarBytes(item);
    }
    return bytes;
  }
  if (value !== null && typeof value === "object") {
    let bytes = 2;
    for (const [key, item] of Object.entries(value as object)) bytes += key.length + 4 + jsonBytes(item);
    return bytes;
  }
  return scalarBytes(value);
}
