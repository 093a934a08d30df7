/** Workbook, Application and defined names. */
import { parseBox, sheetAddress, splitSheet } from "./address";
import { SimClientResult, SimCollection, SimObject, defineProps, type PropTable } from "./base";
import { SimRequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import type { NameEntry, SimSheet, SimWorkbook } from "./model";
import { SimRange } from "./range";
import { SimWorksheet, SimWorksheetCollection } from "./worksheet";

export class SimWorkbookObject extends SimObject<SimWorkbook> {
  readonly _className = "Workbook";
  static props: PropTable<SimWorkbook> = {};

  override _navigation() {
    return { worksheets: () => this.worksheets, names: () => this.names, application: () => this.application };
  }

  get worksheets(): SimWorksheetCollection {
    return this._child("worksheets", () => new SimWorksheetCollection(this._ctx, () => this._ctx._host.workbook.sheets));
  }

  get names(): SimNamedItemCollection {
    return this._child("names", () => new SimNamedItemCollection(this._ctx, () => ({ workbook: this._target(), scope: null }), "1.1"));
  }

  get application(): SimApplication {
    return this._child("application", () => new SimApplication(this._ctx, () => this._target()));
  }

  getSelectedRange(): SimRange {
    return new SimRange(this._ctx, () => {
      const sheet = this._target().activeSheet;
      return { sheet, box: sheet.selection };
    });
  }

  getActiveCell(): SimRange {
    this._queue("getActiveCell", "1.7", () => undefined, { writes: false });
    return new SimRange(this._ctx, () => {
      const sheet = this._target().activeSheet;
      return { sheet, box: { r0: sheet.selection.r0, c0: sheet.selection.c0, r1: sheet.selection.r0, c1: sheet.selection.c0 } };
    });
  }
}

SimRequestContext.workbookFactory = (context) => new SimWorkbookObject(context, () => context._host.workbook);

export class SimApplication extends SimObject<SimWorkbook> {
  readonly _className = "Application";
  declare calculationMode: Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual";
  static props: PropTable<SimWorkbook>;
  private static modes = new WeakMap<SimWorkbook, string>();

  static modeOf(workbook: SimWorkbook): string {
    return SimApplication.modes.get(workbook) ?? "Automatic";
  }

  static setMode(workbook: SimWorkbook, mode: string): void {
    SimApplication.modes.set(workbook, mode);
  }

  suspendApiCalculationUntilNextSync(): void {
    this._queue("suspendApiCalculationUntilNextSync", "1.6", () => undefined, { writes: false });
  }

  calculate(_calculationType: string): void {
    this._queue("calculate", "1.1", () => undefined, { writes: false });
  }
}

defineProps<SimWorkbook>(SimApplication, {
  calculationMode: {
    min: "1.1",
    get: (w) => SimApplication.modeOf(w),
    set: (w, value) => {
      if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(value)) throw officeError(ErrorCodes.invalidArgument, `Unknown calculation mode ${value}.`);
      SimApplication.setMode(w, value);
    },
  },
});

interface NamesScope {
  workbook: SimWorkbook;
  scope: SimSheet | null;
}

interface NameRef {
  workbook: SimWorkbook;
  entry: NameEntry;
}

function nameType(formula: string): string {
  const body = formula.replace(/^=/, "").trim();
  if (/^#/.test(body) || /#REF!/.test(body)) return "Error";
  if (/^".*"$/.test(body)) return "String";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (/^[+-]?\d+$/.test(body)) return "Integer";
  if (/^[+-]?\d*\.?\d+(e[+-]?\d+)?$/i.test(body)) return "Double";
  if (/^\{.*\}$/.test(body)) return "Array";
  return "Range";
}

function nameValue(formula: string): unknown {
  const body = formula.replace(/^=/, "").trim();
  const type = nameType(formula);
  if (type === "String") return body.slice(1, -1).replace(/""/g, '"');
  if (type === "Boolean") return /^true$/i.test(body);
  if (type === "Integer" || type === "Double") return Number(body);
  return body;
}

export class SimNamedItemCollection extends SimCollection<NamesScope, SimNamedItem, NameRef> {
  readonly _className = "NamedItemCollection";
  static props: PropTable<NamesScope> = {};

  constructor(context: SimRequestContext, resolver: () => NamesScope, private readonly min: string) {
    super(context, resolver);
  }

  /** @internal */ _members(target: NamesScope): NameRef[] {
    return target.workbook.nameEntries.filter((n) => n.scope === target.scope).map((entry) => ({ workbook: target.workbook, entry }));
  }

  /** @internal */ _itemProxy(member: NameRef): SimNamedItem {
    return new SimNamedItem(this._ctx, () => member);
  }

  private find(target: NamesScope, name: string): NameRef | null {
    const key = name.toLocaleLowerCase();
    const entry = target.workbook.nameEntries.find((n) => n.scope === target.scope && n.name.toLocaleLowerCase() === key);
    return entry ? { workbook: target.workbook, entry } : null;
  }

  add(name: string, reference: SimRange | string, comment?: string): SimNamedItem {
    this._checkContext(reference, "NamedItemCollection.add");
    let created: NameRef | undefined;
    this._queue("add", "1.4", () => {
      const target = this._target();
      let formula: string;
      if (reference instanceof SimRange) {
        const ref = reference._target();
        formula = `=${sheetAddress(ref.sheet.name, ref.box, true)}`;
      } else if (typeof reference === "string" && reference.trim() !== "") {
        formula = reference.startsWith("=") ? reference : `=${reference}`;
        const { sheet } = splitSheet(formula);
        if (sheet !== undefined && /^[^(]*$/.test(sheet) && parseBox(splitSheet(formula).reference) && !target.workbook.findSheet(sheet)) {
          throw officeError(ErrorCodes.invalidArgument, `The reference «${reference}» names a worksheet that does not exist.`);
        }
      } else {
        throw officeError(ErrorCodes.invalidArgument, "A name needs a reference.");
      }
      if (comment !== undefined && comment.length > 255) throw officeError(ErrorCodes.invalidArgument, "A name's comment can be at most 255 characters.");
      const entry = target.workbook.addName(name, formula, comment ?? "", target.scope);
      created = { workbook: target.workbook, entry };
    });
    return new SimNamedItem(this._ctx, () => {
      if (!created) throw officeError(ErrorCodes.invalidObjectPath, "The name was not added.");
      return created;
    });
  }

  getItem(name: string): SimNamedItem {
    const item = new SimNamedItem(this._ctx, () => {
      const found = this.find(this._target(), name);
      if (!found) throw officeError(ErrorCodes.itemNotFound, `There is no name «${name}».`, "NamedItemCollection.getItem");
      return found;
    });
    if (this.min !== "1.1") this._queue("getItem", this.min, () => undefined, { writes: false });
    return item;
  }

  getItemOrNullObject(name: string): SimNamedItem {
    const item = new SimNamedItem(this._ctx, () => this.find(this._target(), name), true);
    item._instantiate("getItemOrNullObject", "1.4");
    return item;
  }

  getCount(): SimClientResult<number> {
    return this._result("getCount", "1.4", () => this._members(this._target()).length);
  }
}

function liveName(ref: NameRef): NameRef {
  if (!ref.workbook.nameEntries.includes(ref.entry)) throw officeError(ErrorCodes.itemNotFound, `The name «${ref.entry.name}» was deleted.`);
  return ref;
}

export class SimNamedItem extends SimObject<NameRef> implements Pick<Excel.NamedItem, "name" | "formula" | "comment" | "visible" | "value"> {
  readonly _className = "NamedItem";
  declare readonly name: string;
  declare formula: any;
  declare comment: string;
  declare visible: boolean;
  declare readonly type: Excel.NamedItemType | "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array";
  declare readonly value: any;
  declare readonly scope: Excel.NamedItemScope | "Worksheet" | "Workbook";
  static props: PropTable<NameRef>;

  constructor(context: SimRequestContext, resolver: () => NameRef | null, nullable = false) {
    super(context, () => {
      const ref = resolver();
      return ref ? liveName(ref) : null;
    }, nullable);
  }

  getRange(): SimRange {
    return new SimRange(this._ctx, () => {
      const { workbook, entry } = this._target();
      const resolved = workbook.resolveReference(entry.formula, entry.scope ?? undefined);
      if (!resolved) throw officeError(ErrorCodes.invalidOperation, `The name «${entry.name}» does not refer to a range.`, "NamedItem.getRange");
      return resolved;
    });
  }

  getRangeOrNullObject(): SimRange {
    const range = new SimRange(this._ctx, () => {
      const { workbook, entry } = this._target();
      return workbook.resolveReference(entry.formula, entry.scope ?? undefined);
    }, true);
    range._instantiate("getRangeOrNullObject", "1.4");
    return range;
  }

  get worksheet(): SimWorksheet {
    return new SimWorksheet(this._ctx, () => {
      const { entry } = this._target();
      if (!entry.scope) throw officeError(ErrorCodes.itemNotFound, "The name is scoped to the workbook.");
      return entry.scope;
    });
  }

  delete(): void {
    this._queue("delete", "1.4", () => {
      const { workbook, entry } = this._target();
      workbook.nameEntries = workbook.nameEntries.filter((n) => n !== entry);
    });
  }
}

defineProps<NameRef>(SimNamedItem, {
  name: { min: "1.1", get: (r) => r.entry.name },
  formula: {
    min: "1.7",
    get: (r) => r.entry.formula,
    set: (r, value) => {
      if (typeof value !== "string" || !value.trim()) throw officeError(ErrorCodes.invalidArgument, "A name's formula cannot be empty.");
      r.entry.formula = value.startsWith("=") ? value : `=${value}`;
    },
  },
  comment: {
    min: "1.4",
    get: (r) => r.entry.comment,
    set: (r, value) => {
      const text = String(value ?? "");
      if (text.length > 255) throw officeError(ErrorCodes.invalidArgument, "A name's comment can be at most 255 characters.");
      r.entry.comment = text;
    },
  },
  visible: { min: "1.1", get: (r) => r.entry.visible, set: (r, value) => (r.entry.visible = Boolean(value)) },
  type: { min: "1.1", get: (r) => nameType(r.entry.formula) },
  value: { min: "1.1", get: (r) => nameValue(r.entry.formula) },
  scope: { min: "1.4", get: (r) => (r.entry.scope ? "Worksheet" : "Workbook") },
});
