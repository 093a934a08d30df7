import ExcelJS from "exceljs";
import { renderLayout } from "../../src/adapters/office/render-layout";
import { createExcelSimulator } from "../../src/simulator";
import { buildFixtureLayout, REFERENCE_SHEET, REGISTER_SHEET } from "../support/layout-fixture";

async function saved(sim: ReturnType<typeof createExcelSimulator>): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await sim.saveXlsx()) as unknown as ArrayBuffer);
  return workbook;
}

const conditionalCount = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length;

test("replacing a sheet keeps its tab position and leaves other sheets and the user's data alone", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.12" });
  await sim.Excel.run(async (context: Excel.RequestContext) => {
    const sheets = context.workbook.worksheets;
    sheets.getItem("Sheet1").getRange("A1").values = [["данные пользователя"]];
    sheets.add(REGISTER_SHEET).getRange("Z99").values = [["старое"]];
    sheets.add("Последний").getRange("B2").values = [[42]];
    await context.sync();
  });
  const layout = buildFixtureLayout(2);
  const report = await sim.Excel.run((context: Excel.RequestContext) =>
    renderLayout(context, { sheets: [{ ...layout.sheets[0], validations: [] }] }, { apiLevel: "1.12", replaceSheets: true }),
  );
  expect(report.syncs).toBe(2);
  const workbook = await saved(sim);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["Sheet1", REGISTER_SHEET, "Последний"]);
  expect(workbook.getWorksheet(REGISTER_SHEET)!.getCell("Z99").value).toBeNull();
  expect(workbook.getWorksheet(REGISTER_SHEET)!.getCell("A7").value).toBe("=1+1");
  expect(workbook.getWorksheet("Sheet1")!.getCell("A1").value).toBe("данные пользователя");
  expect(workbook.getWorksheet("Последний")!.getCell("B2").value).toBe(42);
});

test("rendering twice onto the same sheets changes nothing: no duplicated rules, names re-pointed, same syncs", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  const layout = buildFixtureLayout(4);
  const first = await sim.Excel.run((context: Excel.RequestContext) => renderLayout(context, layout, { apiLevel: "1.8" }));
  const once = await saved(sim);
  const second = await sim.Excel.run((context: Excel.RequestContext) => renderLayout(context, layout, { apiLevel: "1.8" }));
  const twice = await saved(sim);
  expect(second.syncs).toBe(first.syncs);
  expect(conditionalCount(twice.getWorksheet(REGISTER_SHEET)!)).toBe(conditionalCount(once.getWorksheet(REGISTER_SHEET)!));
  expect(conditionalCount(twice.getWorksheet(REGISTER_SHEET)!)).toBe(2);
  expect(twice.definedNames.model).toEqual(once.definedNames.model);
  expect(twice.getWorksheet(REGISTER_SHEET)!.getSheetValues()).toEqual(once.getWorksheet(REGISTER_SHEET)!.getSheetValues());
  expect(twice.getWorksheet(REFERENCE_SHEET)!.state).toBe("veryHidden");
});

test("at ExcelApi 1.8 print settings are skipped with a Russian note and nothing else is lost", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  const report = await sim.Excel.run((context: Excel.RequestContext) => renderLayout(context, buildFixtureLayout(2), { apiLevel: "1.8" }));
  expect(report.skipped).toEqual([expect.stringMatching(/^Параметры печати листа «Реестр процессов» \(альбомная ориентация, бумага A3/)]);
  const workbook = await saved(sim);
  const register = workbook.getWorksheet(REGISTER_SHEET)!;
  expect(register.pageSetup.orientation).not.toBe("landscape");
  expect(register.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
  expect(workbook.definedNames.model.map((n) => n.name)).toEqual(expect.arrayContaining(["Процессы", "Статусы", "Направления"]));
});

test("below ExcelApi 1.8 the dropdowns are reported as skipped, not failed", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.7" });
  const report = await sim.Excel.run((context: Excel.RequestContext) => renderLayout(context, buildFixtureLayout(1), { apiLevel: "1.7" }));
  expect(report.skipped.some((note) => note.startsWith("Выпадающие списки на листе «Реестр процессов» не созданы"))).toBe(true);
  expect(report.syncs).toBe(2);
});

test("the host's requirement sets are used when no level is given", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.9" });
  const report = await sim.Excel.run((context: Excel.RequestContext) =>
    renderLayout(context, buildFixtureLayout(1), { supports: (version) => sim.Office.context.requirements.isSetSupported("ExcelApi", version) }),
  );
  expect(report.skipped).toEqual([]);
  expect((await saved(sim)).getWorksheet(REGISTER_SHEET)!.pageSetup.orientation).toBe("landscape");
});
