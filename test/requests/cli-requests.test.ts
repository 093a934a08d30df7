/** `reestr requests` and `reestr status` on workbooks made by another program (ExcelJS, real date cells): JSON, lines, exit codes. */
import { rmSync, writeFileSync } from "fs";
import { join } from "path";
import { cliRunner } from "../support/cli-runner";
import { buildWorkbook, validRows, writeWorkbook } from "../fixtures/register-data";
import { registerSheetRows, settingsSheetRows, tempDir } from "../appendix/helpers";

const dir = tempDir("reestr-requests-cli-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = cliRunner(dir);

const ids = validRows(3).map((row) => row[0]);
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const LOG_TITLES = ["№ п/п", "Инициатор", "Номер служебной записки", "Дата служебной записки", "Дата поступления", "Основание", "Идентификаторы процессов", "Содержание обращения", "Срок рассмотрения", "Статус", "Дата решения", "Дата информирования инициатора"];

async function writeLogWorkbook(name: string, logRows: unknown[][], settings: Record<string, string> = {}): Promise<void> {
  await writeWorkbook(
    buildWorkbook([
      { name: "Реестр процессов", rows: registerSheetRows(validRows(3)) },
      { name: "Справочники", rows: [...settingsSheetRows({ orderDate: "15.10.2024" }), ...Object.entries(settings)] },
      { name: "Журнал обращений", rows: [["Журнал обращений"], LOG_TITLES, ...(logRows as never[][])] },
    ]),
    join(dir, name),
  );
}

beforeAll(async () => {
  await writeLogWorkbook("log.xlsx", [
    [1, "Отдел кадров", "12", utc("2025-04-25"), utc("2025-04-28"), "б — изменение содержания процесса", `${ids[0]}; ${ids[1]}`, "Уточнить результат", utc("2025-05-15"), "на рассмотрении", null, null],
    [2, "Юридический отдел", "13", null, "24.04.2025", "а", ids[2], "", null, "", null, null],
    [3, "Иванов И. И.", "14", null, utc("2025-04-01"), "в", ids[1], "", null, "учтено", utc("2025-04-10"), utc("2025-04-11")],
    [4, "Отдел кадров", "15", null, utc("2025-05-05"), "в", "999-99-99", "", null, "", null, null],
  ]);
});

describe("reestr requests", () => {
  test("--json: open requests with due dates and working days left, issues; exit 0 when none is overdue", async () => {
    const result = await run("requests", "log.xlsx", "--json", "--today", "2025-05-14");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ file: "log.xlsx", sheet: "Журнал обращений", today: "2025-05-14" });
    expect(json.requests).toEqual([
      { row: 3, initiator: "Отдел кадров", memoNumber: "12", memoDate: "2025-04-25", received: "2025-04-28", ground: "б", processIds: [ids[0], ids[1]], status: "на рассмотрении", due: "2025-05-16", workingDaysLeft: 2, overdue: false, approximate: false },
      { row: 4, initiator: "Юридический отдел", memoNumber: "13", memoDate: null, received: "2025-04-24", ground: "а", processIds: [ids[2]], status: "на рассмотрении", due: "2025-05-14", workingDaysLeft: 0, overdue: false, approximate: false },
      { row: 6, initiator: "Отдел кадров", memoNumber: "15", memoDate: null, received: "2025-05-05", ground: "в", processIds: ["999-99-99"], status: "на рассмотрении", due: "2025-05-21", workingDaysLeft: 5, overdue: false, approximate: false },
    ]);
    expect(json.issues).toEqual([
      { row: 3, column: 9, code: "due-differs", severity: "warning", message: "Строка 3: в графе «Срок рассмотрения» указано 15.05.2025, по производственному календарю срок — 16.05.2025." },
      { row: 6, column: 7, code: "unknown-process-id", severity: "error", message: "Строка 6: идентификатора «999-99-99» нет в реестре." },
    ]);
  });

  test("exit 1 when a request is overdue; the text lists the overdue one first", async () => {
    const result = await run("requests", "log.xlsx", "--today", "2025-05-19");
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines[1]).toBe("Открытых обращений: 3, просрочено: 2, срок в ближайшие 2 рабочих дня: 1");
    expect(lines[2]).toMatch(/^ {2}строка 4: просрочено на 3 раб\. дн\., срок был 14\.05\.2025 — Юридический отдел/);
  });

  test("a calendar override from the settings moves the due date; an override that is not a date is one line on stderr", async () => {
    await writeLogWorkbook("regional.xlsx", [[1, "Отдел кадров", "12", null, utc("2025-04-28"), "б", ids[0], "", null, "", null, null]], {
      "Нерабочие дни (дополнительно к календарю)": "15.05.2025; 32.05.2025",
    });
    const result = await run("requests", "regional.xlsx", "--json", "--today", "2025-05-14");
    expect(JSON.parse(result.stdout).requests[0].due).toBe("2025-05-19");
    expect(result.stderr).toBe("reestr requests: regional.xlsx: настройки: «32.05.2025» в параметре «Нерабочие дни (дополнительно к календарю)» — не дата; укажите даты в виде ДД.ММ.ГГГГ через «;».\n");
  });

  test("a due date in 2027 is approximate", async () => {
    await writeLogWorkbook("2027.xlsx", [[1, "Отдел кадров", "12", null, "28.12.2026", "б", ids[0], "", null, "", null, null]]);
    const json = JSON.parse((await run("requests", "2027.xlsx", "--json", "--today", "2026-12-29")).stdout);
    expect(json.requests[0]).toMatchObject({ due: "2027-01-20", approximate: true });
    expect(json.issues[0]).toMatchObject({ code: "calendar-not-loaded" });
  });

  test("exit 2 with one line: no log sheet, an unreadable file, a wrong --today", async () => {
    await writeWorkbook(buildWorkbook([{ name: "Реестр процессов", rows: registerSheetRows(validRows(1)) }]), join(dir, "nolog.xlsx"));
    const noLog = await run("requests", "nolog.xlsx");
    expect([noLog.code, noLog.stderr]).toEqual([2, "reestr requests: nolog.xlsx: в книге нет листа «Журнал обращений»\n"]);
    writeFileSync(join(dir, "broken.xlsx"), "не книга");
    const broken = await run("requests", "broken.xlsx");
    expect(broken.code).toBe(2);
    expect(broken.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    const badToday = await run("requests", "log.xlsx", "--today", "14.05.2025");
    expect(badToday.code).toBe(2);
    expect(badToday.stderr).toMatch(/--today «14\.05\.2025» не в виде ГГГГ-ММ-ДД/);
  });
});

describe("reestr status", () => {
  test("actualization and requests in one place; exit 1 when anything is overdue", async () => {
    const calm = await run("status", "log.xlsx", "--json", "--today", "2025-04-10");
    expect(calm.code).toBe(0);
    const json = JSON.parse(calm.stdout);
    expect(json.actualization).toMatchObject({ since: "2024-10-15", due: "2025-04-15", overdue: false });
    expect(json.requests).toMatchObject({ open: 3, overdue: 0 });
    const late = await run("status", "log.xlsx", "--today", "2025-05-19");
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/Актуализация: ПРОСРОЧЕНА, срок был 15\.04\.2025/);
    expect(late.stdout).toMatch(/Обращения: открытых 3, просрочено 2/);
  });

  test("a workbook without a log still has its actualization status", async () => {
    const result = await run("status", "nolog.xlsx", "--today", "2025-01-10");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Обращения: журнала обращений в книге нет\./);
  });
});
