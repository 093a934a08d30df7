/** Default vocabularies of the register's list columns and tolerant matching to their canonical values. */
import { matchKey, splitList } from "./text";

export const DEFAULT_STATUSES: readonly string[] = [
  "В очереди на исследование",
  "Идет исследование",
  "В очереди на реинжиниринг",
  "Проходит реинжиниринг",
  "Прошел реинжиниринг",
  "Отправлен на сертификацию",
  "Сертифицирован",
];

export const DEFAULT_CLIENTS: readonly string[] = ["Внешний", "Внутренний"];

export const DEFAULT_KINDS: readonly string[] = ["Цифровой", "Не цифровой"];

export const DIGITAL_KIND = "Цифровой";

export const DEFAULT_PLACEMENTS: readonly string[] = ["ЕПГУ", "РПГУ", "Сайт ведомства"];

/** matchKey plus the spellings people type for «не …» values («нецифровой» = «не цифровой»). */
export function vocabularyKey(value: string): string {
  return matchKey(value).replace(/^не\s*-?\s*/, "не ").replace(/-/g, " ").replace(/\s+/g, " ");
}

const INDEXES = new WeakMap<readonly string[], Map<string, string>>();

function indexFor(list: readonly string[]): Map<string, string> {
  let index = INDEXES.get(list);
  if (!index) {
    index = new Map();
    for (const item of list) {
      const key = vocabularyKey(item);
      if (key && !index.has(key)) index.set(key, item);
    }
    INDEXES.set(list, index);
  }
  return index;
}

/** The list's canonical spelling of `value`, or null when the list does not hold it. */
export function canonicalValue(value: string, list: readonly string[]): string | null {
  if (!value) return null;
  const key = vocabularyKey(value);
  if (!key) return null;
  return indexFor(list).get(key) ?? null;
}

/** One or several placements separated by comma, semicolon or line break: the canonical ones and the unknown ones. */
export function canonicalPlacements(value: string, list: readonly string[]): { values: string[]; unknown: string[] } {
  const values: string[] = [];
  const unknown: string[] = [];
  for (const part of splitList(value)) {
    const canonical = canonicalValue(part, list);
    if (canonical === null) unknown.push(part);
    else if (!values.includes(canonical)) values.push(canonical);
  }
  return { values, unknown };
}
