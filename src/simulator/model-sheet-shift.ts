/**
 * Inserting and deleting rows and columns in a sheet of the model: the cells, the format layers of whole rows or
 * columns, and the boxes of merges, validations and conditional formats move with them.
 */
import { type Box, MAX_COLUMNS, MAX_ROWS, boxCells } from "./address";
import type { RowData } from "./model-types";
import type { SimSheet } from "./model-sheet";

/** Inserts (count > 0) or deletes (count < 0) rows at `at`, shifting everything below. Whole rows only. */
export function shiftSheetRows(sheet: SimSheet, at: number, count: number, c0: number, c1: number): void {
  const whole = c0 === 0 && c1 === MAX_COLUMNS - 1;
  if (whole) {
    if (count > 0) sheet.rows.splice(at, 0, ...Array<RowData | undefined>(count).fill(undefined));
    else sheet.rows.splice(at, -count);
    shiftKeys(sheet.rowFormats, at, count);
    shiftKeys(sheet.rowStyles, at, count);
    shiftKeys(sheet.rowHeights, at, count);
  } else {
    // Partial rows: move the cells of columns c0..c1 only.
    const last = sheet.rows.length - 1;
    const move = (from: number, to: number) => {
      for (let c = c0; c <= c1 && c < 16384; c++) {
        const src = sheet.rows[from];
        const width = src ? Math.max(src.v.length, src.nf?.length ?? 0, src.s?.length ?? 0, src.f?.length ?? 0) : 0;
        if (c >= width && !sheet.rows[to]) break;
        copyCell(sheet, from, c, to, c);
      }
    };
    if (count > 0) for (let r = last; r >= at; r--) move(r, r + count);
    else for (let r = at; r <= last - count; r++) move(r - count, r);
  }
  shiftBoxes(sheet, (b) => {
    if (b.c1 < c0 || b.c0 > c1) return b;
    const span = shiftSpan(b.r0, b.r1, at, count, MAX_ROWS);
    return span && { ...b, r0: span[0], r1: span[1] };
  });
}

/** Inserts (count > 0) or deletes (count < 0) columns at `at` within rows r0..r1. */
export function shiftSheetColumns(sheet: SimSheet, at: number, count: number, r0: number, r1: number): void {
  const last = Math.min(r1, sheet.rows.length - 1);
  for (let r = r0; r <= last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (const arr of [row.v, row.f, row.nf, row.s] as (unknown[] | undefined)[]) {
      if (!arr || arr.length <= at) continue;
      if (count > 0) arr.splice(at, 0, ...Array(count).fill(undefined));
      else arr.splice(at, -count);
    }
  }
  if (r0 === 0 && r1 === MAX_ROWS - 1) {
    shiftKeys(sheet.columnFormats, at, count);
    shiftKeys(sheet.columnStyles, at, count);
    shiftKeys(sheet.columnWidths, at, count);
  }
  shiftBoxes(sheet, (b) => {
    if (b.r1 < r0 || b.r0 > r1) return b;
    const span = shiftSpan(b.c0, b.c1, at, count, MAX_COLUMNS);
    return span && { ...b, c0: span[0], c1: span[1] };
  });
}

/** Keys (row or column numbers) at or past `at` move by `count`; keys of deleted rows or columns are dropped. */
function shiftKeys<T>(map: Map<number, T>, at: number, count: number): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [key, value] of entries) {
    if (key < at) map.set(key, value);
    else if (count > 0 || key >= at - count) map.set(key + count, value);
  }
}

/**
 * The span lo..hi of rows or columns after inserting (count > 0) or deleting (count < 0) at `at`: an insertion inside it
 * widens it (capped at `limit`), a deletion cuts it; null when all of it is deleted.
 */
function shiftSpan(lo: number, hi: number, at: number, count: number, limit: number): [number, number] | null {
  if (count > 0) {
    if (hi < at) return [lo, hi];
    return [lo >= at ? lo + count : lo, Math.min(limit - 1, hi + count)];
  }
  const lastDeleted = at - count - 1;
  const from = lo < at ? lo : lo > lastDeleted ? lo + count : at;
  const to = hi < at ? hi : hi > lastDeleted ? hi + count : at - 1;
  return to < from ? null : [from, to];
}

/** Moves the boxes of merges, validations and conditional formats; a merge left with one cell, an empty rule, goes. */
function shiftBoxes(sheet: SimSheet, shiftBox: (box: Box) => Box | null): void {
  const kept = (boxes: Box[]) => boxes.map(shiftBox).filter((b): b is Box => b !== null);
  sheet.mergeBoxes = kept(sheet.mergeBoxes).filter((b) => boxCells(b) > 1);
  for (const v of sheet.validationEntries) v.boxes = kept(v.boxes);
  sheet.validationEntries = sheet.validationEntries.filter((v) => v.boxes.length);
  for (const f of sheet.conditionalFormatEntries) f.boxes = kept(f.boxes);
  sheet.conditionalFormatEntries = sheet.conditionalFormatEntries.filter((f) => f.boxes.length);
}

function copyCell(sheet: SimSheet, fr: number, fc: number, tr: number, tc: number): void {
  const src = sheet.rows[fr];
  const dst = (sheet.rows[tr] ??= { v: [] });
  dst.v[tc] = src?.v[fc];
  if (src?.f?.[fc] !== undefined || dst.f) (dst.f ??= [])[tc] = src?.f?.[fc];
  if (src?.nf?.[fc] !== undefined || dst.nf) (dst.nf ??= [])[tc] = src?.nf?.[fc];
  if (src?.s?.[fc] !== undefined || dst.s) (dst.s ??= [])[tc] = src?.s?.[fc];
}
