/**
 * LibreOffice as an independent judge of the writers' dialects (variety-files.ts): what it shows in each hand-built
 * workbook must be what our reader gives. And real .xls / .ods files it saves: one clear line from us, and once
 * LibreOffice has turned them into .xlsx, the register is read from them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookFile } from "../../../src/adapters/xlsx/read-workbook-file";
import { findRegister } from "../../../src/core/read-register";
import { convertWith, requireLibreOffice } from "../../support/libreoffice";
import { DIALECTS, expectedText, REGISTER_FIRST_DATA_ROW, registerRows, workbookPackage } from "../../fixtures/variety-files";

jest.setTimeout(300_000);

let tempDir: string;

beforeAll(() => {
  requireLibreOffice({ python: false });
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-variety-lo-"));
});
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** RFC 4180 CSV as LibreOffice writes it (comma, double quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

test("LibreOffice sees in every writer's dialect the same cells our reader gives", async () => {
  const rows = registerRows(3);
  const sources = DIALECTS.map(([, dialect], index) => {
    const file = path.join(tempDir, `dialect-${index + 1}.xlsx`);
    fs.writeFileSync(file, workbookPackage([{ name: "Реестр", rows }], dialect));
    return file;
  });
  const csvDir = path.join(tempDir, "csv");
  fs.mkdirSync(csvDir);
  const produced = convertWith(sources, "csv", csvDir);
  const judged: Record<string, "same" | string> = {};
  const expected: Record<string, "same" | string> = {};
  for (const [index, source] of sources.entries()) {
    const name = DIALECTS[index][0];
    const read = await readWorkbookFile(source);
    if (!read.ok) throw new Error(`${name}: ${read.message}`);
    expect({ name, rows: read.sheets[0].rows }).toEqual({ name, rows: expectedText(rows) });
    const csv = produced.find((file) => path.basename(file).startsWith(`dialect-${index + 1}-`) || path.basename(file) === `dialect-${index + 1}.csv`);
    const libreOffice = csv ? expectedText(parseCsv(fs.readFileSync(csv, "utf8"))) : [];
    judged[name] = JSON.stringify(libreOffice) === JSON.stringify(read.sheets[0].rows) ? "same" : JSON.stringify(libreOffice).slice(0, 200);
    expected[name] = "same";
  }
  expect(judged).toEqual(expected);
});

test("real .xls and .ods from LibreOffice: one clear line each; converted to .xlsx they read as registers", async () => {
  const source = path.join(tempDir, "register.xlsx");
  fs.writeFileSync(source, workbookPackage([{ name: "Реестр", rows: registerRows(3) }]));
  const legacyDir = path.join(tempDir, "legacy");
  fs.mkdirSync(legacyDir);
  const [xls] = convertWith([source], "xlsx", legacyDir, { filter: "xls:MS Excel 97" });
  const [ods] = convertWith([source], "xlsx", legacyDir, { filter: "ods:calc8" });

  const xlsRead = await readWorkbookFile(xls);
  expect(xlsRead).toEqual({ ok: false, reason: "legacy-xls", message: expect.stringMatching(/^формат \.xls не поддерживается, сохраните книгу как \.xlsx$/) });
  const odsRead = await readWorkbookFile(ods);
  expect(odsRead).toEqual({ ok: false, reason: "unsupported-format", message: expect.stringMatching(/OpenDocument \(\.ods\) не поддерживается/) });
  // The same file renamed .xlsx, as users do: the same answers.
  fs.copyFileSync(xls, path.join(legacyDir, "renamed-xls.xlsx"));
  fs.copyFileSync(ods, path.join(legacyDir, "renamed-ods.xlsx"));
  expect((await readWorkbookFile(path.join(legacyDir, "renamed-xls.xlsx"))).ok).toBe(false);
  expect((await readWorkbookFile(path.join(legacyDir, "renamed-ods.xlsx"))).ok).toBe(false);

  const backDir = path.join(tempDir, "back");
  fs.mkdirSync(backDir);
  fs.copyFileSync(xls, path.join(legacyDir, "from-xls.xls"));
  fs.copyFileSync(ods, path.join(legacyDir, "from-ods.ods"));
  const converted = convertWith([path.join(legacyDir, "from-xls.xls"), path.join(legacyDir, "from-ods.ods")], "xlsx", backDir);
  expect(converted).toHaveLength(2);
  for (const file of converted) {
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(read.message);
    const table = findRegister(read.sheets)!;
    expect(table.rows.map((row) => row.sheetRow)).toEqual([REGISTER_FIRST_DATA_ROW, REGISTER_FIRST_DATA_ROW + 1, REGISTER_FIRST_DATA_ROW + 2]);
    expect(table.rows.map((row) => row.cells[0])).toEqual(registerRows(3).slice(4).map((row) => row[0]));
  }
});

test("cells and rows without numbers: an empty <c/> keeps its place, as LibreOffice reads it too", async () => {
  const { packageWithParts } = await import("../../fixtures/variety-files");
  const inline = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
  const file = path.join(tempDir, "positions.xlsx");
  fs.writeFileSync(
    file,
    packageWithParts(
      {},
      `<row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c>${inline("c")}<c/>${inline("e")}</row><row>${inline("a3")}<c/><c/>${inline("d3")}</row>`,
    ),
  );
  const csvDir = path.join(tempDir, "positions-csv");
  fs.mkdirSync(csvDir);
  const [csv] = convertWith([file], "csv", csvDir);
  const read = await readWorkbookFile(file);
  if (!read.ok) throw new Error(read.message);
  expect(read.sheets[0].rows).toEqual([[], ["", "b", "c", "", "e"], ["a3", "", "", "d3"]]);
  expect(expectedText(parseCsv(fs.readFileSync(csv, "utf8")))).toEqual(read.sheets[0].rows);
});
