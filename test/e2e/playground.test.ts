/** The pane renders in the playground beside the simulated grid, and nothing is fetched from outside the machine. */
import { externalRequests, startPlayground, type Playground } from "./harness";

jest.setTimeout(240_000);

const SECTION_TITLES = ["Сроки", "Шаблон", "Проверка", "Сведение файлов", "Приложение к приказу", "Обращения", "Настройки"];

describe("playground in Chromium", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground();
  });

  afterAll(async () => {
    await playground?.close();
  });

  test("the task pane renders with its heading and every section", async () => {
    const { page } = playground;
    await page.getByRole("heading", { name: "Реестр процессов", level: 1 }).waitFor();
    for (const title of SECTION_TITLES) {
      await page.getByRole("tab", { name: title, exact: true }).waitFor();
    }
    await page.getByRole("tab", { name: "Настройки", exact: true }).click();
    await page.locator('[data-section="settings"]:not([hidden])').waitFor();
    // The API level is an administrator's fact: folded away at the bottom of «Настройки», not in the header.
    expect(await page.locator("header").getByText(/API/).count()).toBe(0);
    await page.getByRole("button", { name: "Сведения для администратора" }).click();
    expect(await page.getByTestId("api-level").innerText()).toMatch(/^Excel API 1\.\d+$/);
    await playground.screenshot("playground-pane");
  });

  test("the grid draws the simulated workbook, and a user edit goes through the simulator", async () => {
    const { page } = playground;
    const sheetName = await playground.sim((sim) => sim.workbook.activeSheet.name as string);
    await page.getByTestId("sheet-tab").filter({ hasText: sheetName }).waitFor();
    await playground.sim((sim) => sim.userEdit(sim.workbook.activeSheet.name, "B2", [["<b>не HTML</b>", "1.10"]]));
    // The grid redraws on the next animation frame; then the markup must show as literal text.
    await page.locator('[data-cell="B2"]').filter({ hasText: "<b>не HTML</b>" }).waitFor();
    expect(await page.locator('[data-cell="B2"]').innerText()).toBe("<b>не HTML</b>");
    expect(await page.locator('[data-cell="B2"] b').count()).toBe(0);
    // Excel's coercion: "1.10" typed into a General cell becomes the number 1.1.
    await page.locator('[data-cell="C2"]').filter({ hasText: /^1\.1$/ }).waitFor();

    await page.locator('[data-cell="D4"]').dblclick();
    await page.getByTestId("cell-editor").fill("Ввод с клавиатуры");
    await page.getByTestId("cell-editor").press("Enter");
    const typed = await playground.sim((sim) => sim.workbook.activeSheet.textAt(3, 3) as string);
    expect(typed).toBe("Ввод с клавиатуры");
    await page.locator('[data-cell="D4"]').filter({ hasText: "Ввод с клавиатуры" }).waitFor();
    await playground.screenshot("playground-grid");
  });

  test("«Скачать .xlsx» saves the simulated workbook; very hidden sheets show only behind the switch", async () => {
    const { page } = playground;
    await playground.sim((sim) => {
      const hidden = sim.workbook.addSheet("Служебный");
      sim.workbook.setVisibility(hidden, "VeryHidden");
      sim.workbook.changed();
    });
    await page.getByTestId("sheet-tab").first().waitFor();
    expect(await page.getByTestId("sheet-tab").filter({ hasText: "Служебный" }).count()).toBe(0);
    await page.getByRole("switch", { name: "Показать скрытые служебные листы" }).click();
    await page.getByTestId("sheet-tab").filter({ hasText: "Служебный (служебный)" }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
    expect(download.suggestedFilename()).toBe("reestr-playground.xlsx");
    const file = await download.path();
    const bytes = require("node:fs").readFileSync(file) as Buffer;
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const ExcelJS = require("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const saved = workbook.worksheets.map((sheet: { name: string; state: string }) => [sheet.name, sheet.state]);
    expect(saved).toContainEqual(["Служебный", "veryHidden"]);
  });

  test("no request left 127.0.0.1 and the page raised no errors", async () => {
    expect(playground.requests.length).toBeGreaterThan(0);
    expect(externalRequests(playground.requests)).toEqual([]);
    expect(playground.pageErrors).toEqual([]);
  });
});

describe("playground at ExcelApi 1.8 (Office 2019)", () => {
  test("the API-level choice reloads the page with an older host", async () => {
    const playground = await startPlayground();
    try {
      await Promise.all([
        playground.page.waitForURL(/\?api=1\.8$/),
        playground.page.getByTestId("api-choice").selectOption("1.8"),
      ]);
      await playground.page.getByRole("tab", { name: "Настройки", exact: true }).click();
      await playground.page.getByRole("button", { name: "Сведения для администратора" }).click();
      await playground.page.getByTestId("api-level").filter({ hasText: "Excel API 1.8" }).waitFor();
      const supports = await playground.page.evaluate(() => [
        (window as any).Office.context.requirements.isSetSupported("ExcelApi", "1.8"),
        (window as any).Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
      ]);
      expect(supports).toEqual([true, false]);
    } finally {
      await playground.close();
    }
  });
});

describe("taskpane.html outside Excel", () => {
  test("loads office.js from its own origin and explains in Russian that it runs inside Excel", async () => {
    const playground = await startPlayground({ page: "taskpane.html" });
    try {
      const { page, requests } = playground;
      await page.getByText("Надстройка открыта вне Excel").waitFor({ timeout: 30_000 });
      expect(requests.some((url) => url.endsWith("/office.js"))).toBe(true);
      expect(externalRequests(requests)).toEqual([]);
      await playground.screenshot("taskpane-outside-excel");
    } finally {
      await playground.close();
    }
  });
});
