/**
 * Every due date of the coordinator's cycle in one place: the next actualization (clause 3.11: at least every six
 * months, «при наличии изменений»), the open change requests with the nearest due dates (3.10), and the units that have
 * not yet sent their files in a running collection round.
 */
import type { SheetText } from "./register-types";
import { registerChangesOfSheets } from "./requests/register-changes";
import { summarizeDue, type DueSummary, type PendingUnitsSource } from "./summarize-due";

export type { ActualizationStatus, DueSources, DueSummary, PendingUnitsSource, RegisterChangesSource } from "./summarize-due";

export function buildDueSummary(sheets: readonly SheetText[], today: string, pendingUnits?: PendingUnitsSource): DueSummary {
  return summarizeDue(sheets, today, { pendingUnits, registerChanges: registerChangesOfSheets });
}
