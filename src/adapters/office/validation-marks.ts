/**
 * Writing a check's marks (design and reasons: core/check-marks.ts). One request: the helper sheet created or its old
 * grid cleared, its A1 set to the register sheet's name, the new grid written, and — the first time for a sheet — the
 * two conditional formats added and remembered in a workbook name. More requests only past `maxRequestBytes` of grid.
 * Nothing is read: the state comes from the check's read request.
 */
import {
  CHECK_MARKS_SHEET_NAME,
  MARK_ERROR,
  MARK_STYLES,
  MARK_WARNING,
  isSheetEquipped,
  markFormula,
  markedRowsAddress,
  markedSheetFormula,
  nextMarkedSheetName,
  planMarkWrites,
  type CellMark,
  type MarkValue,
  type MarkedSheet,
} from "../../core/check-marks";
import { sameSheetName } from "../../core/sheet-names";

/** Requests Excel accepts are at most 5 MB on every platform; this leaves room for the rest of the request. */
export const MARK_REQUEST_BYTES = 4_000_000;

export interface MarkWriteInput {
  /** The register sheet. */
  sheet: string;
  firstDataRow: number;
  marks: CellMark[];
  helperExists: boolean;
  markedSheets: MarkedSheet[];
  maxRequestBytes?: number;
}

function addFormat(range: Excel.Range, sheet: string, mark: MarkValue): void {
  const format = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  format.custom.rule.formula = markFormula(sheet, mark);
  format.custom.format.fill.color = MARK_STYLES[mark].fill;
  format.custom.format.font.color = MARK_STYLES[mark].fontColor;
}

/** Writes the marks; returns the syncs spent (0 when there is nothing to write or clear). */
export async function writeCheckMarks(context: Excel.RequestContext, input: MarkWriteInput): Promise<number> {
  if (!input.helperExists && input.marks.length === 0) return 0;
  const worksheets = context.workbook.worksheets;
  const names = context.workbook.names;
  let helper: Excel.Worksheet;
  let records = input.markedSheets;
  if (input.helperExists) {
    helper = worksheets.getItem(CHECK_MARKS_SHEET_NAME);
    helper.getRange().clear("Contents");
  } else {
    helper = worksheets.add(CHECK_MARKS_SHEET_NAME);
    // Formats made for an earlier helper sheet point at a deleted sheet (#REF!): forget them, equip anew.
    for (const record of records) names.getItem(record.name).delete();
    records = [];
  }
  helper.visibility = "VeryHidden" as Excel.SheetVisibility;
  const owner = helper.getRange("A1");
  owner.numberFormat = [["@"]];
  owner.values = [[input.marks.length ? input.sheet : ""]];

  if (input.marks.length && !isSheetEquipped(records, input.sheet, input.firstDataRow)) {
    const rows = worksheets.getItem(input.sheet).getRange(markedRowsAddress(input.firstDataRow));
    // A new format goes on top: the error format last, so it wins over the warning one and over the user's formats.
    addFormat(rows, input.sheet, MARK_WARNING);
    addFormat(rows, input.sheet, MARK_ERROR);
    const stale = records.filter((record) => sameSheetName(record.sheet, input.sheet));
    for (const record of stale) names.getItem(record.name).delete();
    const item = names.add(nextMarkedSheetName(records), markedSheetFormula(input.sheet, input.firstDataRow));
    item.visible = false;
  }

  const plan = planMarkWrites(input.marks, input.maxRequestBytes ?? MARK_REQUEST_BYTES, 2_000);
  let syncs = 0;
  for (const request of plan.requests) {
    for (const block of request) helper.getRange(block.address).values = block.values;
    syncs++;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per 4 MB of grid: grows with megabytes, not rows
    await context.sync();
  }
  return syncs;
}

/** Empties the grid: the formats stay and show nothing. One request; none needed when there is no helper sheet. */
export async function clearMarks(context: Excel.RequestContext): Promise<void> {
  // Addressing the sheet directly: when it does not exist the request fails with ItemNotFound and there is nothing to clear.
  context.workbook.worksheets.getItem(CHECK_MARKS_SHEET_NAME).getRange().clear("Contents");
  try {
    await context.sync();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== "ItemNotFound") throw error;
  }
}
