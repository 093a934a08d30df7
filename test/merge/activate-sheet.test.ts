/** «Открыть лист «Отчет о сведении»»: the pane's links to the result sheets, through the Office.js adapter. */
import { activateSheet } from "../../src/adapters/office/sheets";
import { NEWEST_API_VERSION, createExcelSimulator, type ExcelSimulator } from "../../src/simulator";

function run<T>(sim: ExcelSimulator, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

async function workbookWith(apiVersion: string, sheets: string[]): Promise<ExcelSimulator> {
  const sim = createExcelSimulator({ apiVersion, platform: "PC" });
  await run(sim, async (context) => {
    for (const name of sheets) context.workbook.worksheets.add(name);
    await context.sync();
  });
  return sim;
}

describe.each(["1.8", NEWEST_API_VERSION])("activating a result sheet at ExcelApi %s", (level) => {
  test("the sheet becomes active in two syncs, however many sheets the workbook has", async () => {
    for (const count of [2, 40]) {
      const names = Array.from({ length: count }, (_, i) => `Лист ${i + 1}`);
      const sim = await workbookWith(level, [...names, "Отчет о сведении"]);
      await run(sim, (context) => activateSheet(context, names[0]));
      sim.stats.reset();
      await run(sim, (context) => activateSheet(context, "Отчет о сведении"));
      expect(sim.workbook.activeSheet.name).toBe("Отчет о сведении");
      expect(sim.stats.syncs - sim.stats.releases).toBe(2);
    }
  });

  test("a sheet renamed or deleted since is named in a Russian message, and nothing changes", async () => {
    const sim = await workbookWith(level, ["Сводный реестр"]);
    await run(sim, (context) => activateSheet(context, "Сводный реестр"));
    await expect(run(sim, (context) => activateSheet(context, "Журнал изменений"))).rejects.toThrow("Лист «Журнал изменений» не найден: его переименовали или удалили.");
    expect(sim.workbook.activeSheet.name).toBe("Сводный реестр");
  });
});
