/** The agency flags shared by `template`, `appendix` and `publish`: given ones override the workbook's settings. */
import { settingsFieldTitle, settingsProblems, type Settings } from "../core/settings";
import { cleanText } from "../core/text";
import { UsageError } from "./io";

export interface AgencyFlags {
  agency?: string;
  "agency-genitive"?: string;
  "agency-code"?: string;
  units?: string;
}

export const AGENCY_FLAG_SPECS = {
  agency: { type: "string" },
  "agency-genitive": { type: "string" },
  "agency-code": { type: "string" },
  units: { type: "string" },
} as const;

export const AGENCY_FLAG_USAGE = [
  "  --agency NAME              наименование органа (по умолчанию — из настроек книги)",
  "  --agency-genitive TEXT     наименование органа в родительном падеже (по умолчанию — из настроек книги)",
  "  --agency-code CODE         код органа для идентификаторов (по умолчанию — из настроек книги)",
  '  --units "A; B; C"          структурные подразделения через «;» (по умолчанию — из настроек книги)',
];

export function hasAgencyFlags(flags: AgencyFlags): boolean {
  return flags.agency !== undefined || flags["agency-genitive"] !== undefined || flags["agency-code"] !== undefined || flags.units !== undefined;
}

export function splitUnits(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map(cleanText)
    .filter((unit) => unit !== "");
}

/** `base` with the given flags put in; settings the flags make invalid are a usage error (one Russian line). */
export function applyAgencyFlags(base: Settings, flags: AgencyFlags): Settings {
  const settings: Settings = { ...base };
  if (flags.agency !== undefined) settings.agencyName = cleanText(flags.agency);
  if (flags["agency-genitive"] !== undefined) settings.agencyGenitive = cleanText(flags["agency-genitive"]);
  if (flags["agency-code"] !== undefined) settings.agencyCode = cleanText(flags["agency-code"]);
  if (flags.units !== undefined) settings.units = splitUnits(flags.units);
  const problem = settingsProblems(settings)[0];
  if (problem) throw new UsageError(`неверные настройки: ${settingsFieldTitle(problem.field)}: ${problem.message}`);
  return settings;
}
