import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cellText, plainNumber } from "../../../src/adapters/xlsx/cell-text";
import { readWorkbookData } from "../../../src/adapters/xlsx/read-workbook";
import { inflateWithZlib, readWorkbookFile } from "../../../src/adapters/xlsx/read-workbook-file";
import { readZipDirectory } from "../../../src/adapters/xlsx/zip-directory";
import { encryptedOfficeBytes, legacyXlsBytes, makeZip, minimalWorkbookEntries } from "../../fixtures/zip";

let tempDir: string;
beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-read-"));
});
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

async function roundTrip(fill: (worksheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("Реестр"), workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  const result = await readWorkbookData(new Uint8Array(buffer as ArrayBuffer), "test.xlsx");
  if (!result.ok) throw new Error(result.message);
  return result.sheets;
}

describe("cell values as the text a person sees", () => {
  it("reads every kind of cell from a workbook written by ExcelJS", async () => {
    const [sheet] = await roundTrip((worksheet) => {
      worksheet.getCell("A1").value = "Реестр процессов";
      worksheet.getCell("A3").value = 104;
      worksheet.getCell("B3").value = 1.1;
      worksheet.getCell("C3").value = 0.1 + 0.2;
      worksheet.getCell("D3").value = 1e21;
      worksheet.getCell("E3").value = 1.5;
      worksheet.getCell("E3").numFmt = "0.00";
      worksheet.getCell("F3").value = new Date(Date.UTC(2024, 0, 15));
      worksheet.getCell("F3").numFmt = "dd.mm.yyyy";
      worksheet.getCell("G3").value = { formula: "A3*2", result: 208 };
      worksheet.getCell("H3").value = { formula: "A3*3" } as ExcelJS.CellFormulaValue;
      worksheet.getCell("I3").value = { richText: [{ text: "Идентификатор " }, { font: { bold: true }, text: "процесса" }] };
      worksheet.getCell("J3").value = { text: "Портал", hyperlink: "https://www.gosuslugi.ru" };
      worksheet.getCell("K3").value = true;
      worksheet.getCell("L3").value = false;
      worksheet.getCell("M3").value = { error: "#N/A" };
      worksheet.getCell("N3").value = "Статус процесса\n(статус реинжиниринга)";
      worksheet.getCell("A5").value = "017.04.001";
      worksheet.getCell("A6").value = "объединено";
      worksheet.mergeCells("A6:C6");
      worksheet.getCell("D6").value = "после";
    });
    expect(sheet.name).toBe("Реестр");
    expect(sheet.rows[0]).toEqual(["Реестр процессов"]);
    expect(sheet.rows[1]).toEqual([]);
    expect(sheet.rows[2]).toEqual([
      "104",
      "1.1",
      "0.3",
      "1000000000000000000000",
      "1.50",
      "15.01.2024",
      "208",
      "",
      "Идентификатор процесса",
      "Портал",
      "ИСТИНА",
      "ЛОЖЬ",
      "#N/A",
      "Статус процесса\n(статус реинжиниринга)",
    ]);
    expect(sheet.rows[3]).toEqual([]);
    expect(sheet.rows[4]).toEqual(["017.04.001"]);
    // Only the top-left cell of a merged area carries the value, as in Excel.
    expect(sheet.rows[5]).toEqual(["объединено", "", "", "после"]);
    expect(sheet.rows).toHaveLength(6);
  });

  it.each(["America/Los_Angeles", "Asia/Kamchatka"])("keeps a date's calendar day in time zone %s and honours the 1904 date system", async (timeZone) => {
    const savedTimeZone = process.env.TZ;
    process.env.TZ = timeZone;
    const [sheet] = await roundTrip((worksheet, workbook) => {
      workbook.properties.date1904 = true;
      worksheet.getCell("A1").value = new Date(Date.UTC(2023, 11, 31));
      worksheet.getCell("A1").numFmt = "dd.mm.yyyy";
      worksheet.getCell("B1").value = { formula: "A1+1", result: new Date(Date.UTC(2024, 0, 1)) };
      worksheet.getCell("B1").numFmt = "dd.mm.yyyy";
    });
    if (savedTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedTimeZone;
    expect(sheet.rows[0]).toEqual(["31.12.2023", "01.01.2024"]);
  });

  it("formats numbers without float noise or exponents", () => {
    expect(plainNumber(104)).toBe("104");
    expect(plainNumber(-0)).toBe("0");
    expect(plainNumber(1.1)).toBe("1.1");
    expect(plainNumber(0.1 + 0.2)).toBe("0.3");
    expect(plainNumber(1e-7)).toBe("0.0000001");
    expect(plainNumber(123456789012345680000)).toBe("123456789012346000000");
    expect(plainNumber(2.5e25)).toBe("25000000000000000000000000");
    expect(plainNumber(4.35e-12)).toBe("0.00000000000435");
    expect(plainNumber(-12.75)).toBe("-12.75");
  });

  it("applies fixed-decimal, percent and date number formats to raw numbers", () => {
    expect(cellText(1.005, "0.00", false)).toBe("1.01");
    expect(cellText(2, "#,##0.00", false)).toBe("2.00");
    expect(cellText(-1.996, "0.00", false)).toBe("-2.00");
    expect(cellText(0.999, "0", false)).toBe("1");
    expect(cellText(1.5, "0.##", false)).toBe("1.5");
    expect(cellText(0.125, "0%", false)).toBe("13%");
    expect(cellText(0.5, "0.0%", false)).toBe("50.0%");
    expect(cellText(45306, "dd.mm.yyyy", false)).toBe("15.01.2024");
    expect(cellText(45306, "[$-419]DD MMMM YYYY", false)).toBe("15.01.2024");
    expect(cellText(45306.5, "dd.mm.yyyy hh:mm", false)).toBe("15.01.2024 12:00");
    expect(cellText(0.75, "h:mm", false)).toBe("18:00");
    expect(cellText(104, "@", false)).toBe("104");
    expect(cellText(104, "General", false)).toBe("104");
    // Literal text of the format is shown, as in Excel.
    expect(cellText(3.5, '0.0 "шт."', false)).toBe("3.5 шт.");
    expect(cellText({ formula: "NA()", result: { error: "#N/A" } }, undefined, false)).toBe("#N/A");
    expect(cellText({ sharedFormula: "A1", result: "текст" } as ExcelJS.CellValue, undefined, false)).toBe("текст");
  });
});

describe("files that are not readable workbooks", () => {
  const write = (name: string, data: Uint8Array | string) => {
    const filePath = path.join(tempDir, name);
    fs.writeFileSync(filePath, data);
    return filePath;
  };

  it.each([
    ["a missing file", () => path.join(tempDir, "нет-такого.xlsx"), "not-found", /не найден/],
    ["a folder", () => tempDir, "unreadable", /папка/],
    ["an empty file", () => write("empty.xlsx", ""), "empty", /пуст/],
    ["a CSV renamed", () => write("csv.xlsx", "Идентификатор;Наименование\n1;2\n"), "not-workbook", /текстовый файл/],
    ["a PDF", () => write("doc.xlsx", "%PDF-1.7\n%\u00e2\u00e3"), "not-workbook", /PDF/],
    [
      "a .docx-like ZIP",
      () => write("letter.xlsx", makeZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }])),
      "not-workbook",
      /документ Word/,
    ],
    ["a ZIP without a workbook", () => write("other.xlsx", makeZip([{ name: "readme.txt", data: "hello" }])), "not-workbook", /xl\/workbook\.xml/],
    [
      "an OpenDocument spreadsheet",
      () => write("table.xlsx", makeZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }, { name: "content.xml", data: "<x/>" }])),
      "unsupported-format",
      /\.ods/,
    ],
    ["an encrypted workbook", () => write("secret.xlsx", encryptedOfficeBytes()), "encrypted", /паролем/],
    ["a legacy .xls", () => write("old.xls", legacyXlsBytes()), "legacy-xls", /\.xls не поддерживается/],
    [
      "a decompression bomb",
      () => write("bomb.xlsx", makeZip([...minimalWorkbookEntries(""), { name: "xl/media/big.bin", data: "x", declaredUncompressedSize: 5 * 1024 ** 3 }])),
      "too-large-unpacked",
      /распакованном виде занимает 5,0 ГБ при пределе 300 МБ/,
    ],
    [
      "a damaged workbook",
      () => write("broken.xlsx", makeZip([...minimalWorkbookEntries("").filter((entry) => entry.name !== "xl/worksheets/sheet1.xml"), { name: "xl/worksheets/sheet1.xml", data: "<worksheet><sheetData><row" }])),
      "corrupt",
      /^книга повреждена/,
    ],
  ])("reports %s with one Russian line", async (_label, makePath, reason, message) => {
    const result = await readWorkbookFile(makePath());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message).toMatch(message);
    expect(result.message).not.toMatch(/\n/);
  });

  it("refuses a file over the size cap before reading it", async () => {
    const filePath = write("big.xlsx", Buffer.alloc(2 * 1024 * 1024, 1));
    const result = await readWorkbookFile(filePath, { maxFileBytes: 1024 * 1024, maxUncompressedBytes: 300 * 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, reason: "too-large", message: "файл слишком большой: 2 МБ при пределе 1 МБ" });
  });

  it("stops a bomb whose central directory understates the unpacked size, and still reads honest deflated workbooks", async () => {
    const limits = { maxFileBytes: 50 * 1024 * 1024, maxUncompressedBytes: 1024 * 1024 };
    const forged = makeZip([
      ...minimalWorkbookEntries(""),
      { name: "xl/media/image1.bin", data: " ".repeat(4 * 1024 * 1024), deflate: true, declaredUncompressedSize: 1000 },
    ]);
    const result = await readWorkbookData(forged, "forged.xlsx", limits);
    expect(result).toMatchObject({ ok: false, reason: "too-large-unpacked" });
    if (!result.ok) expect(result.message).toBe("книга повреждена или это «zip-бомба»: часть xl/media/image1.bin распаковывается больше заявленного размера");

    const honest = makeZip(
      minimalWorkbookEntries(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"Реестр ".repeat(200)}</t></is></c></row>`).map((entry) => ({
        ...entry,
        deflate: true,
      })),
    );
    const honestResult = await readWorkbookData(honest, "honest.xlsx", { ...limits, maxUncompressedBytes: 100 * 1024 });
    expect(honestResult.ok).toBe(true);
  });

  it("stops a bomb hidden in a sheet the lean reader unpacks, with the same message, by streams and by zlib", async () => {
    const limits = { maxFileBytes: 50 * 1024 * 1024, maxUncompressedBytes: 1024 * 1024 };
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"Реестр ".repeat(400_000)}</t></is></c></row>`;
    const forged = makeZip(
      minimalWorkbookEntries(rows).map((entry) =>
        entry.name === "xl/worksheets/sheet1.xml" ? { ...entry, deflate: true, declaredUncompressedSize: 2000 } : entry,
      ),
    );
    const message = "книга повреждена или это «zip-бомба»: часть xl/worksheets/sheet1.xml распаковывается больше заявленного размера";
    for (const result of [await readWorkbookData(forged, "forged.xlsx", limits), await readWorkbookData(forged, "forged.xlsx", limits, inflateWithZlib)]) {
      expect(result).toEqual({ ok: false, reason: "too-large-unpacked", message });
    }
  });

  it("refuses sheets whose XML together exceeds the scan cap, in one Russian line, and reads them under it", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Процесс ${i + 1}</t></is></c></row>`).join("");
    const data = makeZip(minimalWorkbookEntries(rows));
    const size = readZipDirectory(data)!.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    const limits = { maxFileBytes: 50 * 1024 * 1024, maxUncompressedBytes: 300 * 1024 * 1024 };
    const refused = await readWorkbookData(data, "big.xlsx", { ...limits, maxScannedBytes: 16 * 1024 }, inflateWithZlib);
    expect(refused).toMatchObject({ ok: false, reason: "too-large-unpacked" });
    if (!refused.ok) {
      expect(refused.message).toMatch(/^листы книги занимают в распакованном виде больше 0 МБ — это больше, чем реестр может занимать/);
      expect(refused.message).not.toMatch(/\n/);
    }
    const read = await readWorkbookData(data, "big.xlsx", { ...limits, maxScannedBytes: size }, inflateWithZlib);
    expect(read.ok && read.sheets[0].rows[299]).toEqual(["Процесс 300"]);
  });

  it("reads a hand-made minimal workbook with inline strings and numbers", async () => {
    const zip = makeZip(
      minimalWorkbookEntries(
        '<row r="2"><c r="B2" t="inlineStr"><is><t>Идентификатор процесса</t></is></c><c r="C2"><v>104</v></c></row>',
      ),
    );
    const result = await readWorkbookData(zip, "minimal.xlsx");
    expect(result).toEqual({ ok: true, sheets: [{ name: "Лист1", rows: [[], ["", "Идентификатор процесса", "104"]] }] });
  });
});

describe("ZIP central directory", () => {
  it("lists entries and sums the declared sizes, including ZIP64 sizes", () => {
    const zip = makeZip([
      { name: "a.txt", data: "abc" },
      { name: "б.bin", data: "x", declaredUncompressedSize: 6 * 1024 ** 3 },
    ]);
    const directory = readZipDirectory(zip);
    expect(directory?.entries.map((entry) => [entry.name, entry.uncompressedSize])).toEqual([
      ["a.txt", 3],
      ["б.bin", 6 * 1024 ** 3],
    ]);
    expect(directory?.totalUncompressedSize).toBe(3 + 6 * 1024 ** 3);
  });

  it("returns null for bytes that are not a ZIP", () => {
    expect(readZipDirectory(new TextEncoder().encode("PK\u0003\u0004 but nothing else"))).toBeNull();
  });
});
