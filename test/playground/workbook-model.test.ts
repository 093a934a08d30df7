import { cellPlacement, columnPixels, type SimSheetLike } from "../../src/playground/workbook-model";
import { createExcelSimulator } from "../../src/simulator";

async function sheetWithMerges(): Promise<SimSheetLike> {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Excel.RequestContext) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:O1").merge();
    sheet.getRange("B3:C4").merge();
    sheet.getRange("B:B").format.columnWidth = 120;
    await context.sync();
  });
  return sim.workbook.sheet("Sheet1") as unknown as SimSheetLike;
}

describe("the playground grid's merges", () => {
  test("the top-left cell covers the area's columns; the rest of its row is not drawn; lower rows start blank", async () => {
    const sheet = await sheetWithMerges();
    expect(cellPlacement(sheet, 0, 0)).toEqual({ kind: "cover", lastColumn: 14 });
    expect(cellPlacement(sheet, 0, 1)).toEqual({ kind: "hidden" });
    expect(cellPlacement(sheet, 0, 15)).toEqual({ kind: "cell" });
    expect(cellPlacement(sheet, 2, 1)).toEqual({ kind: "cover", lastColumn: 2 });
    expect(cellPlacement(sheet, 3, 1)).toEqual({ kind: "blank", lastColumn: 2 });
    expect(cellPlacement(sheet, 3, 2)).toEqual({ kind: "hidden" });
  });

  test("column widths are read for the grid's 0-based columns", async () => {
    const sheet = await sheetWithMerges();
    expect(columnPixels(sheet, 1)).toBe(160);
    expect(columnPixels(sheet, 0)).not.toBe(160);
  });
});
