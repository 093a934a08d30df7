/** Excel.ConditionalFormat as the host applies it: custom rules (formulas checked), their fill and font. */
import { SimClientResult, SimCollection, SimObject, defineProps } from "./base";
import { type Transaction } from "./context";
import { ErrorCodes, officeError } from "./errors";
import { type ConditionalFormatEntry, type SimSheet } from "./model";
import { checkFormula } from "./formula";
import { type RangeRef, SimRange } from "./range";
import { normalizeColor, oneOf } from "./range-format";


// ---- conditional formats -------------------------------------------------------------------------------------------

const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
let conditionalFormatIds = 1;

interface CfRef {
  sheet: SimSheet;
  entry: ConditionalFormatEntry;
}

function liveEntry(ref: CfRef): CfRef {
  if (!ref.sheet.conditionalFormatEntries.includes(ref.entry)) throw officeError(ErrorCodes.itemNotFound, "The conditional format was deleted.");
  return ref;
}

export class SimConditionalFormatCollection extends SimCollection<RangeRef, SimConditionalFormat, CfRef> {
  readonly _className = "ConditionalFormatCollection";
  static props: import("./base").PropTable<RangeRef> = {};

  add(type: Excel.ConditionalFormatType | string): SimConditionalFormat {
    let created: CfRef | undefined;
    this._queue("add", "1.6", () => {
      const { sheet, box } = this._target();
      const kind = oneOf(type, CF_TYPES, "ConditionalFormatType");
      const entry: ConditionalFormatEntry = { id: String(conditionalFormatIds++), boxes: [box], type: kind, formula: "", fill: null, fontColor: null, bold: null, italic: null, stopIfTrue: false };
      // A new rule is placed first (priority 0), as Excel does.
      sheet.conditionalFormatEntries.unshift(entry);
      created = { sheet, entry };
    });
    return new SimConditionalFormat(this._ctx, () => {
      if (!created) throw officeError(ErrorCodes.invalidObjectPath, "The conditional format was not created.");
      return liveEntry(created);
    });
  }

  getCount(): SimClientResult<number> {
    return this._result("getCount", "1.6", () => {
      const { sheet, box } = this._target();
      return sheet.conditionalFormatsIn(box).length;
    });
  }

  clearAll(): void {
    this._queue("clearAll", "1.6", () => {
      const { sheet, box } = this._target();
      sheet.clearConditionalFormats(box);
    });
  }

  getItemAt(index: number): SimConditionalFormat {
    return new SimConditionalFormat(this._ctx, () => {
      const { sheet, box } = this._target();
      const entry = sheet.conditionalFormatsIn(box)[index];
      if (!entry) throw officeError(ErrorCodes.itemNotFound, `No conditional format at index ${index}.`);
      return { sheet, entry };
    });
  }

  getItem(id: string): SimConditionalFormat {
    return new SimConditionalFormat(this._ctx, () => {
      const { sheet } = this._target();
      const entry = sheet.conditionalFormatEntries.find((e) => e.id === id);
      if (!entry) throw officeError(ErrorCodes.itemNotFound, `No conditional format with id ${id}.`);
      return { sheet, entry };
    });
  }

  /** @internal */ _members(target: RangeRef): CfRef[] {
    return target.sheet.conditionalFormatsIn(target.box).map((entry) => ({ sheet: target.sheet, entry }));
  }

  /** @internal */ _itemProxy(member: CfRef): SimConditionalFormat {
    return new SimConditionalFormat(this._ctx, () => member);
  }
}

export class SimConditionalFormat extends SimObject<CfRef> implements Pick<Excel.ConditionalFormat, "id" | "priority" | "stopIfTrue" | "type"> {
  readonly _className = "ConditionalFormat";
  declare readonly id: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  declare readonly type: Excel.ConditionalFormatType | "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue";
  static props: import("./base").PropTable<CfRef>;

  override _navigation() {
    return { custom: () => this.custom };
  }

  get custom(): SimCustomConditionalFormat {
    return this._child("custom", () =>
      new SimCustomConditionalFormat(this._ctx, () => {
        const ref = this._target();
        if (ref.entry.type !== "Custom") throw officeError(ErrorCodes.invalidOperation, `The conditional format is of type ${ref.entry.type}, not Custom.`);
        return ref;
      }),
    );
  }

  getRange(): SimRange {
    const range = new SimRange(this._ctx, () => {
      const { sheet, entry } = this._target();
      if (entry.boxes.length !== 1) throw officeError(ErrorCodes.invalidOperation, "The conditional format applies to several areas; use getRanges().");
      return { sheet, box: entry.boxes[0] };
    });
    this._queue("getRange", "1.6", () => undefined, { writes: false });
    return range;
  }

  getRangeOrNullObject(): SimRange {
    const range = new SimRange(this._ctx, () => {
      const { sheet, entry } = this._target();
      return entry.boxes.length === 1 ? { sheet, box: entry.boxes[0] } : null;
    }, true);
    range._instantiate("getRangeOrNullObject", "1.6");
    return range;
  }

  delete(): void {
    this._queue("delete", "1.6", () => {
      const { sheet, entry } = this._target();
      sheet.conditionalFormatEntries = sheet.conditionalFormatEntries.filter((e) => e !== entry);
    });
  }
}

defineProps<CfRef>(SimConditionalFormat, {
  id: { min: "1.6", get: (ref) => ref.entry.id },
  type: { min: "1.6", get: (ref) => ref.entry.type },
  priority: {
    min: "1.6",
    get: (ref) => ref.sheet.conditionalFormatEntries.indexOf(ref.entry),
    set: (ref, value) => {
      const list = ref.sheet.conditionalFormatEntries.filter((e) => e !== ref.entry);
      list.splice(Math.max(0, Math.min(list.length, Number(value))), 0, ref.entry);
      ref.sheet.conditionalFormatEntries = list;
    },
  },
  stopIfTrue: { min: "1.6", get: (ref) => ref.entry.stopIfTrue, set: (ref, value) => (ref.entry.stopIfTrue = Boolean(value)) },
});

export class SimCustomConditionalFormat extends SimObject<CfRef> {
  readonly _className = "CustomConditionalFormat";
  static props: import("./base").PropTable<CfRef> = {};

  override _navigation() {
    return { rule: () => this.rule, format: () => this.format };
  }

  get rule(): SimConditionalFormatRule {
    return this._child("rule", () => new SimConditionalFormatRule(this._ctx, () => this._target()));
  }

  get format(): SimConditionalRangeFormat {
    return this._child("format", () => new SimConditionalRangeFormat(this._ctx, () => this._target()));
  }
}

export class SimConditionalFormatRule extends SimObject<CfRef> implements Pick<Excel.ConditionalFormatRule, "formula" | "formulaLocal"> {
  readonly _className = "ConditionalFormatRule";
  declare formula: string;
  declare formulaLocal: string;
  static props: import("./base").PropTable<CfRef>;
}

function setCfFormula(ref: CfRef, value: unknown, _tx: Transaction, location: string): void {
  if (typeof value !== "string" || value.trim() === "" || value.trim() === "=") throw officeError(ErrorCodes.invalidArgument, "A conditional format needs a formula.");
  const formula = value.startsWith("=") ? value : `=${value}`;
  checkFormula(formula, location);
  ref.entry.formula = formula;
}

defineProps<CfRef>(SimConditionalFormatRule, {
  formula: { min: "1.6", get: (ref) => ref.entry.formula, set: setCfFormula },
  formulaLocal: { min: "1.6", get: (ref) => ref.entry.formula, set: setCfFormula },
});

export class SimConditionalRangeFormat extends SimObject<CfRef> {
  readonly _className = "ConditionalRangeFormat";
  static props: import("./base").PropTable<CfRef> = {};

  override _navigation() {
    return { fill: () => this.fill, font: () => this.font };
  }

  get fill(): SimConditionalFill {
    return this._child("fill", () => new SimConditionalFill(this._ctx, () => this._target()));
  }

  get font(): SimConditionalFont {
    return this._child("font", () => new SimConditionalFont(this._ctx, () => this._target()));
  }
}

export class SimConditionalFill extends SimObject<CfRef> implements Pick<Excel.ConditionalRangeFill, "color"> {
  readonly _className = "ConditionalRangeFill";
  declare color: string;
  static props: import("./base").PropTable<CfRef>;

  clear(): void {
    this._queue("clear", "1.6", () => (this._target().entry.fill = null));
  }
}

defineProps<CfRef>(SimConditionalFill, {
  color: { min: "1.6", get: (ref) => ref.entry.fill, set: (ref, value) => (ref.entry.fill = normalizeColor(value)) },
});

export class SimConditionalFont extends SimObject<CfRef> implements Pick<Excel.ConditionalRangeFont, "color" | "bold" | "italic"> {
  readonly _className = "ConditionalRangeFont";
  declare color: string;
  declare bold: boolean;
  declare italic: boolean;
  static props: import("./base").PropTable<CfRef>;

  clear(): void {
    this._queue("clear", "1.6", () => Object.assign(this._target().entry, { fontColor: null, bold: null, italic: null }));
  }
}

defineProps<CfRef>(SimConditionalFont, {
  color: { min: "1.6", get: (ref) => ref.entry.fontColor, set: (ref, value) => (ref.entry.fontColor = normalizeColor(value)) },
  bold: { min: "1.6", get: (ref) => ref.entry.bold, set: (ref, value) => (ref.entry.bold = Boolean(value)) },
  italic: { min: "1.6", get: (ref) => ref.entry.italic, set: (ref, value) => (ref.entry.italic = Boolean(value)) },
});
