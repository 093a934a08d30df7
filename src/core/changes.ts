/**
 * Changes of the consolidated register against the approved one, by process ID, with the grounds of seed 004 item 8:
 * а) the form of the process changed (columns 14–15), б) its content changed (any other column), в) it stopped (its ID is
 * gone), г) a new one appeared (a new ID).
 */
import type { RegisterCatalog } from "./catalog";
import type { RegisterTable, SheetText } from "./register-types";
import { findRegister } from "./read-register";
import { findApprovedSheet, readApprovedRegister } from "./approval";
import { CellComparer, CellNormalizer, MERGE_COLUMN_COUNT } from "./cell-keys";

export type ChangeGround = "new" | "terminated" | "form" | "content";

/** The letters of seed 004 item 8. */
export const GROUND_LETTERS: Record<ChangeGround, string> = { form: "а", content: "б", terminated: "в", new: "г" };

export const GROUND_TITLES: Record<ChangeGround, string> = {
  form: "изменение формы процесса",
  content: "изменение содержания процесса",
  terminated: "прекращение выполнения процесса",
  new: "возникновение нового процесса",
};

/** Columns whose change is a change of the process's form (kind, digital placement). */
export const FORM_COLUMNS: readonly number[] = [14, 15];

export interface ColumnChange {
  /** Register column 1–15. */
  column: number;
  old: string;
  new: string;
}

export interface RegisterChange {
  id: string;
  /** In the order а, б, в, г. */
  grounds: ChangeGround[];
  /** Changed columns (2–15) with old and new values; empty for a new or a terminated process (the whole row is). */
  columns: ColumnChange[];
  /** 0-based index into the current rows, when the process is in the current register. */
  currentIndex?: number;
  /** 0-based index into the previous rows, when the process was in the approved register. */
  previousIndex?: number;
}

const GROUND_ORDER: readonly ChangeGround[] = ["form", "content", "terminated", "new"];

function groupById(rows: readonly (readonly string[])[]): Map<string, number[]> {
  const byId = new Map<string, number[]>();
  rows.forEach((cells, index) => {
    const id = cells[0] ?? "";
    if (id === "") return;
    const list = byId.get(id);
    if (list) list.push(index);
    else byId.set(id, [index]);
  });
  return byId;
}

/** Normalises a table's rows the same way merging does, so spelling of vocabulary values is not a change. */
export function normalizedRows(table: RegisterTable, catalog: RegisterCatalog): string[][] {
  const normalizer = new CellNormalizer(catalog);
  const rows: string[][] = [];
  for (const row of table.rows) {
    const cells = normalizer.row(row.cells);
    if (cells.some((cell) => cell !== "")) rows.push(cells);
  }
  return rows;
}

/**
 * Compares by ID (column 1, after cleaning; case matters as in the rules). Rows without an ID cannot be matched and are left
 * out (the rules flag them as `required`). When an ID occurs on several rows, the rows are paired in their order; a surplus
 * current row counts as new, a surplus approved row as terminated. Result: current register order first (new and changed
 * processes), then terminated processes in the approved register's order.
 */
export function detectChanges(
  previous: readonly (readonly string[])[],
  current: readonly (readonly string[])[],
  catalog: RegisterCatalog,
): RegisterChange[] {
  const comparer = new CellComparer(catalog);
  const previousById = groupById(previous);
  const used = new Map<string, number>();
  const changes: RegisterChange[] = [];

  current.forEach((cells, currentIndex) => {
    const id = cells[0] ?? "";
    if (id === "") return;
    const candidates = previousById.get(id) ?? [];
    const taken = used.get(id) ?? 0;
    if (taken >= candidates.length) {
      changes.push({ id, grounds: ["new"], columns: [], currentIndex });
      return;
    }
    used.set(id, taken + 1);
    const previousIndex = candidates[taken];
    const old = previous[previousIndex];
    const columns: ColumnChange[] = [];
    const grounds = new Set<ChangeGround>();
    for (let column = 2; column <= MERGE_COLUMN_COUNT; column++) {
      const oldValue = old[column - 1] ?? "";
      const newValue = cells[column - 1] ?? "";
      if (comparer.key(column, oldValue) === comparer.key(column, newValue)) continue;
      columns.push({ column, old: oldValue, new: newValue });
      grounds.add(FORM_COLUMNS.includes(column) ? "form" : "content");
    }
    if (columns.length > 0) {
      changes.push({ id, grounds: GROUND_ORDER.filter((g) => grounds.has(g)), columns, currentIndex, previousIndex });
    }
  });

  previous.forEach((cells, previousIndex) => {
    const id = cells[0] ?? "";
    if (id === "") return;
    const candidates = previousById.get(id) ?? [];
    const taken = used.get(id) ?? 0;
    if (candidates.indexOf(previousIndex) < taken) return;
    changes.push({ id, grounds: ["terminated"], columns: [], previousIndex });
  });

  return changes;
}

/** «а, б» for the change log. */
export function groundLetters(grounds: readonly ChangeGround[]): string {
  return grounds.map((ground) => GROUND_LETTERS[ground]).join(", ");
}

export interface ApprovedRegisterSource {
  table: RegisterTable;
  /** For people: «приказ от 15.01.2024 № 7» for the appendix feature's snapshot, else the sheet it was found on. */
  description: string;
}

/**
 * The approved register of a workbook: the snapshot the appendix feature keeps on the hidden sheet «_Утвержденный реестр»
 * (with the order's number and date) when there is one, else any register on a sheet of that name, else the register found
 * on the workbook's other sheets (an approved register kept as an ordinary workbook).
 */
export function approvedRegisterFromSheets(sheets: readonly SheetText[]): ApprovedRegisterSource | null {
  const approved = readApprovedRegister(sheets);
  if (approved) return { table: approved.table, description: `приказ от ${approved.orderDate} № ${approved.orderNumber}` };
  const snapshot = findApprovedSheet(sheets);
  if (snapshot) {
    // The reader skips our own "_" sheets when it looks for a register, so hand it this one under a plain name.
    const table = findRegister([{ ...snapshot, name: snapshot.name.replace(/^_+/, "") }]);
    if (table) return { table: { ...table, sheet: snapshot.name }, description: `лист «${snapshot.name}»` };
  }
  const table = findRegister(sheets);
  return table ? { table, description: `лист «${table.sheet}»` } : null;
}
