/**
 * What the playground's grid needs from the simulated workbook, read straight from the simulator's in-memory model
 * (not through Office.js proxies, so drawing the grid never counts as a sync of the add-in).
 */

export interface SimBox {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SimStyleLike {
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fill: string | null;
  wrap: boolean;
  horizontal: string;
}

export interface SimSheetLike {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  selection: SimBox;
  textAt(row: number, column: number): string;
  styleAt(row: number, column: number): SimStyleLike;
  usedBox(valuesOnly: boolean): SimBox | null;
  /** Points; `column` is 1-based. */
  columnWidth?(column: number): number;
  /** The merged area covering a 0-based cell, if any. */
  mergeAt?(row: number, column: number): SimBox | undefined;
  freeze?: { rows: number; columns: number };
}

export interface SimWorkbookLike {
  sheets: SimSheetLike[];
  activeSheet: SimSheetLike;
  changed?(): void;
}

/** The part of the simulator the playground uses; `createExcelSimulator` returns more. */
export interface PlaygroundSimulator {
  workbook: SimWorkbookLike;
  saveXlsx(): Promise<Uint8Array>;
  loadXlsx(data: Uint8Array | ArrayBuffer): Promise<void> | void;
  onChange(listener: () => void): () => void;
  userEdit?(sheet: string, address: string, values: unknown[][], options?: { paste?: boolean }): Promise<{ accepted: boolean }>;
  userSelect?(sheet: string, address: string): unknown;
  userActivate?(sheet: string): unknown;
}

export const MAX_GRID_COLUMNS = 40;
export const MIN_GRID_ROWS = 60;
export const MIN_GRID_COLUMNS = 16;
/** Rows drawn below the used range, so there is room to type. */
export const EXTRA_ROWS = 30;

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B7" for 0-based (row 6, column 1). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export interface GridExtent {
  rows: number;
  columns: number;
  /** The used range is wider than the grid draws. */
  columnsCapped: boolean;
}

export function gridExtent(sheet: SimSheetLike): GridExtent {
  const used = sheet.usedBox(false);
  const usedRows = used ? used.r1 + 1 : 0;
  const usedColumns = used ? used.c1 + 1 : 0;
  const wanted = Math.max(usedColumns + 2, MIN_GRID_COLUMNS);
  return {
    rows: Math.max(usedRows + EXTRA_ROWS, MIN_GRID_ROWS),
    columns: Math.min(wanted, MAX_GRID_COLUMNS),
    columnsCapped: usedColumns > MAX_GRID_COLUMNS,
  };
}

/** Sheets shown as tabs: very hidden ones only when asked for. */
export function visibleTabs(workbook: SimWorkbookLike, showVeryHidden: boolean): SimSheetLike[] {
  return workbook.sheets.filter((sheet) => showVeryHidden || sheet.visibility !== "VeryHidden");
}

/** Width of a 0-based grid column in CSS pixels (Excel widths are points; 1 pt = 4/3 px). */
export function columnPixels(sheet: SimSheetLike, column: number): number {
  // The simulator's sheet model counts columns from 1, as Excel does.
  const points = sheet.columnWidth ? sheet.columnWidth(column + 1) : 48;
  if (!points) return 4; // hidden column: a sliver, so the gap stays visible
  return Math.max(24, Math.min(480, Math.round((points * 4) / 3)));
}

export function inBox(box: SimBox | null | undefined, row: number, column: number): boolean {
  return !!box && row >= box.r0 && row <= box.r1 && column >= box.c0 && column <= box.c1;
}

/** Tab-separated clipboard text → rows of cells (Excel's copy format). */
export function parseClipboardTable(text: string): string[][] {
  const trimmed = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  if (trimmed === "") return [];
  return trimmed.split("\n").map((line) => line.split("\t"));
}

/**
 * A user's edit, as Excel would see it: through the simulator so Excel's coercion applies, list validations with a Stop
 * alert refuse typed values (not pasted ones) and the worksheet's changed event fires. False when the value was refused.
 */
export async function editCells(
  sim: PlaygroundSimulator,
  sheet: SimSheetLike,
  row: number,
  column: number,
  values: string[][],
  paste = false,
): Promise<boolean> {
  if (values.length === 0) return true;
  if (!sim.userEdit) throw new Error("Симулятор не поддерживает ввод пользователя");
  const result = await sim.userEdit(sheet.name, cellAddress(row, column), values, { paste });
  return result.accepted;
}

/** The user clicks a cell: it becomes the selection of the active sheet. */
export function selectCell(sim: PlaygroundSimulator, sheet: SimSheetLike, row: number, column: number): void {
  if (sim.userSelect) {
    sim.userSelect(sheet.name, cellAddress(row, column));
    return;
  }
  sheet.selection = { r0: row, c0: column, r1: row, c1: column };
  sim.workbook.activeSheet = sheet;
  sim.workbook.changed?.();
}

/** The user clicks a sheet tab. */
export function activateSheet(sim: PlaygroundSimulator, sheet: SimSheetLike): void {
  if (sim.userActivate) {
    sim.userActivate(sheet.name);
    return;
  }
  sim.workbook.activeSheet = sheet;
  sim.workbook.changed?.();
}

/**
 * How a 0-based cell is drawn with merges: "cover" — the top-left cell of a merged area, drawn across its columns with
 * the area's text; "blank" — the first cell of a merged area's lower row, drawn empty across its columns; "hidden" — the
 * other cells of a merged area (not drawn); "cell" — a plain cell. Rows stay separate: the grid virtualises by row.
 */
export type CellPlacement = { kind: "cover" | "blank"; lastColumn: number } | { kind: "hidden" } | { kind: "cell" };

export function cellPlacement(sheet: SimSheetLike, row: number, column: number): CellPlacement {
  const box = sheet.mergeAt?.(row, column);
  if (!box) return { kind: "cell" };
  if (column !== box.c0) return { kind: "hidden" };
  return { kind: row === box.r0 ? "cover" : "blank", lastColumn: box.c1 };
}
