/**
 * A text sheet put into an existing workbook (sheet-in-place.ts) reads back through our reader exactly as given: XML's
 * special characters, a literal "_xHHHH_" (a unit's name in a collection stamp must come back as it was), spaces at the
 * ends, a sheet name with an ampersand.
 */
import { putTextSheet } from "../../../src/adapters/xlsx/sheet-in-place";
import { writeLayoutLean } from "../../../src/adapters/xlsx/lean-writer";
import { readWorkbookData } from "../../../src/adapters/xlsx/read-workbook";
import { inflateWithZlib } from "../../../src/adapters/xlsx/read-workbook-file";

describe("putTextSheet", () => {
  it("keeps every text as it was given", async () => {
    const base = await writeLayoutLean({ sheets: [{ name: "Реестр", blocks: [{ row: 1, col: 1, values: [["ячейка"]] }] }] });
    const texts = ["_x0041_ не буква A", "R&D <отдел> \"кавычки\" 'апостроф'", "  пробелы по краям  "];
    const patched = await putTextSheet(base.bytes, { name: "Штамп & метка", state: "visible", widths: [30], rows: [texts] });
    expect(patched.ok).toBe(true);
    if (!patched.ok) return;
    const read = await readWorkbookData(patched.bytes, "patched.xlsx", undefined, inflateWithZlib);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(["Реестр", "Штамп & метка"]);
    expect(read.sheets[1].rows[0]).toEqual(texts);
    expect(read.sheets[0].rows[0]).toEqual(["ячейка"]);
  });
});
