/** The lean reader's worksheet scan: a worksheet part's cells as ExcelJS models them, then the text a person sees. */
import type { CellValue } from "exceljs";
import type { SheetText } from "../../core/register-types";
import { cellText } from "./cell-text";
import {
  decodeAddress,
  decodeEscapes,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  EXCEL_MAX_TEXT,
  excelJsXmlDecode,
  excelToDate,
  isDateFormat,
  isoDate,
  refuseLongText,
  refuseOutsideGrid,
} from "./fast-read-conventions";
import type { SharedString } from "./fast-read-parts";
import { scanRows, type RawRow } from "./fast-read-rows";
import { normalizeText, NotSure, notSure, refuse, scanXml } from "./fast-read-xml";

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface ParsedCell {
  col: number;
  value: CellValue | undefined;
  numFmt: string | undefined;
}

export interface WorksheetOptions {
  sharedStrings: SharedString[] | undefined;
  formats: (string | undefined)[] | undefined;
  date1904: boolean;
  /** false: every row through the scanner's events, none through the fast lane (the reference the lane is tested against). */
  fastRows?: boolean;
}

/** A cell as read from the sheet XML, before ExcelJS's value model is applied. */
interface CellRead {
  address?: string;
  col: number;
  type?: string;
  styleId?: number;
  formula: string;
  shareType?: string;
  sharedRef?: string;
  sharedIndex?: string;
  value?: string;
  richText?: { text?: string }[];
}

/** Marks a cell ExcelJS does not model at all. */
const SKIP = Symbol("skip");

/** The cell's value as ExcelJS models it (with its column and number format), in a record valid until the next call; `formulae`: shared formulas' masters by group index, as ExcelJS tracks them per sheet. */
function cellValue(
  cell: CellRead,
  options: WorksheetOptions,
  formulae: Map<string | undefined, string | undefined>,
): ParsedCell | typeof SKIP {
  const styleId = cell.styleId;
  // Looked up only where it can change the text (a number, a date, a formula's result): `options.formats` parses the
  // workbook's styles on first use, and a register of texts never needs them.
  const type = cell.type;
  const textOnly = !cell.formula && !cell.shareType && (type === "s" || type === "str" || type === "inlineStr" || type === "b" || type === "e");
  const formats = styleId && !textOnly ? options.formats : undefined;
  const numFmt = styleId && formats ? formats[styleId] : undefined;
  const hasStyle = Boolean(styleId && formats && styleId < formats.length);
  let result: CellValue | undefined;
  if (cell.formula || cell.shareType) {
    let cached: unknown;
    if (cell.value) {
      if (cell.type === "str") cached = excelJsXmlDecode(cell.value);
      else if (cell.type === "b") cached = parseInt(cell.value, 10) !== 0;
      else if (cell.type === "e") cached = { error: cell.value };
      else if (cell.type === "d") cached = isoDate(cell.value);
      else cached = parseFloat(cell.value);
    }
    if (cached !== undefined && hasStyle && isDateFormat(numFmt)) cached = excelToDate(cached, options.date1904);
    let sharedFormula: string | undefined;
    if (cell.shareType === "shared") {
      if (cell.sharedRef) formulae.set(cell.sharedIndex, cell.address);
      else sharedFormula = formulae.get(cell.sharedIndex);
    }
    // ExcelJS's FormulaValue copies only truthy fields: a cached 0, false or "" reads as no result.
    const copy: Record<string, unknown> = {};
    if (cell.formula) copy.formula = cell.formula;
    if (cached) copy.result = cached;
    if (sharedFormula) copy.sharedFormula = sharedFormula;
    result = copy as unknown as CellValue;
  } else if (cell.richText !== undefined || cell.value !== undefined) {
    if (cell.richText !== undefined && cell.type !== "inlineStr") notSure("rich text outside an inline string");
    if (cell.richText !== undefined && cell.value !== undefined) notSure("an inline string with both runs and plain text");
    switch (cell.type) {
      case "s": {
        const index = parseInt(cell.value!, 10);
        // Without a shared-strings part ExcelJS keeps the index itself as the cell's value.
        if (!options.sharedStrings) {
          result = index;
          break;
        }
        const shared = options.sharedStrings[index];
        if (shared === undefined) {
          refuse(`книга повреждена: ячейка ${(cell.address ?? "").slice(0, 20)} ссылается на строку № ${String(index).slice(0, 12)}, которой нет в таблице строк книги`);
        }
        result = shared as CellValue;
        break;
      }
      case "str":
        result = excelJsXmlDecode(cell.value!);
        break;
      case "inlineStr":
        result = (cell.richText !== undefined ? { richText: cell.richText } : cell.value) as CellValue;
        break;
      case "b":
        result = parseInt(cell.value!, 10) !== 0;
        break;
      case "e":
        result = { error: cell.value } as CellValue;
        break;
      case "d":
        // An ISO 8601 date (Strict OOXML, some generators); ExcelJS would read only its year as a number.
        result = isoDate(cell.value!);
        break;
      default: {
        const number = parseFloat(cell.value!);
        result = hasStyle && isDateFormat(numFmt) ? excelToDate(number, options.date1904) : number;
      }
    }
  } else if (!styleId) {
    // ExcelJS's "merge" type: not even an address is taken from it.
    return SKIP;
  }
  // One record for every cell: the caller takes its fields at once (a big sheet has a million cells).
  parsedCell.col = cell.col;
  parsedCell.value = result;
  parsedCell.numFmt = hasStyle ? numFmt : undefined;
  return parsedCell;
}
const parsedCell: ParsedCell = { col: 0, value: undefined, numFmt: undefined };

/**
 * A row's cells as the text a person sees, by column index (column n at n - 1); "" for a cell that shows nothing, a hole
 * where no cell was written. Each cell's text is made as soon as the cell is read: a big sheet's million cells were
 * kept as value records until the merges at the end of the part were known, and those records outlived the young
 * generation (tens of megabytes of old-generation garbage per read).
 */
type RowTexts = string[];

/** Thrown when the rows handed in pieces are not all taken by the fast lane: the caller reads the part whole instead. */
export class RowPiecesNotTaken extends NotSure {}

/**
 * A worksheet's cells as ExcelJS models them, then its merges; returns its rows of text. `rowPieces`: the rows of its
 * <sheetData>, in pieces of whole rows, when `xml` is the part without them (`<sheetData>` right before
 * `</sheetData>`): each piece must be taken whole by the fast lane, else RowPiecesNotTaken is thrown.
 */
export function parseWorksheet(xml: string, name: string, options: WorksheetOptions, rowPieces?: Iterable<string>): SheetText | null {
  if (rowPieces && options.fastRows === false) throw new RowPiecesNotTaken("rows in pieces without the fast lane");
  let piecesTaken = false;
  let root: string | undefined;
  const rows = new Map<number, RowTexts>();
  const merges: Merge[] = [];
  let row: RowTexts | undefined;
  let previousCol: number | undefined;
  /** The cell being read. */
  let cell: CellRead | undefined;
  let previousRow = 0;
  const formulae = new Map<string | undefined, string | undefined>();
  let node: "f" | "v" | "t" | undefined;
  let run: { text?: string } | undefined;
  let runText: string[] | undefined;
  let inSheetData = false;

  const finishCell = () => {
    const current = cell!;
    cell = undefined;
    const read = cellValue(current, options, formulae);
    if (read === SKIP) return;
    // A later cell in the same column replaces an earlier one, an empty one too.
    row![current.col - 1] = read.value === undefined ? "" : cellText(read.value, read.numFmt, options.date1904);
  };

  /** The row's number, checked; it becomes the previous row. */
  const nextRowNumber = (r: string | undefined): number => {
    // Some writers leave out row numbers: a row without one follows the previous row (as Excel reads it).
    if (r !== undefined && !/^[1-9][0-9]*$/.test(r)) notSure("an odd row number");
    const rowNumber = r !== undefined ? Number(r) : previousRow + 1;
    if (rowNumber > EXCEL_MAX_ROWS) refuseOutsideGrid(`в строке ${r?.slice(0, 12) ?? rowNumber}`);
    previousRow = rowNumber;
    previousCol = undefined;
    return rowNumber;
  };
  const startRow = (r: string | undefined) => {
    const rowNumber = nextRowNumber(r);
    row = [];
    rows.set(rowNumber, row);
  };
  const nextColumn = (r: string | undefined): number => {
    // A cell without an address takes the column after the previous cell's, empty or not (as Excel reads it).
    previousCol = r !== undefined ? decodeAddress(r).col : (previousCol ?? 0) + 1;
    if (previousCol > EXCEL_MAX_COLUMNS) refuseOutsideGrid(`в столбце № ${previousCol}`);
    return previousCol;
  };
  const startCell = (r: string | undefined, t: string | undefined, s: string | undefined) => {
    if (!row) notSure("a cell outside a row");
    cell = { address: r, col: nextColumn(r), type: t, formula: "" };
    if (s) cell.styleId = parseInt(s, 10);
    node = undefined;
  };
  const appendValue = (text: string) => {
    cell!.value = cell!.value === undefined ? text : cell!.value + text;
    if (cell!.value.length > EXCEL_MAX_TEXT) refuseLongText();
  };
  /**
   * The fast lane's cells hold no formula and no rich text, and each is done before the next: one object serves them
   * all (a big sheet has a million cells), with the fields startCell would give.
   */
  const laneCell: CellRead = { address: undefined, col: 0, type: undefined, styleId: undefined, formula: "", value: undefined };
  /**
   * A row of cells without values — a template's styled empty rows, 2,000 to a sheet, 15 cells each — shows nothing:
   * it is checked as any row is (its number, its cells' columns) and takes its number's place as an empty row would (a row
   * showing nothing is left out of the sheet's text), but no array is made for it. Each such row was kept until the whole
   * sheet was read, and every collection meanwhile copied it: a merge of 200 files from `reestr distribute` spent more
   * time collecting them than reading. A cell after it outside any row is left to ExcelJS (notSure), as one before any row.
   */
  const applyRowWithoutValues = (raw: RawRow) => {
    rows.delete(nextRowNumber(raw.r));
    row = undefined;
    const cells = raw.cells;
    for (let index = 0; index < raw.count; index++) {
      const rawCell = cells[index];
      if (rawCell.col > 0) previousCol = rawCell.col;
      else nextColumn(rawCell.r);
    }
  };
  /** Whether a cell of the row the lane read holds a value (a shared string's index, a text, a number, a formula's result). */
  const hasValue = (raw: RawRow): boolean => {
    for (let index = 0; index < raw.count; index++) if (raw.cells[index].index >= 0 || raw.cells[index].text !== undefined) return true;
    return false;
  };

  /** A row read by the fast lane, applied as the scanner's events would apply it (text decoded here, in order). */
  const applyRow = (raw: RawRow, xml: string) => {
    if (!hasValue(raw)) {
      applyRowWithoutValues(raw);
      return;
    }
    startRow(raw.r);
    const current = row!;
    const cells = raw.cells;
    for (let index = 0; index < raw.count; index++) {
      const rawCell = cells[index];
      let col: number;
      if (rawCell.col > 0) {
        // An address the lane read itself (within the grid): what nextColumn would take from it.
        col = previousCol = rawCell.col;
      } else col = nextColumn(rawCell.r);
      const styleId = rawCell.style;
      if (rawCell.index >= 0 && options.sharedStrings !== undefined) {
        // A shared string by its index, as finishCell would take it (a missing one is refused there, with its message).
        const shared = options.sharedStrings[rawCell.index];
        if (shared !== undefined) {
          current[col - 1] = typeof shared === "string" ? shared : cellText(shared as CellValue, undefined, options.date1904);
          continue;
        }
      }
      const text = rawCell.index >= 0 ? String(rawCell.index) : rawCell.text;
      if (text === undefined) {
        // No value and no formula (the styled empty cells of a template): an unstyled one is not modelled at all, a
        // styled one is an empty entry — what finishCell makes of it, without building the cell.
        if (styleId) current[col - 1] = "";
        continue;
      }
      // The address only names the cell in a refusal: made for a shared-string cell, the one that can be refused.
      laneCell.address = rawCell.r ?? (rawCell.t === "s" && rawCell.rStart >= 0 ? xml.slice(rawCell.rStart, rawCell.rEnd) : undefined);
      laneCell.col = col;
      laneCell.type = rawCell.t;
      laneCell.styleId = styleId;
      laneCell.value = undefined;
      cell = laneCell;
      node = undefined;
      if (typeof text === "string") appendValue(normalizeText(text));
      else for (const piece of text) appendValue(normalizeText(piece));
      finishCell();
    }
  };

  scanXml(xml, {
    open(tag, attributes, selfClosing) {
      root ??= tag;
      if (tag === "sheetData") {
        inSheetData = !selfClosing;
        return;
      }
      if (tag === "mergeCell") {
        const ref = attributes.ref;
        if (!ref) notSure("a merge without a range");
        const [first, last = first] = ref.split(":");
        const a = decodeAddress(first);
        const b = decodeAddress(last);
        merges.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
        return;
      }
      if (!inSheetData) return;
      if (run) {
        if (tag === "t") runText = [];
        return;
      }
      switch (tag) {
        case "row":
          startRow(attributes.r);
          return;
        case "c":
          startCell(attributes.r, attributes.t, attributes.s);
          if (selfClosing) finishCell();
          return;
        case "f":
          if (cell) {
            cell.shareType = attributes.t;
            cell.sharedRef = attributes.ref;
            cell.sharedIndex = attributes.si;
          }
          node = "f";
          return;
        case "v":
          node = "v";
          return;
        case "t":
          node = "t";
          return;
        case "r":
          run = {};
          return;
        default:
          return;
      }
    },
    text(text) {
      if (!cell) return;
      if (run) {
        if (runText) runText.push(text);
        return;
      }
      if (node === "f") cell.formula += text;
      else if (node === "v" || node === "t") appendValue(text);
    },
    resume(tag, position, namespaces) {
      // Right inside <sheetData> and after each row the scanner read itself, the rows that follow take the fast lane.
      if (!inSheetData || cell || run || (tag !== "sheetData" && tag !== "row") || options.fastRows === false) return position;
      if (rowPieces && tag === "sheetData") {
        if (piecesTaken) throw new RowPiecesNotTaken("a second sheetData");
        piecesTaken = true;
        for (const piece of rowPieces) if (scanRows(piece, 0, namespaces, applyRow) !== piece.length) throw new RowPiecesNotTaken("a row the fast lane does not take");
        return position;
      }
      return scanRows(xml, position, namespaces, applyRow);
    },
    close(tag) {
      if (tag === "sheetData") {
        inSheetData = false;
        return;
      }
      if (!inSheetData || !cell) return;
      if (run) {
        if (tag === "t" && runText) {
          run.text = decodeEscapes(runText.join(""));
          if (run.text.length > EXCEL_MAX_TEXT) refuseLongText();
          runText = undefined;
        } else if (tag === "r") {
          (cell.richText ??= []).push(run);
          run = undefined;
        }
        return;
      }
      if (tag === "c") finishCell();
      else if (tag === "f" || tag === "v" || tag === "t" || tag === "is") node = undefined;
    },
  });
  // An empty <v></v> gives ExcelJS no value at all: the same as above, since no text arrives.
  // A part that is not a worksheet (a chart sheet behind a worksheet relationship) holds no cells.
  if (root !== "worksheet") return null;
  if (rowPieces && !piecesTaken) throw new RowPiecesNotTaken("rows in pieces never reached");

  return { name, rows: visibleRows(rows, merges) };
}

/**
 * The text a person sees, row by row. Overlapping merges (some report generators write them) make ExcelJS fail the whole
 * file; Excel repairs the file by dropping some, and so do we (of two, the lower or else the righter goes). Sorted by top
 * row, a sweep keeps each row's merges at hand: report sheets hold thousands of them.
 */
function visibleRows(rows: Map<number, RowTexts>, merges: Merge[]): string[][] {
  const sorted: Merge[] = [];
  let open: Merge[] = [];
  for (const merge of [...merges].sort((a, b) => a.top - b.top || a.left - b.left)) {
    open = open.filter((k) => k.bottom >= merge.top);
    if (open.some((k) => merge.left <= k.right && k.left <= merge.right)) continue;
    open.push(merge);
    sorted.push(merge);
  }
  let nextMerge = 0;
  let active: Merge[] = [];

  const text: string[][] = [];
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  for (const rowNumber of rowNumbers) {
    while (nextMerge < sorted.length && sorted[nextMerge].top <= rowNumber) active.push(sorted[nextMerge++]);
    if (active.length > 0) active = active.filter((merge) => merge.bottom >= rowNumber);
    const cells = rows.get(rowNumber)!;
    // Like Excel, only the top-left cell of a merged area shows its value.
    for (const m of active) {
      const first = rowNumber > m.top ? m.left : m.left + 1;
      for (let col = first; col <= m.right && col <= cells.length; col++) if (cells[col - 1] !== undefined) cells[col - 1] = "";
    }
    // Up to the last cell that shows something, every column a string.
    let length = cells.length;
    while (length > 0 && !cells[length - 1]) length--;
    if (length === 0) continue;
    if (cells.length !== length) cells.length = length;
    for (let i = 0; i < length; i++) if (cells[i] === undefined) cells[i] = "";
    while (text.length < rowNumber - 1) text.push([]);
    text[rowNumber - 1] = cells;
  }
  return text;
}
