/**
 * Checking the register in the browser: the playground (simulated Excel at ExcelApi 1.8, as Office 2019) gets the template, typed and
 * pasted bad values; «Проверить реестр» lists them; clicking an issue selects its cell; fixes are applied and the
 * re-check no longer shows what they fixed; the automatic re-check follows edits. Screenshots go to test-artifacts/.
 */
import { findRegister } from "../../src/core/read-register";
import { buildCatalog } from "../../src/core/catalog";
import { validateRegister } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { processLabel, typicalProcesses } from "../../src/core/typical-list";
import { externalRequests, startPlayground, type Playground } from "./harness";

jest.setTimeout(300_000);

const REGISTER = "Реестр процессов";
const AGENCY_CODE = "017";
const WAIT = { timeout: 60_000 };

const process31 = processLabel(typicalProcesses().find((p) => p.code === "3.1")!);

/** Columns A–O are register columns 1–15 in the template. */
function registerRow(values: Partial<Record<number, string>>): string[] {
  return Array.from({ length: 15 }, (_, i) => values[i + 1] ?? "");
}

/** Rows 5–8 pasted in one block (paste bypasses the dropdowns' validation, as in Excel). */
const PASTED = [
  registerRow({ 1: "017-3.1-01", 3: "Рассмотрение обращений граждан", 6: process31, 7: "Отдел использования", 8: "Неизвестный статус", 9: "Внешний", 14: "Не цифровой" }),
  registerRow({ 3: "Прием запросов", 6: process31.toUpperCase().replace(/Е/g, "Ё"), 7: "Отдел использования", 8: "идёт исследование", 9: "внешний", 14: "Не цифровой" }),
  registerRow({ 6: "<b>x</b>", 7: "Отдел использования", 8: "Сертифицирован", 9: "Внутренний", 14: "Не цифровой" }),
  registerRow({ 3: "Консультирование", 6: process31, 7: "Отдел использования", 8: "Сертифицирован", 9: "Внешний", 14: "Не цифровой" }),
];

interface SimSelection {
  sheet: string;
  box: { r0: number; c0: number; r1: number; c1: number };
}

describe("register check in the pane (playground, ExcelApi 1.8)", () => {
  let playground: Playground;

  const issue = (address: string) => playground.page.locator(`[data-testid="validation-issue"][data-address="${address}"]`);
  const textAt = (address: string) =>
    playground.sim((sim, arg: { sheet: string; address: string }) => {
      const column = arg.address.charCodeAt(0) - 65;
      const row = Number(arg.address.slice(1)) - 1;
      return sim.workbook.sheet(arg.sheet).textAt(row, column) as string;
    }, { sheet: REGISTER, address });
  const selection = () =>
    playground.sim((sim): SimSelection => ({ sheet: sim.workbook.activeSheet.name, box: { ...sim.workbook.activeSheet.selection } }));

  /** What the core's rules say about the sheet as it is now (the ground truth for the pane's summary). */
  const expectedIssues = async () => {
    const rows = await playground.sim((sim, sheet: string) => {
      const out: string[][] = [];
      for (let r = 0; r < 12; r++) {
        const row: string[] = [];
        for (let c = 0; c < 16; c++) row.push(String(sim.workbook.sheet(sheet).textAt(r, c) ?? ""));
        out.push(row);
      }
      return out;
    }, REGISTER);
    const table = findRegister([{ name: REGISTER, rows }])!;
    return validateRegister(table, buildCatalog({ ...DEFAULT_SETTINGS, agencyCode: AGENCY_CODE }));
  };

  beforeAll(async () => {
    playground = await startPlayground({ api: "1.8" });
  });

  afterAll(async () => {
    await playground?.close();
  });

  test("template, agency code, then typed and pasted bad values", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Шаблон", exact: true }).click();
    await page.getByRole("button", { name: "Создать реестр по шаблону" }).click();
    await page.getByText(`Лист «${REGISTER}» создан по шаблону.`).waitFor(WAIT);

    await page.getByRole("tab", { name: "Настройки", exact: true }).click();
    await page.getByLabel("Код органа для идентификаторов").fill(AGENCY_CODE);
    await page.getByRole("button", { name: "Сохранить в книгу" }).click();
    await page.getByText("Настройки сохранены; списки и названия процессов в реестре обновлены.").waitFor(WAIT);

    const pasted = await playground.sim((sim, arg: { sheet: string; rows: string[][] }) => sim.userEdit(arg.sheet, "A5:O8", arg.rows, { paste: true }), {
      sheet: REGISTER,
      rows: PASTED,
    });
    expect(pasted.accepted).toBe(true);
    // Typed: the same ID again in row 6 (column A has no dropdown).
    const typed = await playground.sim((sim, sheet: string) => sim.userEdit(sheet, "A6", [["017-3.1-01"]]), REGISTER);
    expect(typed.accepted).toBe(true);
    expect(await textAt("H6")).toBe("идёт исследование");
  });

  test("«Проверить реестр» shows the summary and every issue, cell text literally", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Проверка", exact: true }).click();
    await page.getByRole("button", { name: "Проверить реестр" }).click();
    const summary = page.getByTestId("validation-summary");
    await summary.waitFor(WAIT);

    const expected = await expectedIssues();
    const errors = expected.filter((i) => i.severity === "error").length;
    const warnings = expected.length - errors;
    expect(errors).toBeGreaterThanOrEqual(6);
    expect(await summary.innerText()).toContain(`Ошибок: ${errors}, предупреждений: ${warnings}; проверено 4 строки, лист «${REGISTER}».`);

    // The unknown status, the duplicated ID (both rows), the missing mandatory cells and the unknown process.
    for (const address of ["H5", "A5", "A6", "A7", "C7", "F7", "A8"]) await issue(address).first().waitFor(WAIT);
    expect(await issue("H5").innerText()).toMatch(/Ошибка · Строка 5 · H5 · Статус/);
    expect(await issue("A7").first().innerText()).toContain("Идентификатор процесса");

    // «<b>x</b>» typed into a cell is shown as text, never as markup.
    expect(await issue("F7").innerText()).toContain("«<b>x</b>»");
    expect(await issue("F7").locator("b").count()).toBe(0);

    // Grouped by rule: the header of «Процесс не из типового перечня» is there, and collapsing it hides F7.
    const group = page.locator('[data-group="rule:unknown-process"]');
    await group.click();
    expect(await group.getAttribute("aria-expanded")).toBe("false");
    expect(await issue("F7").count()).toBe(0);
    await group.click();
    await issue("F7").waitFor();

    // By row: «Строка 7» lists its three issues.
    await page.getByRole("radio", { name: "по строкам" }).check();
    await page.locator('[data-group="row:7"]').waitFor();
    expect(await page.locator('[data-group="row:7"]').innerText()).toContain("3 ошибки");
    await page.getByRole("radio", { name: "по правилам" }).check();
    await page.locator('[data-group="rule:required"]').waitFor();
    await playground.screenshot("validation-results");
  });

  test("clicking an issue, or Enter on it, selects its cell in the sheet", async () => {
    const { page } = playground;
    await playground.sim((sim, sheet: string) => sim.userSelect(sheet, "B2"), REGISTER);
    await issue("F7").click();
    await page.waitForFunction(() => {
      const sheet = (window as any).__sim.workbook.activeSheet;
      return sheet.selection.r0 === 6 && sheet.selection.c0 === 5;
    }, undefined, WAIT);
    expect(await selection()).toEqual({ sheet: REGISTER, box: { r0: 6, c0: 5, r1: 6, c1: 5 } });

    // Keyboard: Home, ↓ onto the first issue of the first group, Enter.
    const list = page.getByTestId("validation-issue-list");
    await list.focus();
    await list.press("Home");
    await list.press("ArrowDown");
    const activeId = await list.getAttribute("aria-activedescendant");
    const address = await page.locator(`[id="${activeId}"]`).getAttribute("data-address");
    expect(address).toMatch(/^[A-O]\d+$/);
    await list.press("Enter");
    const column = address!.charCodeAt(0) - 65;
    const row = Number(address!.slice(1)) - 1;
    await page.waitForFunction(
      (target) => {
        const sheet = (window as any).__sim.workbook.activeSheet;
        return sheet.selection.r0 === target.row && sheet.selection.c0 === target.column;
      },
      { row, column },
      WAIT,
    );
  });

  test("fixes: canonical values and missing IDs are applied, and the re-check no longer shows them", async () => {
    const { page } = playground;
    const canonical = page.getByTestId("fix-canonical-values");
    await canonical.waitFor(WAIT);
    expect(await canonical.innerText()).toContain("H6: «идёт исследование» → «Идет исследование»");
    await canonical.getByRole("button", { name: /^Применить/ }).click();
    await canonical.waitFor({ state: "detached", ...WAIT });
    expect(await textAt("H6")).toBe("Идет исследование");
    expect(await textAt("I6")).toBe("Внешний");

    const ids = page.getByTestId("fix-assign-ids");
    await ids.waitFor(WAIT);
    expect(await ids.innerText()).toMatch(/A8: \(пусто\) → «017-3\.1-\d+»/);
    await ids.getByRole("button", { name: /^Применить/ }).click();
    await ids.waitFor({ state: "detached", ...WAIT });
    expect(await textAt("A8")).toMatch(/^017-3\.1-\d+$/);
    expect(await textAt("A8")).not.toBe("017-3.1-01");
    // The re-check ran by itself: A8 no longer lacks its ID, the summary matches the rules again.
    await issue("A8").waitFor({ state: "detached", ...WAIT });
    const expected = await expectedIssues();
    const errors = expected.filter((i) => i.severity === "error").length;
    await page.getByTestId("validation-summary").filter({ hasText: `Ошибок: ${errors},` }).waitFor(WAIT);
    await issue("H5").waitFor();
  });

  test("automatic re-check: an edit updates the list without a click", async () => {
    const { page } = playground;
    const autoSwitch = page.getByRole("switch", { name: "Проверять автоматически после изменений" });
    await autoSwitch.check();
    await page.getByText(`Лист «${REGISTER}» проверяется заново`).waitFor(WAIT);

    // Typed: a valid status replaces the unknown one in H5; pasted: a bad status into H8.
    const typed = await playground.sim((sim, sheet: string) => sim.userEdit(sheet, "H5", [["Сертифицирован"]]), REGISTER);
    expect(typed.accepted).toBe(true);
    await playground.sim((sim, sheet: string) => sim.userEdit(sheet, "H8:I8", [["Плохой статус", "Внешний"]], { paste: true }), REGISTER);
    await issue("H8").waitFor(WAIT);
    await issue("H5").waitFor({ state: "detached", ...WAIT });
    await page.getByText(/Перепроверено автоматически в/).waitFor(WAIT);
    await playground.screenshot("validation-auto");

    await autoSwitch.uncheck();
  });

  test("nothing left the machine and the page raised no errors", () => {
    expect(externalRequests(playground.requests)).toEqual([]);
    expect(playground.pageErrors).toEqual([]);
  });
});
