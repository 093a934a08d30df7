/**
 * Relationship targets resolved to part names (`parseRelationships` in fast-read-parts.ts): the plain ones nearly every
 * writer uses are joined at once, and must come out as the general resolution would give them.
 */
import { parseRelationships } from "../../../src/adapters/xlsx/fast-read-parts";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

function targetOf(target: string, baseDir = "xl/", mode = ""): string | undefined {
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}" Target="${target}"${mode ? ` TargetMode="${mode}"` : ""}/></Relationships>`;
  return parseRelationships(xml, baseDir).get("rId1")?.target;
}

describe("relationship targets", () => {
  test.each([
    ["worksheets/sheet1.xml", "xl/", "xl/worksheets/sheet1.xml"],
    ["/xl/worksheets/sheet2.xml", "xl/", "xl/worksheets/sheet2.xml"],
    ["xl/workbook.xml", "", "xl/workbook.xml"],
    ["theme/theme1.xml", "xl/", "xl/theme/theme1.xml"],
    ["sheet_1-a.xml", "xl/worksheets/", "xl/worksheets/sheet_1-a.xml"],
    ["../customXml/item1.xml", "xl/", "customXml/item1.xml"],
    ["./worksheets/sheet3.xml", "xl/", "xl/worksheets/sheet3.xml"],
    ["worksheets//sheet4.xml", "xl/", "xl/worksheets/sheet4.xml"],
    ["worksheets\\sheet5.xml", "xl/", "xl/worksheets/sheet5.xml"],
    ["worksheets/%D0%BB%D0%B8%D1%81%D1%82.xml", "xl/", "xl/worksheets/лист.xml"],
    [" worksheets/sheet6.xml ", "xl/", "xl/worksheets/sheet6.xml"],
    ["/../xl/sheet7.xml", "", "xl/sheet7.xml"],
  ])("%s from «%s» → %s", (target, baseDir, expected) => {
    expect(targetOf(target, baseDir)).toBe(expected);
  });

  test("an external target is no part", () => {
    expect(targetOf("https://example.org/book.xlsx", "xl/", "External")).toBe("");
  });
});
