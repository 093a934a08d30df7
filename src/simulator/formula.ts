/**
 * What Excel's host checks in a formula the API hands it (`values`/`formulas` of a range, a conditional format's
 * rule, a list validation's source, a name's reference). The API takes formulas in English — English function names
 * and «,» as the argument separator — whatever the user's language (learn.microsoft.com
 * /javascript/api/excel/excel.range#excel-excel-range-formulas: "Represents the formula in A1-style notation";
 * `formulasLocal` is the one "in the language of the user"). A Russian `=И(A1;B1)` is a syntax error there.
 *
 * No formula engine: this is a parser of the shape, not of the meaning — balanced quotes and parentheses, no «;»
 * outside strings, and every function call naming a function Excel has (the set below: the functions the
 * add-in's own formulas use and the common ones around them; an unknown name fails loudly so the set grows on purpose).
 */
import { ErrorCodes, officeError } from "./errors";

export const KNOWN_FUNCTIONS = new Set([
  "ABS", "AND", "AVERAGE", "CHOOSE", "COLUMN", "COLUMNS", "CONCAT", "CONCATENATE", "COUNT", "COUNTA", "COUNTBLANK", "COUNTIF", "COUNTIFS",
  "DATE", "DATEVALUE", "DAY", "EXACT", "FALSE", "FIND", "HLOOKUP", "IF", "IFERROR", "INDEX", "INDIRECT", "ISBLANK", "ISERROR", "ISNUMBER",
  "ISTEXT", "LEFT", "LEN", "LOWER", "MATCH", "MAX", "MID", "MIN", "MONTH", "NETWORKDAYS", "NOT", "NOW", "OFFSET", "OR", "PROPER", "RIGHT",
  "ROUND", "ROW", "ROWS", "SEARCH", "SUBSTITUTE", "SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "TEXT", "TODAY", "TRIM", "TRUE", "UPPER", "VALUE",
  "VLOOKUP", "WEEKDAY", "WORKDAY", "YEAR",
]);

/** Refuses a formula Excel's API would not parse; `formula` includes the leading «=». */
export function checkFormula(formula: string, location: string): void {
  const fail = (why: string) => {
    throw officeError(ErrorCodes.invalidArgument, `The formula «${formula}» is not valid: ${why}.`, location);
  };
  let depth = 0;
  let i = formula.startsWith("=") ? 1 : 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      if (end < 0) fail("a text in quotes is not closed");
      i = end + 1;
      if (formula[i] === '"') continue; // "" inside a string
      continue;
    }
    if (ch === "'") {
      const end = formula.indexOf("'", i + 1);
      if (end < 0) fail("a sheet name in apostrophes is not closed");
      i = end + 1;
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth < 0) fail("a «)» has no matching «(»");
    } else if (ch === ";") fail("«;» separates arguments only in a localized Excel; the API takes «,»");
    else if (/[\p{L}_]/u.test(ch)) {
      const match = /^[\p{L}_][\p{L}\p{N}_.]*/u.exec(formula.slice(i))!;
      const name = match[0];
      const next = formula[i + name.length];
      if (next === "(") {
        const upper = name.toUpperCase().replace(/^_XLFN\./, "");
        if (!/^[A-Z][A-Z0-9.]*$/.test(upper)) fail(`«${name}» is not an English function name (the API takes formulas in English)`);
        if (!KNOWN_FUNCTIONS.has(upper)) fail(`Excel has no function «${name}»`);
      }
      i += name.length;
      continue;
    }
    i++;
  }
  if (depth > 0) fail("a «(» is not closed");
}
