/** The settings form's state and its conversion to and from Settings (pure: no React, no Office). */
import { buildCatalog } from "../../core/catalog";
import { resolveIdScheme } from "../../core/fixes";
import { DEFAULT_ID_SCHEME, normalizeDateText, settingsProblems, type AgencyProcess, type Settings, type SettingsField } from "../../core/settings";
import { cleanText } from "../../core/text";
import { cycleFormOf, pairsWithCycleForm, type CycleForm } from "./cycle-form";
import { DEFAULT_CLIENTS, DEFAULT_KINDS, DEFAULT_PLACEMENTS, DEFAULT_STATUSES } from "../../core/vocabularies";

/** A list item as edited: `original` is its name in the workbook (null for one added here), so renames can be told. */
export interface ListItem {
  key: number;
  text: string;
  original: string | null;
}

export type VocabularyField = "statuses" | "clients" | "kinds" | "placements";
export const VOCABULARY_FIELDS: readonly VocabularyField[] = ["statuses", "clients", "kinds", "placements"];

export const VOCABULARY_DEFAULTS: Record<VocabularyField, readonly string[]> = {
  statuses: DEFAULT_STATUSES,
  clients: DEFAULT_CLIENTS,
  kinds: DEFAULT_KINDS,
  placements: DEFAULT_PLACEMENTS,
};

export interface OwnProcessItem extends AgencyProcess {
  key: number;
  /** Added in this session: may still be deleted (a saved one is retired instead). */
  unsaved: boolean;
}

export interface SettingsForm {
  base: Settings;
  agencyName: string;
  agencyGenitive: string;
  agencyCode: string;
  coordinator: string;
  orderNumber: string;
  orderDate: string;
  appendixNumber: string;
  appendixPaper: "A4" | "A3";
  lastActualization: string;
  idScheme: string;
  units: ListItem[];
  lists: Record<VocabularyField, ListItem[]>;
  ownProcesses: OwnProcessItem[];
  hiddenProcesses: string[];
  /** The production calendar's extra days and the documents' templates (extra pairs of the settings block). */
  cycle: CycleForm;
}

let nextKey = 1;
export function newKey(): number {
  return nextKey++;
}

export function listItems(values: readonly string[]): ListItem[] {
  return values.map((text) => ({ key: newKey(), text, original: text }));
}

export function formOf(settings: Settings): SettingsForm {
  const catalog = buildCatalog(settings);
  return {
    base: settings,
    agencyName: settings.agencyName,
    agencyGenitive: settings.agencyGenitive,
    agencyCode: settings.agencyCode,
    coordinator: settings.coordinator,
    orderNumber: settings.orderNumber,
    orderDate: settings.orderDate,
    appendixNumber: settings.appendixNumber,
    appendixPaper: settings.appendixPaper ?? "A4",
    lastActualization: settings.lastActualization,
    idScheme: settings.idScheme,
    units: listItems(settings.units),
    lists: { statuses: listItems(catalog.statuses), clients: listItems(catalog.clients), kinds: listItems(catalog.kinds), placements: listItems(catalog.placements) },
    ownProcesses: (settings.agencyProcesses ?? []).map((process) => ({ ...process, key: newKey(), unsaved: false })),
    hiddenProcesses: [...(settings.hiddenProcesses ?? [])],
    cycle: cycleFormOf(settings.otherPairs),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** A list equal to its default is stored as absent, so a later change of the defaults reaches the workbook. */
function vocabulary(items: readonly ListItem[], defaults: readonly string[]): string[] | undefined {
  const values = items.map((item) => cleanText(item.text));
  return sameList(values, defaults) ? undefined : values;
}

/** Text fields are cleaned (a unit's «;» is kept, so the check can refuse it at the field). */
export function settingsOfForm(form: SettingsForm): Settings {
  const settings: Settings = {
    ...form.base,
    agencyName: cleanText(form.agencyName),
    agencyGenitive: cleanText(form.agencyGenitive),
    agencyCode: cleanText(form.agencyCode),
    coordinator: cleanText(form.coordinator),
    orderNumber: cleanText(form.orderNumber),
    orderDate: normalizeDateText(form.orderDate),
    appendixNumber: cleanText(form.appendixNumber),
    appendixPaper: form.appendixPaper,
    lastActualization: normalizeDateText(form.lastActualization),
    idScheme: cleanText(form.idScheme),
    units: form.units.map((item) => item.text.trim()),
  };
  for (const field of VOCABULARY_FIELDS) {
    const value = vocabulary(form.lists[field], VOCABULARY_DEFAULTS[field]);
    if (value === undefined) delete settings[field];
    else settings[field] = value;
  }
  const own: AgencyProcess[] = form.ownProcesses.map((item) => {
    const code = cleanText(item.code);
    const process: AgencyProcess = { code, direction: code.split(".")[0], name: cleanText(item.name), goal: cleanText(item.goal), value: cleanText(item.value) };
    if (item.retired) process.retired = true;
    return process;
  });
  if (own.length) settings.agencyProcesses = own;
  else delete settings.agencyProcesses;
  if (form.hiddenProcesses.length) settings.hiddenProcesses = [...form.hiddenProcesses];
  else delete settings.hiddenProcesses;
  const otherPairs = pairsWithCycleForm(form.base.otherPairs ?? [], form.cycle);
  if (otherPairs.length) settings.otherPairs = otherPairs;
  else delete settings.otherPairs;
  return settings;
}

/** Problems keyed by field, and by field and item («units.2») for list items. */
export function problemsByField(settings: Settings): Map<string, string> {
  const map = new Map<string, string>();
  for (const problem of settingsProblems(settings)) {
    const key = problem.index === undefined ? problem.field : `${problem.field}.${problem.index}`;
    if (!map.has(key)) map.set(key, problem.message);
  }
  return map;
}

export function fieldProblem(problems: Map<string, string>, field: SettingsField, index?: number): string | undefined {
  return index === undefined ? problems.get(field) : problems.get(`${field}.${index}`);
}

/** Units renamed in the form (by their name in the workbook). */
export function unitRenames(form: SettingsForm): { from: string; to: string }[] {
  return form.units
    .filter((item) => item.original !== null && cleanText(item.text) !== "" && cleanText(item.text) !== item.original)
    .map((item) => ({ from: item.original!, to: cleanText(item.text) }));
}

/**
 * An ID as the scheme gives it for a real process, or null when the scheme needs the agency code and it is not set
 * (a placeholder is never shown).
 */
export function idExample(settings: Settings, processCode?: string): { id: string; process: string } | null {
  const scheme = cleanText(settings.idScheme) || DEFAULT_ID_SCHEME;
  if (scheme.includes("{agency}") && !cleanText(settings.agencyCode)) return null;
  const catalog = buildCatalog(settings);
  const process = catalog.processes.find((candidate) => candidate.code === processCode) ?? catalog.processes.find((candidate) => !candidate.hidden) ?? catalog.processes[0];
  const code = process?.code ?? "1.1";
  const id = resolveIdScheme(scheme, settings.agencyCode).replace(/\{process\}/g, code).replace(/\{nn\}/g, "01");
  return { id, process: code };
}
