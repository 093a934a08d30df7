/**
 * One string per distinct text across all the files of a merge. Each file read brings its own copy of every text (units,
 * process names, statuses repeat across hundreds of files); the tables of all files live until the merge has run, and
 * copies that survive are what the garbage collector spends its time on and what the process's peak memory is made of.
 */
import type { RegisterTable } from "./register-types";
import { ownCopy } from "./own-copy";

export class TextInterner {
  private readonly texts = new Map<string, string>();

  intern(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    const kept = ownCopy(text);
    this.texts.set(kept, kept);
    return kept;
  }

  /** Replaces the table's cells (register and extra) by their interned copies, in place; the contents stay the same. */
  internTable(table: RegisterTable): void {
    for (const row of table.rows) {
      internCells(row.cells, this);
      internCells(row.extra, this);
    }
  }
}

function internCells(cells: string[], interner: TextInterner): void {
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (typeof cell === "string" && cell !== "") cells[index] = interner.intern(cell);
  }
}

