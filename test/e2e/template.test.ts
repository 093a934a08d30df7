/**
 * The pane creates the register template in the playground (simulated Excel at ExcelApi 1.8, as Office 2019), the
 * settings form changes the process names, and picking a process fills column 5. Screenshots go to test-artifacts/.
 */
import { processLabel, typicalProcesses } from "../../src/core/typical-list";
import { externalRequests, startPlayground, type Playground } from "./harness";

jest.setTimeout(300_000);

const REGISTER = "Реестр процессов";
const REFERENCE = "Справочники";

describe("template from the pane (playground, ExcelApi 1.8)", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({ api: "1.8" });
  });

  afterAll(async () => {
    await playground?.close();
  });

  test("one click creates the register with dropdowns, marks and a very hidden reference sheet", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Шаблон", exact: true }).click();
    await page.getByRole("button", { name: "Создать реестр по шаблону" }).click();
    await page.getByText(`Лист «${REGISTER}» создан по шаблону.`).waitFor({ timeout: 60_000 });
    // At 1.8 the print settings cannot be set from an add-in: the pane says so instead of failing.
    await page.getByText(/Параметры печати листа/).first().waitFor();
    // Focus moves to the result's heading; the empty settings are listed, each a link to its field.
    await page.waitForFunction(() => document.activeElement?.tagName === "H3" && document.activeElement.textContent === "Результат");
    const missing = page.getByTestId("template-missing");
    expect(await missing.getByRole("button").allInnerTexts()).toEqual(["Наименование органа", "Код органа для идентификаторов", "Структурные подразделения"]);
    const state = await playground.sim(
      (sim, names: { register: string; reference: string }) => {
        const register = sim.workbook.sheet(names.register);
        return {
          active: sim.workbook.activeSheet.name,
          referenceVisibility: sim.workbook.sheet(names.reference).visibility,
          validations: register.validations.map((v: { address: string; rule: { list?: { source: string } } }) => [v.address, v.rule.list?.source ?? ""]),
          marks: register.conditionalFormats.length,
          header: register.textAt(2, 0),
        };
      },
      { register: REGISTER, reference: REFERENCE },
    );
    expect(state.active).toBe(REGISTER);
    expect(state.referenceVisibility).toBe("VeryHidden");
    expect(state.validations.map(([address]: string[]) => address.replace(/\d+/g, "")).sort()).toEqual(["E:E", "F:F", "G:G", "H:H", "I:I", "N:N", "O:O"]);
    expect(state.validations.find(([address]: string[]) => address.startsWith("F"))[1]).toMatch(/OFFSET\(Процессы,MATCH\(\$E5,ПроцессыНаправления,0\)-1/);
    expect(state.marks).toBe(5);
    expect(state.header).toBe("Идентификатор процесса*");
    await page.getByTestId("sheet-tab").filter({ hasText: REGISTER }).waitFor();
    await playground.screenshot("template-created");
  });

  test("picking a process in column 6 fills the direction and proposes the value", async () => {
    const process = typicalProcesses().find((p) => p.code === "3.1")!;
    await playground.sim((sim, arg: { name: string; label: string }) => sim.userEdit(arg.name, "F5", [[arg.label]]), { name: REGISTER, label: processLabel(process) });
    await playground.page.locator('[data-cell="E5"]').filter({ hasText: "Рассмотрение обращений и запросов" }).waitFor({ timeout: 30_000 });
    const value = await playground.sim((sim, name: string) => sim.workbook.sheet(name).textAt(4, 9) as string, REGISTER);
    expect(value).toBe(process.value);
    await playground.screenshot("template-autofill");
  });

  test("the settings form saves the agency; the typical list's names follow it", async () => {
    const { page } = playground;
    // The template's link opens «Настройки» at the (empty) units list: its «add» button has the focus.
    await page.getByTestId("template-missing").getByRole("button", { name: "Структурные подразделения" }).click();
    await page.waitForFunction(() => document.activeElement?.id === "settings-field-units", undefined, { timeout: 30_000 });
    await page.getByLabel("Наименование органа в родительном падеже").fill("Архивной службы Республики Северная Осетия-Алания");
    for (const [index, unit] of ["Отдел комплектования", "Отдел использования"].entries()) {
      await page.getByRole("button", { name: "Добавить: Структурные подразделения" }).click();
      await page.getByLabel(`Структурные подразделения, ${index + 1}`).fill(unit);
    }
    await page.getByRole("button", { name: "Сохранить в книгу" }).click();
    await page.getByText("Настройки сохранены; списки и названия процессов в реестре обновлены.").waitFor({ timeout: 60_000 });
    const reference = await playground.sim((sim, name: string) => {
      const sheet = sim.workbook.sheet(name);
      const rows: string[] = [];
      for (let r = 0; r < 45; r++) rows.push(sheet.textAt(r, 2) as string);
      return { processes: rows, units: [sheet.textAt(1, 11), sheet.textAt(2, 11)] };
    }, REFERENCE);
    expect(reference.processes.some((label: string) => label.includes("Архивной службы Республики Северная Осетия-Алания"))).toBe(true);
    expect(reference.units).toEqual(["Отдел комплектования", "Отдел использования"]);
    await playground.screenshot("template-settings");
  });

  test("nothing left the machine and the page raised no errors", () => {
    expect(externalRequests(playground.requests)).toEqual([]);
    expect(playground.pageErrors).toEqual([]);
  });
});
