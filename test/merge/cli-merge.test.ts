/**
 * `node bin/reestr.js merge …` on real workbooks: made by ExcelJS and by LibreOffice (CSV → .xlsx), with title rows,
 * reordered and renamed columns, an extra column, numeric IDs, formula-looking text, an exact duplicate, a conflicting ID,
 * a broken file and a workbook without a register. The written OUT is reopened with ExcelJS and with LibreOffice.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildWorkbook, pickColumns, REGISTER_TITLES, validRow, writeWorkbook } from "../fixtures/register-data";
import { csvToXlsxWithLibreOffice } from "../fixtures/libreoffice";
import { closeLibreOffice, inspectWithLibreOffice } from "../support/libreoffice";
import { runReestr } from "../support/reestr-process";

const ROOT = path.join(__dirname, "..", "..");

const reestr = runReestr;

const titled = REGISTER_TITLES.map((title, index) => ([1, 3, 6, 7, 8].includes(index + 1) ? `${title}*` : title));
const numbering = REGISTER_TITLES.map((_, index) => String(index + 1));

let dir: string;
const conflictId = validRow(2)[0];

beforeAll(async () => {
  require(path.join(ROOT, "scripts", "build-cli.cjs")).buildSync();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-merge-cli-"));

  // unit-a: ExcelJS, two title rows, header on row 3, numbering row 4, data from row 5.
  const aRows: ExcelJS.CellValue[][] = [["Реестр процессов отдела архивного обслуживания"], [], titled, numbering];
  const a0 = validRow(0);
  const a1 = validRow(1);
  const a2 = validRow(2);
  const formulaRow = validRow(3);
  formulaRow[11] = "=SUM(A1)";
  formulaRow[0] = "017.04.001";
  aRows.push(a0, a1, a2, formulaRow); // sheet rows 5–8
  // A numeric ID stored as a number cell.
  const numeric = validRow(4);
  aRows.push([104, ...numeric.slice(1)]); // sheet row 9
  aRows.push([]); // an empty row is not data
  await writeWorkbook(buildWorkbook([{ name: "Реестр", rows: aRows }]), path.join(dir, "unit-a.xlsx"));

  // unit-b: LibreOffice from CSV — a title row, reordered and renamed columns, an extra column.
  const order = [6, 1, 3, 2, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const header = pickColumns(titled, order);
  header[1] = "ID процесса";
  header[2] = "Название услуги, функции, сервиса";
  header[7] = "Статус";
  const bRows: string[][] = [["Сведения отдела кадров"], [...header, "Примечание"]];
  const duplicateOfA1 = [...a1];
  duplicateOfA1[2] = ` ${a1[2]}  `; // differs only in spaces: an exact duplicate after cleaning
  const conflict = [...a2];
  conflict[6] = "Отдел кадров (другой ответственный)";
  const badStatus = validRow(5);
  badStatus[7] = "почти готово";
  const numericB = validRow(6);
  numericB[0] = "205";
  // Sheet rows 3–6.
  [duplicateOfA1, conflict, badStatus, numericB].forEach((cells, index) => {
    bRows.push([...pickColumns(cells, order), index === 0 ? "дубликат" : ""]);
  });
  const converted = csvToXlsxWithLibreOffice([{ name: "unit-b", rows: bRows }]);
  fs.copyFileSync(converted["unit-b"], path.join(dir, "unit-b.xlsx"));

  fs.writeFileSync(path.join(dir, "broken.xlsx"), "это не книга Excel, а текст\n");
  await writeWorkbook(buildWorkbook([{ name: "Лист1", rows: [["Список дел"], ["1", "Дело о фонде"]] }]), path.join(dir, "no-register.xlsx"));
  // A clean file for exit 0.
  await writeWorkbook(buildWorkbook([{ name: "Реестр", rows: [REGISTER_TITLES, validRow(10), validRow(11)] }]), path.join(dir, "clean.xlsx"));

  // The approved register: a visible sheet and a hidden snapshot that differs; the snapshot must win.
  const approvedRows = [validRow(0), validRow(1), validRow(4), validRow(20)];
  approvedRows[1][14] = "Сайт ведомства"; // а) the form changed (column 15)
  approvedRows[1][6] = "Прежний отдел"; // б) the content changed (column 7)
  const approved = buildWorkbook([
    { name: "Реестр", rows: [REGISTER_TITLES, validRow(30)] },
    { name: "_Утвержденный реестр", rows: [REGISTER_TITLES, ...approvedRows] },
  ]);
  approved.getWorksheet("_Утвержденный реестр")!.state = "hidden";
  await writeWorkbook(approved, path.join(dir, "approved.xlsx"));
}, 180_000);

afterAll(async () => {
  await closeLibreOffice();
});

describe("reestr merge", () => {
  test("merges what it can, reports the broken file and the workbook without a register; exit 2; OUT written", () => {
    const run = reestr(["merge", "unit-a.xlsx", "unit-b.xlsx", "broken.xlsx", "no-register.xlsx", "-o", "out.xlsx", "--json"], dir);
    expect(run.status).toBe(2);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["inputs", "rows", "duplicatesMerged", "issues", "changes", "settings", "units"]);
    expect(json.inputs.map((input: Record<string, unknown>) => Object.keys(input))).toEqual(
      Array(4).fill(["file", "status", "rows", "message"]),
    );
    expect(json.inputs.map((input: { file: string; status: string; rows: number }) => [input.file, input.status, input.rows])).toEqual([
      ["unit-a.xlsx", "ok", 5],
      ["unit-b.xlsx", "ok", 4],
      ["broken.xlsx", "error", 0],
      ["no-register.xlsx", "error", 0],
    ]);
    expect(json.inputs[2].message).toMatch(/не .*книг/);
    expect(json.inputs[3].message).toContain("не найден реестр");
    expect(json.inputs[1].message).toContain("Примечание");
    // Every row is accounted for.
    expect(json.duplicatesMerged).toBe(1);
    expect(json.rows).toBe(5 + 4 - 1);
    expect(json.changes).toEqual([]);
    // The conflicting ID: both rows flagged with their own file and sheet row.
    const conflicts = json.issues.filter((issue: { code: string }) => issue.code === "duplicate-id");
    expect(conflicts.map((issue: { file: string; row: number }) => [issue.file, issue.row]).sort()).toEqual([
      ["unit-a.xlsx", 7],
      ["unit-b.xlsx", 4],
    ]);
    expect(conflicts[0].message).toContain(conflictId);
    expect(conflicts[0].message).toContain("unit-a.xlsx");
    expect(conflicts[0].message).toContain("unit-b.xlsx");
    const status = json.issues.find((issue: { code: string; column: number }) => issue.code === "invalid-value" && issue.column === 8);
    expect(status).toMatchObject({ file: "unit-b.xlsx", row: 5, severity: "error" });
    for (const issue of json.issues) expect(Object.keys(issue)).toEqual(["file", "row", "column", "code", "severity", "message"]);
    // One line per unreadable file on stderr, no stack trace.
    expect(run.stderr).toContain("broken.xlsx");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(true);
  });

  test("the written workbook keeps formula-looking text and numeric IDs as text (ExcelJS and LibreOffice)", async () => {
    const out = path.join(dir, "out-text.xlsx");
    expect(reestr(["merge", "unit-a.xlsx", "unit-b.xlsx", "-o", out], dir).status).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Сводный реестр", "Отчет о сведении", "Справочники"]);
    const sheet = workbook.getWorksheet("Сводный реестр")!;
    const rowsById = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, number) => {
      if (number >= 6) rowsById.set(String(row.getCell(1).value), row);
    });
    expect([...rowsById.keys()]).toEqual(expect.arrayContaining(["104", "205", "017.04.001"]));
    for (const id of ["104", "205", "017.04.001"]) {
      const cell = rowsById.get(id)!.getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
    const formulaCell = rowsById.get("017.04.001")!.getCell(12);
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    expect(formulaCell.value).toBe("=SUM(A1)");
    // Provenance: the source file and its sheet row.
    expect(rowsById.get("104")!.getCell(16).value).toBe("unit-a.xlsx");
    expect(rowsById.get("104")!.getCell(17).value).toBe(9);
    expect(rowsById.get("205")!.getCell(16).value).toBe("unit-b.xlsx");
    expect(rowsById.get("205")!.getCell(17).value).toBe(6);

    const inspection = await inspectWithLibreOffice(out, { cells: { "Сводный реестр": "A6:Q13" } });
    const cells = inspection.cells["Сводный реестр"];
    const byId = new Map(cells.map((row) => [row[0].text, row]));
    for (const id of ["104", "205", "017.04.001"]) expect(byId.get(id)?.[0].type).toBe("text");
    expect(byId.get("017.04.001")?.[11]).toMatchObject({ type: "text", text: "=SUM(A1)" });
  }, 180_000);

  test("with --previous: changes by ID with grounds а–г, the hidden approved snapshot preferred; change log written", async () => {
    const out = path.join(dir, "out-changes.xlsx");
    const run = reestr(["merge", "unit-a.xlsx", "-o", out, "--previous", "approved.xlsx", "--json"], dir);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    const byId = new Map(json.changes.map((change: { id: string }) => [change.id, change]));
    expect(byId.get(validRow(1)[0])).toEqual({
      id: validRow(1)[0],
      grounds: ["form", "content"],
      columns: [
        { column: 7, old: "Прежний отдел", new: validRow(1)[6] },
        { column: 15, old: "Сайт ведомства", new: "ЕПГУ, РПГУ" },
      ],
    });
    expect(byId.get(validRow(20)[0])).toEqual({ id: validRow(20)[0], grounds: ["terminated"], columns: [] });
    expect(byId.get("017.04.001")).toEqual({ id: "017.04.001", grounds: ["new"], columns: [] });
    // The numeric ID 104 was approved as "017-…" (validRow(4)); so "104" is new and the old one terminated.
    expect(byId.get("104")).toMatchObject({ grounds: ["new"] });
    expect(byId.get(validRow(4)[0])).toMatchObject({ grounds: ["terminated"] });
    // The visible sheet's row (validRow(30)) is not the approved register.
    expect(byId.has(validRow(30)[0])).toBe(false);
    expect(byId.has(validRow(0)[0])).toBe(false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Сводный реестр", "Отчет о сведении", "Журнал изменений", "Справочники"]);
  });

  test("exit codes: 0 clean, 1 errors, 2 usage or unreadable --previous; text report without --json", () => {
    const clean = reestr(["merge", "clean.xlsx", "-o", "clean-out.xlsx"], dir);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain("Сводный реестр: строк 2");
    expect(reestr(["merge", "unit-a.xlsx", "unit-b.xlsx", "-o", "o1.xlsx"], dir).status).toBe(1);

    const noOut = reestr(["merge", "clean.xlsx"], dir);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr.trim().split("\n")).toHaveLength(1);
    const noFiles = reestr(["merge", "-o", "x.xlsx"], dir);
    expect(noFiles.status).toBe(2);

    const previousMissing = reestr(["merge", "clean.xlsx", "-o", "o2.xlsx", "--previous", "нет-такого.xlsx"], dir);
    expect(previousMissing.status).toBe(2);
    expect(previousMissing.stderr).toContain("нет-такого.xlsx");
    expect(previousMissing.stderr).not.toMatch(/\n\s+at /);

    const nothingReadable = reestr(["merge", "broken.xlsx", "-o", "none.xlsx", "--json"], dir);
    expect(nothingReadable.status).toBe(2);
    expect(fs.existsSync(path.join(dir, "none.xlsx"))).toBe(false);
    expect(JSON.parse(nothingReadable.stdout).rows).toBe(0);
  });
});
