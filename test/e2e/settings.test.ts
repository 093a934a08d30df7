/**
 * «Настройки» in the playground with the pane 320 px wide (simulated Excel, ExcelApi 1.8): each group edited, refused
 * at the field when broken (nothing written), then saved; the workbook's reference sheet, the dropdowns' named lists,
 * the ID example and the appendix heading follow. Screenshots go to test-artifacts/.
 */
import { LIST_NAMES, REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { REGISTER_SHEET_NAME, templateGeometry } from "../../src/core/layout/template";
import { APPENDIX_ROWS } from "../../src/core/layout/appendix";
import { validRows } from "../fixtures/register-data";
import { externalRequests, startPlayground, type Playground } from "./harness";

jest.setTimeout(300_000);

const GENITIVE = "Архивной службы Республики Северная Осетия-Алания";
const PANE_WIDTH = 320;
const OWN_BY_CLICK = "1.11. Консультирование по архивным фондам";

interface Reference {
  pairs: Record<string, string>;
  statuses: string[];
  units: string[];
  processes: string[];
  names: Record<string, string>;
}

async function reference(playground: Playground): Promise<Reference> {
  return playground.sim((sim, name: string) => {
    const sheet = sim.workbook.sheet(name);
    const column = (c: number, rows: number) => Array.from({ length: rows }, (_, r) => String(sheet.textAt(r + 1, c))).filter((text) => text !== "");
    const pairs: Record<string, string> = {};
    for (let r = 1; r < 40; r++) {
      const key = String(sheet.textAt(r, 13));
      if (key) pairs[key] = String(sheet.textAt(r, 14));
    }
    const names: Record<string, string> = {};
    for (const item of sim.workbook.names as { name: string; formula: string }[]) names[item.name] = item.formula;
    return { pairs, statuses: column(7, 12), units: column(11, 12), processes: column(2, 45), names };
  }, REFERENCE_SHEET_NAME);
}

describe("settings section at 320 px (playground, ExcelApi 1.8)", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({ api: "1.8" });
    await playground.page.addStyleTag({ content: `[data-testid="taskpane"] { width: ${PANE_WIDTH}px !important; }` });
    const { page } = playground;
    await page.getByRole("tab", { name: "Шаблон", exact: true }).click();
    await page.getByRole("button", { name: "Создать реестр по шаблону" }).click();
    await page.getByText(`Лист «${REGISTER_SHEET_NAME}» создан по шаблону.`).waitFor({ timeout: 60_000 });
    const rows = validRows(2).map((row) => {
      row[14] = row[13] === "Цифровой" ? "ЕПГУ" : "";
      return row;
    });
    const first = templateGeometry().firstDataRow;
    await playground.sim(
      (sim, arg: { sheet: string; address: string; rows: string[][] }) => sim.userEdit(arg.sheet, arg.address, arg.rows, { paste: true }),
      { sheet: REGISTER_SHEET_NAME, address: `A${first}:O${first + 1}`, rows },
    );
    await page.getByRole("tab", { name: "Настройки", exact: true }).click();
    await page.getByTestId("settings-section").waitFor();
  });

  afterAll(async () => {
    await playground?.close();
  });

  const section = () => playground.page.getByTestId("settings-section");

  test("the section fits the pane: nothing wider than 320 px", async () => {
    const overflow = await playground.page.evaluate(() => {
      const pane = document.querySelector('[data-testid="taskpane"]') as HTMLElement;
      const right = pane.getBoundingClientRect().right;
      return Array.from(pane.querySelectorAll('[data-testid="settings-section"] input, [data-testid="settings-section"] button, [data-testid="settings-section"] textarea'))
        .filter((element) => element.getBoundingClientRect().right > right + 0.5)
        .map((element) => (element as HTMLElement).outerHTML.slice(0, 80));
    });
    expect(overflow).toEqual([]);
  });

  test("«Проверка»: an unknown process is added to the agency's list in one click; the ID fix asks for the code and links to it", async () => {
    const { page } = playground;
    const row = templateGeometry().firstDataRow + 2;
    const third = validRows(3)[2];
    third[0] = "";
    third[5] = OWN_BY_CLICK;
    third[14] = third[13] === "Цифровой" ? "ЕПГУ" : "";
    await playground.sim((sim, arg: { sheet: string; address: string; rows: string[][] }) => sim.userEdit(arg.sheet, arg.address, arg.rows, { paste: true }), {
      sheet: REGISTER_SHEET_NAME,
      address: `A${row}:O${row}`,
      rows: [third],
    });
    await page.getByRole("tab", { name: "Проверка", exact: true }).click();
    await page.getByRole("button", { name: "Проверить реестр" }).click();
    const unknown = page.getByTestId("validation-unknown-processes");
    await unknown.getByText(new RegExp(`«${OWN_BY_CLICK.replace(/\./g, "\\.")}» \\(строка ${row}\\)`)).waitFor({ timeout: 60_000 });
    const ids = page.getByTestId("fix-assign-ids");
    await ids.getByText(/код органа в настройках не задан/).waitFor();
    expect(await ids.innerText()).not.toMatch(/\{(agency|process|nn)\}/);
    await playground.screenshot("settings-unknown-process-320");

    await unknown.getByRole("button", { name: `Добавить в процессы органа: ${OWN_BY_CLICK}` }).click();
    await unknown.waitFor({ state: "detached", timeout: 60_000 });
    expect((await reference(playground)).processes).toContain(OWN_BY_CLICK);

    await ids.getByTestId("fix-needs-setting").click();
    await page.getByTestId("settings-section").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "settings-field-agencyCode", undefined, { timeout: 60_000 });
    await playground.sim((sim, arg: { sheet: string; address: string }) => sim.userEdit(arg.sheet, arg.address, [["АС-1.11-01"]]), { sheet: REGISTER_SHEET_NAME, address: `A${row}` });
  });

  test("broken input is refused at the field and nothing is written", async () => {
    const before = await reference(playground);
    await section().getByLabel("Код органа для идентификаторов").fill("А С/1");
    await section().getByRole("button", { name: "Добавить: Структурные подразделения" }).click();
    await section().getByLabel("Структурные подразделения, 1").fill("Отдел; кадров");
    // Statuses emptied one by one.
    const statuses = section().getByTestId("settings-statuses");
    while ((await statuses.getByRole("button", { name: /^Удалить: / }).count()) > 0) await statuses.getByRole("button", { name: /^Удалить: / }).first().click();
    await section().getByRole("button", { name: "Сохранить в книгу" }).click();
    await section().getByText("Настройки не сохранены: исправьте отмеченные поля. В книге ничего не изменено.").waitFor();
    await section().getByText(/В коде органа допустимы буквы, цифры/).waitFor();
    await section().getByText("В названии не должно быть «;» и переноса строки: ими разделяются элементы списка").waitFor();
    await statuses.getByText(/Список не может быть пустым/).waitFor();
    await playground.screenshot("settings-refused-320");
    expect(await reference(playground)).toEqual(before);
  });

  test("every group edited and saved: the workbook, the dropdowns' lists, the ID example and the appendix follow", async () => {
    const { page } = playground;
    await section().getByLabel("Наименование органа", { exact: true }).fill("Архивная служба Республики Северная Осетия-Алания");
    await section().getByLabel("Наименование органа в родительном падеже").fill(GENITIVE);
    await section().getByLabel("Код органа для идентификаторов").fill("АС");
    await section().getByTestId("settings-id-example").getByText("Пример: АС-1.3-01 (процесс 1.3).").waitFor();
    await section().getByLabel("Схема идентификатора").fill("{process}/{agency}/{nn}");
    await section().getByTestId("settings-id-example").getByText("Пример: 1.3/АС/01 (процесс 1.3).").waitFor();

    await section().getByLabel("Структурные подразделения, 1").fill("Отдел кадров");
    await section().getByRole("button", { name: "Добавить: Структурные подразделения" }).click();
    await section().getByLabel("Структурные подразделения, 2").fill("Отдел комплектования");
    await section().getByRole("button", { name: "Выше: Отдел комплектования" }).click();

    await section().getByLabel("Ответственный за ведение реестра (п. 3.1)").fill("Иванова А. П.");
    await section().getByLabel("Номер приказа").fill("7");
    await section().getByLabel("Дата приказа").fill("15.01.2024");
    await section().getByLabel("Дата последней актуализации").fill("2024-07-01");

    const statuses = section().getByTestId("settings-statuses");
    await statuses.getByRole("button", { name: "Вернуть список по умолчанию: Статусы процесса (графа 8)" }).click();
    await statuses.getByRole("button", { name: "Добавить: Статусы процесса (графа 8)" }).click();
    await statuses.getByLabel("Статусы процесса (графа 8), 8").fill("Приостановлен");

    await section().getByRole("button", { name: "Добавить процесс органа" }).click();
    const own = section().getByTestId("own-process").last();
    await own.getByLabel("Код").fill("1.10");
    await own.getByLabel("Наименование процесса").fill("Консультирование по генеалогическим запросам");
    await section().getByTestId("settings-typical-shown").getByLabel(/^1\.2\. /).uncheck();

    await section().getByRole("button", { name: "Сохранить в книгу" }).click();
    await section().getByText("Настройки сохранены; списки и названия процессов в реестре обновлены.").waitFor({ timeout: 60_000 });
    await playground.screenshot("settings-saved-320");

    const saved = await reference(playground);
    expect(saved.pairs).toMatchObject({
      "Код органа": "АС",
      "Ответственный за ведение реестра": "Иванова А. П.",
      "Номер приказа": "7",
      "Дата приказа": "15.01.2024",
      "Дата последней актуализации": "01.07.2024",
      "Схема идентификатора": "{process}/{agency}/{nn}",
      "Структурные подразделения": "Отдел комплектования; Отдел кадров",
    });
    expect(saved.statuses).toEqual(["В очереди на исследование", "Идет исследование", "В очереди на реинжиниринг", "Проходит реинжиниринг", "Прошел реинжиниринг", "Отправлен на сертификацию", "Сертифицирован", "Приостановлен"]);
    expect(saved.units).toEqual(["Отдел комплектования", "Отдел кадров"]);
    // The dropdowns' named lists now cover the edited lists.
    expect(saved.names[LIST_NAMES.statuses]).toMatch(/\$H\$2:\$H\$9$/);
    expect(saved.names[LIST_NAMES.units]).toMatch(/\$L\$2:\$L\$3$/);
    expect(saved.processes).toContain("1.10. Консультирование по генеалогическим запросам");
    // Rows 2–39 are what the dropdown offers (38 typical − 1 hidden + 1 own); the hidden one follows them.
    const offered = saved.processes.slice(0, 38);
    expect(offered.some((label) => label.startsWith("1.2. "))).toBe(false);

    // The appendix heading follows the agency.
    await page.getByRole("tab", { name: "Приложение к приказу", exact: true }).click();
    const appendix = page.locator('[data-section="appendix"]');
    await appendix.getByRole("button", { name: "Сформировать приложение к приказу" }).click();
    await appendix.getByText(/^Приложение сформировано/).waitFor({ timeout: 60_000 });
    const title = await playground.sim((sim, row: number) => String(sim.workbook.sheet("Приложение к приказу").textAt(row, 0)), APPENDIX_ROWS.title - 1);
    expect(title).toBe(`Реестр межведомственных и внутриведомственных процессов ${GENITIVE}`);
  });

  test("the calendar's extra days and a document template: refused at the field when wrong, saved in the block when right", async () => {
    await playground.page.getByRole("tab", { name: "Настройки", exact: true }).click();
    const cycle = section().getByTestId("settings-cycle");
    await cycle.getByLabel("Дополнительные нерабочие дни").fill("04.05.2027; 31.02.2027");
    await cycle.getByLabel("Извещение подразделениям об утверждении реестра").fill("Об утверждении\nРеестр утвержден {номер_приказ}.");
    const before = await reference(playground);
    await section().getByRole("button", { name: "Сохранить в книгу" }).click();
    await section().getByText("Исправьте календарь или шаблоны документов: ошибки показаны у полей.").waitFor();
    await cycle.getByText("Не даты: «31.02.2027». Укажите даты в виде ДД.ММ.ГГГГ через «;».").waitFor();
    await cycle.getByText(/^Неизвестная подстановка «\{номер_приказ\}»/).waitFor();
    expect(await reference(playground)).toEqual(before);

    await cycle.getByLabel("Дополнительные нерабочие дни").fill("04.05.2027");
    await cycle.getByLabel("Дополнительные рабочие дни").fill("13.11.2027");
    await cycle.getByLabel("Извещение подразделениям об утверждении реестра").fill("Об утверждении\nРеестр утвержден приказом № {номер_приказа}.");
    await section().getByRole("button", { name: "Сохранить в книгу" }).click();
    await section().getByText("Настройки сохранены; списки и названия процессов в реестре обновлены.").waitFor({ timeout: 60_000 });
    await playground.screenshot("settings-cycle-320");
    const saved = await reference(playground);
    expect(saved.pairs).toMatchObject({
      "Нерабочие дни (дополнительно к календарю)": "04.05.2027",
      "Рабочие дни (дополнительно к календарю)": "13.11.2027",
      "Шаблон извещения подразделениям": "Об утверждении\nРеестр утвержден приказом № {номер_приказа}.",
    });
    // The register's own settings are as the previous save left them.
    expect(saved.pairs["Код органа"]).toBe("АС");
  });

  test("renaming a unit offers to rename it in column 7", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Настройки", exact: true }).click();
    await section().getByLabel("Структурные подразделения, 2").waitFor();
    await section().getByLabel("Структурные подразделения, 2").fill("Отдел кадровой работы");
    await section().getByRole("button", { name: "Сохранить в книгу" }).click();
    const offer = section().getByTestId("settings-rename-offer");
    await offer.getByText(/в строках: 1\./).waitFor({ timeout: 60_000 });
    await offer.getByRole("button", { name: "Переименовать в графе 7" }).click();
    await section().getByText("В графе 7 переименовано ячеек: 1.").waitFor({ timeout: 60_000 });
    const units = await playground.sim((sim, arg: { sheet: string; row: number }) => [0, 1].map((i) => String(sim.workbook.sheet(arg.sheet).textAt(arg.row + i, 6))), {
      sheet: REGISTER_SHEET_NAME,
      row: templateGeometry().firstDataRow - 1,
    });
    expect(units).toContain("Отдел кадровой работы");
  });

  test("nothing left the machine and the page raised no errors", () => {
    expect(externalRequests(playground.requests)).toEqual([]);
    expect(playground.pageErrors).toEqual([]);
  });
});
