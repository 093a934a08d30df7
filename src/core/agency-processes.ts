/** Adding a process the register names but no list holds to the agency's own processes (one click in the pane). */
import { buildCatalog } from "./catalog";
import type { RegisterIssue, RegisterTable } from "./register-types";
import { directionsNamedBy } from "./rules";
import type { AgencyProcess, Settings } from "./settings";
import { cleanText, matchKey } from "./text";
import { splitProcessCode } from "./typical-list";

export interface UnknownProcess {
  /** Column 6 as written. */
  text: string;
  /** Sheet rows naming it. */
  rows: number[];
  /** What would be added. */
  proposal: AgencyProcess;
}

function freeCode(direction: string, taken: ReadonlySet<string>): string {
  for (let n = 1; n < 100; n++) if (!taken.has(`${direction}.${n}`)) return `${direction}.${n}`;
  return "";
}

/**
 * The distinct processes of the unknown-process issues, each with the agency process that would take it in: its own
 * code when it has a free one, else the next free number in the direction column 5 names (direction 1 when none).
 */
export function unknownProcesses(table: RegisterTable, issues: readonly RegisterIssue[], settings: Settings): UnknownProcess[] {
  const catalog = buildCatalog(settings);
  const taken = new Set(catalog.processes.map((process) => process.code));
  const directions = new Set(catalog.directions.map((direction) => direction.code));
  const directionsOf = directionsNamedBy(catalog);
  const rowsBySheetRow = new Map(table.rows.map((row) => [row.sheetRow, row]));
  const found = new Map<string, UnknownProcess>();
  for (const issue of issues) {
    if (issue.code !== "unknown-process") continue;
    const row = rowsBySheetRow.get(issue.row);
    const text = cleanText(row?.cells[5] ?? "");
    if (!text) continue;
    const key = matchKey(text);
    const known = found.get(key);
    if (known) {
      known.rows.push(issue.row);
      continue;
    }
    const { code, name } = splitProcessCode(text);
    const named = [...directionsOf(cleanText(row?.cells[4] ?? ""))][0];
    let proposed = code && /^\d{1,2}\.\d{1,2}$/.test(code) && directions.has(code.split(".")[0]) && !taken.has(code) ? code : "";
    if (!proposed) proposed = freeCode(named ?? code.split(".")[0] ?? "1", taken) || freeCode("1", taken);
    if (!directions.has(proposed.split(".")[0])) proposed = freeCode("1", taken);
    taken.add(proposed);
    found.set(key, { text, rows: [issue.row], proposal: { code: proposed, direction: proposed.split(".")[0], name: cleanText(name) || text, goal: "", value: "" } });
  }
  return [...found.values()];
}

/** The settings with `process` added to the agency's own list. */
export function withAgencyProcess(settings: Settings, process: AgencyProcess): Settings {
  return { ...settings, agencyProcesses: [...(settings.agencyProcesses ?? []), process] };
}
