/**
 * The worksheet scan's fast lane (fast-read-rows.ts) must give exactly what the scanner's events give: the same rows and
 * text, the same refusals and "not sure" answers in the same order, whether it takes a row or leaves it to the scanner.
 */
import * as lane from "../../../src/adapters/xlsx/fast-read-rows";
import { parseWorksheet, type WorksheetOptions } from "../../../src/adapters/xlsx/fast-read-worksheet";
import { NotSure, Refusal } from "../../../src/adapters/xlsx/fast-read-xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;

function sheet(rows: string, rootAttributes = `xmlns="${MAIN}"`): string {
  return `${HEAD}<worksheet ${rootAttributes}><dimension ref="A1:C9"/><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A9:B9"/></mergeCells></worksheet>`;
}

const OPTIONS: WorksheetOptions = {
  sharedStrings: ["ноль", "один", { richText: [{ text: "два" }] } as never, "три"],
  formats: [undefined, "0.00", "dd.mm.yyyy"],
  date1904: false,
};

/** What the scan gives (or throws) with the lane and without it. */
function both(xml: string, options: WorksheetOptions = OPTIONS): { fast: unknown; events: unknown } {
  const run = (fastRows: boolean) => {
    try {
      return parseWorksheet(xml, "Лист1", { ...options, fastRows });
    } catch (error) {
      if (error instanceof Refusal) return { refused: error.message };
      if (error instanceof NotSure) return { notSure: error.message };
      throw error;
    }
  };
  return { fast: run(true), events: run(false) };
}

let rowsTaken = 0;
beforeEach(() => {
  rowsTaken = 0;
  const original = lane.scanRows;
  jest.spyOn(lane, "scanRows").mockImplementation((xml, position, namespaces, onRow) =>
    original(xml, position, namespaces, (row, text) => {
      rowsTaken++;
      onRow(row, text);
    }),
  );
});
afterEach(() => jest.restoreAllMocks());

function expectSame(xml: string, options?: WorksheetOptions): unknown {
  const { fast, events } = both(xml, options);
  expect(fast).toEqual(events);
  return fast;
}

describe("the fast lane through a sheet's rows", () => {
  test("rows as Excel, LibreOffice, openpyxl and ExcelJS write them", () => {
    const result = expectSame(
      sheet(
        '<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" s="1"><v>3.5</v></c></row>' +
          `<row r="2" customFormat="false" ht="15" hidden="false"><c r="A2" t="inlineStr"><is><t>&#1048;&#1074;&#1072;&#1085; &amp; K&#176;</t></is></c><c r="B2" s="2"><v>45000</v></c><c r="C2" t="b"><v>1</v></c></row>` +
          '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> два </t><t>куска</t></is></c><c r="B3"/><c r="C3" t="e"><v>#N/A</v></c></row>' +
          "<row r=\"4\"/><row><c><v>5</v></c><c t='s'><v>1</v></c></row>" +
          '<row r="9"><c r="A9" t="s"><v>3</v></c><c r="B9" t="s"><v>1</v></c></row>',
        `xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"`,
      ),
    );
    const rows = (result as { rows: string[][] }).rows;
    expect(rows.slice(0, 3)).toEqual([["ноль", "два", "3.50"], ["Иван & K°", "15.03.2023", "ИСТИНА"], [" два куска", "", "#N/A"]]);
    expect(rows[4]).toEqual(["5", "один"]);
    expect(rows[8]).toEqual(["три"]);
    // Every one of these rows went through the lane.
    expect(rowsTaken).toBe(6);
  });

  test("rows the lane leaves to the scanner read the same, and the lane takes the rows after them", () => {
    const rows = [
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>',
      '<row r="2">\n  <c r="A2" t="s"><v>1</v></c>\n</row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><r><t>жирный</t></r><r><t> текст</t></r></is></c></row>',
      '<row r="4"><!-- comment --><c r="A4"><v>4</v></c></row>',
      '<row r="5"><c r="A5" t="str"><v><![CDATA[a<b]]></v></c></row>',
      '<row r="6" ht="1&#49;"><c r="A6"><v>6</v></c></row>',
      '<row r="7"><c r="A7" t="s" ><v >1</v ></c ></row >',
      '<row r="8"><x:c r="A8" xmlns:x="' + MAIN + '"><x:v>8</x:v></x:c></row>',
      '<row r="9"><c r="A9" s:t="s" xmlns:s="' + MAIN + '"><v>0</v></c></row>',
      '<row r="10"><c r="A10" m:t="s"><v>0</v></c></row>',
      '<row r="11"><c r="A11"><v>1\r\n2</v></c><c r="B11" t="inlineStr"><is><t>a&#13;b</t></is></c></row>',
      '<row r="12"><c r="A12"><v>12</v><v>3</v></c><c r="B12"><v></v></c><c r="C12"><v/></c></row>',
    ];
    const result = expectSame(sheet(rows.join(""), `xmlns="${MAIN}" xmlns:m="urn:other"`)) as { rows: string[][] };
    expect(result.rows.length).toBe(12);
    // Rows 10 (a prefix bound elsewhere), 11 (line ends and references decoded when applied) and 12 take the lane.
    expect(rowsTaken).toBe(3);
  });

  test("shared-string indexes read from their digits give what the scanner gives, a workbook without shared strings too", () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>003</v></c><c r="B1" t="s" s="2"><v>2</v></c><c r="C1" t="s"><v>0000000001</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v></v></c><c r="B2" t="s"><v>0</v><v>3</v></c></row>';
    expect(expectSame(sheet(rows))).toMatchObject({ rows: [["три", "два", "один"], ["", "три"]] });
    const long = '<row r="1"><c r="A1" t="s"><v>1234567890</v></c><c r="B1" t="s"><v>03</v></c></row>';
    expect(expectSame(sheet(rows + long.replace(/"1"/, '"3"').replace(/([AB])1/g, "$13")), { ...OPTIONS, sharedStrings: undefined })).toMatchObject({
      rows: [["3", "2", "1"], ["", "3"], ["1234567890", "3"]],
    });
    expect(expectSame(sheet('<row r="1"><c r="A1" t="s"><v>000000004</v></c></row>'))).toEqual({ refused: expect.stringContaining("№ 4") });
    expect(expectSame(sheet('<row r="1"><c r="AB1" t="s"><v>0000000009</v></c></row>'))).toEqual({ refused: expect.stringContaining("ячейка AB1") });
  });

  test("addresses and styles read without a string per cell give what the scanner gives", () => {
    const rows =
      '<row r="1"><c r="A1" s="02"><v>1</v></c><c r="C1" s="2 "><v>45000</v></c><c r="D1" s=""><v>2</v></c><c r="E1" s="1a"/></row>' +
      '<row r="2"><c r="XFD2"><v>3</v></c><c r="B2" s="0"/><c><v>4</v></c></row>';
    const read = expectSame(sheet(rows)) as { rows: string[][] };
    // s="02" is style 2 (a date format), "2 " too; an empty s is no style; a cell without an address follows the one before.
    expect(read.rows[0]).toEqual(["31.12.1899", "", "15.03.2023", "2"]);
    expect([read.rows[1].length, read.rows[1][2], read.rows[1][16383]]).toEqual([16384, "4", "3"]);
    for (const address of ["XFE1", "A1048577", "A01", "a1", "AAAA1", "A"]) expectSame(sheet(`<row r="1"><c r="${address}"><v>1</v></c></row>`));
  });

  test("rows of styled cells without values (a template's empty rows) read as the scanner reads them", () => {
    const empty = (r: number, attributes = ` r="${r}"`) => `<row${attributes}>${["A", "B", "C"].map((c) => `<c r="${c}${r}" s="1"/>`).join("")}</row>`;
    const cases = [
      // Between and after rows with values, and a sheet of nothing else.
      `<row r="1"><c r="A1" t="s"><v>0</v></c></row>${empty(2)}${empty(3)}<row r="4"><c r="B4" s="1"><v>2</v></c></row>${empty(5)}${empty(6)}`,
      `${empty(1)}${empty(2)}`,
      // An empty row under the number of a row with values replaces it, as a later row does.
      `<row r="1"><c r="A1" t="s"><v>1</v></c></row>${empty(1)}<row r="2"><c r="A2" t="s"><v>3</v></c></row>`,
      `${empty(1)}<row r="1"><c r="A1" t="s"><v>1</v></c></row>`,
      // Rows without numbers follow an empty row; cells without addresses follow the previous cell.
      `<row r="1"><c r="A1" t="s"><v>0</v></c></row>${empty(0, "")}<row><c t="s"><v>1</v></c><c s="1"/></row><row><c s="1"/><c s="1"/></row><row><c t="s"><v>3</v></c></row>`,
      // Unstyled empty cells, an empty <v/>, a shared-string type without a value: nothing to show either.
      `<row r="1"><c r="A1"/><c r="B1" t="s"/><c r="C1" s="1"><v></v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>`,
      // The checks an empty row still gets: its number and its cells' columns.
      `${empty(1)}<row r="0"><c r="A1" s="1"/></row>`,
      `${empty(1)}<row r="2000000"><c r="A1" s="1"/></row>`,
      `<row r="1"><c r="ZZZZ1" s="1"/></row>`,
      `<row r="1"><c r="XFD1" s="1"/><c s="1"/></row>`,
      // Merged areas over empty rows.
      `${empty(8)}<row r="9"><c r="A9" t="s"><v>0</v></c><c r="B9" t="s"><v>1</v></c></row>${empty(10)}`,
    ];
    for (const rows of cases) {
      const { fast, events } = both(sheet(rows));
      expect({ rows, result: fast }).toEqual({ rows, result: events });
    }
    expect(rowsTaken).toBeGreaterThan(0);
  });

  test("refusals and doubts come in the same order as the scanner's", () => {
    const cases = [
      '<row r="1"><c r="A1" t="s"><v>9</v></c></row>',
      '<row r="0"><c r="A1"><v>1</v></c></row>',
      '<row r="2000000"><c r="A1"><v>1</v></c></row>',
      '<row r="1"><c r="ZZZZ1"><v>1</v></c></row>',
      '<row r="1"><c r="a1"><v>1</v></c></row>',
      '<row r="1"><c r="A1" t="s"><v>9</v></c><c r="B1"><f>1</f></c></row>',
      '<row r="1"><c r="A1"><v>&bogus;</v></c><c r="B1" t="s"><v>9</v></c></row>',
      '<row r="1"><c r="A1" t="s"><v>9</v></c><c r="B1"><v>&bogus;</v></c></row>',
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${"я".repeat(32_768)}</t></is></c></row>`,
      '<row r="1"><c r="A1"><v>1</v></c>',
      '<row r="1"><c r="A1"><v>1</v></row>',
    ];
    for (const rows of cases) {
      const { fast, events } = both(sheet(rows));
      expect({ rows, result: fast }).toEqual({ rows, result: events });
    }
  });
});
