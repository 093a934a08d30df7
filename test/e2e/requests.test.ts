/**
 * «Обращения» and «Сроки» from the pane in the playground: a request registered with its due date shown before saving,
 * the log sheet written, a fix of the register that changes the named process with the request's ground offered as
 * «учтено» and marked so with today's date, the first screen listing what is due, and a section whose code cannot be
 * fetched.
 */
import { ProductionCalendar } from "../../src/core/calendar/working-days";
import { dayNumberToIso, isoToDayNumber } from "../../src/core/calendar/working-days";
import { localTodayIso } from "../../src/core/calendar/today";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import { REGISTER_SHEET_NAME, templateGeometry } from "../../src/core/layout/template";
import { validRows } from "../fixtures/register-data";
import { externalRequests, startPlayground, type Playground } from "./harness";
import { latinWords } from "./pane-checks";

jest.setTimeout(300_000);

const GEOMETRY = templateGeometry();
const ROWS = [0, 1, 2].map((index) => {
  const row = validRows(index + 1)[index];
  row[14] = row[13] === "Цифровой" ? "ЕПГУ" : "";
  return row;
});
const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

describe("change requests from the pane (playground)", () => {
  let playground: Playground;
  const section = () => playground.page.locator('[data-section="requests"]');
  const logRows = () =>
    playground.sim((sim) => {
      const sheet = sim.workbook.findSheet("Журнал обращений");
      return sheet ? (sheet.texts("A3:M6") as string[][]) : [];
    }) as Promise<string[][]>;

  beforeAll(async () => {
    playground = await startPlayground();
    const { page } = playground;
    await page.getByRole("tab", { name: "Шаблон", exact: true }).click();
    await page.getByRole("button", { name: "Создать реестр по шаблону" }).click();
    await page.getByText(`Лист «${REGISTER_SHEET_NAME}» создан по шаблону.`).waitFor({ timeout: 60_000 });
    await playground.sim(
      (sim, arg: { sheet: string; address: string; rows: string[][] }) => sim.userEdit(arg.sheet, arg.address, arg.rows, { paste: true }),
      { sheet: REGISTER_SHEET_NAME, address: `A${GEOMETRY.firstDataRow}:O${GEOMETRY.firstDataRow + ROWS.length - 1}`, rows: ROWS },
    );
    // The register as approved by the order, kept the way the appendix feature keeps it.
    await playground.sim(
      (sim, arg: { titles: string[]; rows: string[][] }) =>
        sim.Excel.run(async (context: Excel.RequestContext) => {
          const sheet = context.workbook.worksheets.add("_Утвержденный реестр");
          const rows = [["Утвержденный реестр процессов", ""], ["Номер приказа", "7"], ["Дата приказа", "15.10.2025"], ["Строк в реестре", "3"]];
          sheet.getRange("A1:B4").numberFormat = rows.map(() => ["@", "@"]);
          sheet.getRange("A1:B4").values = rows;
          sheet.getRange("A6:O6").values = [arg.titles];
          sheet.getRange(`A7:O${6 + arg.rows.length}`).numberFormat = arg.rows.map((row) => row.map(() => "@"));
          sheet.getRange(`A7:O${6 + arg.rows.length}`).values = arg.rows;
          sheet.visibility = "Hidden";
          await context.sync();
        }),
      { titles: REGISTER_COLUMNS.map((column) => column.title), rows: ROWS },
    );
  });

  afterAll(async () => {
    await playground?.close();
  });

  test("«Сроки» compares the register with the approved one: nothing changed yet", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Сроки", exact: true }).click();
    await page.getByTestId("due-actualization").getByText("Изменений нет с 15.10.2025", { exact: false }).waitFor({ timeout: 30_000 });
  });

  test("register a request: its due date is shown before saving and written to «Журнал обращений»", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Обращения", exact: true }).click();
    const today = localTodayIso();
    const received = dayNumberToIso(isoToDayNumber(today)! - 3);
    const expected = new ProductionCalendar().dueDate(received);
    const focused = (label: string) => section().getByLabel(label).evaluate((element) => element === document.activeElement);
    // An empty draft is refused at its fields, and the keyboard goes to the first of them.
    await section().getByRole("button", { name: "Зарегистрировать" }).click();
    await section().getByText("Укажите инициатора", { exact: false }).waitFor();
    expect(await focused("Инициатор")).toBe(true);
    await section().getByLabel("Инициатор").fill("Отдел кадров");
    await section().getByLabel("Номер служебной записки").fill("12");
    await section().getByTestId("request-received").fill(received);
    await section().getByText(`Срок рассмотрения: ${ru(expected.due)}`, { exact: false }).waitFor();
    await section().getByRole("radio", { name: "б — изменение содержания процесса" }).check();
    await section().getByLabel("Идентификаторы процессов").fill(`${ROWS[0][0]}; 017-99-99`);
    await section().getByRole("button", { name: "Зарегистрировать" }).click();
    await section().getByText("Нет в реестре: 017-99-99.").waitFor();
    expect(await focused("Идентификаторы процессов")).toBe(true);
    expect(await logRows()).toEqual([]);

    await section().getByLabel("Идентификаторы процессов").fill(ROWS[0][0]);
    await section().getByRole("button", { name: "Зарегистрировать" }).click();
    await section().getByText(`Обращение записано в журнал (строка 4), срок рассмотрения — ${ru(expected.due)}.`).waitFor({ timeout: 30_000 });
    const rows = await logRows();
    expect(rows[0].slice(0, 3)).toEqual(["№ п/п", "Инициатор", "Номер служебной записки"]);
    expect(rows[1].slice(0, 10)).toEqual(["1", "Отдел кадров", "12", "", ru(received), "б — изменение содержания процесса", ROWS[0][0], "", ru(expected.due), "на рассмотрении"]);
    await section().getByTestId("request-card").first().waitFor();
    await playground.screenshot("requests-registered");
  });

  test("a fix changes the named process with the request's ground: the pane offers «учтено» and marks it with today's date", async () => {
    const { page } = playground;
    await playground.sim(
      (sim, arg: { sheet: string; address: string }) => sim.userEdit(arg.sheet, arg.address, [["Архивная справка с копиями документов"]]),
      { sheet: REGISTER_SHEET_NAME, address: `L${GEOMETRY.firstDataRow}` },
    );
    await section().getByRole("button", { name: "Обновить" }).click();
    await section().getByTestId("requests-satisfied").getByText(`процесс ${ROWS[0][0]} изменен по основанию «б»`, { exact: false }).waitFor({ timeout: 30_000 });
    await section().getByRole("button", { name: "Отметить «учтено»" }).click();
    await section().getByText("Обращение в строке 4: «учтено», дата решения — сегодня.", { exact: false }).waitFor({ timeout: 30_000 });
    const rows = await logRows();
    expect(rows[1][9]).toBe("учтено");
    expect(rows[1][10]).toBe(ru(localTodayIso()));
    await section().getByText("Открытых обращений нет.").waitFor();

    // The cycle's documents: the notice to units and the reply to the initiator just decided, as text to copy.
    await section().getByRole("button", { name: "Подготовить извещения" }).click();
    await section().getByTestId("cycle-document").nth(1).waitFor({ timeout: 30_000 });
    const texts = await section().getByTestId("cycle-document").locator("textarea").evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("от 15.10.2025 № 7");
    expect(texts[1]).toContain("служебная записка № 12");
    expect(texts[1]).toContain("изменения внесены в реестр процессов");
    const [download] = await Promise.all([page.waitForEvent("download"), section().getByRole("button", { name: "Скачать .docx" }).first().click()]);
    expect(download.suggestedFilename()).toBe("Извещение подразделениям об утверждении реестра.docx");
    await playground.screenshot("requests-documents");

    await page.getByRole("tab", { name: "Сроки", exact: true }).click();
    await page.getByTestId("due-requests").getByText("Открытых: 0.").waitFor({ timeout: 30_000 });
    await page.getByTestId("due-actualization").getByText("15.04.2026", { exact: false }).waitFor();
    // The comparison with the approved register saw the fix.
    await page.getByTestId("due-actualization").getByText(/в реестре есть изменения/i).waitFor();
    await playground.screenshot("due-first-screen");
    expect(externalRequests(playground.requests)).toEqual([]);
  });

  test("a section whose code cannot be fetched says so in Russian", async () => {
    const { page } = playground;
    // «Приложение к приказу» has not been opened: every script fetched from now on fails, as with the network gone.
    const scripts = /\.js$/;
    await page.route(scripts, (route) => route.abort("internetdisconnected"));
    try {
      await page.getByRole("tab", { name: "Приложение к приказу", exact: true }).click();
      const appendix = page.locator('[data-section="appendix"]');
      await appendix.getByText("Не удалось загрузить этот раздел с сервера надстройки. Проверьте подключение к сети и откройте панель заново.").waitFor({ timeout: 30_000 });
      expect(await latinWords(page)).toEqual([]);
    } finally {
      await page.unroute(scripts);
    }
  });
});
