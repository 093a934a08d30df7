/**
 * The lean writer (lean-writer.ts) against the ExcelJS writer (exceljs-writer.ts): the same layout must give the same
 * workbook as ExcelJS and LibreOffice read it — values, types, formats, styles, widths, heights, merges, freeze, print,
 * names — and text stays literal text.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zlib from "node:zlib";
import { writeLayoutLean } from "../../../src/adapters/xlsx/lean-writer";
import { writeLayoutToBuffer } from "../../../src/adapters/xlsx/exceljs-writer";
import { readWorkbookData } from "../../../src/adapters/xlsx/read-workbook";
import { entryData, readZipDirectory } from "../../../src/adapters/xlsx/zip-directory";
import { planMerge } from "../../../src/core/layout/merge-sheets";
import type { WorkbookLayout } from "../../../src/core/layout/types";
import { buildFixtureLayout, PROCESS_COUNT_BY_DIRECTION, REGISTER_SHEET } from "../../support/layout-fixture";
import { expectValidXlsx } from "../../support/ooxml-check";
import { describeWorkbook as describe_ } from "../../support/describe-workbook";
import { closeLibreOffice, inspectWithLibreOffice, type Inspection } from "../../support/libreoffice";
import { row, table, validCells } from "../../merge/helpers";
import { AGENCY_GENITIVE, registerSheets } from "../../appendix/helpers";
import { validRows } from "../../fixtures/register-data";
import { planAppendix } from "../../../src/core/appendix-plan";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { buildTemplateLayout, templateConditionalFormats, templateGeometry } from "../../../src/core/layout/template";

const workDir = mkdtempSync(join(tmpdir(), "reestr-lean-writer-"));
afterAll(closeLibreOffice);

const TRICKY = ["=1+2", "1.10", "007", "  leading and trailing  ", "a\nb", "_x0041_ stays", "<&>\"'", "tab\there", "bell\u0007gone", "1e5"];

function mergeLayout(): WorkbookLayout {
  const unitA = table([
    row(2, validCells("017-01-001")),
    row(3, validCells(TRICKY[0], { 2: TRICKY[3], 3: TRICKY[4] })),
    row(4, validCells("1.10", { 7: TRICKY[5], 11: TRICKY[6], 12: TRICKY[7] })),
  ], { extraTitles: ["Примечание"] });
  const unitB = table([row(2, validCells("017-01-001")), row(3, validCells("017-01-001", { 8: "Сертифицирован" })), row(4, validCells(TRICKY[2], { 4: TRICKY[8], 13: TRICKY[9] }))]);
  const previous = table([row(2, validCells("017-01-001", { 14: "Не цифровой", 15: "" })), row(3, validCells("017-09-999"))]);
  return planMerge({
    inputs: [
      { file: "unit-a.xlsx", result: { ok: true, table: unitA } },
      { file: "unit-b.xlsx", result: { ok: true, table: unitB } },
      { file: "broken.xlsx", result: { ok: false, reason: "not-a-workbook", message: "файл не является книгой Excel" } },
    ],
    settings: null,
    previous: { table: previous, description: "approved.xlsx" },
    date: "01.12.2026",
  }).layout;
}

async function load(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(buffer) as unknown as ArrayBuffer);
  return workbook;
}

function describeInspection(report: Inspection): unknown {
  return {
    // A sheet without print settings: ExcelJS writes an empty page setup (LibreOffice then takes Letter), the lean
    // writer none (LibreOffice takes its default paper); neither chose a size, so sizes are compared only where set.
    sheets: report.sheets.map((sheet) => ({
      ...sheet,
      page: { ...sheet.page, name: undefined, ...(sheet.name === REGISTER_SHEET ? {} : { width: undefined, height: undefined }) },
    })),
    namedRanges: report.namedRanges,
    cells: report.cells,
    evaluations: report.evaluations.map((evaluation) => evaluation.value),
    frozen: report.frozen,
    activeSheet: report.activeSheet,
  };
}

describe("lean xlsx writer", () => {
  test("the merge workbook: the same as ExcelJS writes it, cell by cell, with every text literal", async () => {
    const layout = mergeLayout();
    expect(layout.sheets.map((sheet) => sheet.name)).toHaveLength(3);
    const lean = await writeLayoutLean(layout);
    expect(lean.warnings).toEqual([]);
    const viaExcelJs = JSON.stringify(describe_(await load(await writeLayoutToBuffer(layout))));
    // ExcelJS writes "_x0041_" as is, so readers decode it to "A"; the lean writer escapes it and the text survives.
    expect(viaExcelJs).toContain('\\"A stays\\"');
    // Every occurrence: the text is a unit's name too, so the report's units table repeats it.
    expect(JSON.stringify(describe_(await load(lean.bytes)))).toEqual(viaExcelJs.split('\\"A stays\\"').join('\\"_x0041_ stays\\"'));

  });

  test("text comes back exactly as written: formula-looking, numeric-looking, spaces, line breaks, _xHHHH_, markup", async () => {
    const layout: WorkbookLayout = { sheets: [{ name: "Тексты", blocks: [{ row: 1, col: 1, values: TRICKY.map((text) => [text]) }] }] };
    const bytes = (await writeLayoutLean(layout)).bytes;
    await expectValidXlsx(bytes, "lean writer, tricky texts");
    // Control characters XML cannot carry are dropped, as ExcelJS does.
    const expected = TRICKY.map((text) => text.replace("\u0007", ""));
    const sheet = (await load(bytes)).getWorksheet("Тексты")!;
    expect(TRICKY.map((_, index) => sheet.getCell(index + 1, 1).value)).toEqual(expected);
    expect(TRICKY.map((_, index) => sheet.getCell(index + 1, 1).numFmt)).toEqual(TRICKY.map(() => "@"));
    const read = await readWorkbookData(bytes, "texts.xlsx");
    if (!read.ok) throw new Error(read.message);
    expect(read.sheets[0].rows.map((cells) => cells[0])).toEqual(expected.map((text) => expect.stringContaining(text.trim())));
  });

  test("the fixture layout: styles, merges, estimated heights, hidden sheets, names, print — as ExcelJS writes it", async () => {
    const layout = buildFixtureLayout(6);
    const lean = await writeLayoutLean(layout);
    expect(describe_(await load(lean.bytes))).toEqual(describe_(await load(await writeLayoutToBuffer(layout))));
    await expectValidXlsx(lean.bytes, "lean fixture");
  });

  test("the register template: cell by cell and rule by rule as ExcelJS writes it (dropdowns on names, marks, print titles)", async () => {
    const layout = buildTemplateLayout({ ...DEFAULT_SETTINGS, units: ["Отдел кадров", "Архивный отдел"] }, { title: true, dataRows: 40 });
    const lean = await writeLayoutLean(layout);
    const fromLean = describe_(await load(lean.bytes)) as { sheets: { validations: Record<string, unknown>; conditionalFormats: unknown[] }[] };
    expect(Object.keys(fromLean.sheets[0].validations)).toHaveLength(7 * 40);
    expect(fromLean.sheets[0].conditionalFormats).toHaveLength(templateConditionalFormats(templateGeometry({ dataRows: 40 })).length);
    expect(fromLean).toEqual(describe_(await load(await writeLayoutToBuffer(layout))));
    await expectValidXlsx(lean.bytes, "lean template");
  });

  test("the order's appendix, typical list, summary and approved register: as ExcelJS writes them", async () => {
    const plan = planAppendix({
      sheets: registerSheets(validRows(30), { agencyGenitive: AGENCY_GENITIVE }),
      order: { orderNumber: "7", orderDate: "15.01.2024", appendixNumber: "1" },
      includeTypicalList: true,
      today: { day: 1, month: 12, year: 2026 },
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.layout.sheets.length).toBeGreaterThanOrEqual(4);
    const lean = await writeLayoutLean(plan.layout);
    expect(describe_(await load(lean.bytes))).toEqual(describe_(await load(await writeLayoutToBuffer(plan.layout))));
    await expectValidXlsx(lean.bytes, "lean appendix");
  });

  test("LibreOffice sees the same workbook from both writers; named ranges resolve", async () => {
    const layout = buildFixtureLayout(6);
    const leanPath = join(workDir, "lean.xlsx");
    const excelJsPath = join(workDir, "exceljs.xlsx");
    writeFileSync(leanPath, (await writeLayoutLean(layout)).bytes);
    writeFileSync(excelJsPath, await writeLayoutToBuffer(layout));
    const request = {
      cells: { [REGISTER_SHEET]: "A1:O14" },
      evaluate: [
        { sheet: REGISTER_SHEET, cell: "Z29", formula: "=ROWS(Процессы)" },
        { sheet: REGISTER_SHEET, cell: "Z30", formula: '=COUNTIF(ПроцессыНаправления,"Обеспечивающие процессы")' },
      ],
    };
    const fromLean = describeInspection(await inspectWithLibreOffice(leanPath, request));
    const fromExcelJs = describeInspection(await inspectWithLibreOffice(excelJsPath, request));
    expect((fromLean as { evaluations: number[] }).evaluations).toEqual([38, PROCESS_COUNT_BY_DIRECTION[2]]);
    expect(fromLean).toEqual(fromExcelJs);
  });

  test("LibreOffice reads the merge workbook's texts as text cells with the text format", async () => {
    const path = join(workDir, "merge.xlsx");
    writeFileSync(path, (await writeLayoutLean(mergeLayout())).bytes);
    const report = await inspectWithLibreOffice(path, { cells: { "Сводный реестр": "A6:Q20" } });
    const rows = report.cells["Сводный реестр"].filter((cells) => cells[16].type !== "empty");
    expect(rows).toHaveLength(5); // six rows read, one exact duplicate merged
    const ids = rows.map((cells) => cells[0]);
    expect(ids.every((cell) => cell.type === "text")).toBe(true);
    expect(ids.map((cell) => cell.text)).toEqual(expect.arrayContaining(["=1+2", "1.10", "007"]));
    expect(ids.every((cell) => cell.numberFormat === "@")).toBe(true);
    const sourceRows = rows.map((cells) => cells[16]);
    expect(sourceRows.every((cell) => cell.type === "number")).toBe(true);
  });

  test("shared strings: a text repeated down a column, in another column or another sheet keeps its one index, every cell counted", async () => {
    const layout: WorkbookLayout = {
      sheets: [
        { name: "Один", blocks: [{ row: 1, col: 1, values: [["а", "б"], ["а", "а"], ["в", "а"], ["а", 1], ["а", "б"]] }] },
        { name: "Два", blocks: [{ row: 2, col: 2, values: [["а"], ["б"], ["б"]] }] },
      ],
    };
    const bytes = (await writeLayoutLean(layout)).bytes;
    const directory = readZipDirectory(bytes)!;
    const part = (name: string) => zlib.inflateRawSync(entryData(bytes, directory.entries.find((entry) => entry.name === name)!)!).toString("utf8");
    const table = part("xl/sharedStrings.xml");
    const texts = [...table.matchAll(/<t>([^<]*)<\/t>/g)].map((match) => match[1]);
    expect(texts).toEqual(["а", "б", "в"]);
    expect(table).toContain('count="12" uniqueCount="3"');
    const cells = (xml: string) =>
      [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?( t="s")?><v>(\d+)<\/v>/g)].map((match) => `${match[1]}=${match[2] ? texts[Number(match[3])] : match[3]}`);
    expect(cells(part("xl/worksheets/sheet1.xml"))).toEqual(["A1=а", "B1=б", "A2=а", "B2=а", "A3=в", "B3=а", "A4=а", "B4=1", "A5=а", "B5=б"]);
    expect(cells(part("xl/worksheets/sheet2.xml"))).toEqual(["B2=а", "B3=б", "B4=б"]);
  });

  test("a sheet of many parts: rows end parts near the buffer's end, one longer than the margin; the pieces join to the bytes", async () => {
    const long = "ж".repeat(30_000);
    const values = Array.from({ length: 12_000 }, (_, r) => [`ID-${r}`, r, r === 7_000 ? long : `текст ${r % 97}`, "x".repeat(r % 50)]);
    const result = await writeLayoutLean({ sheets: [{ name: "Лист", blocks: [{ row: 1, col: 1, values }] }] });
    expect(Buffer.concat(result.chunks).equals(result.bytes)).toBe(true);
    const read = await readWorkbookData(result.bytes, "parts.xlsx");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const rows = read.sheets[0].rows;
    expect(rows).toHaveLength(12_000);
    expect(rows[7_000][2]).toBe(long);
    expect(rows[11_999]).toEqual(["ID-11999", "11999", "текст 68", "x".repeat(11_999 % 50)]);
  });

  test("a valid ZIP: every entry deflated, sizes and CRC-32 as stored", async () => {
    const bytes = (await writeLayoutLean(mergeLayout(), { level: 1 })).bytes;
    const directory = readZipDirectory(bytes);
    expect(directory).not.toBeNull();
    const names = directory!.entries.map((entry) => entry.name);
    expect(names[0]).toBe("[Content_Types].xml");
    expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet3.xml"]));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of directory!.entries) {
      expect(entry.method).toBe(8);
      const data = zlib.inflateRawSync(entryData(bytes, entry)!);
      expect(data.length).toBe(entry.uncompressedSize);
      const storedCrc = view.getUint32(entry.localHeaderOffset + 14, true);
      expect(zlib.crc32(data)).toBe(storedCrc);
    }
  });
});
