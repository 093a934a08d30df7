/**
 * `reestr appendix` writes its sheets into a copy of the user's workbook part by part (layout-in-place.ts): every part it
 * does not have to change is carried over byte for byte (pictures, comments, names, other programs' parts), a replaced
 * sheet's own parts go with it, the result passes the ECMA-376 schemas and LibreOffice, and the sheets it writes are,
 * cell by cell and rule by rule, what ExcelJS renders for the same layout into the same workbook.
 */
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { renderWorkbookLayoutWithReport } from "../../src/adapters/xlsx/exceljs-writer";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-workbook-file";
import { entryData, readZipDirectory } from "../../src/adapters/xlsx/zip-directory";
import { planAppendix, settingsOfSheets } from "../../src/core/appendix-plan";
import { APPROVED_SHEET_NAME } from "../../src/core/approval";
import { APPENDIX_SHEET_NAME } from "../../src/core/layout/appendix";
import { validRows } from "../fixtures/register-data";
import { DIALECTS, registerRows, workbookPackage } from "../fixtures/variety-files";
import { makeZip, minimalWorkbookEntries } from "../fixtures/zip";
import { describeWorkbook } from "../support/describe-workbook";
import { closeLibreOffice, inspectWithLibreOffice, type Inspection } from "../support/libreoffice";
import { checkXlsx, expectValidXlsx } from "../support/ooxml-check";
import { AGENCY_GENITIVE, registerWorkbook, tempDir } from "./helpers";
import { cliRunner } from "../support/cli-runner";

const dir = tempDir("reestr-appendix-in-place-");
afterAll(async () => {
  await closeLibreOffice();
  rmSync(dir, { recursive: true, force: true });
});

const ORDER_ARGS = ["--order-number", "7", "--order-date", "2024-01-15"];
/**
 * The parts a run may change: the workbook, its relationships, the content types, the stylesheet and the shared strings
 * (ours appended after the user's).
 */
const CHANGED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "xl/sharedStrings.xml"];
// A 1×1 PNG.
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

const run = cliRunner(dir);

interface Part {
  raw: Buffer;
  data: Buffer;
}

function partsOf(bytes: Uint8Array): Map<string, Part> {
  const directory = readZipDirectory(bytes);
  if (!directory) throw new Error("not a ZIP");
  return new Map(
    // Folder entries (ExcelJS writes "_rels/") are not parts.
    directory.entries.filter((entry) => !entry.name.endsWith("/")).map((entry) => {
      const raw = Buffer.from(entryData(bytes, entry)!);
      return [entry.name, { raw, data: entry.method === 8 ? zlib.inflateRawSync(raw) : raw }];
    }),
  );
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * A user's register workbook with what users add: a notes sheet with a picture, a formula, a merge and a styled cell, a
 * sheet of their own named «Сводка» with a comment (the appendix replaces it), a name of their own.
 */
async function userWorkbook(rows: string[][]): Promise<Buffer> {
  const workbook = registerWorkbook(rows, { agencyGenitive: AGENCY_GENITIVE }, [
    { name: "Заметки", rows: [["моя заметка", "2"]] },
    { name: "Сводка", rows: [["старая сводка"]] },
  ]);
  const notes = workbook.getWorksheet("Заметки")!;
  notes.getCell("C1").value = { formula: "B1*2", result: 4 } as ExcelJS.CellFormulaValue;
  notes.getCell("A1").font = { bold: true, color: { argb: "FFC00000" } };
  notes.mergeCells("D1:E2");
  const image = workbook.addImage({ buffer: PIXEL as unknown as ExcelJS.Buffer, extension: "png" });
  notes.addImage(image, "F2:G4");
  workbook.getWorksheet("Сводка")!.getCell("A1").note = "заметка пользователя";
  workbook.definedNames.add("'Заметки'!$A$1:$B$1", "МойДиапазон");
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The sheet XML of the sheet named `name` in a package. */
function sheetPartName(parts: Map<string, Part>, name: string): string {
  const workbook = parts.get("xl/workbook.xml")!.data.toString("utf8");
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${name}"`))!;
  const id = /r:id="([^"]+)"/.exec(tag)![1];
  const rels = parts.get("xl/_rels/workbook.xml.rels")!.data.toString("utf8");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
}

describe("reestr appendix into the user's own workbook", () => {
  let input: Buffer;
  let output: Buffer;

  beforeAll(async () => {
    input = await userWorkbook(validRows(30));
    writeFileSync(join(dir, "user.xlsx"), input);
    const result = await run("appendix", "user.xlsx", "-o", "user-out.xlsx", ...ORDER_ARGS, "--typical-list");
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    output = readFileSync(join(dir, "user-out.xlsx"));
  });

  test("every part it need not change is carried over byte for byte; the replaced sheet's comment goes with it", () => {
    const before = partsOf(input);
    const after = partsOf(output);
    const replaced = sheetPartName(before, "Сводка");
    const replacedRels = replaced.replace(/([^/]+)$/, "_rels/$1.rels");
    const commentParts = [...before.keys()].filter((name) => /comments|vmlDrawing/i.test(name));
    expect(commentParts.length).toBeGreaterThan(0);
    const mayChange = new Set([...CHANGED, replaced, replacedRels, ...commentParts]);
    const kept = [...before.keys()].filter((name) => !mayChange.has(name));
    expect(kept).toEqual(expect.arrayContaining(["xl/media/image1.png", "xl/drawings/drawing1.xml", "xl/theme/theme1.xml", "docProps/core.xml"]));
    for (const name of kept) {
      const part = after.get(name);
      expect({ name, present: Boolean(part) }).toEqual({ name, present: true });
      // The register sheet was the selected tab: only that mark comes off it (the appendix is the active sheet now).
      const expected = before.get(name)!.data.toString("utf8").replace(/ tabSelected="1"/, "");
      if (part!.data.toString("utf8") !== before.get(name)!.data.toString("utf8")) {
        expect({ name, data: part!.data.toString("utf8") }).toEqual({ name, data: expected });
      } else {
        expect({ name, sameCompressedBytes: part!.raw.equals(before.get(name)!.raw) }).toEqual({ name, sameCompressedBytes: true });
      }
    }
    // The user's shared strings stay as they were, numbered as they were; ours follow them.
    const counts = /<sst [^>]*>/;
    const userStrings = before.get("xl/sharedStrings.xml")!.data.toString("utf8");
    const strings = after.get("xl/sharedStrings.xml")!.data.toString("utf8");
    expect(strings.replace(counts, "").startsWith(userStrings.replace(counts, "").replace(/<\/sst>$/, ""))).toBe(true);
    expect(strings.length).toBeGreaterThan(userStrings.length);
    for (const name of [...commentParts, replacedRels]) expect({ name, present: after.has(name) }).toEqual({ name, present: false });
    expect(after.get("[Content_Types].xml")!.data.toString("utf8")).not.toMatch(/comments/);
    // Only what a run changes differs: the parts carried over are most of the package.
    expect([...after.keys()].filter((name) => !before.has(name)).every((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))).toBe(true);
  });

  test("passes the ECMA-376 schemas and the package checks", async () => {
    await expectValidXlsx(input, "the user's workbook (ExcelJS)");
    await expectValidXlsx(output, "reestr appendix into the user's workbook");
  });

  test("the sheets written are, cell by cell and rule by rule, ExcelJS's rendering of the same layout into the same workbook", async () => {
    const read = await readWorkbookFile(join(dir, "user.xlsx"));
    if (!read.ok) throw new Error(read.message);
    const plan = planAppendix({
      sheets: read.sheets,
      settings: settingsOfSheets(read.sheets),
      order: { orderNumber: "7", orderDate: "15.01.2024", agencyGenitive: AGENCY_GENITIVE },
      includeTypicalList: true,
    });
    if (!plan.ok) throw new Error(plan.message);
    const names = plan.layout.sheets.map((sheet) => sheet.name);
    expect(names).toEqual([APPENDIX_SHEET_NAME, "Типовой перечень", "Сводка", APPROVED_SHEET_NAME]);
    const viaExcelJs = await load(new Uint8Array((await renderWorkbookLayoutWithReport(plan.layout, await load(input)).workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const ours = await load(output);
    expect(ours.worksheets.map((sheet) => sheet.name)).toEqual(viaExcelJs.worksheets.map((sheet) => sheet.name));
    expect(ours.worksheets.map((sheet) => sheet.state)).toEqual(viaExcelJs.worksheets.map((sheet) => sheet.state));
    expect(describeWorkbook(ours, names)).toEqual(describeWorkbook(viaExcelJs, names));
    // The user's own name and picture are still there.
    expect(ours.definedNames.model.map((name) => name.name)).toContain("МойДиапазон");
    expect(ours.getWorksheet("Заметки")!.getImages()).toHaveLength(1);
    expect(ours.getWorksheet("Заметки")!.getCell("C1").formula).toBe("B1*2");
  });

  test("LibreOffice opens it and sees the appendix as it sees ExcelJS's rendering; the user's sheets as they were", async () => {
    const read = await readWorkbookFile(join(dir, "user.xlsx"));
    if (!read.ok) throw new Error(read.message);
    const plan = planAppendix({ sheets: read.sheets, settings: settingsOfSheets(read.sheets), order: { orderNumber: "7", orderDate: "15.01.2024" }, includeTypicalList: true });
    if (!plan.ok) throw new Error(plan.message);
    const viaExcelJsPath = join(dir, "via-exceljs.xlsx");
    writeFileSync(viaExcelJsPath, new Uint8Array((await renderWorkbookLayoutWithReport(plan.layout, await load(input)).workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const request = { cells: { [APPENDIX_SHEET_NAME]: "A1:O14", "Сводка": "A1:D12", "Заметки": "A1:C1" } };
    // A sheet without print settings: ExcelJS writes an empty page setup (LibreOffice then takes Letter), the lean
    // writer none (LibreOffice takes its default paper); neither chose a size, so sizes are compared only where set.
    const printed = new Set(plan.layout.sheets.filter((sheet) => sheet.print).map((sheet) => sheet.name));
    const seen = (report: Inspection) => ({
      sheets: report.sheets.map((sheet) => ({ ...sheet, page: { ...sheet.page, name: undefined, ...(printed.has(sheet.name) ? {} : { width: undefined, height: undefined }) } })),
      cells: report.cells,
      namedRanges: report.namedRanges,
      activeSheet: report.activeSheet,
    });
    const ours = seen(await inspectWithLibreOffice(join(dir, "user-out.xlsx"), request));
    const theirs = seen(await inspectWithLibreOffice(viaExcelJsPath, request));
    expect(ours.activeSheet).toBe(APPENDIX_SHEET_NAME);
    expect(ours.cells["Заметки"][0].map((cell) => cell.text)).toEqual(["моя заметка", "2", "4"]);
    expect(ours).toEqual(theirs);
  }, 180_000);

  test("built again on its own output: the sheets are replaced in place, nothing else changes, the package does not grow", async () => {
    const again = await run("appendix", "user-out.xlsx", "-o", "user-out-2.xlsx", ...ORDER_ARGS, "--typical-list");
    expect(again.code).toBe(0);
    const second = readFileSync(join(dir, "user-out-2.xlsx"));
    const first = partsOf(output);
    const next = partsOf(second);
    expect([...next.keys()].sort()).toEqual([...first.keys()].sort());
    const ours = new Set([APPENDIX_SHEET_NAME, "Типовой перечень", "Сводка", APPROVED_SHEET_NAME].map((name) => sheetPartName(first, name)));
    for (const [name, part] of first) {
      if (CHANGED.includes(name) || ours.has(name)) continue;
      expect({ name, same: next.get(name)!.raw.equals(part.raw) }).toEqual({ name, same: true });
    }
    // Our cell formats and texts from the first run are reused, not added again.
    for (const name of ["xl/styles.xml", "xl/sharedStrings.xml"]) expect({ name, same: next.get(name)!.data.equals(first.get(name)!.data) }).toEqual({ name, same: true });
    // The same sheets again (none of them depends on the run).
    for (const name of ours) expect({ name, same: next.get(name)!.data.equals(first.get(name)!.data) }).toEqual({ name, same: true });
    await expectValidXlsx(second, "reestr appendix on its own output");
  });

  test("OUT is written beside and renamed over: no temporary file is left, an OUT that was there is replaced whole", async () => {
    writeFileSync(join(dir, "existing-out.xlsx"), "старое содержимое");
    expect((await run("appendix", "user.xlsx", "-o", "existing-out.xlsx", ...ORDER_ARGS)).code).toBe(0);
    expect(readZipDirectory(readFileSync(join(dir, "existing-out.xlsx")))).not.toBeNull();
    expect(require("fs").readdirSync(dir).filter((name: string) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("a workbook with neither a stylesheet nor shared strings gets both, related to it and declared", async () => {
    const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const sheetData = registerRows(3)
      .map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`).join("")}</row>`)
      .join("");
    writeFileSync(join(dir, "bare.xlsx"), makeZip(minimalWorkbookEntries(sheetData)));
    const result = await run("appendix", "bare.xlsx", "-o", "bare-out.xlsx", "--draft", "--agency-genitive", AGENCY_GENITIVE);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const bytes = readFileSync(join(dir, "bare-out.xlsx"));
    const parts = partsOf(bytes);
    const rels = parts.get("xl/_rels/workbook.xml.rels")!.data.toString("utf8");
    const types = parts.get("[Content_Types].xml")!.data.toString("utf8");
    const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    expect(rels).toContain(`Type="${relationships}/styles" Target="styles.xml"`);
    expect(rels).toContain(`Type="${relationships}/sharedStrings" Target="sharedStrings.xml"`);
    expect(types).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    expect(types).toContain('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    expect(parts.has("xl/styles.xml") && parts.has("xl/sharedStrings.xml")).toBe(true);
    await expectValidXlsx(bytes);
    const read = await readWorkbookFile(join(dir, "bare-out.xlsx"));
    if (!read.ok) throw new Error(read.message);
    expect(read.sheets.find((sheet) => sheet.name === APPENDIX_SHEET_NAME)!.rows[0][0]).toBe("ПРОЕКТ");
  });
});

describe("reestr appendix on workbooks as other programs write them", () => {
  test.each(DIALECTS.map(([name, dialect]) => [name, dialect] as const))("%s", async (name, dialect) => {
    const file = `dialect-${DIALECTS.findIndex(([n]) => n === name)}.xlsx`;
    writeFileSync(join(dir, file), workbookPackage([{ name: "Реестр", rows: registerRows(3) }, { name: "Прочее", rows: [["своё"]] }], dialect));
    const result = await run("appendix", file, "-o", `out-${file}`, "--draft", "--agency-genitive", AGENCY_GENITIVE);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const read = await readWorkbookFile(join(dir, `out-${file}`));
    if (!read.ok) throw new Error(read.message);
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(["Реестр", "Прочее", APPENDIX_SHEET_NAME, "Сводка", "Справочники"]));
    expect(read.sheets.find((sheet) => sheet.name === "Прочее")!.rows[0][0]).toBe("своё");
    expect(read.sheets.find((sheet) => sheet.name === APPENDIX_SHEET_NAME)!.rows[0][0]).toBe("ПРОЕКТ");
    // Nothing the schemas or the package checks find that the input did not have already (some writers' shared-string
    // counts are off); the schemas are the transitional ones, so a Strict workbook is checked by reading it back only.
    const kinds = (problems: string[]) => problems.map((problem) => problem.replace(/\d+/g, "N"));
    if (!dialect.strict) expect(kinds(await checkXlsx(readFileSync(join(dir, `out-${file}`))))).toEqual(kinds(await checkXlsx(readFileSync(join(dir, file)))));
  });
});
