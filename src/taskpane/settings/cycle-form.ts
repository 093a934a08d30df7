/**
 * The cycle's settings as the pane edits them (pure): the production calendar's extra days and the documents' templates.
 * They live as extra pairs of the settings block (`Settings.otherPairs`); the form edits their raw text and writes each
 * under its canonical title, leaving every other pair as it was.
 */
import { anyDateToIso, cycleFieldOfKey, cycleFieldTitle, type CycleField } from "../../core/cycle-settings";
import { checkTemplate, type TemplateKind } from "../../core/documents/templates";
import { cleanText } from "../../core/text";

export const CYCLE_FORM_FIELDS = ["nonWorking", "working", "notice", "reply", "order", "publicationPlace"] as const;
export type CycleFormField = (typeof CYCLE_FORM_FIELDS)[number];
export type CycleForm = Record<CycleFormField, string>;

const TEMPLATE_FIELDS: readonly TemplateKind[] = ["notice", "reply", "order"];

export function cycleFormOf(pairs: readonly (readonly [string, string])[] = []): CycleForm {
  const form: CycleForm = { nonWorking: "", working: "", notice: "", reply: "", order: "", publicationPlace: "" };
  for (const [key, value] of pairs) {
    const field = cycleFieldOfKey(key);
    if (field && field !== "confirmedYears") form[field] = String(value ?? "").replace(/\r\n?/g, "\n");
  }
  return form;
}

/** The pairs with the form's values: an edited field replaces every pair that stood for it; an empty one is removed. */
export function pairsWithCycleForm(pairs: readonly (readonly [string, string])[], form: CycleForm): [string, string][] {
  const edited = new Set<CycleField>(CYCLE_FORM_FIELDS);
  const kept = pairs.filter(([key]) => {
    const field = cycleFieldOfKey(key);
    return field === null || !edited.has(field);
  });
  const result: [string, string][] = kept.map(([key, value]) => [key, value]);
  for (const field of CYCLE_FORM_FIELDS) {
    const value = TEMPLATE_FIELDS.includes(field as TemplateKind) ? form[field].replace(/\s+$/, "") : cleanText(form[field]);
    if (value.trim() !== "") result.push([cycleFieldTitle(field), value]);
  }
  return result;
}

function splitDates(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map(cleanText)
    .filter((item) => item !== "");
}

/** One Russian message per field that cannot be saved. */
export function cycleFormProblems(form: CycleForm): Partial<Record<CycleFormField, string>> {
  const problems: Partial<Record<CycleFormField, string>> = {};
  for (const field of ["nonWorking", "working"] as const) {
    const bad = splitDates(form[field]).filter((item) => anyDateToIso(item) === null);
    if (bad.length) problems[field] = `Не даты: ${bad.map((item) => `«${item}»`).join(", ")}. Укажите даты в виде ДД.ММ.ГГГГ через «;».`;
  }
  const nonWorking = new Set(splitDates(form.nonWorking).map(anyDateToIso));
  const both = splitDates(form.working).filter((item) => nonWorking.has(anyDateToIso(item)));
  if (both.length && !problems.working) problems.working = `Дата ${both[0]} указана и как рабочая, и как нерабочая: оставьте ее в одном списке.`;
  for (const kind of TEMPLATE_FIELDS) {
    const found = checkTemplate(kind, form[kind]);
    if (found.length) problems[kind] = `${found[0][0].toUpperCase()}${found[0].slice(1)}.`;
  }
  return problems;
}
