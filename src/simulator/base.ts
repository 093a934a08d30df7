/**
 * The proxy base class: load/sync semantics shared by every simulated Excel object.
 * A proxy knows how to find its model object (resolved at sync, in order with the other actions);
 * scalar properties come from a table, so getters throw PropertyNotLoaded until loaded and synced,
 * and setters queue an action (and, as in office.js, keep the value locally).
 */
import { compareApiVersions } from "../excel-facts/api-version";
import { type Action, SimRequestContext, type Transaction, jsonBytes } from "./context";
import { ErrorCodes, officeError } from "./errors";

export interface PropDef<T> {
  /** Minimum ExcelApi version. */
  min: string;
  get(target: T, tx: Transaction, location: string): unknown;
  set?(target: T, value: any, tx: Transaction, location: string): void;
}

export type PropTable<T> = Record<string, PropDef<T>>;

/** Turns any `load()` argument into property paths ("format/font/bold"); `null` means every scalar property. */
export function loadPaths(option: unknown): string[] | null {
  if (option === undefined || option === null) return null;
  if (typeof option === "string") return option.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((p) => loadPaths(p) ?? []);
  if (typeof option === "object") {
    const record = option as Record<string, unknown>;
    if ("select" in record || "expand" in record) {
      return [...(loadPaths(record.select) ?? []), ...(loadPaths(record.expand) ?? [])];
    }
    const paths: string[] = [];
    for (const [key, value] of Object.entries(record)) {
      if (key === "$all") continue;
      if (value === true) paths.push(key);
      else if (value && typeof value === "object") {
        const nested = loadPaths(value);
        if (nested === null || nested.length === 0) paths.push(key);
        else paths.push(...nested.map((p) => `${key}/${p}`));
      }
    }
    return paths;
  }
  return [];
}

export class SimClientResult<T> {
  /** @internal */ _value: T | undefined;
  /** @internal */ _loaded = false;

  get value(): T {
    if (!this._loaded) throw officeError(ErrorCodes.valueNotLoaded);
    return this._value as T;
  }

  toJSON(): unknown {
    return this._loaded ? { value: this._value } : {};
  }
}

export abstract class SimObject<T = unknown> {
  /** @internal */ readonly _ctx: SimRequestContext;
  /** @internal */ readonly _loaded = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ readonly _nullable: boolean;
  private readonly _resolver: () => T | null;
  private _resolved: { value: T | null } | undefined;
  /** @internal */ readonly _children = new Map<string, SimObject<any>>();

  abstract readonly _className: string;

  constructor(context: SimRequestContext, resolver: () => T | null, nullable = false) {
    this._ctx = context;
    this._resolver = resolver;
    this._nullable = nullable;
  }

  get context(): Excel.RequestContext {
    return this._ctx as unknown as Excel.RequestContext;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw officeError(ErrorCodes.propertyNotLoaded, `Read "isNullObject" of ${this._className} after context.sync().`);
    return this._isNull;
  }

  /** @internal The model object, or null for a null object. */
  _targetOrNull(): T | null {
    if (!this._resolved) {
      const value = this._resolver();
      this._resolved = { value };
    }
    return this._resolved.value;
  }

  /** @internal The model object; a null object cannot be acted on. */
  _target(): T {
    const target = this._targetOrNull();
    if (target === null) throw officeError(ErrorCodes.itemNotFound, `The ${this._className} is a null object.`);
    return target;
  }

  /** @internal Binds an already known model object (items of a loaded collection). */
  _bind(target: T): this {
    this._resolved = { value: target };
    this._isNull = false;
    return this;
  }

  /** @internal */
  _child<C extends SimObject<any>>(key: string, make: () => C): C {
    let child = this._children.get(key) as C | undefined;
    if (!child) {
      child = make();
      this._children.set(key, child);
    }
    return child;
  }

  /** @internal */
  _props(): PropTable<T> {
    return (this.constructor as unknown as { props: PropTable<T> }).props ?? {};
  }

  /** @internal Names of navigation properties that `load("nav/prop")` may descend into. */
  _navigation(): Record<string, () => SimObject<any>> {
    return {};
  }

  /** @internal */
  _checkContext(other: unknown, location: string): void {
    if (other instanceof SimObject && other._ctx !== this._ctx) {
      throw officeError(ErrorCodes.invalidRequestContext, "The object comes from a different request context (another Excel.run).", location);
    }
  }

  /** @internal Queues a method call. */
  _queue(location: string, min: string, run: (tx: Transaction) => void, options: { bytes?: number; writes?: boolean } = {}): void {
    const action: Action = { location: `${this._className}.${location}`, min, bytes: options.bytes ?? 0, writes: options.writes ?? true, run };
    this._ctx._enqueue(action);
  }

  /** @internal Queues an action that fills a ClientResult. */
  _result<R>(location: string, min: string, compute: (tx: Transaction) => R): SimClientResult<R> {
    const result = new SimClientResult<R>();
    this._queue(
      location,
      min,
      (tx) => {
        const value = compute(tx);
        tx.commits.push(() => {
          result._value = value;
          result._loaded = true;
        });
      },
      { writes: false },
    );
    return result;
  }

  /** @internal For *OrNullObject proxies: learn at sync whether the object exists. */
  _instantiate(location: string, min: string): void {
    this._queue(
      location,
      min,
      (tx) => {
        const isNull = this._targetOrNull() === null;
        tx.commits.push(() => (this._isNull = isNull));
      },
      { writes: false },
    );
  }

  /** @internal */
  _read(name: string): any {
    if (!this._loaded.has(name)) {
      throw officeError(
        ErrorCodes.propertyNotLoaded,
        `Property "${name}" of ${this._className} was not loaded: call ${this._className.charAt(0).toLowerCase()}…load("${name}") and await context.sync() first.`,
        `${this._className}.${name}`,
      );
    }
    return this._loaded.get(name);
  }

  /** @internal */
  _write(name: string, value: unknown): void {
    const def = this._props()[name];
    if (!def?.set) throw new TypeError(`Cannot set property ${name} of ${this._className} which has only a getter`);
    this._loaded.set(name, value);
    const location = `${this._className}.${name}`;
    this._queue(name, def.min, (tx) => def.set!(this._target(), value, tx, location), { bytes: jsonBytes(value) });
  }

  load(option?: unknown): this {
    const paths = loadPaths(option);
    const props = this._props();
    const navigation = this._navigation();
    const scalars: string[] = [];
    const nested = new Map<string, string[]>();
    const unknown: string[] = [];
    for (const path of paths ?? Object.keys(props)) {
      const [head, ...rest] = path.split("/");
      if (head === "isNullObject" || head === "") continue;
      if (rest.length === 0 && head in props) scalars.push(head);
      else if (head in navigation) {
        const list = nested.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        nested.set(head, list);
      } else unknown.push(head);
    }
    if (scalars.length || unknown.length) this._queueLoad(scalars, unknown);
    for (const [head, rest] of nested) navigation[head]().load(rest.length ? rest : undefined);
    return this;
  }

  /** @internal */
  _queueLoad(scalars: string[], unknown: string[]): void {
    const props = this._props();
    const min = scalars.reduce((acc, name) => (props[name].min > acc ? props[name].min : acc), "1.1");
    this._queue(
      `load(${[...scalars, ...unknown].join(",")})`,
      min,
      (tx) => {
        if (unknown.length) throw officeError(ErrorCodes.invalidArgument, `${this._className} has no property "${unknown[0]}".`);
        const target = this._targetOrNull();
        const values: [string, unknown][] = scalars.map((name) => [name, target === null ? null : props[name].get(target, tx, `${this._className}.${name}`)]);
        tx.commits.push(() => {
          for (const [name, value] of values) this._loaded.set(name, value);
          if (this._nullable) this._isNull = target === null;
        });
      },
      { writes: false },
    );
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** Installs table-driven accessors on a proxy class's prototype. */
export function defineProps<T>(cls: { prototype: object; props?: PropTable<T> }, props: PropTable<T>): void {
  cls.props = props;
  for (const [name, def] of Object.entries(props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: SimObject<T>) {
        return this._read(name);
      },
      ...(def.set
        ? {
            set(this: SimObject<T>, value: unknown) {
              this._write(name, value);
            },
          }
        : {}),
    });
  }
}

/** A collection proxy: `items` loads the members with the requested scalar properties. */
export abstract class SimCollection<T, I extends SimObject<M>, M> extends SimObject<T> {
  /** @internal */ abstract _members(target: T): M[];
  /** @internal */ abstract _itemProxy(member: M): I;

  get items(): I[] {
    return this._read("items");
  }

  override load(option?: unknown): this {
    const paths = loadPaths(option);
    const itemPaths: string[] = [];
    const own = this._props();
    const ownScalars: string[] = [];
    for (const path of paths ?? []) {
      const [head, ...rest] = path.split("/");
      if (head === "items") itemPaths.push(...(rest.length ? [rest.join("/")] : []));
      else if (head in own) ownScalars.push(head);
      else itemPaths.push(path);
    }
    if (ownScalars.length) this._queueLoad(ownScalars, []);
    this._queue(
      "load(items)",
      "1.1",
      (tx) => {
        const members = this._members(this._target());
        const proxies = members.map((m) => this._itemProxy(m)._bind(m));
        tx.commits.push(() => this._loaded.set("items", proxies));
        // Load the members' properties inside the same request.
        for (const proxy of proxies) {
          const before = this._ctx._actions.length;
          proxy.load(itemPaths.length ? itemPaths : undefined);
          const queued = this._ctx._actions.splice(before);
          for (const action of queued) {
            if (compareApiVersions(this._ctx._host.apiVersion, action.min) < 0) {
              throw officeError(ErrorCodes.apiNotFound, `${action.location} needs ExcelApi ${action.min}; this Excel supports ${this._ctx._host.apiVersion}.`);
            }
            action.run(tx);
          }
        }
      },
      { writes: false },
    );
    return this;
  }
}
