/**
 * The typical list of processes (Приложение 2 to the order): its 5 directions and the codes and names of its 38 processes.
 * The processes' goals and values, long texts only the layouts and the rules need, are in typical-list.ts, and how a
 * register cell names a process in typical-process-match.ts: reading the settings (the pane's first screen) needs the
 * names alone.
 */
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

/** The generic wording used where the seed names the archive service and no agency is configured. */
export const GENERIC_AGENCY_GENITIVE = "органа власти";

/** Where the seed names the agency (genitive case). */
export const AGENCY = "{agency}";

/** [code, name]; `{agency}` stands where the seed names the agency (genitive case). */
export const SEED_NAMES: readonly (readonly [string, string])[] = [
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

/** `text` with the agency's name (genitive) where the seed names the agency. */
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
