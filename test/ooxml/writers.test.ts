/**
 * Every kind of workbook the project writes passes the ECMA-376 schemas and the package checks (test/support/ooxml-check):
 * the template (ExcelJS writer), the merge result (lean writer), the appendix with and without the typical list, A4 and A3,
 * drafts, with its summary sheet, and the simulator's saved workbook (the playground's «Скачать .xlsx»).
 */
import { readdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { runCli } from "../../src/cli/cli";
import type { CliIO } from "../../src/cli/io";
import { buildAppendixInExcel } from "../../src/adapters/office/appendix";
import { createOrUpgradeTemplate } from "../../src/adapters/office/template";
import { checkRegister } from "../../src/adapters/office/validation";
import { templateGeometry, REGISTER_SHEET_NAME } from "../../src/core/layout/template";
import { NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";
import { validRows } from "../fixtures/register-data";
import { AGENCY_GENITIVE, rowWithError, tempDir, writeRegisterFile } from "../appendix/helpers";
import { expectValidXlsx } from "../support/ooxml-check";

const dir = tempDir("reestr-ooxml-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process; exit 1 (the register has errors) still writes the file. */
async function run(...argv: string[]): Promise<void> {
  let stderr = "";
  const io: CliIO = { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: dir, env: {} };
  const code = await runCli(argv, io);
  if (code > 1) throw new Error(`reestr ${argv.join(" ")} exited ${code}: ${stderr}`);
}

const ORDER_ARGS = ["--order-number", "7", "--order-date", "2024-01-15"];

test("reestr template", async () => {
  await run("template", "-o", "template.xlsx", "--agency", "Архивная служба", "--units", "Отдел 1; Отдел 2");
  await expectValidXlsx(readFileSync(join(dir, "template.xlsx")), "reestr template");
});

test("reestr merge (lean writer), with a previous approved register", async () => {
  const rows = validRows(40);
  await writeRegisterFile(dir, "unit-a.xlsx", rows.slice(0, 25));
  await writeRegisterFile(dir, "unit-b.xlsx", [...rows.slice(20), rowWithError(3)]);
  await writeRegisterFile(dir, "approved.xlsx", rows.slice(0, 30));
  await run("merge", "unit-a.xlsx", "unit-b.xlsx", "-o", "merged.xlsx", "--previous", "approved.xlsx");
  await expectValidXlsx(readFileSync(join(dir, "merged.xlsx")), "reestr merge");
});

test("reestr distribute (lean writer): a unit's file", async () => {
  await writeRegisterFile(dir, "round.xlsx", validRows(12));
  await run("distribute", "round.xlsx", "-o", "units", "--due", "2099-12-31");
  const files = readdirSync(join(dir, "units")).filter((name) => name.endsWith(".xlsx"));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) await expectValidXlsx(readFileSync(join(dir, "units", file)), `reestr distribute ${file}`);
});

describe("reestr appendix", () => {
  beforeAll(async () => {
    await writeRegisterFile(dir, "register.xlsx", validRows(30), {}, [{ name: "Заметки", rows: [["моя заметка"]] }]);
    await writeRegisterFile(dir, "with-errors.xlsx", [...validRows(5), rowWithError(5)]);
  });

  test.each([
    ["A4", ["--paper", "a4"]],
    ["A3", ["--paper", "a3"]],
    ["A4 with the typical list", ["--paper", "a4", "--typical-list"]],
    ["A3 with the typical list", ["--paper", "a3", "--typical-list"]],
  ])("%s (with the summary sheet)", async (label, extra) => {
    const out = `appendix-${label.replace(/\W+/g, "-")}.xlsx`;
    await run("appendix", "register.xlsx", "-o", out, ...ORDER_ARGS, ...extra);
    await expectValidXlsx(readFileSync(join(dir, out)), `reestr appendix ${label}`);
  });

  test("a draft of a register with errors", async () => {
    await run("appendix", "with-errors.xlsx", "-o", "draft.xlsx", ...ORDER_ARGS, "--draft", "--typical-list");
    await expectValidXlsx(readFileSync(join(dir, "draft.xlsx")), "reestr appendix --draft");
  });
});

test("the simulator's saved workbook (playground «Скачать .xlsx») after the template, the appendix with its chart and the check's marks", async () => {
  const sim = createExcelSimulator({ apiVersion: NEWEST_API_VERSION });
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => sim.Excel.run(batch as never) as Promise<T>;
  await run((context) => createOrUpgradeTemplate(context, { apiLevel: NEWEST_API_VERSION }));
  const rows = validRows(12);
  await run(async (context) => {
    const range = context.workbook.worksheets.getItem(REGISTER_SHEET_NAME).getRangeByIndexes(templateGeometry().firstDataRow - 1, 0, rows.length, 15);
    range.numberFormat = rows.map((row) => row.map(() => "@"));
    range.values = rows;
    const notes = context.workbook.worksheets.add("Заметки");
    notes.getRange("A1:B1").values = [["Что сделать", "Сумма"]];
    notes.getRange("A1:B1").merge(false);
    notes.getRange("A1:B1").format.fill.color = "#FFF2CC";
    await context.sync();
  });
  const order = { orderNumber: "7", orderDate: "15.01.2024", agencyGenitive: AGENCY_GENITIVE, appendixNumber: "1" };
  const built = await run((context) => buildAppendixInExcel(context, { order, apiLevel: NEWEST_API_VERSION, includeTypicalList: true, paper: "A3" }));
  expect(built.ok).toBe(true);
  // A row with an error, marked by the check: the marks' very hidden sheet and conditional formats are saved too.
  await run(async (context) => {
    const row = rowWithError(12);
    const range = context.workbook.worksheets.getItem(REGISTER_SHEET_NAME).getRangeByIndexes(templateGeometry().firstDataRow - 1 + rows.length, 0, 1, 15);
    range.numberFormat = [row.map(() => "@")];
    range.values = [row];
    await context.sync();
  });
  const check = await run((context) => checkRegister(context, { platform: "PC", apiLevel: NEWEST_API_VERSION }));
  expect(check.issues.length).toBeGreaterThan(0);
  await expectValidXlsx(await sim.saveXlsx(), "simulator save");
});
