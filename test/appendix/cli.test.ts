/** `reestr appendix` and `reestr publish`, run in-process through the CLI's own entry (exit codes, files, messages). */
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-workbook-file";
import { readApprovedRegister, APPROVED_SHEET_NAME } from "../../src/core/approval";
import { APPENDIX_SHEET_NAME } from "../../src/core/layout/appendix";
import type { SheetText } from "../../src/core/register-types";
import { validRows } from "../fixtures/register-data";
import { rowWithError, tempDir, writeRegisterFile } from "./helpers";
import { cliRunner } from "../support/cli-runner";

const dir = tempDir("reestr-appendix-cli-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = cliRunner(dir);

async function sheetsOf(file: string): Promise<SheetText[]> {
  const read = await readWorkbookFile(join(dir, file));
  if (!read.ok) throw new Error(read.message);
  return read.sheets;
}

const ORDER_ARGS = ["--order-number", "7", "--order-date", "2024-01-15"];

describe("reestr appendix", () => {
  test("without --paper the paper saved in the workbook's settings is used; --paper wins over it", async () => {
    await writeRegisterFile(dir, "a3.xlsx", validRows(3), { appendixPaper: "A3" });
    const saved = await run("appendix", "a3.xlsx", "-o", "a3-out.xlsx", ...ORDER_ARGS);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain("бумага A3.");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "a3-out.xlsx"));
    expect(workbook.getWorksheet(APPENDIX_SHEET_NAME)!.pageSetup.paperSize).toBe(8);
    const given = await run("appendix", "a3.xlsx", "-o", "a4-out.xlsx", ...ORDER_ARGS, "--paper", "a4");
    expect(given.stdout).toContain("бумага A4.");
  });

  test("an unreadable FILE: one line on stderr naming the command and the file, exit 2 (appendix and publish alike)", async () => {
    writeFileSync(join(dir, "broken.xlsx"), "не книга");
    for (const argv of [["appendix", "broken.xlsx", "-o", "x.xlsx", ...ORDER_ARGS], ["publish", "broken.xlsx", "--format", "csv", "-o", "x.csv"]]) {
      const result = await run(...argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(new RegExp(`^reestr ${argv[0]}: broken\\.xlsx: .+\\n$`));
      expect(result.stderr.split("\n")).toHaveLength(2);
    }
  });

  test("writes a copy of the input with the appendix, summary and approved register; the input's sheets kept", async () => {
    const rows = validRows(30);
    await writeRegisterFile(dir, "good.xlsx", rows, {}, [{ name: "Заметки", rows: [["моя заметка"]] }]);
    const result = await run("appendix", "good.xlsx", "-o", "out.xlsx", ...ORDER_ARGS, "--typical-list");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Следующая актуализация — не позднее 15.07.2024");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "out.xlsx"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Реестр процессов",
      "Справочники",
      "Заметки",
      APPENDIX_SHEET_NAME,
      "Типовой перечень",
      "Сводка",
      APPROVED_SHEET_NAME,
    ]);
    expect(workbook.getWorksheet(APPROVED_SHEET_NAME)!.state).toBe("hidden");
    const appendix = workbook.getWorksheet(APPENDIX_SHEET_NAME)!;
    expect(appendix.pageSetup.orientation).toBe("landscape");
    expect(appendix.pageSetup.paperSize).toBe(9);
    expect(appendix.pageSetup.fitToWidth).toBe(1);
    expect(appendix.getCell("L3").value).toBe("от 15.01.2024 № 7");
    const sheets = await sheetsOf("out.xlsx");
    expect(sheets.find((s) => s.name === "Заметки")!.rows[0][0]).toBe("моя заметка");
    const approved = readApprovedRegister(sheets)!;
    expect(approved.orderNumber).toBe("7");
    expect(approved.table.rows.map((r) => r.cells.slice(0, 1)).sort()).toEqual(rows.map((r) => r.slice(0, 1)).sort());
  });

  test("building again on its own output replaces the appendix and gives the same sheet; nothing else changes", async () => {
    await writeRegisterFile(dir, "twice.xlsx", validRows(20));
    expect((await run("appendix", "twice.xlsx", "-o", "twice-1.xlsx", ...ORDER_ARGS)).code).toBe(0);
    expect((await run("appendix", "twice-1.xlsx", "-o", "twice-2.xlsx", ...ORDER_ARGS)).code).toBe(0);
    const first = await sheetsOf("twice-1.xlsx");
    const second = await sheetsOf("twice-2.xlsx");
    expect(second.map((s) => s.name)).toEqual(first.map((s) => s.name));
    expect(second.filter((s) => s.name === APPENDIX_SHEET_NAME)).toHaveLength(1);
    for (const sheet of first) expect(second.find((s) => s.name === sheet.name)).toEqual(sheet);
  });

  test("a register with errors: exit 1 and the list of errors, no file; --draft builds a marked draft (exit 0)", async () => {
    await writeRegisterFile(dir, "bad.xlsx", [...validRows(4), rowWithError(4)]);
    const refused = await run("appendix", "bad.xlsx", "-o", "bad-out.xlsx", ...ORDER_ARGS);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/Строка 8, графа 7 «Ответственный за процесс»/);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(() => readFileSync(join(dir, "bad-out.xlsx"))).toThrow();
    const draft = await run("appendix", "bad.xlsx", "-o", "bad-draft.xlsx", "--draft");
    expect(draft.code).toBe(0);
    const sheets = await sheetsOf("bad-draft.xlsx");
    expect(sheets.find((s) => s.name === APPENDIX_SHEET_NAME)!.rows[0][0]).toBe("ПРОЕКТ");
    expect(readApprovedRegister(sheets)).toBeNull();
  });

  test("usage and unreadable input: exit 2 with one line on stderr", async () => {
    await writeRegisterFile(dir, "u.xlsx");
    await writeRegisterFile(dir, "no-agency.xlsx", validRows(2), { agencyGenitive: "" });
    writeFileSync(join(dir, "not-a-workbook.xlsx"), "просто текст");
    const cases = [
      ["appendix", "u.xlsx", "-o", "x.xlsx", "--order-date", "2024-01-15"],
      ["appendix", "u.xlsx", "-o", "x.xlsx", "--order-number", "7", "--order-date", "15.01.2024"],
      ["appendix", "u.xlsx", "-o", "x.xlsx", ...ORDER_ARGS, "--paper", "A5"],
      ["appendix", "u.xlsx", ...ORDER_ARGS],
      ["appendix", "missing.xlsx", "-o", "x.xlsx", ...ORDER_ARGS],
      ["appendix", "not-a-workbook.xlsx", "-o", "x.xlsx", ...ORDER_ARGS],
      ["appendix", "no-agency.xlsx", "-o", "x.xlsx", ...ORDER_ARGS],
    ];
    for (const argv of cases) {
      const result = await run(...argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\bat\s.+:\d+:\d+/);
    }
  });

  test("A3 and a custom appendix number and agency", async () => {
    await writeRegisterFile(dir, "a3.xlsx", validRows(3));
    const result = await run("appendix", "a3.xlsx", "-o", "a3-out.xlsx", ...ORDER_ARGS, "--paper", "a3", "--appendix-number", "3", "--agency-genitive", "Министерства культуры");
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "a3-out.xlsx"));
    const sheet = workbook.getWorksheet(APPENDIX_SHEET_NAME)!;
    expect(sheet.pageSetup.paperSize).toBe(8);
    expect(sheet.getCell("L1").value).toBe("Приложение № 3");
    expect(sheet.getCell("L2").value).toBe("к приказу Министерства культуры");
  });
});

describe("reestr publish", () => {
  test("CSV and HTML of the approved register with its order details", async () => {
    await writeRegisterFile(dir, "pub.xlsx", validRows(8));
    expect((await run("appendix", "pub.xlsx", "-o", "pub-approved.xlsx", ...ORDER_ARGS)).code).toBe(0);
    const csv = await run("publish", "pub-approved.xlsx", "--format", "csv", "-o", "pub.csv");
    expect(csv.code).toBe(0);
    const csvText = readFileSync(join(dir, "pub.csv"), "utf8");
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    // Title with the agency, order details, column titles, then the rows.
    expect(csvText.split("\r\n").filter(Boolean)).toHaveLength(11);
    const html = await run("publish", "pub-approved.xlsx", "--format", "html", "-o", "pub.html");
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, "pub.html"), "utf8")).toContain("от 15.01.2024 № 7</caption>");
  });

  test("a workbook without an approved register publishes the working one; bad usage exits 2", async () => {
    await writeRegisterFile(dir, "work.xlsx", validRows(3));
    expect((await run("publish", "work.xlsx", "--format", "csv", "-o", "work.csv")).code).toBe(0);
    expect(readFileSync(join(dir, "work.csv"), "utf8").split("\r\n").filter(Boolean)).toHaveLength(6);
    expect((await run("publish", "work.xlsx", "--format", "pdf", "-o", "w.pdf")).code).toBe(2);
    expect((await run("publish", "work.xlsx", "-o", "w.csv")).code).toBe(2);
    expect((await run("publish", "work.xlsx", "--format", "csv")).code).toBe(2);
    expect((await run("publish", "nope.xlsx", "--format", "csv", "-o", "w.csv")).code).toBe(2);
  });
});
