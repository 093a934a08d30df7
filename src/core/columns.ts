/** The 15 columns of the register form (Приложение 1 to the order) and tolerant matching of header titles. */
import { headerKey } from "./text";

export type ColumnKey =
  | "id"
  | "lifeSituation"
  | "service"
  | "act"
  | "group"
  | "process"
  | "owner"
  | "status"
  | "client"
  | "value"
  | "input"
  | "output"
  | "links"
  | "kind"
  | "placement";

export type ColumnVocabulary = "status" | "client" | "kind" | "placement" | "direction" | "process" | "unit";

export interface RegisterColumn {
  /** 1–15 as numbered in the form. */
  number: number;
  key: ColumnKey;
  /** The wording we write (the seed's with its typo corrected). */
  title: string;
  /** The wording exactly as in the seed. */
  seedTitle: string;
  /** Clause 3.5 of the order. */
  mandatory: boolean;
  vocabulary?: ColumnVocabulary;
  /** Excel column width in characters. */
  width: number;
}

export const COLUMN_COUNT = 15;

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { number: 1, key: "id", title: "Идентификатор процесса", seedTitle: "Идентификатор процесса", mandatory: true, width: 16 },
  { number: 2, key: "lifeSituation", title: "Жизненная ситуация", seedTitle: "Жизненная ситуация", mandatory: false, width: 24 },
  {
    number: 3,
    key: "service",
    title: "Наименование услуги, функции, сервиса",
    seedTitle: "Наименование услуги, функции, сервиса",
    mandatory: true,
    width: 36,
  },
  { number: 4, key: "act", title: "Регулирующий акт", seedTitle: "Регулирующий акт", mandatory: false, width: 30 },
  { number: 5, key: "group", title: "Группа процессов", seedTitle: "Группа процессов", mandatory: false, vocabulary: "direction", width: 26 },
  {
    number: 6,
    key: "process",
    title: "Наименование процесса",
    seedTitle: "Наименование процесса",
    mandatory: true,
    vocabulary: "process",
    width: 44,
  },
  {
    number: 7,
    key: "owner",
    title: "Ответственный за процесс",
    seedTitle: "Ответственный за процесс",
    mandatory: true,
    vocabulary: "unit",
    width: 28,
  },
  {
    number: 8,
    key: "status",
    title: "Статус процесса (статус реинжиниринга)",
    seedTitle: "Статус процесса (статус реинжиниринг)",
    mandatory: true,
    vocabulary: "status",
    width: 24,
  },
  { number: 9, key: "client", title: "Клиент", seedTitle: "Клиент", mandatory: false, vocabulary: "client", width: 14 },
  { number: 10, key: "value", title: "Ценность для клиента", seedTitle: "Ценность для клиента", mandatory: false, width: 36 },
  { number: 11, key: "input", title: "Данные на входе", seedTitle: "Данные на входе", mandatory: false, width: 28 },
  { number: 12, key: "output", title: "Результат на выходе", seedTitle: "Результат на выходе", mandatory: false, width: 28 },
  {
    number: 13,
    key: "links",
    title: "Связь с другими процессами",
    seedTitle: "Связь с другими процессами",
    mandatory: false,
    width: 22,
  },
  {
    number: 14,
    key: "kind",
    title: "Вид процесса (цифровой/не цифровой)",
    seedTitle: "Вид процесса (цифровой/ не цифровой)",
    mandatory: false,
    vocabulary: "kind",
    width: 18,
  },
  {
    number: 15,
    key: "placement",
    title: "Точка размещения в цифровом виде (ЕПГУ, РПГУ, сайт ведомства)",
    seedTitle: "Точка размещения в цифровом виде (ЕПГУ, РПГУ, сайт ведомства)",
    mandatory: false,
    vocabulary: "placement",
    width: 26,
  },
];

const BY_KEY = new Map<ColumnKey, RegisterColumn>(REGISTER_COLUMNS.map((column) => [column.key, column]));

export function columnByKey(key: ColumnKey): RegisterColumn {
  const column = BY_KEY.get(key);
  if (!column) throw new Error(`Неизвестная графа: ${key}`);
  return column;
}

/** The title as the header shows it: mandatory columns end with "*". */
export function columnTitleWithMark(column: RegisterColumn): string {
  return column.mandatory ? `${column.title}*` : column.title;
}

/** Other wordings seen in real submissions and in other agencies' orders, matched exactly (after headerKey). */
const TITLE_ALIASES: Record<number, string[]> = {
  1: ["ID процесса", "ID", "Идентификатор", "Код процесса", "Номер процесса", "Уникальный идентификатор процесса"],
  2: ["Жизненные ситуации", "Жизненная ситуация клиента"],
  3: [
    "Название услуги, функции, сервиса",
    "Наименование услуги, функции или сервиса",
    "Наименование услуги/функции/сервиса",
    "Наименование услуги (функции, сервиса)",
    "Услуга, функция, сервис",
    "Услуга",
    "Наименование услуги",
    "Название услуги",
  ],
  4: ["Регулирующие акты", "Нормативный правовой акт", "НПА", "Нормативный акт", "Правовое основание"],
  5: ["Группа процесса", "Направление деятельности", "Направление деятельности органа власти (вид функции)", "Вид функции", "Группа"],
  6: ["Название процесса", "Процесс", "Наименование процесса по типовому перечню"],
  7: ["Ответственный", "Ответственный за процессы", "Владелец процесса", "Ответственное подразделение", "Ответственный исполнитель"],
  8: ["Статус", "Статус процесса", "Статус реинжиниринга", "Статус процесса (статус реинжиниринг)"],
  9: ["Клиенты", "Тип клиента", "Категория клиента", "Вид клиента"],
  10: ["Ценность", "Ценность процесса для клиента"],
  11: ["Входные данные", "Данные на вход", "Вход"],
  12: ["Результат", "Выходные данные", "Результат процесса", "Выход"],
  13: ["Связь с процессами", "Связи с другими процессами", "Связанные процессы"],
  14: [
    "Вид процесса",
    "Вид процесса (цифровой/нецифровой)",
    "Вид процесса (цифровой, не цифровой)",
    "Цифровой/не цифровой",
    "Цифровой/нецифровой",
  ],
  15: ["Точка размещения", "Точка размещения в цифровом виде", "Место размещения", "Размещение", "Точки размещения в цифровом виде"],
};

/**
 * Cautious stems: a header key starting with one of them names that column. Chosen so that no stem of one column is a
 * prefix of another column's titles; the longest matching stem wins and a tie between columns is no match.
 */
const TITLE_PREFIXES: Record<number, string[]> = {
  1: ["идентификаторпроцесс", "idпроцесс", "кодпроцесс"],
  2: ["жизненнаяситуац", "жизненныеситуац"],
  3: ["наименованиеуслуг", "названиеуслуг", "наименованиегосударственнойуслуг", "услугафункц", "услугиф"],
  4: ["регулирующ", "нормативн", "правовоеосновани"],
  5: ["группапроцесс", "направлениедеятельност"],
  6: ["наименованиепроцесс", "названиепроцесс", "наименованиетиповогопроцесс"],
  7: [
    "ответственныйзапроцесс",
    "ответственныезапроцесс",
    "ответственноеподразделени",
    "ответственныйисполнител",
    "ответственноелицо",
    "ответственныйсотрудник",
    "владелецпроцесс",
  ],
  8: ["статуспроцесс", "статусреинжиниринг"],
  9: ["клиентвнешн", "клиентвнутр", "клиентыв", "типклиент", "категорияклиент", "видклиент"],
  10: ["ценностьдляклиент", "ценностьпроцесс"],
  11: ["данныенавход", "входныеданн"],
  12: ["результатнавыход", "результатпроцесс", "выходныеданн"],
  13: ["связьсдругимипроцесс", "связисдругимипроцесс", "связьспроцесс", "связанныепроцесс"],
  14: ["видпроцесса", "цифровойнецифров"],
  15: ["точкаразмещ", "точкиразмещ", "месторазмещ"],
};

const EXACT_KEYS = new Map<string, number>();
const ALIAS_KEYS = new Map<string, number>();
for (const column of REGISTER_COLUMNS) {
  EXACT_KEYS.set(headerKey(column.title), column.number);
  EXACT_KEYS.set(headerKey(column.seedTitle), column.number);
}
for (const [columnNumber, aliases] of Object.entries(TITLE_ALIASES)) {
  for (const alias of aliases) {
    const key = headerKey(alias);
    if (!EXACT_KEYS.has(key)) ALIAS_KEYS.set(key, Number(columnNumber));
  }
}
const PREFIXES: { stem: string; column: number }[] = Object.entries(TITLE_PREFIXES).flatMap(([columnNumber, stems]) =>
  stems.map((stem) => ({ stem, column: Number(columnNumber) })),
);

/** How well a header cell matched: exact title, known alias or a cautious prefix. */
export type TitleMatchQuality = "exact" | "alias" | "prefix";

export interface TitleMatch {
  column: number;
  quality: TitleMatchQuality;
}

/** Longer than any plausible column title: such cells are notes or title rows, never headers. */
const MAX_TITLE_KEY_LENGTH = 120;

export function matchColumnTitleDetailed(text: string): TitleMatch | null {
  const key = headerKey(text);
  if (!key || key.length > MAX_TITLE_KEY_LENGTH) return null;
  const exact = EXACT_KEYS.get(key);
  if (exact !== undefined) return { column: exact, quality: "exact" };
  const alias = ALIAS_KEYS.get(key);
  if (alias !== undefined) return { column: alias, quality: "alias" };
  let best: { column: number; length: number } | null = null;
  let tie = false;
  for (const { stem, column } of PREFIXES) {
    if (!key.startsWith(stem)) continue;
    if (!best || stem.length > best.length) {
      best = { column, length: stem.length };
      tie = false;
    } else if (stem.length === best.length && column !== best.column) {
      tie = true;
    }
  }
  if (!best || tie) return null;
  return { column: best.column, quality: "prefix" };
}

/** Tolerant header match → register column number 1–15, or null when the title names no register column. */
export function matchColumnTitle(text: string): number | null {
  return matchColumnTitleDetailed(text)?.column ?? null;
}
