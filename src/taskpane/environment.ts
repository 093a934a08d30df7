/** Where the pane runs, decided once at start-up and passed down to sections. */
export type PaneHostKind = "excel" | "playground" | "outside";

export interface PaneEnvironment {
  kind: PaneHostKind;
  /** Highest supported ExcelApi 1.x, e.g. "1.8"; "" outside Excel. */
  apiLevel: string;
  /** Office's platform name (PC, Mac, OfficeOnline…) or "Simulator"; "" when unknown. */
  platform: string;
}
