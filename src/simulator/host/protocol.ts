/**
 * The request message office.js sends to Excel's host and the response it reads back, as
 * `ClientRequestContext.prototype.syncPrivate` and `RichApiMessageUtility` in office.js build and parse them.
 */

/** `OfficeExtension.ActionType`. */
export const ActionType = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5, ensureUnchanged: 6, recursiveQuery: 7 } as const;

/** `OfficeExtension.ObjectPathType`. */
export const ObjectPathType = { globalObject: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** For arguments that are client objects: the object path id at the argument's index. */
  ReferencedObjectPathIds?: (number | null)[];
}

export interface QueryInfo {
  Select?: string[] | null;
  Expand?: string[] | null;
  Top?: number;
  Skip?: number;
  Filter?: unknown;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
  AutoKeepReference?: boolean;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ResponseError {
  Code: string;
  Message: string;
  Location: string;
  HttpStatusCode: number;
  ActionIndex: number;
}

export interface ResponseBody {
  Results: ActionResult[];
  Error?: ResponseError;
}
