/** Everything the rules and the dropdowns need, resolved from the settings once. */
import type { Settings } from "./settings";
import type { Direction, TypicalProcess } from "./typical-list";
import { DEFAULT_DIRECTIONS, GENERIC_AGENCY_GENITIVE, typicalProcesses } from "./typical-list";
import { DEFAULT_CLIENTS, DEFAULT_KINDS, DEFAULT_PLACEMENTS, DEFAULT_STATUSES } from "./vocabularies";

export interface RegisterCatalog {
  directions: Direction[];
  /** The typical list, then the agency's own processes (`agency: true`); hidden ones are marked, never dropped. */
  processes: TypicalProcess[];
  statuses: string[];
  clients: string[];
  kinds: string[];
  placements: string[];
  units: string[];
}

const AGENCY_PLACEHOLDER = /\{agency\}/g;

/** Build once and reuse: matching caches its lookup maps per list. */
export function buildCatalog(settings: Settings): RegisterCatalog {
  const agency = settings.agencyGenitive?.trim() || GENERIC_AGENCY_GENITIVE;
  const processes: TypicalProcess[] = settings.processes
    ? settings.processes.map((process) => ({
        ...process,
        name: process.name.replace(AGENCY_PLACEHOLDER, agency),
        goal: process.goal.replace(AGENCY_PLACEHOLDER, agency),
        value: process.value.replace(AGENCY_PLACEHOLDER, agency),
      }))
    : typicalProcesses(agency);
  const hidden = new Set(settings.hiddenProcesses ?? []);
  for (const process of processes) if (hidden.has(process.code)) process.hidden = true;
  const own: TypicalProcess[] = (settings.agencyProcesses ?? []).map((process) => ({
    code: process.code,
    direction: process.direction,
    name: process.name.replace(AGENCY_PLACEHOLDER, agency),
    goal: process.goal.replace(AGENCY_PLACEHOLDER, agency),
    value: process.value.replace(AGENCY_PLACEHOLDER, agency),
    agency: true,
    ...(process.retired ? { hidden: true } : {}),
  }));
  processes.push(...own);
  return {
    directions: (settings.directions ?? DEFAULT_DIRECTIONS).map((direction) => ({ ...direction })),
    processes,
    statuses: [...(settings.statuses ?? DEFAULT_STATUSES)],
    clients: [...(settings.clients ?? DEFAULT_CLIENTS)],
    kinds: [...(settings.kinds ?? DEFAULT_KINDS)],
    placements: [...(settings.placements ?? DEFAULT_PLACEMENTS)],
    units: [...settings.units],
  };
}
