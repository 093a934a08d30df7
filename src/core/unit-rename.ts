/** Renaming a unit in the settings carries over to column 7 «Ответственный за процесс» when the user agrees. */
import type { CellChange } from "./fixes";
import type { RegisterTable } from "./register-types";
import { cleanText, matchKey } from "./text";

export interface UnitRename {
  from: string;
  to: string;
}

const UNIT_COLUMN = 7;

/** Cells of column 7 naming a renamed unit (case, spaces and ё/е aside), with the new name. */
export function planUnitRename(table: RegisterTable, renames: readonly UnitRename[]): CellChange[] {
  const sheetColumn = table.columnMap[UNIT_COLUMN - 1];
  if (sheetColumn === null || sheetColumn === undefined) return [];
  const byKey = new Map(renames.filter((rename) => cleanText(rename.to) !== "").map((rename) => [matchKey(rename.from), cleanText(rename.to)]));
  const changes: CellChange[] = [];
  for (const row of table.rows) {
    const before = row.cells[UNIT_COLUMN - 1] ?? "";
    const after = byKey.get(matchKey(before));
    if (after !== undefined && after !== before) changes.push({ row: row.sheetRow, column: UNIT_COLUMN, sheetColumn, before, after });
  }
  return changes;
}
