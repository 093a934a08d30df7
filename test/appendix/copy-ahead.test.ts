/**
 * `reestr appendix` starts copying the user's big selected sheet (its tab mark off) before the workbook is read
 * (startSelectedSheetCopies): the workbook written with those copies is the one written without them, part by part,
 * a copy of a sheet the layout replaces is not used, and a part that unpacks larger than declared is never copied
 * further than its declared size.
 */
import * as zlib from "zlib";
import { putLayoutSheets, startSelectedSheetCopies } from "../../src/adapters/xlsx/layout-in-place";
import { writeLayoutLean } from "../../src/adapters/xlsx/lean-writer";
import { entryData, readZipDirectory } from "../../src/adapters/xlsx/zip-directory";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { buildTemplateLayout, REGISTER_SHEET_NAME, templateGeometry } from "../../src/core/layout/template";
import type { WorkbookLayout } from "../../src/core/layout/types";
import { validRows } from "../fixtures/register-data";
import { makeZip, minimalWorkbookEntries } from "../fixtures/zip";

jest.setTimeout(120_000);

function partsOf(bytes: Uint8Array): Map<string, string> {
  const directory = readZipDirectory(bytes)!;
  return new Map(
    directory.entries.map((entry) => {
      const raw = entryData(bytes, entry)!;
      return [entry.name, (entry.method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw)).toString("utf8")];
    }),
  );
}

/** A register of 4,000 rows (a selected sheet of about 2.5 MB, over the copy-ahead threshold). */
async function bigRegister(): Promise<Uint8Array> {
  const layout = buildTemplateLayout(DEFAULT_SETTINGS, { title: true, dataRows: 4000 });
  const sheet = layout.sheets.find((candidate) => candidate.name === REGISTER_SHEET_NAME)!;
  sheet.blocks.push({ row: templateGeometry({ dataRows: 4000 }).firstDataRow, col: 1, values: validRows(4000) });
  return (await writeLayoutLean(layout)).bytes;
}

const MODIFIED = new Date(2024, 0, 15, 12, 0, 0);
const newSheet: WorkbookLayout = { sheets: [{ name: "Новый лист", blocks: [{ row: 1, col: 1, values: [["текст"]] }] }], activeSheet: "Новый лист" };

describe("copying the selected sheet ahead", () => {
  let register: Uint8Array;
  beforeAll(async () => {
    register = await bigRegister();
  });

  test("gives the workbook written without it, part by part, the register's tab mark off", async () => {
    const copies = startSelectedSheetCopies(register);
    expect([...copies.keys()]).toEqual(["xl/worksheets/sheet1.xml"]);
    const ahead = await putLayoutSheets(register, newSheet, { copies, modified: MODIFIED });
    const plain = await putLayoutSheets(register, newSheet, { modified: MODIFIED });
    if (!ahead.ok || !plain.ok) throw new Error("not written");
    expect(partsOf(ahead.bytes)).toEqual(partsOf(plain.bytes));
    const before = partsOf(register).get("xl/worksheets/sheet1.xml")!;
    expect(before).toContain('tabSelected="1"');
    expect(partsOf(ahead.bytes).get("xl/worksheets/sheet1.xml")).toBe(before.replace(/ tabSelected="1"/, ""));
  });

  test("hands the reader the copied sheet's inflated bytes, inflated once, and nothing for other parts", async () => {
    const copies = startSelectedSheetCopies(register);
    const directory = readZipDirectory(register)!;
    const sheet = directory.entries.find((entry) => entry.name === "xl/worksheets/sheet1.xml")!;
    const other = directory.entries.find((entry) => entry.name === "xl/workbook.xml")!;
    const raw = entryData(register, sheet)!;
    const inflated = await copies.inflated(raw);
    expect(Buffer.from(inflated!).equals(zlib.inflateRawSync(raw))).toBe(true);
    // The same bytes for the same part's data asked again (a view of its own), none for another part or another file.
    expect(await copies.inflated(entryData(register, sheet)!)).toBe(inflated);
    expect(copies.inflated(entryData(register, other)!)).toBeNull();
    expect(copies.inflated(Uint8Array.from(raw))).toBeNull();
  });

  test("a copy of a sheet the layout replaces is not used", async () => {
    const copies = startSelectedSheetCopies(register);
    const replacing: WorkbookLayout = { sheets: [{ name: REGISTER_SHEET_NAME, blocks: [{ row: 1, col: 1, values: [["заменен"]] }] }] };
    const ahead = await putLayoutSheets(register, replacing, { copies, modified: MODIFIED });
    const plain = await putLayoutSheets(register, replacing, { modified: MODIFIED });
    if (!ahead.ok || !plain.ok) throw new Error("not written");
    expect(partsOf(ahead.bytes)).toEqual(partsOf(plain.bytes));
    // Our one-cell sheet in its place, not the copied register.
    expect(partsOf(ahead.bytes).get("xl/worksheets/sheet1.xml")).toContain('<dimension ref="A1:A1"/>');
  });

  test("a part unpacking larger than declared is refused when its copy is used, never unpacked past its size", async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(100_000);
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>${rows}</sheetData></worksheet>`;
    const entries = minimalWorkbookEntries("").map((entry) =>
      entry.name === "xl/worksheets/sheet1.xml" ? { ...entry, data: sheet, declaredUncompressedSize: 2 << 20 } : entry,
    );
    const lying = new Uint8Array(makeZip(entries.map((entry) => ({ ...entry, deflate: true }))));
    const copies = startSelectedSheetCopies(lying);
    expect(copies.has("xl/worksheets/sheet1.xml")).toBe(true);
    const entry = readZipDirectory(lying)!.entries.find((candidate) => candidate.name === "xl/worksheets/sheet1.xml")!;
    // As an InflateRaw: null past the declared size.
    expect(await copies.inflated(entryData(lying, entry)!)).toBeNull();
    const result = await putLayoutSheets(lying, newSheet, { copies, modified: MODIFIED });
    expect(result).toEqual({ ok: false, message: "часть книги «xl/worksheets/sheet1.xml» не распакована" });
  });
});
