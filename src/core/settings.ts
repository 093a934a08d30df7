/**
 * The agency's settings. They live in the workbook itself (a «Параметр | Значение» block on the sheet «Справочники»), so
 * they travel with the file and both adapters read them the same way.
 */
// zod/mini, not the full zod: the same checks, but small and tree-shaken — the settings are read at every CLI start and
// in the pane's first load, and the full zod costs ~600 KB of JavaScript and ~60 ms to load.
import * as z from "zod/mini";
import { ru } from "zod/locales";
import type { SheetText } from "./register-types";
import { cleanText, matchKey } from "./text";
import { DEFAULT_DIRECTIONS, typicalProcessNames } from "./typical-list-names";

export const SETTINGS_SHEET_NAME = "Справочники";

const DATE_PATTERN = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Characters an ID may carry: the agency code goes into every generated ID («АС-1.3-01»). */
export const AGENCY_CODE_PATTERN = /^[\p{L}\p{N}._-]*$/u;

/**
 * The schemas are built on first use, not when the module loads: most starts (a CLI check of a workbook without a
 * settings sheet) never parse settings, and building zod schemas is a few milliseconds of every start.
 */
function buildSettingsSchema() {
  /** "dd.mm.yyyy" or "" (not set). */
  const DateText = z.string().check(z.refine((text) => text === "" || isCalendarDate(text), { message: "Дата в виде ДД.ММ.ГГГГ" }));

  const TypicalProcessSchema = z.object({
    code: z.string(),
    direction: z.string(),
    name: z.string().check(z.minLength(1)),
    goal: z.string(),
    value: z.string(),
  });

  const DirectionSchema = z.object({ code: z.string().check(z.minLength(1)), name: z.string().check(z.minLength(1)) });

  /** A process of the agency's own, beside the typical list (clause 3.6: the register is kept «с использованием» it). */
  const AgencyProcessSchema = z.object({
    /** «1.10»: the direction's code, a dot, the number within it. */
    code: z.string().check(z.regex(/^\d{1,2}\.\d{1,2}$/, { message: "Код процесса в виде «1.10»: номер направления, точка, номер процесса" })),
    direction: z.string(),
    name: z.string().check(z.refine((text) => text.trim() !== "", { message: "Укажите наименование процесса" })),
    goal: z.string(),
    value: z.string(),
    /** No longer offered in the dropdowns; rows that still name it are accepted. */
    retired: z.optional(z.boolean()),
  });

  const ListItem = z.string().check(
    z.refine((text) => text.trim() !== "", { message: "Пустой элемент списка" }),
    z.refine((text) => !/[;\r\n]/.test(text), { message: "В названии не должно быть «;» и переноса строки: ими разделяются элементы списка" }),
  );

  const NonEmptyList = z.array(ListItem).check(z.minLength(1, { message: "Список не может быть пустым: оставьте хотя бы одно значение или верните список по умолчанию" }));

  return z.object({
    agencyName: z.string(),
    agencyGenitive: z.string(),
    /** Put into generated IDs ({agency}). */
    agencyCode: z.string().check(
      z.maxLength(20, { message: "Код органа — не длиннее 20 знаков" }),
      z.regex(AGENCY_CODE_PATTERN, { message: "В коде органа допустимы буквы, цифры, точка, дефис и подчеркивание: он входит в идентификаторы" }),
    ),
    units: z.array(ListItem),
    /** The person responsible for the register (clause 3.1). */
    coordinator: z.string(),
    orderNumber: z.string(),
    orderDate: DateText,
    appendixNumber: z.string(),
    lastActualization: DateText,
    /** Paper of the order's appendix; absent: A4. */
    appendixPaper: z.optional(z.enum(["A4", "A3"])),
    /** Placeholders: {agency} agency code, {process} process code, {nn} sequence number with two digits. */
    idScheme: z.string().check(
      z.minLength(1, { message: "Укажите схему идентификатора, например {agency}-{process}-{nn}" }),
      z.refine((text) => (text.match(/\{[^}]*\}/g) ?? []).every((part) => ["{agency}", "{process}", "{nn}"].includes(part)), {
        message: "В схеме допустимы только {agency}, {process} и {nn}",
      }),
    ),
    statuses: z.optional(NonEmptyList),
    clients: z.optional(NonEmptyList),
    kinds: z.optional(NonEmptyList),
    placements: z.optional(NonEmptyList),
    directions: z.optional(z.array(DirectionSchema).check(z.minLength(1))),
    processes: z.optional(z.array(TypicalProcessSchema).check(z.minLength(1))),
    /** The agency's own processes (added to the dropdowns and accepted by the rules). */
    agencyProcesses: z.optional(z.array(AgencyProcessSchema)),
    /** Codes of typical processes hidden from the dropdowns (a typical process is never deleted). */
    hiddenProcesses: z.optional(z.array(z.string())),
    /**
     * Parameters of the block these settings do not know — the cycle's calendar and document templates, a user's own
     * notes — kept as they are, after the known ones, whenever the block is rewritten.
     */
    otherPairs: z.optional(z.array(z.tuple([z.string(), z.string()]))),
  });
}

export type Settings = z.infer<ReturnType<typeof buildSettingsSchema>>;
export type AgencyProcess = NonNullable<Settings["agencyProcesses"]>[number];

let settingsSchemaBuilt: ReturnType<typeof buildSettingsSchema> | undefined;
let inRussian: { error: z.core.$ZodErrorMap } | undefined;

/** The settings' zod schema (built once, on first use). */
export function settingsSchema(): ReturnType<typeof buildSettingsSchema> {
  return (settingsSchemaBuilt ??= buildSettingsSchema());
}

/**
 * Zod's own messages (a JSON setting of the wrong shape, an empty name) in Russian: zod/mini loads no locale, and the
 * full zod, when something else loads it, would configure English for every schema.
 */
function russianMessages(): { error: z.core.$ZodErrorMap } {
  return (inRussian ??= { error: ru().localeError });
}

/** The settings schema's safeParse with zod's own messages in Russian. */
export function parseSettings(value: unknown) {
  return settingsSchema().safeParse(value, russianMessages());
}

/** One field's schema checking `value` (zod's own messages in Russian). */
function parseSettingsField(field: SettingsField, value: unknown) {
  return (settingsSchema().shape[field] as z.ZodMiniType).safeParse(value, russianMessages());
}

export const DEFAULT_ID_SCHEME = "{agency}-{process}-{nn}";

export const DEFAULT_SETTINGS: Settings = {
  agencyName: "",
  agencyGenitive: "",
  agencyCode: "",
  units: [],
  coordinator: "",
  orderNumber: "",
  orderDate: "",
  appendixNumber: "1",
  lastActualization: "",
  idScheme: DEFAULT_ID_SCHEME,
};

type SettingsField = keyof Settings;
type FieldKind = "text" | "date" | "list" | "json";

/** Russian parameter names, in the order they are written. */
const FIELDS: { field: SettingsField; title: string; kind: FieldKind }[] = [
  { field: "agencyName", title: "Наименование органа", kind: "text" },
  { field: "agencyGenitive", title: "Наименование органа (родительный падеж)", kind: "text" },
  { field: "agencyCode", title: "Код органа", kind: "text" },
  { field: "units", title: "Структурные подразделения", kind: "list" },
  { field: "coordinator", title: "Ответственный за ведение реестра", kind: "text" },
  { field: "orderNumber", title: "Номер приказа", kind: "text" },
  { field: "orderDate", title: "Дата приказа", kind: "date" },
  { field: "appendixNumber", title: "Номер приложения", kind: "text" },
  { field: "lastActualization", title: "Дата последней актуализации", kind: "date" },
  { field: "appendixPaper", title: "Формат бумаги приложения", kind: "text" },
  { field: "idScheme", title: "Схема идентификатора", kind: "text" },
  { field: "statuses", title: "Статусы", kind: "list" },
  { field: "clients", title: "Клиенты", kind: "list" },
  { field: "kinds", title: "Виды процесса", kind: "list" },
  { field: "placements", title: "Точки размещения", kind: "list" },
  { field: "directions", title: "Направления деятельности (JSON)", kind: "json" },
  { field: "processes", title: "Типовой перечень процессов (JSON)", kind: "json" },
  { field: "agencyProcesses", title: "Процессы органа (JSON)", kind: "json" },
  { field: "hiddenProcesses", title: "Скрытые типовые процессы", kind: "list" },
];

/** The Russian name of a parameter as written in the settings block (CLI messages name the setting). */
export function settingsFieldTitle(field: SettingsField): string {
  return FIELDS.find((entry) => entry.field === field)?.title ?? field;
}

export type { SettingsField };

/** Other names people may give a parameter when they edit the sheet by hand. */
const FIELD_ALIASES: Partial<Record<SettingsField, string[]>> = {
  agencyName: ["Орган", "Наименование органа власти", "Наименование ведомства"],
  agencyGenitive: ["Наименование органа в родительном падеже", "Родительный падеж"],
  agencyCode: ["Код ведомства", "Код органа для идентификаторов"],
  units: ["Подразделения"],
  coordinator: ["Координатор", "Ответственный"],
  orderDate: ["Дата утверждения"],
  lastActualization: ["Последняя актуализация", "Дата актуализации"],
  idScheme: ["Шаблон идентификатора"],
  directions: ["Направления деятельности"],
  processes: ["Типовой перечень процессов", "Типовой перечень"],
  agencyProcesses: ["Процессы органа", "Собственные процессы органа"],
};

const FIELD_BY_KEY = new Map<string, (typeof FIELDS)[number]>();
for (const entry of FIELDS) {
  FIELD_BY_KEY.set(matchKey(entry.title), entry);
  FIELD_BY_KEY.set(matchKey(entry.field), entry);
  for (const alias of FIELD_ALIASES[entry.field] ?? []) FIELD_BY_KEY.set(matchKey(alias), entry);
}

/** List items are separated by "; " or line breaks (never commas: unit names contain them). */
export const LIST_SEPARATOR = "; ";

function splitSettingsList(text: string): string[] {
  return text
    .split(/[;\n\r]/)
    .map(cleanText)
    .filter((item) => item !== "");
}

/** Accepts dd.mm.yyyy, d.m.yyyy and yyyy-mm-dd; anything else is returned unchanged (and then rejected). */
export function normalizeDateText(text: string): string {
  const trimmed = cleanText(text);
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (match) return `${match[1].padStart(2, "0")}.${match[2].padStart(2, "0")}.${match[3]}`;
  match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(trimmed);
  if (match) return `${match[3]}.${match[2]}.${match[1]}`;
  return trimmed;
}

/** The settings as «Параметр | Значение» pairs; lists absent from the settings (defaults) are not written. */
export function settingsToPairs(settings: Settings): [string, string][] {
  const pairs: [string, string][] = [];
  for (const { field, title, kind } of FIELDS) {
    const value = settings[field];
    if (value === undefined) continue;
    if (kind === "list") pairs.push([title, (value as string[]).join(LIST_SEPARATOR)]);
    else if (kind === "json") pairs.push([title, JSON.stringify(value)]);
    else pairs.push([title, String(value)]);
  }
  for (const [key, value] of settings.otherPairs ?? []) pairs.push([key, value]);
  return pairs;
}

function parseFieldValue(kind: FieldKind, raw: string): unknown {
  switch (kind) {
    case "list":
      return splitSettingsList(raw);
    case "date":
      return normalizeDateText(raw);
    case "json":
      try {
        return JSON.parse(raw);
      } catch {
        return undefined;
      }
    default:
      return cleanText(raw);
  }
}

/** A setting that cannot be used, in Russian, for the field it belongs to. */
export interface SettingsProblem {
  field: SettingsField;
  /** The list item (unit, status, agency process) the problem is in. */
  index?: number;
  message: string;
}

/** Checks across fields the per-field schema cannot make: agency processes' codes against each other and the typical list. */
export function crossSettingsProblems(settings: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const typical = settings.processes ?? typicalProcessNames();
  const typicalByCode = new Map(typical.map((process) => [process.code, process]));
  const directions = new Set((settings.directions ?? DEFAULT_DIRECTIONS).map((direction) => direction.code));
  const seen = new Map<string, number>();
  (settings.agencyProcesses ?? []).forEach((process, index) => {
    const code = process.code.trim();
    const clash = typicalByCode.get(code);
    const direction = code.split(".")[0];
    if (clash) problems.push({ field: "agencyProcesses", index, message: `Код ${code} занят типовым процессом «${clash.name}»: выберите другой номер` });
    else if (seen.has(code)) problems.push({ field: "agencyProcesses", index, message: `Код ${code} уже у другого процесса органа (строка ${seen.get(code)! + 1})` });
    else if (!directions.has(direction)) problems.push({ field: "agencyProcesses", index, message: `Нет направления деятельности ${direction}: код начинается с номера направления (1–${directions.size})` });
    else if (process.direction !== direction) problems.push({ field: "agencyProcesses", index, message: `Процесс ${code} относится к направлению ${direction}, а не ${process.direction}` });
    if (!seen.has(code)) seen.set(code, index);
  });
  return problems;
}

/** Every problem of the settings, per field and per list item: what the pane shows at the field and the CLI prints. */
export function settingsProblems(settings: Settings): SettingsProblem[] {
  const parsed = parseSettings(settings);
  const problems: SettingsProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      problems.push({ field: field as SettingsField, index: typeof index === "number" ? index : undefined, message: issue.message });
    }
    return problems;
  }
  return crossSettingsProblems(parsed.data);
}

/** Settings from pairs, with a Russian line for each parameter that could not be used (its default is kept). */
export function readSettingsPairs(pairs: readonly (readonly [string, string])[]): { settings: Settings; problems: string[] } {
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const other: [string, string][] = [];
  for (const pair of pairs ?? []) {
    if (!pair) continue;
    const entry = FIELD_BY_KEY.get(matchKey(String(pair[0] ?? "")));
    if (!entry) {
      const key = cleanText(String(pair[0] ?? ""));
      if (key !== "") other.push([key, String(pair[1] ?? "")]);
      continue;
    }
    const raw = String(pair[1] ?? "");
    // An empty list or JSON cell means "use the defaults".
    if ((entry.kind === "list" || entry.kind === "json") && cleanText(raw) === "" && entry.field !== "units") continue;
    const value = parseFieldValue(entry.kind, raw);
    if (value === undefined) {
      problems.push(`параметр «${entry.title}» не прочитан: это не JSON; используется значение по умолчанию`);
      continue;
    }
    const parsed = parseSettingsField(entry.field, value);
    if (parsed.success) result[entry.field] = parsed.data;
    else problems.push(`параметр «${entry.title}» не принят: ${parsed.error.issues[0]?.message ?? "неверное значение"}; используется значение по умолчанию`);
  }
  if (other.length) result.otherPairs = other;
  const whole = parseSettings(result);
  if (!whole.success) return { settings: { ...DEFAULT_SETTINGS, ...(other.length ? { otherPairs: other } : {}) }, problems: [...problems, "настройки не прочитаны; используются значения по умолчанию"] };
  const cross = crossSettingsProblems(whole.data);
  if (cross.length) {
    // Agency processes that clash are not guessed at: the whole list waits until the settings are corrected.
    problems.push(`параметр «${settingsFieldTitle("agencyProcesses")}» не принят: ${cross[0].message}`);
    const settings = { ...whole.data };
    delete settings.agencyProcesses;
    return { settings, problems };
  }
  return { settings: whole.data, problems };
}

/** Settings from pairs: unknown parameters ignored, each invalid value falls back to its default. Never throws. */
export function settingsFromPairs(pairs: readonly (readonly [string, string])[]): Settings {
  return readSettingsPairs(pairs).settings;
}

/** Where the «Параметр | Значение» block lies on a sheet (0-based, as in `SheetText.rows`). */
export interface SettingsBlock {
  /** The «Параметр» cell. */
  headerRow: number;
  keyColumn: number;
  /** One per pair, in order; `row` is the sheet row index of the pair. */
  pairs: { row: number; key: string; value: string }[];
}

/** The «Параметр | Значение» block anywhere on the sheet: pairs below the header row until the first empty parameter. */
export function findSettingsBlock(sheet: SheetText): SettingsBlock | null {
  const rows = sheet.rows ?? [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length - 1; c++) {
      if (matchKey(row[c] ?? "") !== "параметр" || matchKey(row[c + 1] ?? "") !== "значение") continue;
      const pairs: SettingsBlock["pairs"] = [];
      for (let k = r + 1; k < rows.length; k++) {
        const key = cleanText(rows[k]?.[c] ?? "");
        if (key === "") break;
        pairs.push({ row: k, key, value: rows[k]?.[c + 1] ?? "" });
      }
      return { headerRow: r, keyColumn: c, pairs };
    }
  }
  return null;
}

export function findSettingsPairs(sheet: SheetText): [string, string][] {
  return (findSettingsBlock(sheet)?.pairs ?? []).map(({ key, value }) => [key, value]);
}

/** Fields that are plain text in the block (a narrow update writes these cells only). */
export type ScalarSettingsField = "agencyName" | "agencyGenitive" | "agencyCode" | "coordinator" | "orderNumber" | "orderDate" | "appendixNumber" | "lastActualization" | "appendixPaper" | "idScheme";

/** A cell of the settings block to write (0-based sheet coordinates); text, never a formula. */
export interface SettingsCellWrite {
  field: ScalarSettingsField;
  row: number;
  column: number;
  values: [string] | [string, string];
}

/**
 * The cells to write so the block holds `changes` and keeps every other pair: a known parameter's value cell is
 * rewritten in place (the last one, as `settingsFromPairs` lets the last win), a new one is appended below the block.
 * Values are validated like the whole settings. Null when the sheet has no settings block.
 */
export function settingsBlockWrites(sheet: SheetText, changes: Partial<Pick<Settings, ScalarSettingsField>>): SettingsCellWrite[] | null {
  const block = findSettingsBlock(sheet);
  if (!block) return null;
  const writes: SettingsCellWrite[] = [];
  let nextRow = block.pairs.length ? block.pairs[block.pairs.length - 1].row + 1 : block.headerRow + 1;
  for (const entry of FIELDS) {
    const value = changes[entry.field as ScalarSettingsField];
    if (value === undefined || entry.kind === "list" || entry.kind === "json") continue;
    if (!parseSettingsField(entry.field, value).success) continue;
    const existing = block.pairs.filter((pair) => FIELD_BY_KEY.get(matchKey(pair.key))?.field === entry.field).pop();
    if (existing) {
      if (cleanText(existing.value) !== value) writes.push({ field: entry.field as ScalarSettingsField, row: existing.row, column: block.keyColumn + 1, values: [value] });
    } else {
      writes.push({ field: entry.field as ScalarSettingsField, row: nextRow++, column: block.keyColumn, values: [entry.title, value] });
    }
  }
  return writes;
}
