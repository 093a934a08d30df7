/** Excel.DataValidation as the host applies it: rules checked when set (list sources, formulas, limits), prompts and alerts. */
import { contains, parseBox, sheetAddress } from "./address";
import { SimObject, defineProps } from "./base";
import { ErrorCodes, officeError } from "./errors";
import { MAX_INLINE_LIST, type ValidationEntry, type ValidationRule } from "./model";
import { checkFormula } from "./formula";
import { type RangeRef, SimRange } from "./range";
import { oneOf } from "./range-format";


// ---- data validation ---------------------------------------------------------------------------------------------

const RULE_TYPES: Record<string, string> = { list: "List", wholeNumber: "WholeNumber", decimal: "Decimal", textLength: "TextLength", date: "Date", time: "Time", custom: "Custom" };
const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

/** Checks a rule as Excel does when it is set, and normalises list sources. */
function normalizeRule(rule: unknown, ref: RangeRef): ValidationRule {
  if (!rule || typeof rule !== "object") throw officeError(ErrorCodes.invalidArgument, "A data validation rule must be an object.");
  const kinds = Object.entries(rule as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (kinds.length !== 1 || !(kinds[0][0] in RULE_TYPES)) {
    throw officeError(ErrorCodes.invalidArgument, `A data validation rule needs exactly one of ${Object.keys(RULE_TYPES).join(", ")}.`);
  }
  const [kind, body] = kinds[0] as [keyof ValidationRule, Record<string, unknown>];
  if (kind === "list") {
    let source = body.source;
    if (source instanceof SimRange) {
      const target = source._target();
      source = `=${sheetAddress(target.sheet.name, target.box, true)}`;
    }
    if (typeof source !== "string" || source.trim() === "") throw officeError(ErrorCodes.invalidArgument, "A list validation needs a source.");
    if (source.startsWith("=")) {
      checkFormula(source, "DataValidation.rule");
      const name = source.slice(1).trim();
      // A bare name must exist when the rule is set; formulas (OFFSET, INDEX…) are taken as they are.
      if (/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && !parseBox(name) && !ref.sheet.workbook.findName(name, ref.sheet)) {
        throw officeError(ErrorCodes.invalidArgument, `The list source refers to «${name}», which is not a defined name.`);
      }
    } else if (source.length > MAX_INLINE_LIST) {
      throw officeError(ErrorCodes.invalidArgument, `An inline list source can be at most ${MAX_INLINE_LIST} characters; this one has ${source.length}. Put the list on a sheet and refer to it.`);
    }
    return { list: { inCellDropDown: body.inCellDropDown === undefined ? true : Boolean(body.inCellDropDown), source } };
  }
  if (kind === "custom") {
    if (typeof body.formula !== "string" || !body.formula) throw officeError(ErrorCodes.invalidArgument, "A custom validation needs a formula.");
    checkFormula(body.formula.startsWith("=") ? body.formula : `=${body.formula}`, "DataValidation.rule");
    return { custom: { formula: body.formula } };
  }
  if (body.formula1 === undefined || body.formula1 === null || body.formula1 === "") throw officeError(ErrorCodes.invalidArgument, `A ${kind} validation needs formula1.`);
  const operator = oneOf(body.operator, OPERATORS, "operator");
  if ((operator === "Between" || operator === "NotBetween") && (body.formula2 === undefined || body.formula2 === null)) {
    throw officeError(ErrorCodes.invalidArgument, `Operator ${operator} needs formula2.`);
  }
  return { [kind]: { formula1: body.formula1 as string | number, formula2: body.formula2 as string | number | undefined, operator } } as ValidationRule;
}

function validationView(ref: RangeRef): ValidationEntry | null | "mixed" {
  const entries = ref.sheet.validationsIn(ref.box);
  if (entries.length === 0) return null;
  if (entries.length === 1 && entries[0].boxes.some((b) => contains(b, ref.box))) return entries[0];
  return "mixed";
}

export class SimDataValidation extends SimObject<RangeRef> implements Pick<Excel.DataValidation, "type" | "ignoreBlanks" | "valid"> {
  readonly _className = "DataValidation";
  declare readonly type: Excel.DataValidationType | "None" | "WholeNumber" | "Decimal" | "List" | "Date" | "Time" | "TextLength" | "Custom" | "Inconsistent" | "MixedCriteria";
  declare rule: Excel.DataValidationRule;
  declare errorAlert: Excel.DataValidationErrorAlert;
  declare prompt: Excel.DataValidationPrompt;
  declare ignoreBlanks: boolean;
  declare readonly valid: boolean;
  static props: import("./base").PropTable<RangeRef>;

  clear(): void {
    this._queue("clear", "1.8", () => {
      const ref = this._target();
      ref.sheet.clearValidation(ref.box);
    });
  }

  getInvalidCellsOrNullObject(): never {
    throw officeError(ErrorCodes.notImplemented, "getInvalidCellsOrNullObject is not simulated.");
  }
}

function textLimit(value: unknown, limit: number, what: string): string {
  const text = value === undefined || value === null ? "" : String(value);
  if (text.length > limit) throw officeError(ErrorCodes.invalidArgument, `The ${what} can be at most ${limit} characters; got ${text.length}.`);
  return text;
}

defineProps<RangeRef>(SimDataValidation, {
  type: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      if (view === null) return "None";
      if (view === "mixed") return "Inconsistent";
      const kind = Object.keys(view.rule)[0];
      return kind ? RULE_TYPES[kind] : "None";
    },
  },
  rule: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      return view && view !== "mixed" ? JSON.parse(JSON.stringify(view.rule)) : {};
    },
    set: (ref, value) => {
      const rule = normalizeRule(value, ref);
      ref.sheet.validationFor(ref.box).rule = rule;
    },
  },
  errorAlert: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      return view && view !== "mixed" ? { ...view.errorAlert } : { showAlert: true, style: "Stop", title: "", message: "" };
    },
    set: (ref, value: Partial<Excel.DataValidationErrorAlert>) => {
      const entry = ref.sheet.validationFor(ref.box);
      const next = { ...entry.errorAlert };
      if (value.showAlert !== undefined) next.showAlert = Boolean(value.showAlert);
      if (value.style !== undefined) next.style = oneOf(value.style, ["Stop", "Warning", "Information"], "errorAlert.style");
      if (value.title !== undefined) next.title = textLimit(value.title, 32, "error alert title");
      if (value.message !== undefined) next.message = textLimit(value.message, 225, "error alert message");
      entry.errorAlert = next;
    },
  },
  prompt: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      return view && view !== "mixed" ? { ...view.prompt } : { showPrompt: false, title: "", message: "" };
    },
    set: (ref, value: Partial<Excel.DataValidationPrompt>) => {
      const entry = ref.sheet.validationFor(ref.box);
      const next = { ...entry.prompt };
      if (value.showPrompt !== undefined) next.showPrompt = Boolean(value.showPrompt);
      if (value.title !== undefined) next.title = textLimit(value.title, 32, "prompt title");
      if (value.message !== undefined) next.message = textLimit(value.message, 255, "prompt message");
      entry.prompt = next;
    },
  },
  ignoreBlanks: {
    min: "1.8",
    get: (ref) => {
      const view = validationView(ref);
      return view && view !== "mixed" ? view.ignoreBlanks : true;
    },
    set: (ref, value) => {
      ref.sheet.validationFor(ref.box).ignoreBlanks = Boolean(value);
    },
  },
  valid: { min: "1.8", get: () => true },
});
