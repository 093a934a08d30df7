/**
 * How cells of a register row compare across files: vocabulary values in their canonical spelling, directions and
 * processes by code. Shared by the merge and the change detection (a module of its own: finding changes does not need
 * the merge itself).
 */
import type { RegisterCatalog } from "./catalog";
import type { Direction, TypicalProcess } from "./typical-list-names";
import { cleanText, matchKey } from "./text";
import { findProcess } from "./typical-process-match";
import { canonicalPlacements, canonicalValue } from "./vocabularies";

export const MERGE_COLUMN_COUNT = 15;

const VOCABULARY_COLUMNS = { status: 8, client: 9, kind: 14, placement: 15 } as const;

/** Cleans a cell and gives vocabulary values (status, client, kind, placement) their canonical spelling. */
export function normalizeCell(column: number, value: string, catalog: RegisterCatalog): string {
  const text = cleanText(value ?? "");
  if (text === "") return "";
  switch (column) {
    case VOCABULARY_COLUMNS.status:
      return canonicalValue(text, catalog.statuses) ?? text;
    case VOCABULARY_COLUMNS.client:
      return canonicalValue(text, catalog.clients) ?? text;
    case VOCABULARY_COLUMNS.kind:
      return canonicalValue(text, catalog.kinds) ?? text;
    case VOCABULARY_COLUMNS.placement: {
      const { values, unknown } = canonicalPlacements(text, catalog.placements);
      return unknown.length === 0 && values.length > 0 ? values.join(", ") : text;
    }
    default:
      return text;
  }
}

/**
 * `normalizeCell` with the vocabulary lookups remembered per distinct text: units repeat the same few values on thousands
 * of rows, and matching a value against a vocabulary costs far more than a map lookup.
 */
export class CellNormalizer {
  /** By column number (an array: looked up for every cell of every row); undefined for the free-text columns. */
  private readonly caches: (Map<string, string> | undefined)[] = [];

  constructor(readonly catalog: RegisterCatalog) {
    for (const column of Object.values(VOCABULARY_COLUMNS)) this.caches[column] = new Map<string, string>();
  }

  /**
   * Free texts seen, each kept once: files repeat units, names and descriptions across thousands of rows, and every
   * file (every cell, in inline-string files) brings its own copy; the consolidated rows keep the first.
   */
  private readonly texts = new Map<string, string>();

  cell(column: number, value: string): string {
    const cache = this.caches[column];
    if (!cache) {
      // A text this map holds is already clean (cleaning is idempotent): tables come cleaned by the reader, so most
      // cells are found here without testing them again.
      const seen = this.texts.get(value);
      if (seen !== undefined) return seen;
      const text = cleanText(value ?? "");
      const known = this.texts.get(text);
      if (known !== undefined) return known;
      this.texts.set(text, text);
      return text;
    }
    let normalized = cache.get(value);
    if (normalized === undefined) {
      normalized = normalizeCell(column, value, this.catalog);
      cache.set(value, normalized);
    }
    return normalized;
  }

  /**
   * The 15 cells of a row; missing cells are "". A row already in normal form (a table the reader cleaned, vocabulary
   * values spelt as the catalog spells them: nearly every row) is answered with its own array, not a copy: the merge keeps
   * tens of thousands of rows, and copies made while it runs are what the collector copies again. So the answer may be
   * `cells` itself: neither is modified afterwards.
   */
  row(cells: string[]): string[] {
    let normalized: string[] | undefined;
    if (cells.length !== MERGE_COLUMN_COUNT) normalized = new Array(MERGE_COLUMN_COUNT);
    for (let column = 1; column <= MERGE_COLUMN_COUNT; column++) {
      const value = cells[column - 1];
      const cell = this.cell(column, value ?? "");
      if (normalized !== undefined) normalized[column - 1] = cell;
      else if (cell !== value) {
        normalized = cells.slice(0, column);
        normalized[column - 1] = cell;
      }
    }
    return normalized ?? cells;
  }
}

/** Finds the direction a column-5 text names: its name, its code «1», «1.» or «1. Name». */
export function matchDirection(text: string, directions: readonly Direction[]): Direction | null {
  const key = matchKey(text);
  if (key === "") return null;
  for (const direction of directions) {
    const name = matchKey(direction.name);
    const code = direction.code;
    if (key === name || key === code || key === `${code}.` || key === `${code}. ${name}` || key === `${code} ${name}`) {
      return direction;
    }
  }
  return null;
}

/**
 * Resolves directions and processes once per distinct text (units repeat the same few dozen values across thousands of
 * rows) and gives the key used to compare cells: recognised directions and processes compare by code, so «1.1. Информирование…»
 * and «Информирование…» are the same process.
 */
export class CellComparer {
  private readonly processCache = new Map<string, TypicalProcess | null>();
  private readonly directionCache = new Map<string, Direction | null>();

  constructor(readonly catalog: RegisterCatalog) {}

  process(text: string): TypicalProcess | null {
    let found = this.processCache.get(text);
    if (found === undefined) {
      found = text === "" ? null : findProcess(text, this.catalog.processes);
      this.processCache.set(text, found);
    }
    return found;
  }

  direction(text: string): Direction | null {
    let found = this.directionCache.get(text);
    if (found === undefined) {
      found = matchDirection(text, this.catalog.directions);
      this.directionCache.set(text, found);
    }
    return found;
  }

  /** `normalized` is a cell already passed through `normalizeCell`. */
  key(column: number, normalized: string): string {
    if (column === 5) {
      const direction = this.direction(normalized);
      if (direction) return `\u0001${direction.code}`;
    }
    if (column === 6) {
      const process = this.process(normalized);
      if (process) return `\u0001${process.code}`;
    }
    return normalized;
  }

  /** Distinct cell keys numbered in order of appearance: a row's key is its cells' numbers. */
  private readonly keyNumbers = new Map<string, number>();

  /**
   * The row's cells as numbers, into `numbers`: equal for two rows exactly when every cell's `key` is equal. Returns a
   * hash of them (a small integer) to find rows with the same numbers by: no key string per row — tens of thousands of
   * them lived through the whole merge, each an object for the collector to copy.
   */
  rowNumbers(cells: readonly string[], numbers: number[]): number {
    if (numbers.length !== cells.length) numbers.length = cells.length;
    // FNV-1a over the numbers; rows whose hashes meet are then compared number by number.
    let hash = 0x811c9dc5;
    for (let index = 0; index < cells.length; index++) {
      const text = cells[index];
      let number: number | undefined;
      if (index === 4 || index === 5) {
        // Columns 5 and 6 are keyed by the direction or process they name: looked up once per text, not per row.
        number = this.namedNumbers[index - 4].get(text);
        if (number === undefined) this.namedNumbers[index - 4].set(text, (number = this.keyNumber(this.key(index + 1, text))));
      } else number = this.keyNumber(text);
      numbers[index] = number;
      hash = Math.imul(hash ^ number, 0x01000193);
    }
    return hash & 0x3fffffff;
  }

  private keyNumber(cellKey: string): number {
    let number = this.keyNumbers.get(cellKey);
    if (number === undefined) {
      number = this.keyNumbers.size;
      this.keyNumbers.set(cellKey, number);
    }
    return number;
  }

  /** Columns 5 and 6: a cell's text to its key's number. */
  private readonly namedNumbers = [new Map<string, number>(), new Map<string, number>()];
}
