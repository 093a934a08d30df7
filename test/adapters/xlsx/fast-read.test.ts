/**
 * The lean reader (fast-read.ts) must give exactly what ExcelJS gives — the same sheets, order and text — for files made
 * by ExcelJS, by LibreOffice and by hand with every cell form the format allows; and it must hand anything it does not
 * reproduce to ExcelJS (null) rather than guess.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { inflateRawSync } from "zlib";
import { readSheetsFast } from "../../../src/adapters/xlsx/fast-read";
import { readWorkbookData, readWorkbookWithExcelJs } from "../../../src/adapters/xlsx/read-workbook";
import { inflateRawWithStreams, readZipDirectory } from "../../../src/adapters/xlsx/zip-directory";
import { writeRegisterFiles, type RegisterFiles } from "../../fixtures/register-files";
import { makeZip, minimalWorkbookEntries, type ZipEntryInput } from "../../fixtures/zip";

jest.setTimeout(120_000);

async function fastSheets(data: Uint8Array) {
  const directory = readZipDirectory(data)!;
  return readSheetsFast(data, directory, inflateRawWithStreams);
}

/** Both readers on the same bytes; the lean one must answer (not fall back) and agree with ExcelJS. */
async function expectSame(data: Uint8Array) {
  const reference = await readWorkbookWithExcelJs(data);
  if (!reference.ok) throw new Error(`ExcelJS: ${reference.message}`);
  const fast = await fastSheets(data);
  expect(fast).not.toBeNull();
  expect(fast).toEqual(reference.sheets);
  return fast!;
}

function withParts(parts: Record<string, string>, sheetDataXml = ""): Uint8Array {
  const entries: ZipEntryInput[] = minimalWorkbookEntries(sheetDataXml).map((entry) =>
    parts[entry.name] !== undefined ? { ...entry, data: parts[entry.name] } : entry,
  );
  for (const [name, data] of Object.entries(parts)) if (!entries.some((entry) => entry.name === name)) entries.push({ name, data });
  return new Uint8Array(makeZip(entries.map((entry) => ({ ...entry, deflate: true }))));
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

describe("the lean reader agrees with ExcelJS", () => {
  let files: RegisterFiles;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-fast-read-"));
  beforeAll(async () => {
    files = await writeRegisterFiles(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("register files made by LibreOffice and by ExcelJS", async () => {
    for (const file of [files.loReordered, files.loErrors, files.loNoRegister, files.ownWithSettings, files.ownWithoutSettings]) {
      const sheets = await expectSame(new Uint8Array(fs.readFileSync(file)));
      expect(sheets.length).toBeGreaterThan(0);
    }
  });

  test("every kind of cell ExcelJS writes: numbers, formats, dates (1900 and 1904), formulas, rich text, links, errors, merges", async () => {
    for (const date1904 of [false, true]) {
      const workbook = new ExcelJS.Workbook();
      workbook.properties.date1904 = date1904;
      const sheet = workbook.addWorksheet("Реестр");
      sheet.getCell("A1").value = "Реестр процессов";
      sheet.getCell("A3").value = 104;
      sheet.getCell("B3").value = 0.1 + 0.2;
      sheet.getCell("C3").value = 1.5;
      sheet.getCell("C3").numFmt = "0.00";
      sheet.getCell("D3").value = new Date(Date.UTC(2024, 0, 15, 10, 30));
      sheet.getCell("D3").numFmt = "dd.mm.yyyy hh:mm";
      sheet.getCell("E3").value = { formula: "A3*2", result: 208 };
      sheet.getCell("F3").value = { formula: "A3*3" } as ExcelJS.CellFormulaValue;
      sheet.getCell("G3").value = { formula: "D3+1", result: new Date(Date.UTC(2024, 0, 16)) };
      sheet.getCell("G3").numFmt = "dd.mm.yyyy";
      sheet.getCell("H3").value = { richText: [{ text: "Идентификатор " }, { font: { bold: true }, text: "процесса" }] };
      sheet.getCell("I3").value = { text: "Портал", hyperlink: "https://www.gosuslugi.ru" };
      sheet.getCell("J3").value = true;
      sheet.getCell("K3").value = { error: "#N/A" };
      sheet.getCell("L3").value = "a < b & \"c\" 'd' _x000D_ \t\r\n конец";
      sheet.getCell("M3").value = 0.125;
      sheet.getCell("M3").numFmt = "0.0%";
      sheet.getCell("N3").value = "=не формула";
      sheet.getCell("A5").value = "объединено";
      sheet.getCell("B5").value = "под слиянием";
      sheet.mergeCells("A5:C6");
      sheet.getCell("D5").value = "после";
      sheet.getCell("A7").style = { numFmt: "@" };
      workbook.addWorksheet("Второй", { state: "veryHidden" }).getCell("B2").value = "скрытый";
      workbook.addWorksheet("Пустой");
      await expectSame(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    }
  });

  test("hand-written parts: inline and shared strings, escapes, shared formulas, cells without addresses, duplicates", async () => {
    const sharedStrings =
      `<?xml version="1.0" encoding="UTF-8"?><sst ${MAIN} count="5" uniqueCount="5">` +
      "<si><t>первая</t></si>" +
      '<si><t xml:space="preserve"> с пробелами _x000D_ и _x000d_ </t></si>' +
      "<si><r><rPr><b/></rPr><t>жир</t></r><r><t>ный</t></r></si>" +
      '<si><t>ケ</t><rPh sb="0" eb="1"><t>ke</t></rPh><phoneticPr fontId="1"/></si>' +
      "<si/><!-- комментарий -->" +
      "<si><t>&amp;lt;&#1071;&#x44F;</t></si>" +
      "</sst>";
    const styles =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${MAIN}>` +
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="0.000"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="49"/></cellXfs>' +
      '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0"/></dxf></dxfs>' +
      "</styleSheet>";
    const sheetData =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>' +
      '<c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>45306</v></c><c r="B2" s="2"><v>3.14159</v></c><c r="C2" s="3"><v>45306.75</v></c>' +
      '<c r="D2" s="4"><v>104</v></c><c r="E2" t="n"><v>2024</v></c><c r="F2" s="0"><v>7</v></c><c r="G2" s="9"><v>8</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>встроенная _x000D_</t></is></c>' +
      '<c r="B3" t="inlineStr"><is><r><t>бо</t></r><r><rPr><i/></rPr><t>гатая</t></r></is></c>' +
      '<c r="C3" t="str"><f>CONCAT("a","b")</f><v>&amp;amp;ab</v></c>' +
      '<c r="D3"><f t="shared" ref="D3:D4" si="0">A2+1</f><v>45307</v></c><c r="E3" t="b"><v>1</v></c>' +
      '<c r="F3" t="e"><v>#DIV/0!</v></c><c r="G3" t="b"><f>TRUE()</f><v>0</v></c><c r="H3" s="1"><f>A2</f><v>45306</v></c>' +
      '<c r="I3"><f>0*1</f><v>0</v></c><c r="J3"><f t="shared" si="7"/><v>5</v></c><c r="K3"><f t="dataTable" ref="K3"/><v>6</v></c></row>' +
      '<row r="4"><c r="D4"><f t="shared" si="0"/><v>45308</v></c><c r="E4" s="1"><f>"x"</f></c></row>' +
      // (An empty <c/> without an address keeps its place, which ExcelJS does not: see variety.test.ts.)
      '<row r="6"><c r="B6"><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c s="1"/><c><v>4</v></c></row>' +
      '<row r="7"><c r="A7"><v>1</v></c><c r="A7"/><c r="B7"><v>5</v></c><c r="B7" s="1"/></row>' +
      '<row r="8"><c r="A8"><v>удалённая</v></c></row><row r="8"><c r="C8"><v>9</v></c></row>' +
      '<row r="9" spans="1:3" s="2" customFormat="1"/>' +
      '<row r="10"><c r="A10" t="s"><v>0</v></c><c r="B10" t="s"><v>0</v></c><c r="C10" t="n"><v>1e-7</v></c></row>';
    await expectSame(
      withParts(
        {
          "xl/sharedStrings.xml": sharedStrings,
          "xl/styles.xml": styles,
          "xl/worksheets/sheet1.xml":
            `<?xml version="1.0" encoding="UTF-8"?>\r\n<worksheet ${MAIN} ${RELS_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
            '<mc:AlternateContent><mc:Choice Requires="x14"><x14:foo xmlns:x14="urn:x"/></mc:Choice></mc:AlternateContent>' +
            `<sheetData>${sheetData}</sheetData><mergeCells count="1"><mergeCell ref="A10:B10"/></mergeCells></worksheet>`,
        },
        "",
      ),
    );
  });

  test("sheet order from workbook.xml, rels with /xl/ targets, chart sheets and unnamed parts left out, 1904 dates, no shared strings", async () => {
    const workbook =
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${MAIN} ${RELS_NS}><workbookPr date1904="1"/><sheets>` +
      '<sheet name="Второй &amp;amp; лист" sheetId="2" r:id="rId2"/><sheet name="Первый" sheetId="1" r:id="rId1"/>' +
      '<sheet name="Диаграмма" sheetId="3" r:id="rId3"/><sheet name="Без части" sheetId="4" r:id="rId9"/></sheets></workbook>';
    const rels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId3" Type="chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>';
    const sheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}><sheetData>${rows}</sheetData></worksheet>`;
    const styles = `<styleSheet ${MAIN}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const sheets = await expectSame(
      withParts({
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": rels,
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": sheet('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" t="s"><v>3</v></c></row>'),
        "xl/worksheets/sheet2.xml": sheet('<row r="2"><c r="B2" t="inlineStr"><is><t>второй</t></is></c></row>'),
        "xl/chartsheets/sheet1.xml": "<chartsheet/>",
      }),
    );
    expect(sheets.map((s) => s.name)).toEqual(["Второй & лист", "Первый"]);
  });

  test("what it does not reproduce goes to ExcelJS, which the public reader then uses", async () => {
    const cases = ['<row r="0"><c r="A1"><v>1</v></c></row>', '<row r="1"><c r="$A$1"><v>1</v></c></row>'];
    for (const rows of cases) {
      const data = withParts({ "xl/sharedStrings.xml": `<sst ${MAIN}><si><t>один</t></si></sst>` }, rows);
      expect(await fastSheets(data)).toBeNull();
      const viaPublic = await readWorkbookData(data, "x.xlsx");
      const viaExcelJs = await readWorkbookWithExcelJs(data);
      expect(viaPublic).toEqual(viaExcelJs);
    }
    // (Overlapping merges, which fail ExcelJS, are repaired by the lean reader: see variety.test.ts.)
  });

  test("zlib and DecompressionStream inflaters give the same sheets", async () => {
    const data = new Uint8Array(fs.readFileSync(files.loReordered));
    const directory = readZipDirectory(data)!;
    const viaZlib = await readSheetsFast(data, directory, async (compressed, max) => {
      const out = inflateRawSync(compressed);
      return out.length > max ? null : out;
    });
    expect(viaZlib).toEqual(await fastSheets(data));
  });

  test("a part that unpacks larger than declared is not trusted", async () => {
    const entries = minimalWorkbookEntries('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>').map((entry) => ({
      ...entry,
      deflate: true,
      declaredUncompressedSize: entry.name === "xl/worksheets/sheet1.xml" ? 10 : undefined,
    }));
    expect(await fastSheets(new Uint8Array(makeZip(entries)))).toBeNull();
  });
});
