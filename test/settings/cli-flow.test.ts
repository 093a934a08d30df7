/**
 * The agency's settings on every CLI path: custom statuses and a process of the agency's own survive
 * template-made files → merge (alone, with --previous, with --settings) → validate → appendix → publish CSV/HTML.
 */
import { readFileSync, rmSync } from "fs";
import { join } from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-workbook-file";
import { readWorkbookSettings } from "../../src/core/settings-sources";
import { AGENCY_PROCESSES_HEADING, TYPICAL_LIST_SHEET_NAME } from "../../src/core/layout/typical-list-appendix";
import { tempDir, writeRegisterFile } from "../appendix/helpers";
import { expectValidXlsx } from "../support/ooxml-check";
import { AGENCY, AGENCY_GENITIVE, AGENCY_NAME, OWN_PROCESS, agencyRows } from "./helpers";
import { cliRunner } from "../support/cli-runner";

const dir = tempDir("reestr-settings-flow-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = cliRunner(dir);

async function settingsOf(file: string) {
  const read = await readWorkbookFile(join(dir, file));
  if (!read.ok) throw new Error(read.message);
  return { settings: readWorkbookSettings(read.sheets), sheets: read.sheets };
}

const ORDER = ["--order-number", "7", "--order-date", "2024-01-15"];

/** appendix → publish csv/html of `file`; asserts the agency and the own process reach each output. */
async function appendixAndPublish(file: string, tag: string): Promise<void> {
  expect((await run("validate", file)).code).toBe(0);
  const appendix = await run("appendix", file, "-o", `${tag}-app.xlsx`, ...ORDER, "--typical-list");
  expect(appendix.stderr).toBe("");
  expect(appendix.code).toBe(0);
  const { sheets } = await settingsOf(`${tag}-app.xlsx`);
  const typical = sheets.find((sheet) => sheet.name === TYPICAL_LIST_SHEET_NAME)!;
  const typicalText = typical.rows.map((row) => row.join("|")).join("\n");
  expect(typicalText).toContain(AGENCY_PROCESSES_HEADING);
  expect(typicalText).toContain(`${OWN_PROCESS.code}. ${OWN_PROCESS.name}`);
  expect((await run("publish", `${tag}-app.xlsx`, "--format", "csv", "-o", `${tag}.csv`)).code).toBe(0);
  const csv = readFileSync(join(dir, `${tag}.csv`), "utf8").slice(1).split("\r\n");
  expect(csv[0]).toBe(`Реестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}`);
  expect(csv[1]).toBe(`Приложение № 1 к приказу ${AGENCY_GENITIVE} от 15.01.2024 № 7`);
  expect(csv[2].split(";")[0]).toBe("Идентификатор процесса");
  expect(csv.join("\n")).toContain("В работе");
  expect(csv.join("\n")).toContain(OWN_PROCESS.name);
  expect((await run("publish", `${tag}-app.xlsx`, "--format", "html", "-o", `${tag}.html`)).code).toBe(0);
  const html = readFileSync(join(dir, `${tag}.html`), "utf8");
  expect(html).toContain(`<title>Реестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}</title>`);
  expect(html).toContain(`<h1 id="register-title">Реестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}</h1>`);
  expect(html).toContain(`<caption>Приложение № 1 к приказу ${AGENCY_GENITIVE} от 15.01.2024 № 7</caption>`);
}

beforeAll(async () => {
  await writeRegisterFile(dir, "unit-a.xlsx", agencyRows(4, "АС-А"), AGENCY);
  await writeRegisterFile(dir, "unit-b.xlsx", agencyRows(3, "АС-Б"), AGENCY);
});

describe("settings travel through the command line", () => {
  test("a unit file with custom statuses and an agency process validates clean", async () => {
    const result = await run("validate", "unit-a.xlsx");
    expect(result.stdout).not.toContain("не из справочника");
    expect(result.code).toBe(0);
  });

  test("merge without --previous/--settings: the agreeing inputs' settings are written; the whole path keeps them", async () => {
    const merged = await run("merge", "unit-a.xlsx", "unit-b.xlsx", "-o", "merged.xlsx");
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain("Настройки органа из сводимых файлов.");
    expect(merged.stdout).not.toContain("Расхождение");
    // The consolidated workbook with its reference sheet (very hidden, named lists) is valid OOXML.
    await expectValidXlsx(readFileSync(join(dir, "merged.xlsx")), "merged.xlsx");
    const { settings } = await settingsOf("merged.xlsx");
    expect(settings?.settings.statuses).toEqual(AGENCY.statuses);
    expect(settings?.settings.agencyProcesses).toEqual([OWN_PROCESS]);
    expect(settings?.settings.agencyName).toBe(AGENCY_NAME);
    await appendixAndPublish("merged.xlsx", "plain");
  });

  test("merge with --previous takes the approved register's settings", async () => {
    const merged = await run("merge", "unit-a.xlsx", "-o", "merged-prev.xlsx", "--previous", "plain-app.xlsx", "--json");
    expect(merged.code).toBe(0);
    const json = JSON.parse(merged.stdout);
    expect(json.settings).toEqual({ origin: "previous", from: "plain-app.xlsx", conflicts: [] });
    await appendixAndPublish("merged-prev.xlsx", "prev");
  });

  test("merge with --settings takes that workbook's settings and reports where the inputs differ", async () => {
    await writeRegisterFile(dir, "plain-unit.xlsx", agencyRows(2, "АС-В"), { ...AGENCY, statuses: ["В работе", "Завершен", "Приостановлен"] });
    const merged = await run("merge", "plain-unit.xlsx", "unit-a.xlsx", "-o", "merged-set.xlsx", "--settings", "unit-b.xlsx", "--json");
    expect(merged.code).toBe(0);
    const json = JSON.parse(merged.stdout);
    expect(json.settings.origin).toBe("settings-file");
    expect(json.settings.from).toBe("unit-b.xlsx");
    expect(json.settings.conflicts).toEqual([
      {
        parameter: "statuses",
        title: "Статусы",
        values: [
          { value: "В работе; Завершен; Приостановлен", files: ["plain-unit.xlsx"] },
          { value: "В работе; Завершен", files: ["unit-a.xlsx"] },
        ],
        used: "В работе; Завершен",
      },
    ]);
    await appendixAndPublish("merged-set.xlsx", "set");
  });

  test("inputs that disagree: lists are joined, the report names each file's value and the one used", async () => {
    await writeRegisterFile(dir, "other.xlsx", agencyRows(2, "ДР"), { ...AGENCY, agencyName: "Другая служба", statuses: ["На паузе"] });
    const merged = await run("merge", "unit-a.xlsx", "other.xlsx", "-o", "merged-conflict.xlsx");
    expect(merged.stdout).toContain("Расхождение в параметре «Наименование органа»: unit-a.xlsx — «Архивная служба Республики Северная Осетия-Алания»; other.xlsx — «Другая служба». Взято: «Архивная служба Республики Северная Осетия-Алания».");
    expect(merged.stdout).toContain("Расхождение в параметре «Статусы»");
    const { settings, sheets } = await settingsOf("merged-conflict.xlsx");
    expect(settings?.settings.statuses).toEqual(["В работе", "Завершен", "На паузе"]);
    const report = sheets.find((sheet) => sheet.name === "Отчет о сведении")!;
    expect(report.rows.map((row) => row.join("|")).join("\n")).toContain("Наименование органа|other.xlsx|Другая служба|нет");
  });

  test("--settings FILE without settings, and bad flags: one line, exit 2", async () => {
    const noBlock = await run("merge", "unit-a.xlsx", "-o", "x.xlsx", "--settings", "nope.xlsx");
    expect(noBlock.code).toBe(2);
    expect(noBlock.stderr.trim().split("\n")).toHaveLength(1);
    const badCode = await run("publish", "unit-a.xlsx", "--format", "csv", "-o", "x.csv", "--agency-code", "А С;1");
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toContain("Код органа");
  });

  test("appendix and publish accept the agency flags and the workbook keeps them", async () => {
    await writeRegisterFile(dir, "no-agency.xlsx", agencyRows(2), { ...AGENCY, agencyName: "", agencyGenitive: "" });
    const appendix = await run("appendix", "no-agency.xlsx", "-o", "flags-app.xlsx", ...ORDER, "--agency", AGENCY_NAME, "--agency-genitive", AGENCY_GENITIVE);
    expect(appendix.code).toBe(0);
    await expectValidXlsx(readFileSync(join(dir, "flags-app.xlsx")), "flags-app.xlsx");
    const { settings } = await settingsOf("flags-app.xlsx");
    expect(settings?.settings.agencyGenitive).toBe(AGENCY_GENITIVE);
    expect(settings?.settings.statuses).toEqual(AGENCY.statuses);
    const html = await run("publish", "no-agency.xlsx", "--format", "html", "-o", "flags.html", "--agency-genitive", AGENCY_GENITIVE);
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, "flags.html"), "utf8")).toContain(`<title>Реестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}</title>`);
    const bare = await run("publish", "no-agency.xlsx", "--format", "csv", "-o", "bare.csv", "--agency", AGENCY_NAME);
    expect(readFileSync(join(dir, "bare.csv"), "utf8")).toContain(`— ${AGENCY_NAME}`);
    expect(bare.code).toBe(0);
  });

  test("a register naming a process neither typical nor the agency's: the message says which setting to add it to", async () => {
    const rows = agencyRows(2);
    rows[0][5] = "9.9. Неизвестный процесс";
    await writeRegisterFile(dir, "unknown.xlsx", rows, AGENCY);
    const result = await run("validate", "unknown.xlsx");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("параметр «Процессы органа (JSON)» листа «Справочники»");
  });

  test("hand-broken settings JSON: one line naming the parameter, the rest of the settings kept", async () => {
    await writeRegisterFile(dir, "broken.xlsx", agencyRows(2), AGENCY, []);
    // Re-write the settings block with broken JSON for the agency processes.
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "broken.xlsx"));
    const sheet = workbook.getWorksheet("Справочники")!;
    sheet.eachRow((row) => {
      if (row.getCell(1).text === "Процессы органа (JSON)") row.getCell(2).value = '[{"code": "1.10", "name": ';
    });
    await workbook.xlsx.writeFile(join(dir, "broken.xlsx"));
    const result = await run("publish", "broken.xlsx", "--format", "csv", "-o", "broken.csv");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("reestr publish: broken.xlsx: параметр «Процессы органа (JSON)» не прочитан: это не JSON; используется значение по умолчанию\n");
    expect(readFileSync(join(dir, "broken.csv"), "utf8")).toContain(AGENCY_GENITIVE);
    // validate says it too, and the register's own process is then unknown (the list was not read).
    const validated = await run("validate", "broken.xlsx");
    expect(validated.stderr).toBe("reestr validate: broken.xlsx: параметр «Процессы органа (JSON)» не прочитан: это не JSON; используется значение по умолчанию\n");
    expect(validated.stdout).toContain("не найден ни в типовом перечне, ни в процессах органа");
  });
});
