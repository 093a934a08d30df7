/**
 * How Excel turns strings written through `range.values` into numbers, dates, booleans or formulas, and how it
 * shows a value under a number format (`range.text`).
 *
 * Parsing follows the culture given to the simulator. "en-US" (default) is what the Office.js API uses for numbers:
 * "1.10" → 1.1, "1,234" → 1234, "1/2/2024" → a date. "ru-RU" is what a Russian Excel does with typed text:
 * "1.10" → 1 October, "01.02" → 1 February, "017.04.001" → 17.04.2001, "3,5" → 3.5.
 */
export type CellValue = string | number | boolean;
export type Culture = "en-US" | "ru-RU";

export interface Coerced {
  value: CellValue;
  /** A number format Excel applies along with the value (dates, percentages) when the cell's format is General. */
  impliedFormat?: string;
}

const EPOCH_OFFSET = 25569; // serial of 1970-01-01

export function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return Date.UTC(year, month - 1, day) / 86_400_000 + EPOCH_OFFSET;
}

function fullYear(text: string | undefined, now: Date): number {
  if (text === undefined) return now.getFullYear();
  const year = Number(text);
  if (text.length <= 2 || (text.length === 3 && year < 100)) return year < 30 ? 2000 + year : 1900 + year;
  return year;
}

function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  return (h * 3600 + min * 60 + s) / 86_400;
}

function parseNumberEn(text: string): Coerced | null {
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%?)$/.exec(text);
  if (!m || !/\d/.test(m[2] + (m[3] ?? ""))) return null;
  let value = Number(`${m[1]}${m[2].replace(/,/g, "")}${m[3] ?? ""}${m[4] !== undefined ? `e${m[4]}` : ""}`);
  if (!Number.isFinite(value)) return null;
  if (m[5]) {
    value /= 100;
    return { value, impliedFormat: m[3] && m[3].length > 1 ? "0.00%" : "0%" };
  }
  return { value, impliedFormat: m[2].includes(",") ? "#,##0" : undefined };
}

function parseNumberRu(text: string): Coerced | null {
  const m = /^([+-]?)(\d{1,3}(?:[ \u00a0]\d{3})+|\d*)(,\d*)?(?:[eE]([+-]?\d+))?(%?)$/.exec(text);
  if (!m || !/\d/.test(m[2] + (m[3] ?? ""))) return null;
  let value = Number(`${m[1]}${m[2].replace(/[ \u00a0]/g, "")}${(m[3] ?? "").replace(",", ".")}${m[4] !== undefined ? `e${m[4]}` : ""}`);
  if (!Number.isFinite(value)) return null;
  if (m[5]) {
    value /= 100;
    return { value, impliedFormat: m[3] && m[3].length > 1 ? "0.00%" : "0%" };
  }
  return { value };
}

function parseDate(text: string, culture: Culture, now: Date): Coerced | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    return serial === null ? null : { value: serial, impliedFormat: culture === "ru-RU" ? "dd.mm.yyyy" : "m/d/yyyy" };
  }
  if (culture === "en-US") {
    m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(text);
    if (m) {
      const serial = dateSerial(fullYear(m[3], now), Number(m[1]), Number(m[2]));
      return serial === null ? null : { value: serial, impliedFormat: m[3] ? "m/d/yyyy" : "d-mmm" };
    }
    return null;
  }
  m = /^(\d{1,3})[./](\d{1,2})(?:[./](\d{1,4}))?$/.exec(text);
  if (m) {
    const serial = dateSerial(fullYear(m[3], now), Number(m[2]), Number(m[1]));
    return serial === null ? null : { value: serial, impliedFormat: m[3] ? "dd.mm.yyyy" : "dd.mmm" };
  }
  return null;
}

/**
 * What a plain string (not a formula, not apostrophe-prefixed, cell not formatted as text) becomes.
 * Returns the string itself when Excel would keep it as text.
 */
export function coerceString(text: string, culture: Culture, now = new Date()): Coerced {
  const first = text.charCodeAt(0);
  // Fast path: most register text starts with a letter.
  const mayParse = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 44 || first === 32 || first === 84 || first === 116 || first === 70 || first === 102 || first === 1048 || first === 1080 || first === 1051 || first === 1083;
  if (!mayParse) return { value: text };
  const trimmed = text.trim();
  if (trimmed === "") return { value: text };
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "ИСТИНА") return { value: true };
  if (upper === "FALSE" || upper === "ЛОЖЬ") return { value: false };
  const number = culture === "ru-RU" ? parseNumberRu(trimmed) : parseNumberEn(trimmed);
  // In ru-RU "1.10" is a date, never a number with a dot.
  if (number) return number;
  const date = parseDate(trimmed, culture, now);
  if (date) return date;
  const time = parseTime(trimmed);
  if (time !== null) return { value: time, impliedFormat: "h:mm" };
  return { value: text };
}

// ---- display -------------------------------------------------------------------------------------------------

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_RU = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];
const DAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAYS_RU = ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"];

/** Excel's General format: up to 11 characters, then fewer decimals, then scientific notation. */
export function formatGeneral(value: number, culture: Culture): string {
  if (value === 0) return "0";
  const decimal = culture === "ru-RU" ? "," : ".";
  let text: string;
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const trimmedMantissa = mantissa.replace(/\.?0+$/, "");
    const exp = Number(exponent);
    text = `${trimmedMantissa}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  } else {
    const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
    const room = Math.max(0, 10 - intDigits - (value < 0 ? 1 : 0));
    text = String(Number(value.toFixed(Math.min(room, 20))));
    if (text.includes("e")) text = value.toFixed(Math.min(room, 20)).replace(/\.?0+$/, "");
  }
  return decimal === "." ? text : text.replace(".", decimal);
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function stripLiterals(section: string): string {
  return section.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
}

export function isDateFormat(format: string): boolean {
  const bare = stripLiterals(splitSections(format)[0]);
  return /[dyhsm]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function formatDate(serial: number, section: string, culture: Culture): string {
  const ms = Math.round((serial - EPOCH_OFFSET) * 86_400_000);
  const date = new Date(ms);
  const parts = { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate(), wd: date.getUTCDay(), h: date.getUTCHours(), mi: date.getUTCMinutes(), s: date.getUTCSeconds() };
  const months = culture === "ru-RU" ? MONTHS_RU : MONTHS_EN;
  const days = culture === "ru-RU" ? DAYS_RU : DAYS_EN;
  const tokens = section.match(/"[^"]*"|\\.|\[[^\]]*\]|AM\/PM|A\/P|y+|m+|d+|h+|s+|./gi) ?? [];
  const ampm = tokens.some((t) => /^(AM\/PM|A\/P)$/i.test(t));
  let out = "";
  tokens.forEach((token, i) => {
    const lower = token.toLowerCase();
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith("\\")) out += token.slice(1);
    else if (token.startsWith("[")) return;
    else if (/^(am\/pm|a\/p)$/.test(lower)) out += parts.h < 12 ? "AM" : "PM";
    else if (lower[0] === "y") out += lower.length <= 2 ? String(parts.y % 100).padStart(2, "0") : String(parts.y);
    else if (lower[0] === "d") {
      if (lower.length === 1) out += parts.d;
      else if (lower.length === 2) out += String(parts.d).padStart(2, "0");
      else out += lower.length === 3 ? days[parts.wd].slice(0, 3) : days[parts.wd];
    } else if (lower[0] === "h") {
      const h = ampm ? parts.h % 12 || 12 : parts.h;
      out += lower.length >= 2 ? String(h).padStart(2, "0") : h;
    } else if (lower[0] === "s") out += lower.length >= 2 ? String(parts.s).padStart(2, "0") : parts.s;
    else if (lower[0] === "m") {
      const before = tokens.slice(0, i).reverse().find((t) => /^[a-z]/i.test(t) && !/^m/i.test(t));
      const after = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t));
      const minutes = lower.length <= 2 && ((before && /^h/i.test(before)) || (after && /^s/i.test(after)));
      if (minutes) out += lower.length === 2 ? String(parts.mi).padStart(2, "0") : parts.mi;
      else if (lower.length === 1) out += parts.m + 1;
      else if (lower.length === 2) out += String(parts.m + 1).padStart(2, "0");
      else out += lower.length === 3 ? months[parts.m].slice(0, 3) : months[parts.m];
    } else out += token;
  });
  return out;
}

function formatNumberSection(value: number, section: string, culture: Culture): string {
  const decimalSep = culture === "ru-RU" ? "," : ".";
  const groupSep = culture === "ru-RU" ? "\u00a0" : ",";
  const tokens = section.match(/"[^"]*"|\\.|\[[^\]]*\]|[0#?.,%]+|./g) ?? [];
  const numeric = tokens.findIndex((t) => /^[0#?.,%]+$/.test(t) && /[0#?]/.test(t));
  if (numeric < 0) {
    return tokens.map((t) => (t.startsWith('"') ? t.slice(1, -1) : t.startsWith("\\") ? t.slice(1) : t.startsWith("[") ? "" : t)).join("");
  }
  const pattern = tokens[numeric];
  const percent = stripLiterals(section).includes("%");
  const [intPattern, fracPattern = ""] = pattern.replace(/%/g, "").split(".");
  const grouping = intPattern.includes(",");
  const decimals = (fracPattern.match(/[0#?]/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const scaled = Math.abs(percent ? value * 100 : value);
  let [intPart, fracPart = ""] = scaled.toFixed(decimals).split(".");
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep);
  const optional = (fracPattern.match(/#/g) ?? []).length;
  if (optional) fracPart = fracPart.replace(new RegExp(`0{1,${optional}}$`), "");
  const body = intPart + (fracPart ? decimalSep + fracPart : "");
  let out = "";
  tokens.forEach((t, i) => {
    if (i === numeric) out += body + "%".repeat((t.match(/%/g) ?? []).length);
    else if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith("\\")) out += t.slice(1);
    else if (t.startsWith("[") || t === "_" || t === "*") return;
    else out += t;
  });
  return out;
}

/** The text Excel shows for a value under a number format. */
export function formatValue(value: CellValue | null, format: string, culture: Culture): string {
  if (value === null) return "";
  if (typeof value === "boolean") return culture === "ru-RU" ? (value ? "ИСТИНА" : "ЛОЖЬ") : value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    // Only a fourth section (text) changes how a string shows; a format without ";" has one section.
    if (!format.includes(";")) return value;
    const sections = splitSections(format);
    const textSection = sections[3];
    return textSection !== undefined ? textSection.replace(/@/g, value).replace(/"/g, "") : value;
  }
  if (format === "General" || format === "@" || format === "") return formatGeneral(value, culture);
  const sections = splitSections(format);
  let section = sections[0];
  let number = value;
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    number = -value;
  } else if (value === 0 && sections.length > 2) section = sections[2];
  if (/^general$/i.test(stripLiterals(section).trim())) return formatGeneral(number, culture);
  if (isDateFormat(section)) return formatDate(number, section, culture);
  const text = formatNumberSection(number, section, culture);
  return number < 0 && sections.length === 1 ? `-${text}` : text;
}
