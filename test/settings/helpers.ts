/** An agency with settings of its own: custom statuses, units, a code and a process beside the typical list. */
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { validRows } from "../fixtures/register-data";

export const AGENCY_NAME = "Архивная служба Республики Северная Осетия-Алания";
export const AGENCY_GENITIVE = "Архивной службы Республики Северная Осетия-Алания";

export const OWN_PROCESS = {
  code: "1.10",
  direction: "1",
  name: "Консультирование по генеалогическим запросам",
  goal: "Помочь заявителю составить запрос",
  value: "Запрос составлен верно с первого раза",
};

export const AGENCY: Settings = {
  ...DEFAULT_SETTINGS,
  agencyName: AGENCY_NAME,
  agencyGenitive: AGENCY_GENITIVE,
  agencyCode: "АС",
  units: ["Отдел архивного обслуживания", "Отдел кадров", "Юридический отдел", "Отдел информатизации"],
  statuses: ["В работе", "Завершен"],
  agencyProcesses: [OWN_PROCESS],
};

/** Valid rows for AGENCY: its own statuses, and the last row names the agency's own process. */
export function agencyRows(count: number, idPrefix = "АС"): string[][] {
  const rows = validRows(count).map((row, index) => {
    const next = [...row];
    next[0] = `${idPrefix}-${index + 1}`;
    next[7] = index % 2 ? "Завершен" : "В работе";
    return next;
  });
  const own = rows[rows.length - 1];
  own[4] = "Предоставление государственных услуг";
  own[5] = `${OWN_PROCESS.code}. ${OWN_PROCESS.name}`;
  return rows;
}
