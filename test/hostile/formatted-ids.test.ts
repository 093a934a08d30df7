/** An ID is what the user sees in Excel: a number shown through its format is read as that text, by both readers. */
import ExcelJS from "exceljs";
import { cellText } from "../../src/adapters/xlsx/cell-text";
import { readWorkbookData, readWorkbookWithExcelJs } from "../../src/adapters/xlsx/read-workbook";

describe("formatted numbers read as Excel shows them", () => {
  test.each([
    [1, "000", "001"],
    [42, "00000", "00042"],
    [1, '"АС-"000', "АС-001"],
    [12345, "00-000", "12-345"],
    [7, '0" шт."', "7 шт."],
    [1, "\\А\\С\\-000", "АС-001"],
    [-3, "000", "-003"],
    [1.5, "0.00", "1.50"],
    [1, "General", "1"],
    [1, "@", "1"],
    [1234, "#,##0", "1234"],
  ])("%p with %j shows %j", (value, format, shown) => {
    expect(cellText(value, format, false)).toBe(shown);
  });

  test("a workbook with IDs kept as formatted numbers: the lean reader and ExcelJS give «001»", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Реестр");
    sheet.getCell("A1").value = 1;
    sheet.getCell("A1").numFmt = "000";
    sheet.getCell("B1").value = 3;
    sheet.getCell("B1").numFmt = '"017-1.1-"00';
    const data = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const lean = await readWorkbookData(data, "ids.xlsx");
    const viaExcelJs = await readWorkbookWithExcelJs(data);
    expect(lean).toEqual({ ok: true, sheets: [{ name: "Реестр", rows: [["001", "017-1.1-03"]] }] });
    expect(viaExcelJs).toEqual(lean);
  });
});
