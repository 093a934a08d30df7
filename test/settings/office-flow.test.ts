/**
 * The agency's settings through the office adapter on the simulator (ExcelApi 1.8 and the newest level): the template
 * offers the agency's own process and statuses; the pane's merge into a workbook without settings writes them; the
 * merged register checks clean; the appendix shows the own process apart; the publication carries the agency.
 */
import { buildAppendixInExcel, publicationFromExcel } from "../../src/adapters/office/appendix";
import { readMergeWorkbookState, writeMergeSheets } from "../../src/adapters/office/merge";
import { readSettings, renameUnitsInRegister, saveSettings } from "../../src/adapters/office/settings";
import { createOrUpgradeTemplate } from "../../src/adapters/office/template";
import { checkRegister } from "../../src/adapters/office/validation";
import { LIST_NAMES, REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { planMerge } from "../../src/core/layout/merge-sheets";
import { REGISTER_SHEET_NAME, templateGeometry } from "../../src/core/layout/template";
import { AGENCY_PROCESSES_HEADING, TYPICAL_LIST_SHEET_NAME } from "../../src/core/layout/typical-list-appendix";
import { registerFromSheets } from "../../src/core/merge";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { resolveSettings } from "../../src/core/settings-sources";
import { NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";
import { registerSheets } from "../appendix/helpers";
import { AGENCY, AGENCY_GENITIVE, OWN_PROCESS, agencyRows } from "./helpers";

type Sim = ReturnType<typeof createExcelSimulator>;

function run<T>(sim: Sim, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

function columnText(sim: Sim, sheet: string, column: number, rows: number): string[] {
  const target = sim.workbook.sheet(sheet);
  return Array.from({ length: rows }, (_, r) => String(target.textAt(r, column)));
}

const OWN_LABEL = `${OWN_PROCESS.code}. ${OWN_PROCESS.name}`;

describe.each(["1.8", NEWEST_API_VERSION])("settings through the simulator at ExcelApi %s", (level) => {
  test("template: the dropdowns' names hold the agency's statuses and its own process; hidden typical ones are left out", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, (context) => createOrUpgradeTemplate(context, { settings: { ...AGENCY, hiddenProcesses: ["1.2"] }, apiLevel: level }));
    const names = new Map(sim.workbook.names.map((name) => [name.name, name.formula]));
    expect(names.get(LIST_NAMES.statuses)).toMatch(/\$H\$2:\$H\$3$/);
    expect(names.get(LIST_NAMES.processes)).toMatch(/\$C\$2:\$C\$39$/);
    const processes = columnText(sim, REFERENCE_SHEET_NAME, 2, 39);
    expect(processes).toContain(OWN_LABEL);
    expect(processes.some((label) => label.startsWith("1.2. "))).toBe(false);
    expect(columnText(sim, REFERENCE_SHEET_NAME, 7, 3)).toEqual(["Статусы", "В работе", "Завершен"]);
  });

  test("saving edited lists rewrites the named lists the dropdowns use; renaming a unit is carried to column 7 on request", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, (context) => createOrUpgradeTemplate(context, { settings: AGENCY, apiLevel: level }));
    const rows = agencyRows(3);
    const geometry = templateGeometry();
    await run(sim, async (context) => {
      const range = context.workbook.worksheets.getItem(REGISTER_SHEET_NAME).getRangeByIndexes(geometry.firstDataRow - 1, 0, rows.length, 15);
      range.numberFormat = rows.map((row) => row.map(() => "@"));
      range.values = rows;
      await context.sync();
    });
    const renamed = { ...AGENCY, statuses: ["В работе", "Завершен", "Приостановлен"], units: AGENCY.units.map((unit) => (unit === "Отдел кадров" ? "Отдел кадровой работы" : unit)) };
    await run(sim, (context) => saveSettings(context, renamed, { apiLevel: level, hasTemplate: true }));
    expect(sim.workbook.names.find((name) => name.name === LIST_NAMES.statuses)!.formula).toMatch(/\$H\$2:\$H\$4$/);
    expect(columnText(sim, REFERENCE_SHEET_NAME, 7, 4)).toEqual(["Статусы", "В работе", "Завершен", "Приостановлен"]);
    expect((await run(sim, (context) => readSettings(context))).settings.statuses).toEqual(renamed.statuses);

    const renames = [{ from: "Отдел кадров", to: "Отдел кадровой работы" }];
    const offer = await run(sim, (context) => renameUnitsInRegister(context, renames, { apply: false }));
    expect(offer.rows).toBe(1);
    expect(columnText(sim, REGISTER_SHEET_NAME, 6, geometry.firstDataRow + 2)).toContain("Отдел кадров");
    const done = await run(sim, (context) => renameUnitsInRegister(context, renames, { apply: true }));
    expect(done).toMatchObject({ changed: 1, skipped: 0 });
    const units = columnText(sim, REGISTER_SHEET_NAME, 6, geometry.firstDataRow + 2);
    expect(units).toContain("Отдел кадровой работы");
    expect(units).not.toContain("Отдел кадров");
  });

  test("broken settings are refused before anything is written", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, (context) => createOrUpgradeTemplate(context, { settings: AGENCY, apiLevel: level }));
    const before = columnText(sim, REFERENCE_SHEET_NAME, 7, 3);
    await expect(run(sim, (context) => saveSettings(context, { ...AGENCY, statuses: [] }, { apiLevel: level, hasTemplate: true }))).rejects.toThrow(/^Настройки не сохранены: Список не может быть пустым/);
    await expect(
      run(sim, (context) => saveSettings(context, { ...AGENCY, agencyProcesses: [OWN_PROCESS, OWN_PROCESS] }, { apiLevel: level, hasTemplate: true })),
    ).rejects.toThrow(/Код 1.10 уже у другого процесса органа/);
    expect(columnText(sim, REFERENCE_SHEET_NAME, 7, 3)).toEqual(before);
  });

  test("merge into a workbook without settings → check → appendix → publication: the agency's settings survive", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    const files = [
      { file: "отдел-1.xlsx", sheets: registerSheets(agencyRows(3, "АС-1"), AGENCY) },
      { file: "отдел-2.xlsx", sheets: registerSheets(agencyRows(2, "АС-2"), AGENCY) },
    ];
    const state = await run(sim, (context) => readMergeWorkbookState(context));
    expect(state.settings).toBeNull();
    const resolution = resolveSettings({ explicit: null, previous: null, inputs: files.map((f) => ({ file: f.file, settings: AGENCY })), defaults: DEFAULT_SETTINGS });
    const plan = planMerge({
      inputs: files.map((f) => ({ file: f.file, result: registerFromSheets(f.sheets) })),
      settings: resolution.settings,
      date: "15.01.2024",
      settingsResolution: resolution,
      writeSettings: true,
    });
    await run(sim, (context) => writeMergeSheets(context, plan.layout, { existingMergeSheets: [], apiLevel: level }));
    const stored = (await run(sim, (context) => readSettings(context))).settings;
    expect(stored.statuses).toEqual(AGENCY.statuses);
    expect(stored.agencyProcesses).toEqual([OWN_PROCESS]);

    const check = await run(sim, (context) => checkRegister(context, { apiLevel: level, mark: false }));
    expect(check.issues.filter((issue) => issue.severity === "error")).toEqual([]);

    const built = await run(sim, (context) =>
      buildAppendixInExcel(context, { order: { orderNumber: "7", orderDate: "15.01.2024" }, includeTypicalList: true, apiLevel: level }),
    );
    expect(built.ok).toBe(true);
    const typical = columnText(sim, TYPICAL_LIST_SHEET_NAME, 0, 60).concat(columnText(sim, TYPICAL_LIST_SHEET_NAME, 2, 60));
    expect(typical).toContain(AGENCY_PROCESSES_HEADING);
    expect(typical).toContain(OWN_LABEL);

    const html = await run(sim, (context) => publicationFromExcel(context, "html"));
    expect(html!.text).toContain(`<title>Реестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}</title>`);
    expect(html!.text).toContain(`<caption>Приложение № 1 к приказу ${AGENCY_GENITIVE} от 15.01.2024 № 7</caption>`);
    expect(html!.text).toContain(OWN_PROCESS.name);
    const csv = await run(sim, (context) => publicationFromExcel(context, "csv"));
    expect(csv!.text.split("\r\n")[0]).toBe(`\uFEFFРеестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}`);
    expect(csv!.text).toContain("В работе");
  });
});
