/**
 * Editing the calendar's extra days and the documents' templates: checked in plain Russian (core), written back through
 * Office.js on the simulator (ExcelApi 1.8 and newest, both client builds) in a constant number of round trips, every
 * other pair of the settings block kept, and read back by the calendar and the documents.
 */
import { readCycleSettings, saveCycleSettings } from "../../src/adapters/office/cycle-settings";
import { renderLayout } from "../../src/adapters/office/render-layout";
import { readSheetsTextWithReport } from "../../src/adapters/office/read-sheets";
import { checkCycleField, planCycleSettingsWrites } from "../../src/core/cycle-settings-edit";
import { cycleSettingsFromSheets } from "../../src/core/cycle-settings";
import { buildCatalog } from "../../src/core/catalog";
import { buildReferenceSheet, REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { DEFAULT_SETTINGS, settingsFromPairs, findSettingsPairs } from "../../src/core/settings";
import { NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";

type Sim = ReturnType<typeof createExcelSimulator>;

function run<T>(sim: Sim, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

const SETTINGS = { ...DEFAULT_SETTINGS, agencyName: "Архивная служба", agencyCode: "017", units: ["Отдел кадров", "Юридический отдел"] };

describe("checking the values", () => {
  test("dates: ДД.ММ.ГГГГ or ISO, sorted, repeats dropped; anything else named in plain Russian", () => {
    expect(checkCycleField("nonWorking", "05.11.2027; 2027-11-04\n05.11.2027")).toEqual({ value: "04.11.2027; 05.11.2027", problems: [] });
    const bad = checkCycleField("working", "13.11.2027; 31.02.2027; суббота");
    expect(bad.problems).toEqual([
      "«31.02.2027» — не дата. Пишите даты так: 04.11.2027; несколько дат — через «;».",
      "«суббота» — не дата. Пишите даты так: 04.11.2027; несколько дат — через «;».",
    ]);
    expect(checkCycleField("confirmedYears", "2027; 27").problems).toEqual(["«27» — не год. Укажите год четырьмя цифрами, например 2027."]);
  });

  test("templates: an unknown placeholder is refused, known ones pass, an empty template means the built-in one", () => {
    expect(checkCycleField("notice", "Извещение\nРеестр {орган} утвержден приказом {номер_приказа}.").problems).toEqual([]);
    expect(checkCycleField("notice", "Реестр {органа}").problems[0]).toMatch(/^В шаблоне неизвестная подстановка «\{органа\}»/);
    expect(checkCycleField("order", "")).toEqual({ value: "", problems: [] });
  });

  test("nothing is planned while one field is wrong", () => {
    const { sheet } = buildReferenceSheet(SETTINGS, buildCatalog(SETTINGS));
    const rows: string[][] = [];
    for (const block of sheet.blocks) block.values.forEach((values, r) => (rows[block.row - 1 + r] = values.map((v) => (v === null ? "" : String(v)))));
    const text = { name: REFERENCE_SHEET_NAME, rows: Array.from(rows, (row) => row ?? []) };
    const plan = planCycleSettingsWrites(text, { nonWorking: "04.11.2027", notice: "{нет}" });
    expect(plan).toEqual({ ok: false, problems: { notice: [expect.stringMatching(/неизвестная подстановка/)] } });
  });
});

describe.each(["1.8", NEWEST_API_VERSION])("saving through Office.js, ExcelApi %s", (level) => {
  test("2 + 1 round trips for 1 date or 300; the register settings kept; the calendar and templates read back", async () => {
    const counts: number[] = [];
    for (const count of [1, 300]) {
      const sim = createExcelSimulator({ apiVersion: level });
      const { sheet, names } = buildReferenceSheet(SETTINGS, buildCatalog(SETTINGS));
      await run(sim, (context) => renderLayout(context, { sheets: [sheet], names }, { apiLevel: level }));
      const start = Date.UTC(2027, 0, 1);
      const dates = Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10)).join("; ");
      sim.stats.reset();
      const saved = await run(sim, (context) =>
        saveCycleSettings(context, { nonWorking: dates, working: "13.11.2027", confirmedYears: "2027", notice: "Извещение\n=Реестр {орган} утвержден." }),
      );
      expect(saved).toMatchObject({ ok: true, changed: ["nonWorking", "working", "confirmedYears", "notice"] });
      counts.push(sim.stats.syncs - sim.stats.releases);

      const read = await run(sim, (context) => readSheetsTextWithReport(context, { sheetNames: [REFERENCE_SHEET_NAME] }));
      const cycle = cycleSettingsFromSheets(read.sheets, REFERENCE_SHEET_NAME);
      expect(cycle.problems).toEqual([]);
      expect(cycle.calendar.nonWorking).toHaveLength(count);
      expect(cycle.calendar.working).toEqual(["2027-11-13"]);
      expect(cycle.calendar.confirmedYears).toEqual([2027]);
      // Text that looks like a formula stays text.
      expect(cycle.templates.notice).toBe("Извещение\n=Реестр {орган} утвержден.");
      const reference = read.sheets.find((candidate) => candidate.name === REFERENCE_SHEET_NAME)!;
      expect(settingsFromPairs(findSettingsPairs(reference))).toMatchObject({ agencyName: "Архивная служба", agencyCode: "017", units: SETTINGS.units });

      // Saving again: an unchanged value is not written, a changed one in place.
      const again = await run(sim, (context) => saveCycleSettings(context, { working: "13.11.2027; 20.11.2027", confirmedYears: "2027" }));
      expect(again).toMatchObject({ ok: true, changed: ["working"] });
      const values = await run(sim, (context) => readCycleSettings(context));
      expect(values).toMatchObject({ hasBlock: true, values: { working: "13.11.2027; 20.11.2027", confirmedYears: "2027" } });
    }
    expect(counts).toEqual([3, 3]);
  });

  test("a wrong date: nothing written, the problem named at its field", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    const { sheet, names } = buildReferenceSheet(SETTINGS, buildCatalog(SETTINGS));
    await run(sim, (context) => renderLayout(context, { sheets: [sheet], names }, { apiLevel: level }));
    const saved = await run(sim, (context) => saveCycleSettings(context, { nonWorking: "04.11.2027; 32.11.2027" }));
    expect(saved).toEqual({ ok: false, problems: { nonWorking: ["«32.11.2027» — не дата. Пишите даты так: 04.11.2027; несколько дат — через «;»."] } });
    const values = await run(sim, (context) => readCycleSettings(context));
    expect(values.values.nonWorking).toBe("");
  });
});
