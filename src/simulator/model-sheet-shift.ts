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
    const shiftMap = <T>(map: Map<number, T>) => {
      const entries = [...map.entries()];
      map.clear();
      for (const [r, v] of entries) {
        if (r < at) map.set(r, v);
        else if (count > 0) map.set(r + count, v);
        else if (r >= at - count) map.set(r + count, v);
      }
    };
    shiftMap(sheet.rowFormats);
    shiftMap(sheet.rowStyles);
    shiftMap(sheet.rowHeights);
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
  const shiftBox = (b: Box): Box | null => {
    if (b.c1 < c0 || b.c0 > c1) return b;
    if (count > 0) {
      if (b.r1 < at) return b;
      if (b.r0 >= at) return { ...b, r0: b.r0 + count, r1: Math.min(MAX_ROWS - 1, b.r1 + count) };
      return { ...b, r1: Math.min(MAX_ROWS - 1, b.r1 + count) };
    }
    const gone1 = at - count - 1;
    const r0 = b.r0 < at ? b.r0 : b.r0 > gone1 ? b.r0 + count : at;
    const r1 = b.r1 < at ? b.r1 : b.r1 > gone1 ? b.r1 + count : at - 1;
    return r1 < r0 ? null : { ...b, r0, r1 };
  };
  sheet.mergeBoxes = sheet.mergeBoxes.map(shiftBox).filter((b): b is Box => b !== null && boxCells(b) > 1);
  for (const v of sheet.validationEntries) v.boxes = v.boxes.map(shiftBox).filter((b): b is Box => b !== null);
  sheet.validationEntries = sheet.validationEntries.filter((v) => v.boxes.length);
  for (const f of sheet.conditionalFormatEntries) f.boxes = f.boxes.map(shiftBox).filter((b): b is Box => b !== null);
  sheet.conditionalFormatEntries = sheet.conditionalFormatEntries.filter((f) => f.boxes.length);
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
    const shiftMap = <T>(map: Map<number, T>) => {
      const entries = [...map.entries()];
      map.clear();
      for (const [c, v] of entries) {
        if (c < at) map.set(c, v);
        else if (count > 0) map.set(c + count, v);
        else if (c >= at - count) map.set(c + count, v);
      }
    };
    shiftMap(sheet.columnFormats);
    shiftMap(sheet.columnStyles);
    shiftMap(sheet.columnWidths);
  }
  const shiftBox = (b: Box): Box | null => {
    if (b.r1 < r0 || b.r0 > r1) return b;
    if (count > 0) {
      if (b.c1 < at) return b;
      if (b.c0 >= at) return { ...b, c0: b.c0 + count, c1: Math.min(MAX_COLUMNS - 1, b.c1 + count) };
      return { ...b, c1: Math.min(MAX_COLUMNS - 1, b.c1 + count) };
    }
    const gone1 = at - count - 1;
    if (b.c1 < at) return b;
    if (b.c0 > gone1) return { ...b, c0: b.c0 + count, c1: b.c1 + count };
    const c0 = Math.min(b.c0, at);
    const c1 = b.c1 > gone1 ? b.c1 + count : at - 1;
    return c1 < c0 ? null : { ...b, c0, c1 };
  };
  sheet.mergeBoxes = sheet.mergeBoxes.map(shiftBox).filter((b): b is Box => b !== null && boxCells(b) > 1);
  for (const v of sheet.validationEntries) v.boxes = v.boxes.map(shiftBox).filter((b): b is Box => b !== null);
  sheet.validationEntries = sheet.validationEntries.filter((v) => v.boxes.length);
  for (const f of sheet.conditionalFormatEntries) f.boxes = f.boxes.map(shiftBox).filter((b): b is Box => b !== null);
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
