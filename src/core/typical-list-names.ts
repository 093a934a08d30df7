/**
 * The typical list of processes (Приложение 2 to the order): its 5 directions and the codes and names of its 38 processes,
 * and how a register cell names one. The processes' goals and values, long texts only the layouts and the rules need, are
 * in typical-list.ts: reading the settings and comparing registers (the pane's first screen) need the names alone.
 */
import { matchKey } from "./text";

export interface Direction {
  code: "1" | "2" | "3" | "4" | "5" | string;
  name: string;
}

export interface TypicalProcess {
  /** As the seed numbers it: "1.1" … "5.15" (there is no 2.7). */
  code: string;
  /** The direction's code. */
  direction: string;
  /** Without the leading code. */
  name: string;
  goal: string;
  value: string;
  /** A process of the agency's own (not in Приложение 2). */
  agency?: boolean;
  /** Not offered in the dropdowns (a hidden typical process, a retired agency process); still accepted by the rules. */
  hidden?: boolean;
}

export const DEFAULT_DIRECTIONS: readonly Direction[] = [
  { code: "1", name: "Предоставление государственных услуг" },
  { code: "2", name: "Государственный контроль (надзор)" },
  { code: "3", name: "Рассмотрение обращений и запросов" },
  { code: "4", name: "Обеспечение доступа к информации о деятельности" },
  { code: "5", name: "Организация отношений с внутренним клиентом" },
];

/** The seed's own spellings of direction names, accepted when reading column 5. */
export const DIRECTION_NAME_VARIANTS: Record<string, string[]> = {
  "Обеспечение доступа к информации о деятельности": [
    "Обеспечения доступа к информации о деятельности",
    "Обеспечение доступа к информации о деятельности органа власти",
  ],
  "Предоставление государственных услуг": ["Предоставление государственных услуг (функций)"],
};

/** The generic wording used where the seed names the archive service and no agency is configured. */
export const GENERIC_AGENCY_GENITIVE = "органа власти";

/** Where the seed names the agency (genitive case). */
export const AGENCY = "{agency}";

/** [code, name]; `{agency}` stands where the seed names the agency (genitive case). */
const SEED_NAMES: readonly (readonly [string, string])[] = [
  ["1.1", "Информирование о предоставлении государственной услуги"],
  ["1.2", "Организация подачи заявителем запроса"],
  ["1.3", "Прием и регистрация запроса заявителя"],
  ["1.4", "Запрос и получение документов (сведений), необходимых для предоставления государственной услуги, в порядке межведомственного информационного взаимодействия"],
  ["1.5", "Рассмотрение запроса и принятие решения по результатам его рассмотрения"],
  ["1.6", "Уведомление заявителя о ходе предоставления государственной услуги и ее результатах"],
  ["1.7", "Предоставление результата государственной услуги"],
  ["1.8", "Оценка заявителем качества предоставления государственной услуги (обратная связь)"],
  ["1.9", "Досудебное обжалование решений и действий (бездействия) органа, предоставляющего государственную услугу, а также его должностных лиц"],
  ["2.1", "Принятие решения о проведении контрольного (надзорного) мероприятия"],
  ["2.2", "Организация и проведение контрольного (надзорного) мероприятия"],
  ["2.3", "Оформление результатов контрольного (надзорного) мероприятия и ознакомление с его результатами"],
  ["2.4", `Обжалование решений ${AGENCY}, действий (бездействия) его должностных лиц`],
  ["2.5", `Контроль за исполнением решений ${AGENCY}`],
  ["2.6", `Оценка результативности и эффективности деятельности ${AGENCY}`],
  ["2.8", "Профилактика рисков причинения вреда (ущерба) охраняемым законом ценностям"],
  ["2.9", "Независимая оценка соблюдения обязательных требований"],
  ["3.1", "Прием и регистрация обращений и запросов"],
  ["3.2", "Определение исполнителей по рассмотрению обращений и запросов"],
  ["3.3", "Рассмотрение обращений и запросов и подготовка ответов на них"],
  ["3.4", "Контроль за соблюдением порядка рассмотрения обращений"],
  ["4.1", `Размещение информации о деятельности ${AGENCY}`],
  ["4.2", `Предоставление информации о деятельности ${AGENCY}`],
  ["5.1", "Поступление на государственную гражданскую службу (прием на работу)"],
  ["5.2", "Испытание при поступлении на государственную гражданскую службу (приеме на работу)"],
  ["5.3", "Аттестация государственных гражданских служащих"],
  ["5.4", "Предоставление отпуска"],
  ["5.5", "Направление в служебную командировку"],
  ["5.6", "Перевод на иную должность (другую работу) или перемещение, замещение иной должности"],
  ["5.7", "Предотвращение и урегулирование конфликта интересов"],
  ["5.8", "Представление сведений о доходах, расходах, об имуществе и обязательствах имущественного характера"],
  ["5.9", "Представление сведений о размещении информации в информационно-телекоммуникационной сети «Интернет»"],
  ["5.10", "Применение мер поощрения"],
  ["5.11", "Привлечение к дисциплинарной ответственности"],
  ["5.12", "Оказание материальной помощи"],
  ["5.13", "Организация документооборота и оперативного взаимодействия"],
  ["5.14", "Индивидуальный служебный (трудовой) спор"],
  ["5.15", "Организация клиентоцентричной корпоративной среды органа власти"],
];

/** The seed's own wordings where we corrected or completed a name; a register copied from the order still matches. */
const SEED_NAME_VARIANTS: Record<string, string[]> = {
  "1.4": [
    "Запрос и получение документов (сведений), необходимых для предоставления государственной услуги, в порядке",
    "Запрос и получение документов (сведений), необходимых для предоставления государственной услуги",
  ],
  "1.9": [
    "Досудебное обжалование решений и действий (бездействия) предоставляющего государственную услугу, а также его должностных лиц",
    "Досудебное (внесудебное) обжалование решений и действий (бездействия) органа, предоставляющего государственную услугу, а также его должностных лиц",
  ],
  "4.2": [`Предоставления информации о деятельности ${AGENCY}`],
  // Agencies often put their own name where the seed says «органа власти».
  "5.15": [`Организация клиентоцентричной корпоративной среды ${AGENCY}`],
};

export function withAgency(text: string, agencyGenitive: string): string {
  return text.split(AGENCY).join(agencyGenitive);
}

/** A process of the typical list without its goal and value. */
export type TypicalProcessName = Pick<TypicalProcess, "code" | "direction" | "name">;

/** The codes and names of the 38 processes, the agency's name (genitive) put where the seed names the agency. */
export function typicalProcessNames(agencyGenitive?: string): TypicalProcessName[] {
  const agency = agencyGenitive?.trim() || GENERIC_AGENCY_GENITIVE;
  return SEED_NAMES.map(([code, name]) => ({ code, direction: code.split(".")[0], name: withAgency(name, agency) }));
}

/** "1.1. Информирование о …" — the form users pick in a dropdown. */
export function processLabel(process: Pick<TypicalProcess, "code" | "name">): string {
  return process.code ? `${process.code}. ${process.name}` : process.name;
}

/** A leading code such as "1.1.", "1.1", "5.15 " or "2.5." followed by the name. */
const LEADING_CODE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s*(?=\S)/;

/** Splits "1.1. Name" into code and name; the code is "" when the text has none. */
export function splitProcessCode(text: string): { code: string; name: string } {
  const trimmed = text.trim();
  const match = LEADING_CODE.exec(trimmed);
  if (!match) return { code: "", name: trimmed };
  return { code: match[1], name: trimmed.slice(match[0].length) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Seed templates (with `{agency}`) as patterns over matchKey, so any agency's wording of 2.4–2.6, 4.1, 4.2 matches. */
interface AgencyPattern {
  code: string;
  pattern: RegExp;
}

const AGENCY_TEMPLATES: { code: string; template: string }[] = [
  ...SEED_NAMES.filter(([, name]) => name.includes(AGENCY)).map(([code, name]) => ({ code, template: name })),
  ...Object.entries(SEED_NAME_VARIANTS).flatMap(([code, variants]) =>
    variants.filter((variant) => variant.includes(AGENCY)).map((template) => ({ code, template })),
  ),
];

function templatePattern(template: string): RegExp {
  const [before, after] = matchKey(template).split(matchKey(AGENCY));
  return new RegExp(`^${escapeRegExp(before)}.+${escapeRegExp(after)}$`);
}

const AGENCY_PATTERNS: AgencyPattern[] = AGENCY_TEMPLATES.map(({ code, template }) => ({
  code,
  pattern: templatePattern(template),
}));

interface ProcessMatcher {
  byKey: Map<string, TypicalProcess>;
  patterns: { pattern: RegExp; process: TypicalProcess }[];
}

const MATCHERS = new WeakMap<readonly TypicalProcess[], ProcessMatcher>();

function buildMatcher(processes: readonly TypicalProcess[]): ProcessMatcher {
  const byKey = new Map<string, TypicalProcess>();
  const add = (text: string, process: TypicalProcess) => {
    const key = matchKey(text);
    if (key && !byKey.has(key)) byKey.set(key, process);
  };
  for (const process of processes) {
    add(process.name, process);
    add(processLabel(process), process);
  }
  // Seed variants only for a process that still bears the default wording of its code.
  const defaultsByCode = new Map(typicalProcessNames().map((p) => [p.code, p]));
  const patterns: { pattern: RegExp; process: TypicalProcess }[] = [];
  for (const process of processes) {
    const ownPatterns = AGENCY_PATTERNS.filter((entry) => entry.code === process.code);
    const generic = defaultsByCode.get(process.code);
    const isDefaultShaped =
      (generic && matchKey(generic.name) === matchKey(process.name)) ||
      ownPatterns.some((entry) => entry.pattern.test(matchKey(process.name)));
    if (!isDefaultShaped) continue;
    for (const variant of SEED_NAME_VARIANTS[process.code] ?? []) {
      if (!variant.includes(AGENCY)) add(variant, process);
    }
    for (const entry of ownPatterns) patterns.push({ pattern: entry.pattern, process });
  }
  return { byKey, patterns };
}

function matcherFor(processes: readonly TypicalProcess[]): ProcessMatcher {
  let matcher = MATCHERS.get(processes);
  if (!matcher) {
    matcher = buildMatcher(processes);
    MATCHERS.set(processes, matcher);
  }
  return matcher;
}

/**
 * The process a column-6 value names, with or without its leading code, tolerant to case, ё/е, spaces and a trailing
 * period, and to another agency's name in the wording of 2.4–2.6, 4.1, 4.2. Null when it names none.
 */
export function findProcess(text: string, processes: readonly TypicalProcess[]): TypicalProcess | null {
  if (!text) return null;
  const matcher = matcherFor(processes);
  const whole = matchKey(text);
  if (!whole) return null;
  const direct = matcher.byKey.get(whole);
  if (direct) return direct;
  const { code, name } = splitProcessCode(text);
  const nameKey = code ? matchKey(name) : whole;
  if (code) {
    const byName = matcher.byKey.get(nameKey);
    if (byName) return byName;
  }
  for (const { pattern, process } of matcher.patterns) {
    if (pattern.test(nameKey)) return process;
  }
  return null;
}
