/** Two sheets whose names differ only in case (Excel does not tell them apart) are refused, Cyrillic or Latin. */
import { refuseSheetNamesEqualIgnoringCase } from "../../../src/adapters/xlsx/fast-read";
import { Refusal } from "../../../src/adapters/xlsx/fast-read-xml";

function refusal(names: string[]): string | null {
  try {
    refuseSheetNamesEqualIgnoringCase(names);
    return null;
  } catch (error) {
    if (error instanceof Refusal) return error.message;
    throw error;
  }
}

describe("sheet names equal but for case", () => {
  test("Cyrillic and Latin names that differ in case only are refused, naming both", () => {
    expect(refusal(["Реестр", "РЕЕСТР"])).toContain("«Реестр» и «РЕЕСТР»");
    expect(refusal(["Sheet1", "Справочники", "SHEET1"])).toContain("«Sheet1» и «SHEET1»");
    expect(refusal(["Ёлка", "ёЛКА"])).toContain("«Ёлка» и «ёЛКА»");
  });

  test("distinct names, a single sheet and none pass", () => {
    expect(refusal(["Реестр", "Реестр (2)", "Справочники", "Ёлка", "Елка"])).toBeNull();
    expect(refusal(["Реестр"])).toBeNull();
    expect(refusal([])).toBeNull();
  });
});
