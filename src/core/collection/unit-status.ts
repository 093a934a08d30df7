/** A unit's status in a collection round and its words in reports, records and the pane. */
export type UnitStatus = "submitted" | "late" | "missing" | "duplicate";

export const UNIT_STATUS_TEXT: Record<UnitStatus, string> = {
  submitted: "представлен",
  late: "представлен с опозданием",
  missing: "не представлен",
  duplicate: "представлен дважды",
};
