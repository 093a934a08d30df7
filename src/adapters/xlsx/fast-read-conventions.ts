/** ExcelJS's conventions the lean reader reproduces, so it gives the same values ExcelJS would. */
import { notSure, refuse } from "./fast-read-xml";

/** ExcelJS's second pass over some strings (utils.xmlDecode), applied to already decoded text. */
export function excelJsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);
}

/** ExcelJS's TextXform: `_xHHHH_` escapes (upper-case hex only). */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export function excelToDate(value: unknown, date1904: boolean): Date {
  return new Date(Math.round(((value as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** ExcelJS's built-in number formats (the locale-independent ones). */
export const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@",
};

/** A `t="d"` value as the date it names (wall-clock time, zone ignored); text that is not a date stays text. */
export function isoDate(text: string): Date | string {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  const time = match ? null : /^\s*T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*$/.exec(text);
  if (!match && !time) return text;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [1899, 12, 30];
  const [hours, minutes, seconds, fraction] = match ? match.slice(4, 8) : time!.slice(1, 5);
  const milliseconds = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, month - 1, day, Number(hours ?? 0), Number(minutes ?? 0), Number(seconds ?? 0), milliseconds));
  if (year < 100) date.setUTCFullYear(year);
  return Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 ? text : date;
}

export function decodeAddress(address: string): { row: number; col: number } {
  // The common case without a regex (a sheet has one address per cell); anything else, refusals included, the slow way.
  const col = simpleAddressColumn(address, 0, address.length);
  if (col === 0) return decodeAddressSlowly(address);
  let digitsAt = 1;
  while (address.charCodeAt(digitsAt) > 57) digitsAt++;
  return { row: Number(address.slice(digitsAt)), col };
}

/**
 * The column of the address at `start`–`end` of `text` when it is written the common way — 1–3 capitals, then 1–7
 * digits not starting with 0, within Excel's grid —, else 0 (then `decodeAddress` reads it the slow way, with its
 * refusals). Positions rather than a string: the fast lane reads an address per cell where it stands in the XML.
 */
export function simpleAddressColumn(text: string, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end && i - start < 4; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  const letters = i - start;
  const digits = end - i;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7 || text.charCodeAt(i) === 48) return 0;
  let row = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
    row = row * 10 + c - 48;
  }
  return row > EXCEL_MAX_ROWS || col > EXCEL_MAX_COLUMNS ? 0 : col;
}

function decodeAddressSlowly(address: string): { row: number; col: number } {
  const match = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(address);
  if (!match) {
    if (/^[A-Za-z]{4,}[0-9]+$|^[A-Za-z]+[0-9]{8,}$/.test(address)) refuseOutsideGrid(address);
    notSure(`cell address ${address}`);
  }
  let col = 0;
  for (let i = 0; i < match[1].length; i++) col = col * 26 + match[1].charCodeAt(i) - 64;
  const row = Number(match[2]);
  if (row > EXCEL_MAX_ROWS || col > EXCEL_MAX_COLUMNS) refuseOutsideGrid(address);
  return { row, col };
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (A–XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
/** The most characters Excel keeps in a cell. */
export const EXCEL_MAX_TEXT = 32_767;

export function refuseOutsideGrid(where: string): never {
  refuse(`книга повреждена: ячейка ${where.slice(0, 20)} лежит за пределами листа Excel (1 048 576 строк × 16 384 столбца, до XFD)`);
}

export function refuseLongText(): never {
  refuse("в книге есть текст длиннее 32 767 знаков — больше, чем Excel хранит в ячейке: файл поврежден или составлен намеренно");
}
