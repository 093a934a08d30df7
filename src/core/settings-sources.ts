/**
 * Which settings a result built from several workbooks takes (each workbook's own: workbook-settings.ts):
 * an explicit settings file, else the approved register's, else the inputs' when they agree. Nothing is dropped in
 * silence: every setting an input holds differently from the one used is reported with the files that hold it.
 */
import { buildCatalog } from "./catalog";
import { settingsFieldTitle, type Settings, type SettingsField } from "./settings";
import { matchKey } from "./text";

// A workbook's own settings are read in a module of their own: the pane's first screen needs them without the
// comparison of several workbooks' settings (which resolves the catalog and the typical list).
export { readWorkbookSettings, settingsOfSheets, type WorkbookSettings } from "./workbook-settings";

/** Settings compared between workbooks: what changes the rules, the dropdowns and the published text. */
const COMPARED_FIELDS: SettingsField[] = [
  "agencyName",
  "agencyGenitive",
  "agencyCode",
  "units",
  "statuses",
  "clients",
  "kinds",
  "placements",
  "idScheme",
  "agencyProcesses",
  "hiddenProcesses",
];

/** A setting as one line of text, defaults resolved (an absent list and the default list are the same). */
export function settingText(settings: Settings, field: SettingsField): string {
  const catalog = buildCatalog(settings);
  switch (field) {
    case "statuses":
    case "clients":
    case "kinds":
    case "placements":
    case "units":
      return catalog[field].join("; ");
    case "agencyProcesses":
      return (settings.agencyProcesses ?? []).map((process) => `${process.code}. ${process.name}${process.retired ? " (выведен)" : ""}`).join("; ");
    case "hiddenProcesses":
      return (settings.hiddenProcesses ?? []).join("; ");
    default:
      return String(settings[field] ?? "");
  }
}

export interface SettingsSource {
  /** The file as the user named it. */
  file: string;
  settings: Settings;
}

export type SettingsOrigin = "settings-file" | "previous" | "inputs" | "defaults";

export interface SettingsConflict {
  field: SettingsField;
  /** The parameter's Russian name. */
  title: string;
  /** Each distinct value and the files holding it, in the order first met. */
  values: { value: string; files: string[] }[];
  /** The value the result carries. */
  used: string;
}

export interface SettingsResolution {
  settings: Settings;
  origin: SettingsOrigin;
  /** The file the settings came from (null for defaults and for agreeing inputs' merged lists). */
  from: string | null;
  conflicts: SettingsConflict[];
}

function unionOf(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const item of list) {
      const key = matchKey(item);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(item);
      }
    }
  }
  return out;
}

/**
 * Settings the inputs agree on; where they differ, lists are joined (so no input's rows lose their statuses or units)
 * and a scalar takes the first input's non-empty value.
 */
function combineInputs(sources: readonly SettingsSource[]): Settings {
  const first = sources[0].settings;
  const combined: Settings = { ...first };
  for (const field of ["agencyName", "agencyGenitive", "agencyCode", "coordinator", "orderNumber", "orderDate", "lastActualization"] as const) {
    combined[field] = sources.map((source) => source.settings[field]).find((value) => value !== "") ?? "";
  }
  const catalogs = sources.map((source) => buildCatalog(source.settings));
  for (const field of ["statuses", "clients", "kinds", "placements"] as const) {
    if (sources.some((source) => source.settings[field] !== undefined)) combined[field] = unionOf(catalogs.map((catalog) => catalog[field]));
  }
  combined.units = unionOf(sources.map((source) => source.settings.units));
  const own = new Map<string, NonNullable<Settings["agencyProcesses"]>[number]>();
  for (const source of sources) for (const process of source.settings.agencyProcesses ?? []) if (!own.has(process.code)) own.set(process.code, process);
  if (own.size) combined.agencyProcesses = [...own.values()];
  const hidden = unionOf(sources.map((source) => source.settings.hiddenProcesses ?? []));
  if (hidden.length) combined.hiddenProcesses = hidden;
  return combined;
}

/** Each compared setting some source holds differently from `used`: which files hold which value. */
export function settingsConflicts(used: Settings, sources: readonly SettingsSource[]): SettingsConflict[] {
  const conflicts: SettingsConflict[] = [];
  for (const field of COMPARED_FIELDS) {
    const usedText = settingText(used, field);
    const values: SettingsConflict["values"] = [];
    for (const source of sources) {
      const value = settingText(source.settings, field);
      const entry = values.find((candidate) => candidate.value === value);
      if (entry) entry.files.push(source.file);
      else values.push({ value, files: [source.file] });
    }
    if (values.some((entry) => entry.value !== usedText)) conflicts.push({ field, title: settingsFieldTitle(field), values, used: usedText });
  }
  return conflicts;
}

/** The settings for a result built from `inputs`: `explicit` (a settings file) > `previous` (the approved register) > inputs. */
export function resolveSettings(request: {
  explicit?: SettingsSource | null;
  previous?: SettingsSource | null;
  inputs: readonly SettingsSource[];
  defaults: Settings;
}): SettingsResolution {
  const chosen = request.explicit ?? request.previous ?? null;
  if (chosen) {
    return {
      settings: chosen.settings,
      origin: request.explicit ? "settings-file" : "previous",
      from: chosen.file,
      conflicts: settingsConflicts(chosen.settings, request.inputs),
    };
  }
  if (!request.inputs.length) return { settings: request.defaults, origin: "defaults", from: null, conflicts: [] };
  const settings = request.inputs.length === 1 ? request.inputs[0].settings : combineInputs(request.inputs);
  return { settings, origin: "inputs", from: request.inputs.length === 1 ? request.inputs[0].file : null, conflicts: settingsConflicts(settings, request.inputs) };
}

const ORIGIN_TEXT: Record<SettingsOrigin, string> = {
  "settings-file": "из файла настроек",
  previous: "из утвержденного реестра",
  inputs: "из сводимых файлов",
  defaults: "по умолчанию (ни в одном файле их нет)",
};

/** Russian lines for a report: where the settings came from, then each disagreement. */
export function settingsResolutionLines(resolution: SettingsResolution): string[] {
  const lines = [`Настройки органа ${ORIGIN_TEXT[resolution.origin]}${resolution.from ? `: ${resolution.from}` : ""}.`];
  for (const conflict of resolution.conflicts) {
    const held = conflict.values.map((entry) => `${entry.files.join(", ")} — «${entry.value || "не задано"}»`).join("; ");
    lines.push(`Расхождение в параметре «${conflict.title}»: ${held}. Взято: «${conflict.used || "не задано"}».`);
  }
  return lines;
}
