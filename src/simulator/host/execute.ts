/**
 * Excel's side of the office.js protocol: one request message in, one response out.
 *
 * The actions run in order over the workbook model through the host objects (SimWorkbookObject, SimRange, … —
 * each knows how Excel applies a property or method to its part of the model). The first failing action stops the
 * request; the response then carries the error (code, message, location, action index) and no results, which is
 * what makes office.js reject `context.sync()` with `OfficeExtension.Error` and fill no loaded value.
 * Anything the host does not model — an action type, an object path, a method, a property — fails the request
 * with `NotImplemented` naming what was asked, never a silent success.
 */
import { SimClientResult, SimCollection, SimObject } from "../base";
import { SimRequestContext, Transaction, type SimHost } from "../context";
import { compareApiVersions } from "../../excel-facts/api-version";
import { ErrorCodes, SimOfficeError, officeError } from "../errors";
import { ActionType, type ActionInfo, type ArgumentInfo, ObjectPathType, type ObjectPathInfo, type RequestBody, type ResponseBody } from "./protocol";

/** A host object created by a method and handed to the client as a reference id (office.js `_ReferenceId`). */
interface Reference {
  make(context: SimRequestContext): SimObject<any>;
}

/** `GetRange` → `getRange`, `_KeepReference` stays. */
export function memberName(name: string): string {
  return name.startsWith("_") ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** `numberFormat` → `NumberFormat`: the casing of the keys office.js reads in results. */
function resultKey(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function notModelled(what: string, location: string): SimOfficeError {
  return officeError(ErrorCodes.notImplemented, `The simulated Excel host does not model ${what}.`, location);
}

/** Host-side methods office.js calls that the add-in never writes itself. */
const PROTOCOL_METHODS = new Set(["_KeepReference", "_RemoveReference", "_ValidateArraySize", "_RegisterDataChangedEvent", "_UnregisterDataChangedEvent"]);

export interface HostEvents {
  /** A worksheet's onChanged gained (true) or lost (false) a client registration. */
  registerChanged(sheetId: string, on: boolean): void;
}

export class RequestExecutor {
  private readonly references = new Map<string, Reference>();
  private nextReference = 1;

  constructor(
    private readonly host: SimHost,
    private readonly events: HostEvents,
  ) {}

  execute(body: RequestBody): { response: ResponseBody; tx: Transaction } {
    const context = new SimRequestContext(this.host);
    const tx = new Transaction(this.host);
    const objects = new Map<number, SimObject<any>>();
    const results: ResponseBody["Results"] = [];
    const paths = body.ObjectPaths ?? {};

    const flush = (location: string) => {
      for (const action of context._actions.splice(0)) {
        if (compareApiVersions(this.host.apiVersion, action.min) < 0) {
          throw officeError(ErrorCodes.apiNotFound, `${action.location} needs ExcelApi ${action.min}; this Excel supports ${this.host.apiVersion}.`, action.location);
        }
        if (action.writes) tx.wrote = true;
        action.run(tx);
      }
      for (const commit of tx.commits.splice(0)) commit();
      void location;
    };

    const describe = (id: number): string => {
      const info = paths[String(id)];
      if (!info) return `#${id}`;
      const parent = info.ParentObjectPathId !== undefined ? `${describe(info.ParentObjectPathId)}.` : "";
      return `${parent}${info.ObjectPathType === ObjectPathType.indexer ? "getItem" : info.Name || "workbook"}`;
    };

    const args = (info: ArgumentInfo | undefined): unknown[] =>
      (info?.Arguments ?? []).map((value, i) => {
        const ref = info?.ReferencedObjectPathIds?.[i];
        // JSON has no undefined: office.js sends an omitted optional argument as null.
        return typeof ref === "number" && ref > 0 ? resolve(ref) : value === null ? undefined : value;
      });

    const resolve = (id: number): SimObject<any> => {
      const known = objects.get(id);
      if (known) return known;
      const info: ObjectPathInfo | undefined = paths[String(id)];
      if (!info) throw notModelled(`object path #${id}, which the request does not define`, `#${id}`);
      const location = describe(id);
      let object: unknown;
      switch (info.ObjectPathType) {
        case ObjectPathType.globalObject:
          object = context.workbook;
          break;
        case ObjectPathType.property: {
          const parent = resolve(info.ParentObjectPathId!);
          const name = memberName(info.Name);
          object = name in parent ? (parent as any)[name] : undefined;
          if (!(object instanceof SimObject)) throw notModelled(`the navigation property ${parent._className}.${name}`, location);
          break;
        }
        case ObjectPathType.method: {
          const parent = resolve(info.ParentObjectPathId!);
          object = this.callMethod(parent, info.Name, args(info.ArgumentInfo), location);
          if (!(object instanceof SimObject)) throw notModelled(`${parent._className}.${memberName(info.Name)} returning an object`, location);
          break;
        }
        case ObjectPathType.indexer: {
          const parent = resolve(info.ParentObjectPathId!);
          const getItem = (parent as any).getItem;
          if (typeof getItem !== "function") throw notModelled(`an indexer on ${parent._className}`, location);
          object = getItem.apply(parent, args(info.ArgumentInfo));
          break;
        }
        case ObjectPathType.referenceId: {
          const reference = this.references.get(info.Name);
          if (!reference) throw officeError(ErrorCodes.invalidObjectPath, `The reference «${info.Name}» is not known to this workbook.`, location);
          object = reference.make(context);
          break;
        }
        default:
          throw notModelled(`object paths of type ${info.ObjectPathType} («${info.Name}»)`, location);
      }
      objects.set(id, object as SimObject<any>);
      flush(location);
      return object as SimObject<any>;
    };

    let index = 0;
    try {
      for (; index < (body.Actions ?? []).length; index++) {
        const action = body.Actions[index];
        const value = this.runAction(action, resolve, args, flush, describe, tx, (id) => paths[String(id)]?.ObjectPathType);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      }
    } catch (error) {
      const failure = toOfficeError(error, describe(body.Actions[index]?.ObjectPathId ?? 0));
      return {
        tx,
        response: {
          Results: [],
          Error: { Code: failure.code, Message: failure.message, Location: failure.debugInfo.errorLocation ?? "", HttpStatusCode: 400, ActionIndex: index },
        },
      };
    }
    return { tx, response: { Results: results } };
  }

  private runAction(
    action: ActionInfo,
    resolve: (id: number) => SimObject<any>,
    args: (info: ArgumentInfo | undefined) => unknown[],
    flush: (location: string) => void,
    describe: (id: number) => string,
    tx: Transaction,
    pathType: (id: number) => number | undefined,
  ): unknown {
    const location = describe(action.ObjectPathId);
    switch (action.ActionType) {
      case ActionType.instantiate: {
        const object = resolve(action.ObjectPathId);
        const target = object._targetOrNull();
        if (target === null) return null;
        return this.identity(object, pathType(action.ObjectPathId));
      }
      case ActionType.setProperty: {
        const object = resolve(action.ObjectPathId);
        const name = memberName(action.Name);
        const def = object._props()[name];
        if (!def) throw notModelled(`the property ${object._className}.${name}`, `${object._className}.${name}`);
        if (!def.set) throw officeError(ErrorCodes.invalidArgument, `${object._className}.${name} is read-only.`, `${object._className}.${name}`);
        const value = action.ArgumentInfo?.Arguments?.[0];
        (object as any)[name] = value;
        flush(location);
        return undefined;
      }
      case ActionType.method: {
        const object = resolve(action.ObjectPathId);
        const result = this.callMethod(object, action.Name, args(action.ArgumentInfo), `${object._className}.${memberName(action.Name)}`);
        flush(location);
        if (result instanceof SimClientResult) return result._loaded ? result._value : null;
        return undefined;
      }
      case ActionType.query: {
        const object = resolve(action.ObjectPathId);
        if (object._targetOrNull() === null) return null;
        const query = action.QueryInfo ?? {};
        const select = query.Select ?? null;
        const expand = query.Expand ?? [];
        object.load(select === null && expand.length === 0 ? undefined : { select: (select ?? []).join(","), expand: expand.join(",") });
        flush(location);
        const value = serialize(object, select === null);
        if (object instanceof SimCollection && value && (query.Top !== undefined || query.Skip)) {
          const items = (value._Items as unknown[]) ?? [];
          value._Items = items.slice(query.Skip ?? 0, query.Top === undefined ? undefined : (query.Skip ?? 0) + query.Top);
        }
        // The 5 MB response cap of the web is checked on the whole response message (index.ts).
        return value;
      }
      case ActionType.trace:
        // office.js runs the callbacks it attached to a trace marker (event registrations) when the marker is answered.
        return null;
      default:
        throw notModelled(`actions of type ${action.ActionType} («${action.Name}» on ${location})`, location);
    }
  }

  /**
   * What an instantiated object tells the client: its `Id` when it has one (a worksheet — office.js reads it as the
   * object's id), and a reference id for objects a method made (office.js then refers to them by it, and releases
   * them when Excel.run ends).
   */
  private identity(object: SimObject<any>, type: number | undefined): Record<string, unknown> {
    const target = object._targetOrNull();
    const out: Record<string, unknown> = {};
    const idProp = object._props().id;
    if (idProp) out.Id = idProp.get(target, new Transaction(this.host), `${object._className}.id`);
    if (type === ObjectPathType.method) {
      const cls = object.constructor as new (context: SimRequestContext, resolver: () => unknown) => SimObject<any>;
      const referenceId = `sim-ref-${this.nextReference++}`;
      this.references.set(referenceId, { make: (context) => new cls(context, () => target)._bind(target) });
      out._ReferenceId = referenceId;
    }
    return out;
  }

  private callMethod(object: SimObject<any>, wireName: string, values: unknown[], location: string): unknown {
    if (PROTOCOL_METHODS.has(wireName)) return this.protocolMethod(object, wireName, values, location);
    const name = memberName(wireName);
    if (name === "getItemAt" && object instanceof SimCollection) {
      const members = object._members(object._target());
      const member = members[Number(values[0])];
      if (member === undefined) throw officeError(ErrorCodes.itemNotFound, `There is no item at index ${String(values[0])}.`, location);
      return object._itemProxy(member)._bind(member);
    }
    const method = (object as any)[name];
    if (typeof method !== "function" || name === "constructor" || name.startsWith("_")) throw notModelled(`the method ${object._className}.${name}`, location);
    return method.apply(object, values);
  }

  private protocolMethod(object: SimObject<any>, wireName: string, values: unknown[], location: string): unknown {
    switch (wireName) {
      case "_KeepReference":
        return undefined;
      case "_RemoveReference":
        this.references.delete(String(values[0]));
        return undefined;
      case "_ValidateArraySize": {
        const props = object._props();
        if (!props.rowCount || !props.columnCount) throw notModelled(`${wireName} on ${object._className}`, location);
        const target = object._target();
        const rows = props.rowCount.get(target, new Transaction(this.host), location);
        const columns = props.columnCount.get(target, new Transaction(this.host), location);
        if (values[0] !== rows || values[1] !== columns) {
          throw officeError(ErrorCodes.invalidArgument, `The input array (${String(values[0])}×${String(values[1])}) does not match the size of the range (${String(rows)}×${String(columns)}).`, location);
        }
        return undefined;
      }
      case "_RegisterDataChangedEvent":
      case "_UnregisterDataChangedEvent": {
        if (object._className !== "Worksheet") throw notModelled(`${wireName} on ${object._className}`, location);
        if (compareApiVersions(this.host.apiVersion, "1.7") < 0) throw officeError(ErrorCodes.apiNotFound, "Worksheet.onChanged needs ExcelApi 1.7.", location);
        const sheet = object._target() as { id: string };
        this.events.registerChanged(sheet.id, wireName === "_RegisterDataChangedEvent");
        return undefined;
      }
      default:
        throw notModelled(`the method ${wireName}`, location);
    }
  }
}

function toOfficeError(error: unknown, location: string): SimOfficeError {
  if (error instanceof SimOfficeError) {
    if (!error.debugInfo.errorLocation) error.debugInfo.errorLocation = location;
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  // A plain exception is the host's own bug, not Excel's answer: keep its stack where a developer can find it.
  const failure = officeError(ErrorCodes.generalException, message, location);
  if (error instanceof Error && error.stack) failure.stack = error.stack;
  if (typeof process !== "undefined" && process.env?.SIM_HOST_DEBUG) console.error(error);
  return failure;
}

/** A host object's loaded properties as office.js reads them: PascalCase keys, nested objects, `_Items` for collections. */
function serialize(object: SimObject<any>, all: boolean): Record<string, unknown> | null {
  if (object._isNull === true) return null;
  const out: Record<string, unknown> = {};
  for (const [name, value] of object._loaded) {
    if (name === "items" && Array.isArray(value)) {
      out._Items = value.map((item) => (item instanceof SimObject ? serialize(item, all) : item));
      continue;
    }
    out[resultKey(name)] = value;
  }
  for (const [name, child] of object._children) {
    if (child._loaded.size === 0 && child._children.size === 0) continue;
    const nested = serialize(child, all);
    if (nested && Object.keys(nested).length) out[resultKey(name)] = nested;
  }
  return out;
}
