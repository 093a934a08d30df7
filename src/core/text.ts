/** Text normalisation shared by reading, matching and the rules. */

const NBSP_AND_TABS = /[\u00A0\u202F\u2007\t\f\v]/g;
const HORIZONTAL_RUNS = /[ \u2000-\u2006\u2008-\u200A\u3000]+/g;

/** Spaces normalised, runs collapsed, each line and the whole trimmed; line breaks kept as "\n". */
export function cleanText(s: string): string {
  if (!s) return "";
  const unified = String(s).replace(/\r\n?/g, "\n").replace(NBSP_AND_TABS, " ").replace(/[\u200B\uFEFF]/g, "");
  return unified
    .split("\n")
    .map((line) => line.replace(HORIZONTAL_RUNS, " ").trim())
    .join("\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
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
