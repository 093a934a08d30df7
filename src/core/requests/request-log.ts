/**
 * The log of change requests (clause 3.10 of order № 7; п. 9 of the other region's procedure: the head's memo) as data:
 * its columns, its statuses and grounds, and reading a log typed by hand or by another program with the register's
 * tolerance — title rows above the header, case, ё/е, extra spaces, reordered or extra columns.
 */
import type { SheetText } from "../register-types";
import { cleanText, headerKey, matchKey } from "../text";
import { anyDateToIso } from "../cycle-settings";

export const REQUEST_LOG_SHEET_NAME = "Журнал обращений";

export type RequestColumnKey =
  | "number"
  | "initiator"
  | "memoNumber"
  | "memoDate"
  | "received"
  | "ground"
  | "processIds"
  | "summary"
  | "due"
  | "status"
  | "decisionDate"
  | "informedDate"
  | "rejectionReason";

export interface RequestColumn {
  key: RequestColumnKey;
  /** 1-based position on the sheet we write. */
  index: number;
  title: string;
  aliases: string[];
  width: number;
  kind: "text" | "date" | "list";
}

/** In this order on the sheet; the last one (the reason of a refusal) is ours, a log without it is read as well. */
export const REQUEST_COLUMNS: readonly RequestColumn[] = [
  { key: "number", title: "№ п/п", aliases: ["№", "N п/п", "Номер п/п", "№ обращения"], width: 6, kind: "text" },
  { key: "initiator", title: "Инициатор", aliases: ["Инициатор обращения", "Инициатор изменения"], width: 28, kind: "text" },
  { key: "memoNumber", title: "Номер служебной записки", aliases: ["№ служебной записки", "Номер записки", "Номер обращения"], width: 14, kind: "text" },
  { key: "memoDate", title: "Дата служебной записки", aliases: ["Дата записки", "Дата обращения"], width: 13, kind: "date" },
  { key: "received", title: "Дата поступления", aliases: ["Дата получения", "Поступило", "Дата регистрации"], width: 13, kind: "date" },
  { key: "ground", title: "Основание", aliases: ["Основание изменения", "Основание для изменения"], width: 22, kind: "text" },
  { key: "processIds", title: "Идентификаторы процессов", aliases: ["Идентификатор процесса", "Идентификаторы", "Процессы"], width: 22, kind: "list" },
  { key: "summary", title: "Содержание обращения", aliases: ["Содержание", "Суть обращения", "Краткое содержание"], width: 40, kind: "text" },
  { key: "due", title: "Срок рассмотрения", aliases: ["Срок", "Срок рассмотрения обращения"], width: 13, kind: "date" },
  { key: "status", title: "Статус", aliases: ["Статус обращения", "Состояние"], width: 16, kind: "text" },
  { key: "decisionDate", title: "Дата решения", aliases: ["Дата принятия решения"], width: 13, kind: "date" },
  { key: "informedDate", title: "Дата информирования инициатора", aliases: ["Дата информирования", "Инициатор проинформирован"], width: 15, kind: "date" },
  { key: "rejectionReason", title: "Причина отклонения", aliases: ["Причина отказа", "Причина"], width: 30, kind: "text" },
].map((column, i) => ({ ...column, index: i + 1 }) as RequestColumn);

export const REQUEST_COLUMN_BY_KEY = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column.key, column])) as Record<RequestColumnKey, RequestColumn>;

export const REQUEST_STATUSES = ["на рассмотрении", "учтено", "отклонено"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const STATUS_ALIASES: Record<string, RequestStatus> = {
  "на рассмотрении": "на рассмотрении",
  рассматривается: "на рассмотрении",
  новое: "на рассмотрении",
  учтено: "учтено",
  учтен: "учтено",
  учтена: "учтено",
  выполнено: "учтено",
  исполнено: "учтено",
  отклонено: "отклонено",
  отклонен: "отклонено",
  отклонена: "отклонено",
  отказано: "отклонено",
};

/** Clause 8 of the other region's procedure: the grounds of a change. */
export const REQUEST_GROUNDS = {
  а: "изменение формы процесса",
  б: "изменение содержания процесса",
  в: "прекращение выполнения процесса",
  г: "возникновение нового процесса",
} as const;
export type RequestGround = keyof typeof REQUEST_GROUNDS;
export const GROUND_LETTERS = Object.keys(REQUEST_GROUNDS) as RequestGround[];

/** «а — изменение формы процесса», as written into the log and offered in its dropdown. */
export function groundLabel(ground: RequestGround): string {
  return `${ground} — ${REQUEST_GROUNDS[ground]}`;
}

/** Latin look-alikes typed on an English layout. */
const LATIN_LOOKALIKES: Record<string, string> = { a: "а", b: "б", v: "в", g: "г" };

/** «а», «а)», «А.», «а — изменение формы процесса», or the words alone. */
export function parseGround(text: string): RequestGround | null {
  const key = matchKey(text);
  if (key === "") return null;
  const letter = /^([абвгabvg])(?:$|[\s).:\-–—,])/.exec(key);
  if (letter) {
    const ground = (LATIN_LOOKALIKES[letter[1]] ?? letter[1]) as RequestGround;
    if (ground in REQUEST_GROUNDS) return ground;
  }
  for (const ground of GROUND_LETTERS) {
    const words = REQUEST_GROUNDS[ground];
    if (key.includes(words) || key.includes(words.replace(/ процесса$/, ""))) return ground;
  }
  return null;
}

export function parseStatus(text: string): { status: RequestStatus; reason: string } | null {
  const cleaned = cleanText(text);
  if (cleaned === "") return { status: "на рассмотрении", reason: "" };
  // «отклонено: процесс уже в реестре» keeps the reason in the status cell, as some logs do.
  const [head, ...rest] = cleaned.split(/[:—–]/);
  const status = STATUS_ALIASES[matchKey(head)];
  if (!status) return null;
  return { status, reason: cleanText(rest.join(":")) };
}

/** The processes a request names: separated by «;» (also by line breaks or commas between IDs). */
export function parseProcessIds(text: string): string[] {
  return cleanText(text)
    .split(/[;\n]|,\s+/)
    .map(cleanText)
    .filter((id) => id !== "");
}

const MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

/**
 * A date cell: dd.mm.yyyy, yyyy-mm-dd, «28 апреля 2025 г.» (a long date format), or the serial number of a date cell
 * formatted as a number. Null: not a date.
 */
export function parseLogDate(text: string): string | null {
  const cleaned = cleanText(text);
  const long = /^«?(\d{1,2})»?\s+([а-яё]+)\s+(\d{4})(?:\s*(?:г\.?|года))?$/i.exec(cleaned);
  if (long) {
    const month = MONTHS_GENITIVE.indexOf(long[2].toLowerCase().replace(/ё/g, "е")) + 1;
    return month > 0 ? anyDateToIso(`${long[1]}.${month}.${long[3]}`) : null;
  }
  if (/^\d{5}(\.0+)?$/.test(cleaned)) {
    const serial = Number(cleaned);
    if (serial > 20_000 && serial < 80_000) return new Date(Math.round((serial - 25_569) * 86_400_000)).toISOString().slice(0, 10);
  }
  const datePart = /^(\d{1,2}\.\d{1,2}\.\d{4})(?:\s+\d{1,2}:\d{2}(:\d{2})?)?$/.exec(cleaned);
  return anyDateToIso(datePart ? datePart[1] : cleaned);
}

export interface ChangeRequest {
  /** The sheet's row (1-based). */
  row: number;
  number: string;
  initiator: string;
  memoNumber: string;
  /** ISO dates; null when empty or not a date (the raw text is in `raw`). */
  memoDate: string | null;
  received: string | null;
  ground: RequestGround | null;
  processIds: string[];
  summary: string;
  /** The due date typed on the sheet (it is always recomputed; a different one is reported). */
  typedDue: string | null;
  status: RequestStatus;
  decisionDate: string | null;
  informedDate: string | null;
  rejectionReason: string;
  /** The cells as typed, for messages. */
  raw: Partial<Record<RequestColumnKey, string>>;
}

export interface RequestLog {
  sheet: string;
  /** Sheet row (1-based) of the header. */
  headerRow: number;
  /** Where each known column is on this sheet (1-based), as found. */
  columns: Partial<Record<RequestColumnKey, number>>;
  requests: ChangeRequest[];
}

const KEY_BY_TITLE = new Map<string, RequestColumnKey>();
for (const column of REQUEST_COLUMNS) {
  KEY_BY_TITLE.set(headerKey(column.title), column.key);
  for (const alias of column.aliases) KEY_BY_TITLE.set(headerKey(alias), column.key);
}

export function findRequestLogSheet(sheets: readonly SheetText[]): SheetText | undefined {
  const wanted = matchKey(REQUEST_LOG_SHEET_NAME);
  return sheets.find((sheet) => matchKey(sheet.name) === wanted);
}

/** The header: the first row (of the first 30) naming the initiator and the received date, and at least four columns. */
function findHeader(rows: string[][]): { row: number; columns: Partial<Record<RequestColumnKey, number>> } | null {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const columns: Partial<Record<RequestColumnKey, number>> = {};
    (rows[r] ?? []).forEach((cell, c) => {
      const key = KEY_BY_TITLE.get(headerKey(cell ?? ""));
      if (key && columns[key] === undefined) columns[key] = c + 1;
    });
    if (Object.keys(columns).length >= 4 && columns.received !== undefined && columns.initiator !== undefined) return { row: r + 1, columns };
  }
  return null;
}

/** Null when the sheet has no recognisable header. Rows that are all empty, and a numbering row («1, 2, 3…»), are skipped. */
export function readRequestLog(sheet: SheetText): RequestLog | null {
  const rows = sheet.rows ?? [];
  const header = findHeader(rows);
  if (!header) return null;
  const requests: ChangeRequest[] = [];
  for (let r = header.row; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const raw: Partial<Record<RequestColumnKey, string>> = {};
    for (const [key, index] of Object.entries(header.columns) as [RequestColumnKey, number][]) raw[key] = cleanText(cells[index - 1] ?? "");
    const values = Object.values(raw).filter((value) => value !== "");
    if (values.length === 0) continue;
    if (r === header.row && values.every((value, i) => value === String(i + 1))) continue;
    const status = parseStatus(raw.status ?? "");
    requests.push({
      row: r + 1,
      number: raw.number ?? "",
      initiator: raw.initiator ?? "",
      memoNumber: raw.memoNumber ?? "",
      memoDate: parseLogDate(raw.memoDate ?? ""),
      received: parseLogDate(raw.received ?? ""),
      ground: parseGround(raw.ground ?? ""),
      processIds: parseProcessIds(raw.processIds ?? ""),
      summary: raw.summary ?? "",
      typedDue: parseLogDate(raw.due ?? ""),
      status: status?.status ?? "на рассмотрении",
      decisionDate: parseLogDate(raw.decisionDate ?? ""),
      informedDate: parseLogDate(raw.informedDate ?? ""),
      rejectionReason: raw.rejectionReason || status?.reason || "",
      raw,
    });
  }
  return { sheet: sheet.name, headerRow: header.row, columns: header.columns, requests };
}
