/** Cached values of formulas without a formula engine: arithmetic and «&» over same-sheet single cells. */
import { parseBox } from "./address";
import { type CellValue } from "./values";
import { SimSheet } from "./model-sheet";

// ---- a tiny formula evaluator ----------------------------------------------------------------------------------

/**
 * Cached values of formula cells. There is no formula engine: arithmetic (+ - * / ^ &, parentheses, unary minus)
 * over numbers, "strings" and single-cell references on the same sheet is evaluated; anything else (functions,
 * ranges, other sheets) reads as 0. Tests check formulas by their text, and LibreOffice recalculates saved files.
 */
export function evaluateFormula(sheet: SimSheet, formula: string, depth: number): CellValue {
  if (depth > 20) return 0;
  const tokens = formula.slice(1).match(/\s+|"(?:[^"]|"")*"|\$?[A-Za-z]{1,3}\$?\d+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[-+*/^&()]|./g) ?? [];
  const list = tokens.filter((t) => !/^\s+$/.test(t));
  let i = 0;
  const fail = (): never => {
    throw new Error("unsupported");
  };
  const toNumber = (v: CellValue): number => (typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : v === "" ? 0 : Number.isFinite(Number(v)) ? Number(v) : fail());
  const primary = (): CellValue => {
    const t = list[i++];
    if (t === undefined) return fail();
    if (t === "(") {
      const v = concat();
      if (list[i++] !== ")") fail();
      return v;
    }
    if (t === "-") return -toNumber(power());
    if (t === "+") return power();
    if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
    if (/^\d/.test(t)) return Number(t);
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(t);
    if (ref && list[i] !== "(") {
      const box = parseBox(t);
      if (!box) return fail();
      const formulaThere = sheet.formulaAt(box.r0, box.c0);
      if (formulaThere !== undefined) return evaluateFormula(sheet, formulaThere, depth + 1);
      return sheet.valueAt(box.r0, box.c0) ?? 0;
    }
    return fail();
  };
  const power = (): CellValue => {
    let v = primary();
    while (list[i] === "^") {
      i++;
      v = Math.pow(toNumber(v), toNumber(primary()));
    }
    return v;
  };
  const product = (): CellValue => {
    let v = power();
    while (list[i] === "*" || list[i] === "/") {
      const op = list[i++];
      const rhs = toNumber(power());
      v = op === "*" ? toNumber(v) * rhs : toNumber(v) / rhs;
    }
    return v;
  };
  const sum = (): CellValue => {
    let v = product();
    while (list[i] === "+" || list[i] === "-") {
      const op = list[i++];
      const rhs = toNumber(product());
      v = op === "+" ? toNumber(v) + rhs : toNumber(v) - rhs;
    }
    return v;
  };
  const concat = (): CellValue => {
    let v = sum();
    while (list[i] === "&") {
      i++;
      const rhs = sum();
      v = `${typeof v === "boolean" ? String(v).toUpperCase() : v}${typeof rhs === "boolean" ? String(rhs).toUpperCase() : rhs}`;
    }
    return v;
  };
  try {
    const value = concat();
    if (i !== list.length) return 0;
    return typeof value === "number" && !Number.isFinite(value) ? 0 : value;
  } catch {
    return 0;
  }
}
