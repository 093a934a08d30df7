/** A1 addresses: parsing ("'Sheet 1'!$A$1:B2", "A:C", "5:6"), formatting, and rectangle arithmetic. 0-based boxes. */
import { columnLetters, columnNumber } from "../excel-facts/excel-geometry";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Inclusive 0-based rectangle. */
export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Column letters of a 0-based column index (the simulator's boxes are 0-based; Excel's geometry counts from 1). */
export function columnName(index: number): string {
  return columnLetters(index + 1);
}

export function columnIndex(letters: string): number {
  return columnNumber(letters) - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parsePart(part: string): { r: number | null; c: number | null } | null {
  let m = CELL.exec(part);
  if (m) return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  m = COLUMN.exec(part);
  if (m) return { r: null, c: columnIndex(m[1]) };
  m = ROW.exec(part);
  if (m) return { r: Number(m[1]) - 1, c: null };
  return null;
}

/** Parses a reference without a sheet; null when it is not an A1 reference. */
export function parseBox(reference: string): Box | null {
  const parts = reference.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) return null;
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) return null;
  // "A" alone or "5" alone is not a reference.
  if (parts.length === 1 && (a.r === null || a.c === null)) return null;
  const box: Box =
    a.r === null
      ? { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c!, b.c!), c1: Math.max(a.c!, b.c!) }
      : a.c === null
        ? { r0: Math.min(a.r, b.r!), r1: Math.max(a.r, b.r!), c0: 0, c1: MAX_COLUMNS - 1 }
        : { r0: Math.min(a.r, b.r!), r1: Math.max(a.r, b.r!), c0: Math.min(a.c, b.c!), c1: Math.max(a.c, b.c!) };
  if (box.r1 >= MAX_ROWS || box.c1 >= MAX_COLUMNS || box.r0 < 0 || box.c0 < 0) return null;
  return box;
}

/** Splits "'It''s'!A1:B2" into sheet name and reference. */
export function splitSheet(address: string): { sheet?: string; reference: string } {
  const text = address.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(text);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), reference: quoted[2] };
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheet: text.slice(0, bang), reference: text.slice(bang + 1) };
  return { reference: text };
}

export function isWholeColumns(box: Box): boolean {
  return box.r0 === 0 && box.r1 === MAX_ROWS - 1;
}

export function isWholeRows(box: Box): boolean {
  return box.c0 === 0 && box.c1 === MAX_COLUMNS - 1;
}

/** "A1", "A1:B2", "A:C", "5:6" — Excel's own spelling, optionally absolute. */
export function formatBox(box: Box, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isWholeColumns(box) && !isWholeRows(box)) return `${d}${columnName(box.c0)}:${d}${columnName(box.c1)}`;
  if (isWholeRows(box) && !isWholeColumns(box)) return `${d}${box.r0 + 1}:${d}${box.r1 + 1}`;
  const start = `${d}${columnName(box.c0)}${d}${box.r0 + 1}`;
  if (box.r0 === box.r1 && box.c0 === box.c1) return start;
  return `${start}:${d}${columnName(box.c1)}${d}${box.r1 + 1}`;
}

/** Excel quotes sheet names that are not plain identifiers. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u0400-\u04FF][A-Za-z0-9_.\u0400-\u04FF]*$/.test(name) && !parseBox(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheetName: string, box: Box, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatBox(box, absolute)}`;
}

export function boxRows(box: Box): number {
  return box.r1 - box.r0 + 1;
}

export function boxColumns(box: Box): number {
  return box.c1 - box.c0 + 1;
}

export function boxCells(box: Box): number {
  return boxRows(box) * boxColumns(box);
}

export function intersect(a: Box, b: Box): Box | null {
  const box = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return box.r0 <= box.r1 && box.c0 <= box.c1 ? box : null;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function sameBox(a: Box, b: Box): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

/** `a` minus `b`: up to four rectangles. */
export function subtract(a: Box, b: Box): Box[] {
  const cut = intersect(a, b);
  if (!cut) return [a];
  const pieces: Box[] = [];
  if (a.r0 < cut.r0) pieces.push({ r0: a.r0, r1: cut.r0 - 1, c0: a.c0, c1: a.c1 });
  if (cut.r1 < a.r1) pieces.push({ r0: cut.r1 + 1, r1: a.r1, c0: a.c0, c1: a.c1 });
  if (a.c0 < cut.c0) pieces.push({ r0: cut.r0, r1: cut.r1, c0: a.c0, c1: cut.c0 - 1 });
  if (cut.c1 < a.c1) pieces.push({ r0: cut.r0, r1: cut.r1, c0: cut.c1 + 1, c1: a.c1 });
  return pieces;
}
