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

  /**
   * Replaces the table's cells (register and extra) by their interned copies, in place; the contents stay the same.
   * A column often repeats the row above (the unit, the status, the kind): that text is taken again without the map,
   * whose lookup hashes every new string of every file.
   */
  internTable(table: RegisterTable): void {
    const above: (string | undefined)[] = [];
    const aboveKept: string[] = [];
    const internCells = (cells: string[], offset: number) => {
      for (let index = 0; index < cells.length; index++) {
        const cell = cells[index];
        if (typeof cell !== "string" || cell === "") continue;
        const column = offset + index;
        if (cell === above[column]) {
          cells[index] = aboveKept[column];
          continue;
        }
        const kept = this.intern(cell);
        above[column] = cell;
        aboveKept[column] = kept;
        cells[index] = kept;
      }
    };
    const extraOffset = table.columnMap.length;
    for (const row of table.rows) {
      internCells(row.cells, 0);
      internCells(row.extra, Math.max(extraOffset, row.cells.length));
    }
  }
}

