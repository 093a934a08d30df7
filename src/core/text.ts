/** Text normalisation shared by reading, matching and the rules. */

const NBSP_AND_TABS = /[\u00A0\u202F\u2007\t\f\v]/g;
const HORIZONTAL_RUNS = /[ \u2000-\u2006\u2008-\u200A\u3000]+/g;

/**
 * Anything cleanText would change: a space at either end, two spaces in a row, control characters and line breaks, the
 * other Unicode spaces, zero-width characters. Most cells have none of it; one regex test is several times faster than a
 * loop over char codes on Cyrillic (two-byte) strings, and the fast path matters for 50,000-row registers.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const NEEDS_CLEANING = /^ | $| {2}|[\x00-\x1F\u00A0\u2000-\u200B\u202F\u3000\uFEFF]/;

/** Spaces normalised, runs collapsed, each line and the whole trimmed; line breaks kept as "\n". */
export function cleanText(s: string): string {
  if (!s) return "";
  if (typeof s !== "string") s = String(s);
  if (!NEEDS_CLEANING.test(s)) return s;
  const unified = s.replace(/\r\n?/g, "\n").replace(NBSP_AND_TABS, " ").replace(/[\u200B\uFEFF]/g, "");
  return unified
    .split("\n")
    .map((line) => line.replace(HORIZONTAL_RUNS, " ").trim())
    .join("\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** True when any of `cells` is not "" (indexed, no callback: run over every row of big tables). */
export function anyText(cells: readonly string[]): boolean {
  for (let index = 0; index < cells.length; index++) if (cells[index] !== "") return true;
  return false;
}

/** A key for tolerant comparison: case, ё/е, whitespace and line breaks, trailing periods ignored. */
export function matchKey(s: string): string {
  return cleanText(s)
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "")
    .trim();
}

/** A key for header titles: matchKey without asterisks, punctuation and spaces. */
export function headerKey(s: string): string {
  return matchKey(s).replace(/[\s*()[\]{},.:;/\\\-–—«»"'“”„`!?№#]/g, "");
}

/** Splits a cell holding several values (comma, semicolon or line break). */
export function splitList(s: string): string[] {
  if (!s) return [];
  return s
    .split(/[,;\n\r]/)
    .map(cleanText)
    .filter((part) => part !== "");
}

/** Memoises a function of a cell text: registers repeat statuses, kinds and process names thousands of times. */
export function memoByText<T>(compute: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    let result = cache.get(value);
    if (result === undefined && !cache.has(value)) {
      result = compute(value);
      cache.set(value, result);
    }
    return result as T;
  };
}

/** The Russian plural form for n: pluralRu(1, "файл", "файла", "файлов") → "файл"; 3 → "файла"; 11 → "файлов". */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
