/**
 * Workbooks as the programs users have write them (Excel, LibreOffice, Open XML SDK, 1C and other generators, Strict
 * OOXML), hand-built part by part: the public reader must give the text a person sees in Excel, the lean reader and
 * ExcelJS must agree wherever ExcelJS reads the file right, and files that are not workbooks get one Russian line.
 */
import { readSheetsFast } from "../../../src/adapters/xlsx/fast-read";
import { Refusal } from "../../../src/adapters/xlsx/fast-read-xml";
import { readWorkbookData, readWorkbookWithExcelJs } from "../../../src/adapters/xlsx/read-workbook";
import { inflateRawWithStreams, readZipDirectory } from "../../../src/adapters/xlsx/zip-directory";
import { findRegister } from "../../../src/core/read-register";
import type { SheetText } from "../../../src/core/register-types";
import {
  DIALECTS,
  expectedText,
  MAIN_NS,
  notWorkbooks,
  packageWithParts,
  REGISTER_FIRST_DATA_ROW,
  REGISTER_HEADER_ROW,
  registerRows,
  STRICT_MAIN_NS,
  workbookPackage,
} from "../../fixtures/variety-files";

jest.setTimeout(120_000);

async function fastSheets(data: Uint8Array): Promise<SheetText[] | null> {
  return readSheetsFast(data, readZipDirectory(data)!, inflateRawWithStreams);
}

async function publicSheets(data: Uint8Array): Promise<SheetText[]> {
  const read = await readWorkbookData(data, "книга.xlsx");
  if (!read.ok) throw new Error(read.message);
  return read.sheets;
}

async function excelJsSheets(data: Uint8Array): Promise<SheetText[] | string> {
  const read = await readWorkbookWithExcelJs(data);
  return read.ok ? read.sheets : read.message;
}

const MAIN = `xmlns="${MAIN_NS}"`;

describe("registers as different writers spell the package", () => {
  const rows = registerRows(3);
  test.each(DIALECTS)("%s", async (_, dialect, excelJs) => {
    const data = workbookPackage([{ name: "Реестр", rows }], dialect);
    const expected = [{ name: "Реестр", rows: expectedText(rows) }];
    expect(await fastSheets(data)).toEqual(expected);
    expect(await publicSheets(data)).toEqual(expected);
    if (excelJs === "agrees") expect(await excelJsSheets(data)).toEqual(expected);
    else expect(await excelJsSheets(data)).not.toEqual(expected); // the reason the lean reader must not defer to it here

    const table = findRegister(expected)!;
    expect(table.headerRow).toBe(REGISTER_HEADER_ROW);
    expect(table.missingColumns).toEqual([]);
    expect(table.rows.map((row) => row.sheetRow)).toEqual([REGISTER_FIRST_DATA_ROW, REGISTER_FIRST_DATA_ROW + 1, REGISTER_FIRST_DATA_ROW + 2]);
  });
});

describe("cell values as Excel shows them", () => {
  const styles =
    `<styleSheet ${MAIN}><numFmts count="3"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/>` +
    '<numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="DD.MM.YYYY;@"/></numFmts>' +
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/>' +
    '<xf numFmtId="10"/><xf numFmtId="166"/></cellXfs></styleSheet>';
  const sharedStrings =
    `<sst ${MAIN}>` +
    "<si><t>001</t></si>" +
    '<si><r><rPr><b/></rPr><t>Наименование </t></r><r><t xml:space="preserve">процесса</t></r><rPh sb="0" eb="4"><t>ナマエ</t></rPh></si>' +
    '<si><t xml:space="preserve">  с пробелами  </t></si>' +
    "<si><t>&lt;тег&gt; &amp; &quot;кавычки&quot; &#1071;&#x44F;</t></si>" +
    "<si><t>первая_x000D_\nвторая строка</t></si>" +
    "<si><t>Статус\r\nпроцесса</t></si>" +
    "</sst>";
  // One cell per form; each column's expected text follows.
  const cells: [string, string][] = [
    ['t="s"><v>0</v>', "001"],
    ['t="s"><v>1</v>', "Наименование процесса"],
    ['t="s"><v>2</v>', "  с пробелами  "],
    ['t="s"><v>3</v>', '<тег> & "кавычки" Яя'],
    ['t="s"><v>4</v>', "первая\r\nвторая строка"],
    ['t="s"><v>5</v>', "Статус\nпроцесса"],
    ['t="inlineStr"><is><r><t>бо</t></r><r><rPr><i/></rPr><t>гатая</t></r></is>', "богатая"],
    ["><v/>", ""],
    ['t="str"><f>A1&amp;"-1"</f><v>001-1</v>', "001-1"],
    ['t="b"><v>1</v>', "ИСТИНА"],
    ['t="e"><v>#N/A</v>', "#N/A"],
    ['s="1"><v>45306</v>', "15.01.2024"],
    ['s="2"><v>45306</v>', "15.01.2024"],
    ['s="6"><v>45306</v>', "15.01.2024"],
    ["><v>1E3</v>", "1000"],
    ["><v>0.30000000000000004</v>", "0.3"],
    ['s="3"><v>0.125</v>', "12.5%"],
    ['s="5"><v>0.5</v>', "50.00%"],
    ["><v>104</v>", "104"],
    ["><v>1.1000000000000001</v>", "1.1"],
    ['s="4"><v>17</v>', "17"],
    ["><v>-0</v>", "0"],
  ];
  const letters = (index: number) => String.fromCharCode(65 + index);
  const row = cells.map(([body], index) => `<c r="${letters(index)}1" ${body}</c>`).join("");
  const expectedRow = cells.map(([, text]) => text);
  while (expectedRow[expectedRow.length - 1] === "") expectedRow.pop();

  test("every cell form: the lean reader, ExcelJS and the public reader agree", async () => {
    const data = packageWithParts({ "xl/styles.xml": styles, "xl/sharedStrings.xml": sharedStrings }, `<row r="1">${row}</row>`);
    const expected = [{ name: "Лист1", rows: [expectedRow] }];
    expect(await fastSheets(data)).toEqual(expected);
    expect(await excelJsSheets(data)).toEqual(expected);
    expect(await publicSheets(data)).toEqual(expected);
  });

  test("the same cells with every part prefixed as Open XML SDK writes them (<x:c>, <x:numFmt>, <x:si>)", async () => {
    const prefixed = (xml: string) =>
      xml.replace(new RegExp(`xmlns="${MAIN_NS}"`, "g"), `xmlns:x="${MAIN_NS}"`).replace(/<(\/?)(?!\?|!)([A-Za-z]+)(?=[\s/>])/g, "<$1x:$2");
    const workbook = prefixed(
      `<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    const data = packageWithParts({
      "xl/workbook.xml": workbook,
      "xl/styles.xml": prefixed(styles),
      "xl/sharedStrings.xml": prefixed(sharedStrings),
      "xl/worksheets/sheet1.xml": prefixed(`<worksheet ${MAIN}><sheetData><row r="1">${row}</row></sheetData></worksheet>`),
    });
    const expected = [{ name: "Лист1", rows: [expectedRow] }];
    expect(await fastSheets(data)).toEqual(expected);
    expect(await publicSheets(data)).toEqual(expected);
    expect(await excelJsSheets(data)).not.toEqual(expected);
  });

  test("ISO dates (t=\"d\", Strict and some generators) read as dates; ExcelJS would keep only the year", async () => {
    const data = packageWithParts(
      { "xl/styles.xml": styles },
      '<row r="1"><c r="A1" t="d"><v>2024-01-15T00:00:00</v></c><c r="B1" t="d" s="2"><v>2024-01-15T10:30:00Z</v></c>' +
        '<c r="C1" t="d"><v>2024-02-29</v></c><c r="D1" t="d"><v>не дата</v></c><c r="E1" t="d"><v>2024-01-15T10:30:00</v></c></row>',
    );
    const expected = [{ name: "Лист1", rows: [["15.01.2024", "15.01.2024", "29.02.2024", "не дата", "15.01.2024 10:30"]] }];
    expect(await fastSheets(data)).toEqual(expected);
    expect(await publicSheets(data)).toEqual(expected);
  });

  test("the 1904 date system", async () => {
    const workbook =
      `<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="true"/>` +
      '<sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const data = packageWithParts({ "xl/workbook.xml": workbook, "xl/styles.xml": styles }, '<row r="1"><c r="A1" s="2"><v>43844</v></c></row>');
    expect(await publicSheets(data)).toEqual([{ name: "Лист1", rows: [["15.01.2024"]] }]);
  });

  test("CDATA text is kept (ExcelJS drops it)", async () => {
    const data = packageWithParts({}, '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a < b & c]]></t></is></c></row>');
    expect(await publicSheets(data)).toEqual([{ name: "Лист1", rows: [["a < b & c"]] }]);
  });

  test("UTF-16 parts and a byte-order mark", async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-16"?><worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>юникод</t></is></c></row></sheetData></worksheet>`;
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(sheet, "utf16le"))]);
    expect(await publicSheets(packageWithParts({ "xl/worksheets/sheet1.xml": utf16 }))).toEqual([{ name: "Лист1", rows: [["юникод"]] }]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sheet.replace("UTF-16", "UTF-8"))]);
    expect(await publicSheets(packageWithParts({ "xl/worksheets/sheet1.xml": bom }))).toEqual([{ name: "Лист1", rows: [["юникод"]] }]);
  });

  test("cells without addresses after addressed ones, an empty <c/> keeps its place, rows without numbers follow the previous", async () => {
    const data = packageWithParts(
      {},
      '<row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c><c/><c t="inlineStr"><is><t>e</t></is></c></row>' +
        '<row><c t="inlineStr"><is><t>a3</t></is></c></row>',
    );
    expect(await publicSheets(data)).toEqual([{ name: "Лист1", rows: [[], ["", "b", "c", "", "e"], ["a3"]] }]);
  });
});

describe("sheet shapes", () => {
  const titles = registerRows(0)[2];

  test("merged title and header cells, a header split over two rows, the numbering row", async () => {
    // Row 3 holds group titles merged over their columns and the single titles merged down over rows 3–4;
    // row 4 holds the titles under the groups. findRegister must take row 4 … or row 3 as the header with all columns.
    const top = titles.map((title, index) => (index >= 4 && index <= 6 ? (index === 4 ? "Сведения о процессе" : "") : title));
    const bottom = titles.map((title, index) => (index >= 4 && index <= 6 ? title : ""));
    const rows = [["Реестр процессов"], [], top, bottom, titles.map((_, index) => String(index + 1)), ...registerRows(2).slice(4)];
    const merges = [
      "A1:O1",
      "E3:G3",
      ...titles.map((_, index) => (index >= 4 && index <= 6 ? "" : `${String.fromCharCode(65 + index)}3:${String.fromCharCode(65 + index)}4`)).filter(Boolean),
    ];
    const after = `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`;
    const data = workbookPackage([{ name: "Реестр", rows, after }]);
    const sheets = await publicSheets(data);
    expect(sheets).toEqual(await excelJsSheets(data));
    const table = findRegister(sheets)!;
    expect(table).not.toBeNull();
    expect(table.missingColumns).toEqual([]);
    expect(table.rows.map((row) => row.sheetRow)).toEqual([6, 7]);
    expect(table.rows[0].cells[0]).toBe(registerRows(1)[4][0]);
  });

  test("hidden and very hidden sheets are read; a chart sheet is left out; the register is found behind them", async () => {
    const chartWorkbook =
      `<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
      '<sheet name="Диаграмма" sheetId="1" r:id="rId3"/><sheet name="Скрытый" sheetId="2" state="hidden" r:id="rId2"/>' +
      '<sheet name="Лист1" sheetId="3" r:id="rId1"/><sheet name="Справочники" sheetId="4" state="veryHidden" r:id="rId4"/></sheets></workbook>';
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>' +
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>' +
      "</Relationships>";
    const inline = (address: string, text: string) => `<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheet = (rowsXml: string) => `<worksheet ${MAIN}><sheetData>${rowsXml}</sheetData></worksheet>`;
    const registerXml = registerRows(2)
      .map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => (text ? inline(`${String.fromCharCode(65 + c)}${r + 1}`, text.replace(/&/g, "&amp;")) : "")).join("")}</row>`)
      .join("");
    const data = packageWithParts({
      "xl/workbook.xml": chartWorkbook,
      "xl/_rels/workbook.xml.rels": rels,
      "xl/worksheets/sheet1.xml": sheet(registerXml),
      "xl/worksheets/sheet2.xml": sheet(`<row r="1">${inline("A1", "скрыто")}</row>`),
      "xl/worksheets/sheet3.xml": sheet(`<row r="1">${inline("A1", "Параметр")}${inline("B1", "Значение")}</row>`),
      "xl/chartsheets/sheet1.xml": '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><drawing r:id="rId1"/></chartsheet>',
    });
    const sheets = await publicSheets(data);
    expect(sheets.map((s) => s.name)).toEqual(["Скрытый", "Лист1", "Справочники"]);
    expect(sheets).toEqual(await excelJsSheets(data));
    expect(findRegister(sheets)!.sheet).toBe("Лист1");
  });

  test("sheet names ExcelJS refuses and fails the whole file on are read as they are", async () => {
    const names = ["Отчёт: реестр процессов [1С:Предприятие 8.3]", "History", "'в кавычках'", "Лист1", "Лист 1"];
    const data = workbookPackage(names.map((name, index) => ({ name, rows: index === 0 ? registerRows(1) : [["x"]] })));
    expect((await excelJsSheets(data)) as string).toMatch(/^книга повреждена/);
    const sheets = await publicSheets(data);
    expect(sheets.map((sheet) => sheet.name)).toEqual(names);
    expect(findRegister(sheets)!.sheet).toBe(names[0]);
  });

  test("relationship targets with backslashes, percent-escapes and another letter case than the archive's names", async () => {
    const workbook =
      `<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
      '<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId3"/></sheets></workbook>';
    const type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${type}" Target="worksheets\\sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${type}" Target="worksheets/Sheet%202.xml"/>` +
      `<Relationship Id="rId3" Type="${type}" Target="/xl/worksheets/sheet3.xml"/></Relationships>`;
    const sheet = (text: string) => `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;
    const data = packageWithParts({
      "xl/workbook.xml": workbook,
      "xl/_rels/workbook.xml.rels": rels,
      "xl/worksheets/sheet1.xml": sheet("первый"),
      "xl/worksheets/Sheet 2.xml": sheet("второй"),
      "XL/Worksheets/SHEET3.XML": sheet("третий"),
    });
    expect(await publicSheets(data)).toEqual([
      { name: "A", rows: [["первый"]] },
      { name: "B", rows: [["второй"]] },
      { name: "C", rows: [["третий"]] },
    ]);
  });

  test("overlapping merged areas (ExcelJS fails the file) are repaired; thousands of merges in a report sheet", async () => {
    const inline = (address: string, text: string) => `<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const overlapping = packageWithParts({
      "xl/worksheets/sheet1.xml":
        `<worksheet ${MAIN}><sheetData><row r="1">${inline("A1", "a")}${inline("B1", "b")}${inline("C1", "c")}</row>` +
        `<row r="2">${inline("A2", "под a")}${inline("B2", "b2")}${inline("C2", "c2")}</row></sheetData>` +
        '<mergeCells><mergeCell ref="A1:A2"/><mergeCell ref="A2:C2"/><mergeCell ref="B1:C1"/></mergeCells></worksheet>',
    });
    expect(await excelJsSheets(overlapping)).toMatch(/^книга повреждена/);
    // A1:A2 and B1:C1 stay, A2:C2 (overlapping A1:A2) goes: B2 and C2 keep their values.
    expect(await publicSheets(overlapping)).toEqual([{ name: "Лист1", rows: [["a", "b"], ["", "b2", "c2"]] }]);

    const rowsXml: string[] = [];
    const mergeXml: string[] = [];
    for (let r = 1; r <= 1000; r++) {
      rowsXml.push(`<row r="${r}">${inline(`A${r}`, `A${r}`)}${inline(`B${r}`, "скрыто")}${inline(`C${r}`, `C${r}`)}${inline(`D${r}`, "скрыто")}${inline(`E${r}`, `E${r}`)}</row>`);
      mergeXml.push(`<mergeCell ref="A${r}:B${r}"/><mergeCell ref="C${r}:D${r}"/>`);
    }
    const report = packageWithParts({
      "xl/worksheets/sheet1.xml": `<worksheet ${MAIN}><sheetData>${rowsXml.join("")}</sheetData><mergeCells>${mergeXml.join("")}</mergeCells></worksheet>`,
    });
    const sheets = await publicSheets(report);
    expect(sheets[0].rows).toHaveLength(1000);
    expect(sheets[0].rows[999]).toEqual(["A1000", "", "C1000", "", "E1000"]);
    expect(sheets).toEqual(await excelJsSheets(report));
  });

  test("an empty workbook: no sheets, and a sheet with nothing on it", async () => {
    const noSheets = packageWithParts({
      "xl/workbook.xml": `<workbook ${MAIN}><sheets/></workbook>`,
      "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    });
    expect(await publicSheets(noSheets)).toEqual([]);
    expect(await publicSheets(packageWithParts({}, ""))).toEqual([{ name: "Лист1", rows: [] }]);
  });

  test("a dimension that lies about the size and a <cols> entry over all 16384 columns change nothing", async () => {
    const rows = registerRows(2);
    const data = workbookPackage([
      { name: "Реестр", rows, before: '<dimension ref="A1"/><cols><col min="1" max="16384" width="12" customWidth="1"/></cols>' },
    ]);
    const sheets = await publicSheets(data);
    expect(sheets).toEqual([{ name: "Реестр", rows: expectedText(rows) }]);
    expect(sheets).toEqual(await excelJsSheets(data));
  });
});

describe("files that are not workbooks: one Russian line each", () => {
  test.each(notWorkbooks().map((file) => [file.name, file] as const))("%s", async (_, file) => {
    const read = await readWorkbookData(file.data, file.name, { maxFileBytes: 50 * 1024 * 1024, maxUncompressedBytes: 16 * 1024 * 1024 });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(file.message);
    expect(read.message).not.toMatch(/\n|\bat\s+\S+\s+\(/);
    expect(read.message).toMatch(/[а-яё]/i);
  });
});

describe("what the lean reader gives up on in a prefixed or Strict workbook gets a clear line, not empty sheets", () => {
  test.each([
    ["prefixed", `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="$A$1" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`, /префиксами пространств имен/],
    ["Strict", `<worksheet xmlns="${STRICT_MAIN_NS}"><sheetData><row r="1"><c r="$A$1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`, /«Strict Open XML»/],
  ])("%s", async (_, sheetXml, message) => {
    const data = packageWithParts({ "xl/worksheets/sheet1.xml": sheetXml as string });
    expect(await fastSheets(data)).toBeNull();
    const read = await readWorkbookData(data, "книга.xlsx");
    expect(read).toEqual({ ok: false, reason: "unsupported-format", message: expect.stringMatching(message as RegExp) });
  });
});

describe("never a crash: damaged parts and damaged archives", () => {
  /** A small deterministic generator, so a failure repeats. */
  function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const NOISE = ["<", ">", "&", '"', "'", "/", "=", ":", "x:", "<![CDATA[", "]]>", "&#x110000;", "&#0;", "<!--", "<c>", "</row>", "r=\"ZZZ0\"", "t=\"d\"", "\u0000", "\uFFFF"];

  function mutate(text: string, next: () => number): string {
    const at = Math.floor(next() * text.length);
    switch (Math.floor(next() * 4)) {
      case 0:
        return text.slice(0, at);
      case 1:
        return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
      case 2:
        return text.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(at);
      default: {
        const from = Math.floor(next() * text.length);
        return text.slice(0, at) + text.slice(from, from + Math.floor(next() * 60)) + text.slice(at);
      }
    }
  }

  async function expectCalmAnswer(data: Uint8Array, label: string) {
    const directory = readZipDirectory(data);
    if (directory) {
      // The lean reader itself answers sheets, "not sure" or a refusal in one Russian line, never another exception.
      const answer = await readSheetsFast(data, directory, inflateRawWithStreams).then(
        () => "answered",
        (error: unknown) => (error instanceof Refusal && /^[^\n]*[а-яё][^\n]*$/i.test(error.message) ? "answered" : String(error)),
      );
      expect(answer).toBe("answered");
    }
    const read = await readWorkbookData(data, "книга.xlsx");
    if (read.ok) {
      expect(Array.isArray(read.sheets)).toBe(true);
      for (const sheet of read.sheets) expect(typeof sheet.name).toBe("string");
    } else {
      expect({ label, message: read.message }).toEqual({ label, message: expect.stringMatching(/^[^\n]*[а-яё][^\n]*$/i) });
    }
  }

  test("300 mutations of the XML parts (sheet, shared strings, workbook, relationships, styles)", async () => {
    const next = random(20240115);
    const rows = registerRows(2);
    const source = workbookPackage([{ name: "Реестр", rows }], {});
    const directory = readZipDirectory(source)!;
    const { inflateRawSync } = await import("zlib");
    const { entryData } = await import("../../../src/adapters/xlsx/zip-directory");
    const { makeZip } = await import("../../fixtures/zip");
    const parts = directory.entries.map((entry) => ({ name: entry.name, text: inflateRawSync(entryData(source, entry)!).toString("utf8") }));
    const styles = `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    parts.push({ name: "xl/styles.xml", text: styles });
    for (let round = 0; round < 300; round++) {
      const victim = 1 + Math.floor(next() * (parts.length - 1));
      const mutated = parts.map((part, index) => (index === victim ? { ...part, text: mutate(part.text, next) } : part));
      const data = new Uint8Array(makeZip(mutated.map((part) => ({ name: part.name, data: part.text, deflate: true }))));
      await expectCalmAnswer(data, `round ${round}, ${parts[victim].name}`);
    }
  });

  test("200 damaged archives: bytes changed, cut or repeated", async () => {
    const next = random(31);
    const source = workbookPackage([{ name: "Реестр", rows: registerRows(2) }], { strings: "inline" });
    for (let round = 0; round < 200; round++) {
      const data = new Uint8Array(source);
      const kind = round % 3;
      if (kind === 0) {
        for (let i = 0; i < 1 + Math.floor(next() * 8); i++) data[Math.floor(next() * data.length)] = Math.floor(next() * 256);
        await expectCalmAnswer(data, `round ${round}: bytes changed`);
      } else if (kind === 1) {
        // The end record kept, the middle cut: offsets in the directory point past the data.
        const cut = Math.floor(next() * (data.length - 22));
        await expectCalmAnswer(new Uint8Array([...data.subarray(0, cut), ...data.subarray(data.length - 22)]), `round ${round}: cut`);
      } else {
        const at = Math.floor(next() * data.length);
        await expectCalmAnswer(new Uint8Array([...data.subarray(0, at), ...data.subarray(at - 100 < 0 ? 0 : at - 100)]), `round ${round}: repeated`);
      }
    }
  });
});
