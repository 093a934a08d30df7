/**
 * Turning a register-like sheet into the template, planned purely: its columns go into the form's order, the
 * user's other columns are kept to the right, a numbering row is inserted under the header when there is none. Nothing
 * is ever dropped: every cell from the header row down lands somewhere. A sheet already in the form plans no moves, so
 * running the conversion twice changes nothing.
 */
import { COLUMN_COUNT, REGISTER_COLUMNS, columnTitleWithMark } from "./columns";
import type { CellBlock, LayoutValue } from "./layout/types";
import { columnLetters } from "./layout/cells";
import { DATA_STYLE, DEFAULT_TEMPLATE_DATA_ROWS, type TemplateLayoutOptions } from "./layout/template";
import type { RegisterTable, SheetText } from "./register-types";
import { isNumberingRow } from "./read-register";
import { cleanText } from "./text";

export interface ColumnMove {
  /** 0-based sheet column in the sheet as it is. */
  from: number;
  /** 1-based sheet column in the template. */
  to: number;
  /** Register column 1–15, or null for the user's own column. */
  register: number | null;
  title: string;
}

export interface UpgradePlan {
  sheet: string;
  /** 1-based, stays where it is; rows above it are never touched. */
  headerRow: number;
  hadNumberingRow: boolean;
  /** Rows below the header move down by this much (1 when a numbering row is inserted). */
  rowShift: 0 | 1;
  /** Every column that holds anything from the header row down. */
  moves: ColumnMove[];
  /** Titles of the user's columns, in their new order right of column 15. */
  extraTitles: string[];
  /** Texts that stood in the numbering row under the user's columns. */
  extraNumbering: string[];
  missingColumns: number[];
  /** Header cells whose wording becomes the form's. */
  retitled: { column: number; from: string; to: string }[];
  /** No cell moves: only the header wording, formats, dropdowns and marks are applied. */
  unchanged: boolean;
  /** 1-based last sheet row holding anything (before the move). */
  lastRow: number;
  /** Columns of the rewritten rectangle: the template's width or the old one, whichever is wider. */
  width: number;
  /** Russian lines for the pane. */
  summary: string[];
}

function textAt(sheet: SheetText, row0: number, col0: number): string {
  return sheet.rows[row0]?.[col0] ?? "";
}

function lastFilledRow(sheet: SheetText): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) if ((sheet.rows[r] ?? []).some((c) => cleanText(c ?? "") !== "")) return r + 1;
  return 0;
}

/** Plans the conversion of `sheet`, whose register `table` the core's header finding found. */
export function planTemplateUpgrade(sheet: SheetText, table: RegisterTable): UpgradePlan {
  const header0 = table.headerRow - 1;
  const lastRow = Math.max(lastFilledRow(sheet), table.headerRow);
  const sourceWidth = Math.max(0, ...sheet.rows.slice(header0, lastRow).map((r) => r?.length ?? 0));
  const hadNumberingRow = isNumberingRow(sheet.rows[header0 + 1] ?? [], table.columnMap);

  const registerSource = new Map<number, number>();
  table.columnMap.forEach((col, i) => {
    if (col !== null) registerSource.set(col, i + 1);
  });
  // The user's columns: anything with content from the header row down that is not a register column.
  const extraSources: number[] = [];
  for (let c = 0; c < sourceWidth; c++) {
    if (registerSource.has(c)) continue;
    let filled = false;
    for (let r = header0; r < lastRow && !filled; r++) filled = cleanText(textAt(sheet, r, c)) !== "";
    if (filled) extraSources.push(c);
  }

  const moves: ColumnMove[] = [];
  for (const [from, register] of registerSource) {
    moves.push({ from, to: register, register, title: cleanText(textAt(sheet, header0, from)) });
  }
  extraSources.forEach((from, i) => moves.push({ from, to: COLUMN_COUNT + 1 + i, register: null, title: cleanText(textAt(sheet, header0, from)) }));
  moves.sort((a, b) => a.to - b.to);

  const rowShift: 0 | 1 = hadNumberingRow ? 0 : 1;
  const columnsInPlace = moves.every((m) => m.from === m.to - 1);
  const unchanged = columnsInPlace && rowShift === 0;
  const retitled = moves
    .filter((m) => m.register !== null && m.title !== columnTitleWithMark(REGISTER_COLUMNS[m.register - 1]))
    .map((m) => ({ column: m.register!, from: m.title, to: columnTitleWithMark(REGISTER_COLUMNS[m.register! - 1]) }));

  const summary: string[] = [];
  if (unchanged) summary.push("Графы уже стоят в порядке формы — данные не перемещались.");
  else {
    const moved = moves.filter((m) => m.register !== null && m.from !== m.to - 1);
    if (moved.length) {
      summary.push(
        `Графы переставлены в порядок формы: ${moved.map((m) => `«${m.title}» (${columnLetters(m.from + 1)} → ${columnLetters(m.to)}, графа ${m.register})`).join("; ")}.`,
      );
    }
    if (rowShift) summary.push("Под заголовком добавлена строка с номерами граф 1–15; строки данных сдвинуты на одну вниз.");
  }
  const extras = moves.filter((m) => m.register === null);
  if (extras.length) {
    summary.push(
      `Собственные столбцы сохранены справа от графы 15: ${extras.map((m) => `«${m.title || "без заголовка"}» (${columnLetters(m.from + 1)} → ${columnLetters(m.to)})`).join("; ")}.`,
    );
  }
  if (table.missingColumns.length) summary.push(`Добавлены пустые графы: ${table.missingColumns.join(", ")}.`);
  if (retitled.length) summary.push(`Заголовки граф ${retitled.map((r) => r.column).join(", ")} приведены к формулировке формы.`);

  const numberingRow = sheet.rows[header0 + 1] ?? [];
  return {
    sheet: sheet.name,
    headerRow: table.headerRow,
    hadNumberingRow,
    rowShift,
    moves,
    // Raw texts: the user's own cells are kept exactly as they were.
    extraTitles: extras.map((m) => textAt(sheet, header0, m.from)),
    extraNumbering: extras.map((m) => (hadNumberingRow ? (numberingRow[m.from] ?? "") : "")),
    missingColumns: [...table.missingColumns],
    retitled,
    unchanged,
    lastRow,
    width: Math.max(COLUMN_COUNT + extras.length, sourceWidth),
    summary,
  };
}

/** First data row of the template after the upgrade. */
export function upgradedFirstDataRow(plan: UpgradePlan): number {
  return plan.headerRow + 2;
}

/** First row below all user data after the upgrade: empty template rows may be written from here on. */
export function upgradedEmptyRowsFrom(plan: UpgradePlan): number {
  return Math.max(upgradedFirstDataRow(plan), plan.lastRow + plan.rowShift + 1);
}

/**
 * The cells an upgrade writes (none when nothing moves): every row below the header (and its numbering row) across the
 * whole old width, the moved texts in their new columns and "" where a column moved away. The header and numbering
 * cells of the template's own columns come from the template layout; this clears the old header cells right of them.
 */
export function upgradeBlocks(plan: UpgradePlan, sheet: SheetText): CellBlock[] {
  if (plan.unchanged) return [];
  const blocks: CellBlock[] = [];
  const templateWidth = COLUMN_COUNT + plan.extraTitles.length;
  if (plan.width > templateWidth) {
    const blank = new Array<LayoutValue>(plan.width - templateWidth).fill("");
    blocks.push({ row: plan.headerRow, col: templateWidth + 1, values: [blank, [...blank]] });
  }
  const sourceByTarget = new Map<number, number>(plan.moves.map((m) => [m.to, m.from]));
  const firstSource0 = plan.headerRow + (plan.hadNumberingRow ? 1 : 0);
  const values: LayoutValue[][] = [];
  for (let r = firstSource0; r < plan.lastRow; r++) {
    const source = sheet.rows[r] ?? [];
    const row: LayoutValue[] = [];
    for (let to = 1; to <= plan.width; to++) {
      const from = sourceByTarget.get(to);
      row.push(from === undefined ? "" : (source[from] ?? ""));
    }
    values.push(row);
  }
  if (values.length) blocks.push({ row: firstSource0 + 1 + plan.rowShift, col: 1, values, style: { ...DATA_STYLE, numberFormat: "@" } });
  return blocks;
}

/** Template options that put the upgraded sheet's data into the layout; dropdowns reach past the last row by a margin. */
export function upgradeTemplateOptions(
  plan: UpgradePlan,
  sheet: SheetText,
  options: { dataRows?: number; sheetName?: string } = {},
): TemplateLayoutOptions {
  const firstDataRow = upgradedFirstDataRow(plan);
  const lastUsed = plan.lastRow + plan.rowShift;
  const dataRows = Math.max(options.dataRows ?? DEFAULT_TEMPLATE_DATA_ROWS, lastUsed - firstDataRow + 1 + UPGRADE_SPARE_ROWS);
  return {
    sheetName: options.sheetName ?? plan.sheet,
    headerRow: plan.headerRow,
    title: false,
    dataRows,
    extraColumns: plan.extraTitles,
    extraNumbering: plan.extraNumbering,
    dataBlocks: upgradeBlocks(plan, sheet),
    emptyRowsFrom: upgradedEmptyRowsFrom(plan),
  };
}

/** Rows with dropdowns prepared below the last filled row of an upgraded sheet. */
export const UPGRADE_SPARE_ROWS = 500;
