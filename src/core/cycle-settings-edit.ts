/**
 * Editing the cycle's settings (the calendar's extra days, the documents' templates) in the pane: each value is checked
 * first — dates as ДД.ММ.ГГГГ, years as four digits, placeholders known to the template — and only then turned into cell
 * writes of the «Параметр | Значение» block, in place for a parameter that exists, appended below it otherwise, so every
 * other pair (the register's own settings included) stays as it is.
 */
import type { SheetText } from "./register-types";
import { findSettingsBlock } from "./settings";
import { anyDateToIso, calendarFieldOfKey, CALENDAR_SETTING_TITLES, DOCUMENT_SETTING_TITLES } from "./cycle-settings";
import { checkTemplate, type TemplateKind } from "./documents/templates";
import { cleanText, matchKey } from "./text";

export type CycleField = keyof typeof CALENDAR_SETTING_TITLES | keyof typeof DOCUMENT_SETTING_TITLES;

const TITLES: Record<CycleField, string> = { ...CALENDAR_SETTING_TITLES, ...DOCUMENT_SETTING_TITLES };

export interface CycleCellWrite {
  field: CycleField;
  /** 0-based sheet row and column. */
  row: number;
  column: number;
  values: [string] | [string, string];
}

function items(text: string): string[] {
  return text
    .split(/[;\n\r]/)
    .map(cleanText)
    .filter((item) => item !== "");
}

/** The dates typed in one field, as ДД.ММ.ГГГГ separated by «; », and a plain Russian message per item that is not a date. */
export function normalizeDateList(text: string): { value: string; problems: string[] } {
  const dates: string[] = [];
  const problems: string[] = [];
  for (const item of items(text)) {
    const iso = anyDateToIso(item);
    if (!iso) {
      problems.push(`«${item}» — не дата. Пишите даты так: 04.11.2027; несколько дат — через «;».`);
      continue;
    }
    const [year, month, day] = iso.split("-");
    const ru = `${day}.${month}.${year}`;
    if (!dates.includes(ru)) dates.push(ru);
  }
  dates.sort((a, b) => a.split(".").reverse().join("").localeCompare(b.split(".").reverse().join("")));
  return { value: dates.join("; "), problems };
}

/** Years typed in «Годы календаря, сверенные вручную». */
export function normalizeYearList(text: string): { value: string; problems: string[] } {
  const years: number[] = [];
  const problems: string[] = [];
  for (const item of items(text)) {
    const year = /^\d{4}$/.test(item) ? Number(item) : NaN;
    if (Number.isInteger(year) && year >= 1991 && year <= 2100) {
      if (!years.includes(year)) years.push(year);
    } else problems.push(`«${item}» — не год. Укажите год четырьмя цифрами, например 2027.`);
  }
  return { value: years.sort((a, b) => a - b).join("; "), problems };
}

const TEMPLATE_KIND: Partial<Record<CycleField, TemplateKind>> = { notice: "notice", reply: "reply", order: "order" };

/** Checks one field's value; the value to store (normalized) or the problems to show at the field. */
export function checkCycleField(field: CycleField, text: string): { value: string; problems: string[] } {
  if (field === "nonWorking" || field === "working") return normalizeDateList(text);
  if (field === "confirmedYears") return normalizeYearList(text);
  const kind = TEMPLATE_KIND[field];
  const value = text.replace(/\r\n?/g, "\n").trim();
  if (!kind || value === "") return { value: field === "publicationPlace" ? cleanText(value) : value, problems: [] };
  return { value, problems: checkTemplate(kind, value).map((problem) => `В шаблоне ${problem}.`) };
}

/** The values the sheet holds now, one text per field ("" when absent). */
export function cycleFieldValues(sheet: SheetText | null | undefined): Record<CycleField, string> {
  const values = Object.fromEntries((Object.keys(TITLES) as CycleField[]).map((field) => [field, ""])) as Record<CycleField, string>;
  const block = sheet ? findSettingsBlock(sheet) : null;
  for (const pair of block?.pairs ?? []) {
    const field = fieldOfKey(pair.key);
    if (field) values[field] = String(pair.value ?? "");
  }
  return values;
}

function fieldOfKey(key: string): CycleField | null {
  const calendar = calendarFieldOfKey(key);
  if (calendar) return calendar;
  for (const field of Object.keys(DOCUMENT_SETTING_TITLES) as (keyof typeof DOCUMENT_SETTING_TITLES)[]) {
    if (matchKey(DOCUMENT_SETTING_TITLES[field]) === matchKey(key)) return field;
  }
  return null;
}

export type CycleWritePlan = { ok: true; writes: CycleCellWrite[] } | { ok: false; problems: Partial<Record<CycleField, string[]>> } | { ok: false; noBlock: true };

/**
 * The cell writes for `changes`, or the problems per field (nothing is written then). A field whose value did not
 * change gives no write.
 */
export function planCycleSettingsWrites(sheet: SheetText | null | undefined, changes: Partial<Record<CycleField, string>>): CycleWritePlan {
  const problems: Partial<Record<CycleField, string[]>> = {};
  const checked: [CycleField, string][] = [];
  for (const [field, text] of Object.entries(changes) as [CycleField, string][]) {
    const result = checkCycleField(field, text ?? "");
    if (result.problems.length) problems[field] = result.problems;
    else checked.push([field, result.value]);
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  const block = sheet ? findSettingsBlock(sheet) : null;
  if (!block) return { ok: false, noBlock: true };
  const writes: CycleCellWrite[] = [];
  let nextRow = block.pairs.length ? block.pairs[block.pairs.length - 1].row + 1 : block.headerRow + 1;
  for (const [field, value] of checked) {
    const existing = block.pairs.filter((pair) => fieldOfKey(pair.key) === field).pop();
    if (existing) {
      if (String(existing.value ?? "").replace(/\r\n?/g, "\n") !== value) writes.push({ field, row: existing.row, column: block.keyColumn + 1, values: [value] });
    } else if (value !== "") {
      writes.push({ field, row: nextRow++, column: block.keyColumn, values: [TITLES[field], value] });
    }
  }
  return { ok: true, writes };
}
