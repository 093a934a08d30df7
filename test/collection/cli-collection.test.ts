/**
 * The round through the command line on real files: `reestr distribute` writes a stamped workbook per unit; one unit edits
 * its file in LibreOffice (open, edit a cell, save as .xlsx), one adds a row and one deletes a row (ExcelJS), one does not
 * answer; `reestr merge --previous` then gives exactly the changes and the statuses, and `--units-only` answers fast.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-workbook-file";
import { readCollectionStamp, STAMP_SHEET_NAME } from "../../src/core/collection/stamp";
import { CARRIED_OVER_PROVENANCE } from "../../src/core/collection/round";
import { validCells } from "../merge/helpers";
import { closeLibreOffice, inspectWithLibreOffice } from "../support/libreoffice";
import { expectValidXlsx } from "../support/ooxml-check";
import { coordinatorWorkbook, UNITS } from "./helpers";
import { runReestr } from "../support/reestr-process";

const ROOT = path.join(__dirname, "..", "..");

const reestr = runReestr;

let dir: string;

beforeAll(async () => {
  require(path.join(ROOT, "scripts", "build-cli.cjs")).buildSync();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-round-"));
  fs.writeFileSync(path.join(dir, "реестр.xlsx"), await coordinatorWorkbook());
}, 120_000);

afterAll(async () => {
  await closeLibreOffice();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("reestr distribute", () => {
  test("a stamped file per unit; never over an existing file without --force; a due date before today refused", async () => {
    const run = reestr(["distribute", "реестр.xlsx", "-o", "сбор", "--due", "2099-12-31"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("приказ от 15.01.2026 № 7");
    expect(fs.readdirSync(path.join(dir, "сбор")).sort()).toEqual(UNITS.map((unit) => `${unit}.xlsx`).sort());
    const read = await readWorkbookFile(path.join(dir, "сбор", "Отдел кадров.xlsx"));
    if (!read.ok) throw new Error(read.message);
    const stamp = readCollectionStamp(read.sheets);
    expect(stamp).toMatchObject({ kind: "stamp", stamp: { unit: "Отдел кадров", due: "31.12.2099", ids: ["017-1.1-01", "017-1.1-02"] } });

    // Every file written passes the ECMA-376 schemas and the package checks.
    for (const unit of UNITS) await expectValidXlsx(fs.readFileSync(path.join(dir, "сбор", `${unit}.xlsx`)), `reestr distribute: ${unit}`);

    const again = reestr(["distribute", "реестр.xlsx", "-o", "сбор"], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("Отдел кадров.xlsx: файл уже есть (добавьте --force, чтобы заменить)");
    expect(again.stderr).not.toMatch(/\n\s+at /);
    const forced = reestr(["distribute", "реестр.xlsx", "-o", "сбор", "--due", "2099-12-31", "--force"], dir);
    expect(forced.status).toBe(0);

    const early = reestr(["distribute", "реестр.xlsx", "-o", "другое", "--due", "2000-01-01"], dir);
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/срок представления 01\.01\.2000 раньше даты выдачи/);
    expect(reestr(["distribute", "реестр.xlsx", "-o", "другое", "--due", "31.12.2099"], dir).stderr).toMatch(/не является датой ГГГГ-ММ-ДД/);
    const odd = reestr(["distribute", "реестр.xlsx", "-o", "другое", "--units", "Отдел кадров; CON"], dir);
    expect(odd.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, "другое")).sort()).toEqual(["_CON.xlsx", "Отдел кадров.xlsx"].sort());
    expect(odd.stderr).toMatch(/«CON».*«_CON\.xlsx»/);

    // A file where DIR should be, or on its way: one Russian line, not Node's «EEXIST: file already exists, mkdir …».
    fs.writeFileSync(path.join(dir, "не-папка"), "");
    for (const target of ["не-папка", "не-папка/сбор"]) {
      expect(reestr(["distribute", "реестр.xlsx", "-o", target], dir)).toMatchObject({
        status: 2,
        stderr: `reestr distribute: ${target}: папку не удалось создать: на ее месте или на пути к ней лежит файл, а не папка\n`,
      });
    }
  }, 180_000);

  test("three units answer (LibreOffice edit, a row added, a row deleted), one does not: merge --previous gives exactly that", async () => {
    const round = path.join(dir, "сбор");
    const back = path.join(dir, "ответы");
    fs.mkdirSync(back, { recursive: true });

    // Отдел кадров: opens its file in LibreOffice, edits a cell and saves as .xlsx.
    await inspectWithLibreOffice(path.join(round, "Отдел кадров.xlsx"), {
      set: [{ sheet: "Реестр процессов", cell: "J7", value: "Осведомленность о сроках" }],
      saveAs: path.join(back, "кадры-из-libreoffice.xlsx"),
    });
    const saved = await inspectWithLibreOffice(path.join(back, "кадры-из-libreoffice.xlsx"));
    // LibreOffice keeps the stamp sheet (it has no "very hidden": the sheet stays hidden).
    expect(saved.sheets.find((sheet) => sheet.name === STAMP_SHEET_NAME)).toMatchObject({ visible: false });
    const reread = await readWorkbookFile(path.join(back, "кадры-из-libreoffice.xlsx"));
    if (!reread.ok) throw new Error(reread.message);
    expect(readCollectionStamp(reread.sheets)).toMatchObject({ kind: "stamp", problems: [], stamp: { unit: "Отдел кадров", due: "31.12.2099" } });

    // Юридический отдел adds a process; Отдел информатизации deletes one (ExcelJS, as another program would).
    const legal = new ExcelJS.Workbook();
    await legal.xlsx.readFile(path.join(round, "Юридический отдел.xlsx"));
    legal.getWorksheet("Реестр процессов")!.getRow(9).values = validCells("017-1.1-20", { 7: "Юридический отдел" });
    // Saved after the due date (31.12.2099), as the workbook itself records it: late, whatever the file's date on disk.
    legal.modified = new Date(Date.UTC(2100, 0, 2, 9));
    await legal.xlsx.writeFile(path.join(back, "юристы.xlsx"));
    const it = new ExcelJS.Workbook();
    await it.xlsx.readFile(path.join(round, "Отдел информатизации.xlsx"));
    it.getWorksheet("Реестр процессов")!.spliceRows(8, 1);
    await it.xlsx.writeFile(path.join(back, "информатизация.xlsx"));

    const run = reestr(["merge", "ответы/кадры-из-libreoffice.xlsx", "ответы/юристы.xlsx", "ответы/информатизация.xlsx", "-o", "свод.xlsx", "--previous", "реестр.xlsx", "--json"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.changes).toEqual([
      { id: "017-1.1-01", grounds: ["content"], columns: [{ column: 10, old: "Осведомленность клиента", new: "Осведомленность о сроках" }] },
      { id: "017-1.1-20", grounds: ["new"], columns: [] },
      { id: "017-1.1-06", grounds: ["terminated"], columns: [] },
    ]);
    expect(json.units).toEqual([
      { unit: "Отдел кадров", status: "submitted", files: ["ответы/кадры-из-libreoffice.xlsx"], rows: 2 },
      { unit: "Юридический отдел", status: "late", files: ["ответы/юристы.xlsx"], rows: 3 },
      { unit: "Отдел информатизации", status: "submitted", files: ["ответы/информатизация.xlsx"], rows: 1 },
      { unit: "Архивный отдел", status: "missing", files: [], rows: 2 },
    ]);
    expect(json.rows).toBe(8);

    await expectValidXlsx(fs.readFileSync(path.join(dir, "свод.xlsx")), "reestr merge of a round");
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, "свод.xlsx"));
    const merged = out.getWorksheet("Сводный реестр")!;
    const carried: string[] = [];
    merged.eachRow((row) => {
      if (row.getCell(16).value === CARRIED_OVER_PROVENANCE) carried.push(String(row.getCell(1).value));
    });
    expect(carried).toEqual(["017-1.1-07", "017-1.1-08"]);
    const report = out.getWorksheet("Отчет о сведении")!;
    expect(report.getRow(6).getCell(1).value).toBe("Архивный отдел");
    expect(report.getRow(6).getCell(2).value).toBe("не представлен");

    // The merged workbook remembers who has not sent a file: `reestr status` names the unit, overdue after the due date.
    const status = reestr(["status", "свод.xlsx", "--json", "--today", "2099-12-01"], dir);
    expect(status.stderr).toBe("");
    expect(JSON.parse(status.stdout).collection).toEqual({ units: ["Архивный отдел"], due: "2099-12-31" });
    const statusText = reestr(["status", "свод.xlsx", "--today", "2100-01-05"], dir);
    expect(statusText.status).toBe(1);
    expect(statusText.stdout).toContain("Сбор сведений (срок 31.12.2099): не прислали файлы — Архивный отдел.");

    const text = reestr(["merge", "ответы/кадры-из-libreoffice.xlsx", "-o", "свод2.xlsx", "--previous", "реестр.xlsx"], dir);
    expect(text.stdout.split("\n")[0]).toBe("Подразделения: 4, представили файл 1, не представили 3.");
    expect(text.stdout).toContain("✗ Архивный отдел: не представлен; строк перенесено из утвержденного реестра: 2");
  }, 240_000);

  test("merge --units-only DIR: who has sent a file, nothing written", () => {
    const run = reestr(["merge", "--units-only", "ответы", "--json"], dir);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.units.map((unit: { unit: string; status: string }) => [unit.unit, unit.status])).toEqual([
      ["Отдел кадров", "submitted"],
      ["Юридический отдел", "late"],
      ["Отдел информатизации", "submitted"],
      ["Архивный отдел", "missing"],
    ]);
    expect(json.inputs).toHaveLength(3);
    const text = reestr(["merge", "--units-only", "ответы"], dir);
    expect(text.stdout).toMatch(/^Подразделения: 4, представили файл 3, не представили 1\.\n {2}✗ Архивный отдел: не представлен/);
    expect(reestr(["merge", "--units-only", "реестр.xlsx"], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("не папка") });
    expect(reestr(["merge", "--units-only", "нет-такой"], dir)).toMatchObject({ status: 2, stderr: "reestr merge: нет-такой: папка не прочитана: папка не найдена\n" });
  }, 120_000);
});
