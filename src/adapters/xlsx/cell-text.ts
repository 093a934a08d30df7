/**
 * Turns one ExcelJS cell value into the text a person sees in the cell, the way the register needs it: numbers without
 * float noise and never in exponent form, dates as dd.mm.yyyy, formulas as their cached result, booleans in Russian.
 */
import type { CellValue } from "exceljs";

const MS_PER_DAY = 86_400_000;
/** Days between the serial epoch and 1970-01-01 for the 1900 and 1904 date systems. */
const UNIX_EPOCH_SERIAL_1900 = 25569;
const UNIX_EPOCH_SERIAL_1904 = 24107;

export function cellText(value: CellValue | undefined, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return numberText(value, numFmt, date1904);
    case "boolean":
      return value ? "ИСТИНА" : "ЛОЖЬ";
  }
  if (value instanceof Date) return dateText(value, numFmt);
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? "").join("");
  if ("error" in value) return String(value.error ?? "");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return isPlainResult(result) ? cellText(result as CellValue, numFmt, date1904) : "";
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object") return cellText(text as CellValue, numFmt, date1904);
    return String(value.hyperlink ?? "");
  }
  return "";
}

function isPlainResult(result: unknown): boolean {
  return result !== undefined && result !== null && !(typeof result === "object" && "formula" in (result as object));
}

interface NumberFormatInfo {
  isDate: boolean;
  hasDate: boolean;
  hasTime: boolean;
  hasSeconds: boolean;
  isPercent: boolean;
  minDecimals: number;
  maxDecimals: number;
  /** General / text / absent: show the number as it is. */
  isGeneral: boolean;
  /** Digits the integer part shows at least (format "000": 1 shows as «001»). */
  minIntegerDigits: number;
  /** Literal text before the first and after the last digit placeholder (format `"АС-"000`: «АС-001»). */
  prefix: string;
  suffix: string;
  /** An integer format with literals between its digit placeholders ("00-000"), filled as Excel fills it. */
  integerTemplate?: FormatToken[];
}

/** A number format's first section as Excel reads it: digit placeholders, the decimal point, literal text. */
type FormatToken = { kind: "digit"; char: "0" | "#" | "?" } | { kind: "point" } | { kind: "literal"; text: string } | { kind: "other" };

function tokenizeSection(section: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  for (let i = 0; i < section.length; i++) {
    const char = section[i];
    if (char === '"') {
      const end = section.indexOf('"', i + 1);
      const text = section.slice(i + 1, end < 0 ? section.length : end);
      if (text) tokens.push({ kind: "literal", text });
      i = end < 0 ? section.length : end;
    } else if (char === "\\") {
      if (i + 1 < section.length) tokens.push({ kind: "literal", text: section[++i] });
    } else if (char === "[") {
      const end = section.indexOf("]", i + 1);
      i = end < 0 ? section.length : end;
    } else if (char === "_" || char === "*") {
      i++; // a space as wide as the next character, or a fill: nothing a reader shows
    } else if (char === "0" || char === "#" || char === "?") {
      tokens.push({ kind: "digit", char });
    } else if (char === ".") {
      tokens.push({ kind: "point" });
    } else if (char === ",") {
      // Thousands grouping or scaling: not shown in the register's text (as before).
    } else if (/[%Ee/@]/.test(char)) {
      tokens.push({ kind: "other" });
    } else {
      tokens.push({ kind: "literal", text: char });
    }
  }
  return tokens;
}

/** Excel's filling of an integer into digit placeholders: from the right; extra digits go to the leftmost placeholder. */
function fillIntegerTemplate(digits: string, tokens: FormatToken[]): string {
  const placeholders = tokens.filter((token) => token.kind === "digit").length;
  let remaining = digits === "0" ? "" : digits;
  let out = "";
  let placeholder = placeholders;
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index];
    if (token.kind === "literal") {
      out = token.text + out;
      continue;
    }
    if (token.kind !== "digit") continue;
    placeholder--;
    if (placeholder === 0) {
      out = (remaining || (token.char === "0" ? "0" : token.char === "?" ? " " : "")) + out;
      remaining = "";
    } else if (remaining) {
      out = remaining[remaining.length - 1] + out;
      remaining = remaining.slice(0, -1);
    } else out = (token.char === "0" ? "0" : token.char === "?" ? " " : "") + out;
  }
  return out;
}

const formatCache = new Map<string, NumberFormatInfo>();
const GENERAL_FORMAT: NumberFormatInfo = {
  isDate: false, hasDate: false, hasTime: false, hasSeconds: false, isPercent: false, minDecimals: 0, maxDecimals: 0, isGeneral: true,
  minIntegerDigits: 1, prefix: "", suffix: "",
};

export function describeNumberFormat(numFmt: string | undefined): NumberFormatInfo {
  if (!numFmt) return GENERAL_FORMAT;
  const cached = formatCache.get(numFmt);
  if (cached) return cached;
  // Only the first section (positive numbers) matters; quoted literals, escapes and [colour/locale] tags are not format codes.
  const section = (numFmt.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
  const isGeneralWord = /^\s*(general|@|)\s*$/i.test(section);
  const isDate = !isGeneralWord && /[dyhsm]/i.test(section.replace(/AM\/PM|A\/P/gi, "h")) && !/[0#?]/.test(section.replace(/\.0+/, ""));
  let info: NumberFormatInfo;
  if (isGeneralWord) {
    info = GENERAL_FORMAT;
  } else if (isDate) {
    info = {
      isDate: true,
      hasDate: /[dy]/i.test(section) || (/m/i.test(section) && !/[hs]/i.test(section)),
      hasTime: /[hs]/i.test(section),
      hasSeconds: /s/i.test(section),
      isPercent: false,
      minDecimals: 0,
      maxDecimals: 0,
      isGeneral: false,
      minIntegerDigits: 1,
      prefix: "",
      suffix: "",
    };
  } else {
    const decimalPart = /\.([0#?]+)/.exec(section)?.[1] ?? "";
    const minDecimals = (decimalPart.match(/0/g) ?? []).length;
    // What Excel shows of the format around the number: zero padding and literal text, for IDs kept as numbers.
    const tokens = tokenizeSection(numFmt.split(";")[0] ?? "");
    const point = tokens.findIndex((token) => token.kind === "point");
    const integerTokens = point < 0 ? tokens : tokens.slice(0, point);
    const firstDigit = tokens.findIndex((token) => token.kind === "digit");
    let lastDigit = -1;
    tokens.forEach((token, index) => {
      if (token.kind === "digit") lastDigit = index;
    });
    const literalText = (list: FormatToken[]) => list.map((token) => (token.kind === "literal" ? token.text : "")).join("");
    const plainLayout = !tokens.some((token) => token.kind === "other");
    const literalsInside = firstDigit >= 0 && integerTokens.slice(firstDigit, lastDigit + 1).some((token) => token.kind === "literal");
    info = {
      isDate: false, hasDate: false, hasTime: false, hasSeconds: false,
      isPercent: section.includes("%"),
      minDecimals,
      maxDecimals: decimalPart.length,
      isGeneral: !/[0#?]/.test(section),
      minIntegerDigits: Math.max(1, integerTokens.filter((token) => token.kind === "digit" && token.char === "0").length),
      prefix: plainLayout && firstDigit >= 0 ? literalText(tokens.slice(0, firstDigit)) : "",
      suffix: plainLayout && lastDigit >= 0 ? literalText(tokens.slice(lastDigit + 1)) : "",
      integerTemplate: plainLayout && point < 0 && literalsInside ? tokens : undefined,
    };
  }
  formatCache.set(numFmt, info);
  return info;
}

function numberText(value: number, numFmt: string | undefined, date1904: boolean): string {
  if (!Number.isFinite(value)) return String(value);
  const format = describeNumberFormat(numFmt);
  if (format.isGeneral) return plainNumber(value);
  if (format.isDate) {
    const epoch = date1904 ? UNIX_EPOCH_SERIAL_1904 : UNIX_EPOCH_SERIAL_1900;
    return dateText(new Date(Math.round((value - epoch) * MS_PER_DAY)), numFmt);
  }
  const shown = format.isPercent ? value * 100 : value;
  const rounded = roundedNumber(shown, format.minDecimals, format.maxDecimals);
  const negative = rounded.startsWith("-");
  const digits = negative ? rounded.slice(1) : rounded;
  if (format.integerTemplate && /^\d+$/.test(digits)) return (negative ? "-" : "") + fillIntegerTemplate(digits, format.integerTemplate);
  const [whole, fraction] = digits.split(".");
  const padded = whole.padStart(format.minIntegerDigits, "0") + (fraction === undefined ? "" : `.${fraction}`);
  return (negative ? "-" : "") + format.prefix + padded + format.suffix + (format.isPercent && !format.suffix.includes("%") ? "%" : "");
}

/** The number at Excel's 15 significant digits, shortest form, never in exponent form (an ID such as 104 stays "104"). */
export function plainNumber(value: number): string {
  if (value === 0) return "0";
  return expandExponent(String(Number(value.toPrecision(15))));
}

/** Rounds half away from zero on the decimal digits (as Excel shows them), keeping between min and max decimals. */
function roundedNumber(value: number, minDecimals: number, maxDecimals: number): string {
  const plain = plainNumber(value);
  const negative = plain.startsWith("-");
  const digits = negative ? plain.slice(1) : plain;
  const [integerPart, fractionPart = ""] = digits.split(".");
  let text: string;
  if (fractionPart.length <= maxDecimals) {
    text = fractionPart.length ? `${integerPart}.${fractionPart}` : integerPart;
  } else {
    // Round on the digit string itself so 1.005 with two decimals gives 1.01, as Excel shows.
    const kept = integerPart + fractionPart.slice(0, maxDecimals);
    const roundUp = fractionPart.charCodeAt(maxDecimals) >= 53; // '5'
    const roundedDigits = roundUp ? incrementDigits(kept) : kept;
    const integerLength = roundedDigits.length - maxDecimals;
    text = maxDecimals > 0 ? `${roundedDigits.slice(0, integerLength)}.${roundedDigits.slice(integerLength)}` : roundedDigits;
  }
  let [whole, fraction = ""] = text.split(".");
  fraction = fraction.padEnd(minDecimals, "0");
  while (fraction.length > minDecimals && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  whole = whole.replace(/^0+(?=\d)/, "");
  const result = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(result) ? `-${result}` : result;
}

function incrementDigits(digits: string): string {
  const chars = digits.split("");
  for (let index = chars.length - 1; index >= 0; index--) {
    if (chars[index] === "9") {
      chars[index] = "0";
    } else {
      chars[index] = String.fromCharCode(chars[index].charCodeAt(0) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}

function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, integerDigits, fractionDigits = "", exponentText] = match;
  const exponent = Number(exponentText);
  const allDigits = integerDigits + fractionDigits;
  const pointPosition = integerDigits.length + exponent;
  let result: string;
  if (pointPosition <= 0) result = "0." + "0".repeat(-pointPosition) + allDigits;
  else if (pointPosition >= allDigits.length) result = allDigits + "0".repeat(pointPosition - allDigits.length);
  else result = `${allDigits.slice(0, pointPosition)}.${allDigits.slice(pointPosition)}`;
  result = result.replace(/^0+(?=\d)/, "");
  if (result.includes(".")) result = result.replace(/\.?0+$/, "");
  return sign + result;
}

/** ExcelJS builds dates from serials in UTC, so the UTC fields are the cell's own calendar date and time. */
export function dateText(date: Date, numFmt?: string): string {
  if (Number.isNaN(date.getTime())) return "";
  const format = numFmt ? describeNumberFormat(numFmt) : undefined;
  const showDate = !format || !format.isDate || format.hasDate;
  const showTime = format?.isDate === true && format.hasTime;
  const parts: string[] = [];
  if (showDate) {
    parts.push(`${pad2(date.getUTCDate())}.${pad2(date.getUTCMonth() + 1)}.${String(date.getUTCFullYear()).padStart(4, "0")}`);
  }
  if (showTime || (!format?.isDate && hasTimeOfDay(date))) {
    let time = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
    if (format?.hasSeconds || date.getUTCSeconds() !== 0) time += `:${pad2(date.getUTCSeconds())}`;
    parts.push(time);
  }
  return parts.join(" ");
}

function hasTimeOfDay(date: Date): boolean {
  return date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
