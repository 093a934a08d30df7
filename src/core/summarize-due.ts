/**
 * Every due date of the coordinator's cycle in one place: the next actualization (clause 3.11: at least every six
 * months, «при наличии изменений»), the open change requests with the nearest due dates (3.10), and the units that have
 * not yet sent their files in a running collection round.
 *
 * The comparison with the approved register comes from the caller (`due-summary.ts` gives the core's own).
 */
import { nextActualization, readApprovedRegister, ruDateToIso } from "./approval";
import { settingsOfSheets } from "./workbook-settings";
import type { SheetText } from "./register-types";
import type { RegisterChange } from "./changes";
import { checkRequestsInSheets } from "./requests/request-report";
import { byUrgency, type EvaluatedRequest } from "./requests/request-rules";

/**
 * Units that have not submitted in the running collection round, or null when no round is running. The collection
 * round lives in its own module; until it is wired in, callers pass none and the summary says nothing about it.
 */
export type PendingUnitsSource = (sheets: readonly SheetText[], todayIso: string) => { units: string[]; due: string | null } | null;

/**
 * The changes of the working register against the approved one kept in the workbook, or null when it keeps none
 * (`registerChangesOfSheets`). Given by the caller: the comparison needs the catalog and the typical list, which the
 * pane fetches only for a workbook that holds an approved register.
 */
export type RegisterChangesSource = (sheets: readonly SheetText[]) => RegisterChange[] | null;

/** Where the summary gets what lives outside the request log and the settings. */
export interface DueSources {
  pendingUnits?: PendingUnitsSource;
  registerChanges: RegisterChangesSource;
}

export interface ActualizationStatus {
  /** ISO of the approval or actualization the term is counted from. */
  since: string;
  /** ISO */
  due: string;
  /** Calendar days left (negative when past). */
  daysLeft: number;
  /** True / false when the workbook holds an approved register to compare with; null when it cannot be told. */
  changed: boolean | null;
  /** Past due and there is (or may be) something to actualize. */
  overdue: boolean;
}

export interface DueSummary {
  today: string;
  actualization: ActualizationStatus | null;
  /** Null when the workbook has no request log (or it cannot be read); `problem` then says why, if it exists. */
  requests: { open: number; overdue: number; dueSoon: number; nearest: EvaluatedRequest[]; approximate: boolean } | null;
  requestsProblem: string | null;
  collection: { units: string[]; due: string | null } | null;
  anyOverdue: boolean;
}

const NEAREST_COUNT = 5;

/** The actualization's dates are ones nextActualization itself formatted. */
const ruToIso = (text: string): string => ruDateToIso(text)!;

function actualizationStatus(sheets: readonly SheetText[], today: string, registerChanges: RegisterChangesSource): ActualizationStatus | null {
  const settings = settingsOfSheets(sheets);
  const approved = readApprovedRegister(sheets);
  const [year, month, day] = today.split("-").map(Number);
  const next = nextActualization([settings.orderDate, settings.lastActualization, approved?.orderDate], { year, month, day });
  if (!next) return null;
  const changes = registerChanges(sheets);
  const changed = changes === null ? null : changes.length > 0;
  return { since: ruToIso(next.since), due: ruToIso(next.due), daysLeft: next.daysLeft, changed, overdue: next.overdue && changed !== false };
}

/** The summary, with the register comparison and the collection round from `sources`. */
export function summarizeDue(sheets: readonly SheetText[], today: string, sources: DueSources): DueSummary {
  const actualization = actualizationStatus(sheets, today, sources.registerChanges);
  const report = checkRequestsInSheets(sheets, today);
  let requests: DueSummary["requests"] = null;
  let requestsProblem: string | null = null;
  if (report.ok) {
    const open = report.requests.filter((request) => request.open);
    requests = {
      open: open.length,
      overdue: open.filter((request) => request.overdue).length,
      dueSoon: open.filter((request) => request.dueSoon).length,
      nearest: [...open].sort(byUrgency).slice(0, NEAREST_COUNT),
      approximate: open.some((request) => request.approximate),
    };
  } else if (report.reason === "no-header") {
    requestsProblem = report.message;
  }
  const collection = sources.pendingUnits?.(sheets, today) ?? null;
  const collectionOverdue = collection !== null && collection.units.length > 0 && collection.due !== null && collection.due < today;
  return {
    today,
    actualization,
    requests,
    requestsProblem,
    collection,
    anyOverdue: (actualization?.overdue ?? false) || (requests?.overdue ?? 0) > 0 || collectionOverdue,
  };
}
