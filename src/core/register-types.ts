/** Shapes shared by reading, rules, merging and the adapters. */

/** A sheet as an adapter read it: every cell as display text, rows[0] is sheet row 1, cols[0] is column A. */
export interface SheetText {
  name: string;
  rows: string[][];
}

/** One data row of the register. */
export interface RegisterRow {
  /** The sheet's own row number (1-based). */
  sheetRow: number;
  /** Exactly 15 strings, cells[0] is register column 1; "" when empty or when the column is missing. */
  cells: string[];
  /** Values of the extra (non-register) columns, in the order of `RegisterTable.extraColumns`. */
  extra: string[];
}

export interface ExtraColumn {
  /** 0-based sheet column index. */
  sheetColumn: number;
  title: string;
}

export interface RegisterTable {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** For register column n (index n-1): the 0-based sheet column it was found in, or null when missing. */
  columnMap: (number | null)[];
  /** Register column numbers (1–15) not found. */
  missingColumns: number[];
  extraColumns: ExtraColumn[];
  rows: RegisterRow[];
}

export type Severity = "error" | "warning";

export type IssueCode =
  | "required"
  | "unknown-process"
  | "invalid-value"
  | "duplicate-id"
  | "group-mismatch"
  | "broken-link"
  | "placement-missing";

export interface RegisterIssue {
  /** The sheet's row number. */
  row: number;
  /** Register column 1–15. */
  column: number;
  code: IssueCode;
  severity: Severity;
  /** Russian, for people. */
  message: string;
}
