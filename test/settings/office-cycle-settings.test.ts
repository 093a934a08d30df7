/**
 * The cycle's settings (calendar overrides, document templates, publication place) live in the same «Параметр |
 * Значение» block as the register settings: saving the register settings from the pane must keep them.
 */
import { readSheetsText } from "../../src/adapters/office/read-sheets";
import { readSettings, saveSettings } from "../../src/adapters/office/settings";
import { createOrUpgradeTemplate } from "../../src/adapters/office/template";
import { CALENDAR_SETTING_TITLES, DOCUMENT_SETTING_TITLES, cycleSettingsFromSheets } from "../../src/core/cycle-settings";
import { REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { findSettingsBlock } from "../../src/core/settings";
import { NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";
import { cycleFormOf, cycleFormProblems, pairsWithCycleForm } from "../../src/taskpane/settings/cycle-form";
import { formOf, settingsOfForm } from "../../src/taskpane/settings/settings-form";
import { AGENCY } from "./helpers";

type Sim = ReturnType<typeof createExcelSimulator>;

function run<T>(sim: Sim, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

const NOTICE = "Уважаемые коллеги!\nРеестр утвержден {приказ}.";

async function cycleOf(sim: Sim) {
  const sheets = await run(sim, (context) => readSheetsText(context, { includeHidden: true }));
  return cycleSettingsFromSheets(sheets, REFERENCE_SHEET_NAME);
}

/** Appends the cycle's pairs below the settings block, as a coordinator would type them. */
async function typeCyclePairs(sim: Sim): Promise<void> {
  const sheets = await run(sim, (context) => readSheetsText(context, { includeHidden: true }));
  const reference = sheets.find((sheet) => sheet.name === REFERENCE_SHEET_NAME)!;
  const block = findSettingsBlock(reference)!;
  const row = block.pairs[block.pairs.length - 1].row + 1;
  await run(sim, async (context) => {
    const range = context.workbook.worksheets.getItem(REFERENCE_SHEET_NAME).getRangeByIndexes(row, block.keyColumn, 3, 2);
    range.numberFormat = [["@", "@"], ["@", "@"], ["@", "@"]];
    range.values = [
      [CALENDAR_SETTING_TITLES.nonWorking, "09.01.2026; 02.11.2026"],
      [DOCUMENT_SETTING_TITLES.notice, NOTICE],
      [DOCUMENT_SETTING_TITLES.publicationPlace, "https://example.gov.ru/reestr"],
    ];
    await context.sync();
  });
}

describe.each(["1.8", NEWEST_API_VERSION])("the cycle's settings survive saving the settings, ExcelApi %s", (level) => {
  test.each([true, false])("with the register template: %s", async (withTemplate) => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, (context) => createOrUpgradeTemplate(context, { settings: AGENCY, apiLevel: level }));
    if (!withTemplate) await run(sim, async (context) => {
      context.workbook.worksheets.getItem("Реестр процессов").delete();
      await context.sync();
    });
    await typeCyclePairs(sim);
    const before = await cycleOf(sim);
    expect(before.calendar.nonWorking).toEqual(["2026-01-09", "2026-11-02"]);
    expect(before.templates.notice).toBe(NOTICE);

    // As the pane does: the settings read from the workbook, one field edited, saved.
    const { settings } = await run(sim, (context) => readSettings(context));
    await run(sim, (context) => saveSettings(context, { ...settings, coordinator: "Иванова И. И." }, { apiLevel: level, hasTemplate: withTemplate }));
    expect((await run(sim, (context) => readSettings(context))).settings.coordinator).toBe("Иванова И. И.");
    const after = await cycleOf(sim);
    expect(after).toEqual(before);
  });
});

describe.each(["1.8", NEWEST_API_VERSION])("the calendar and templates edited in «Настройки», ExcelApi %s", (level) => {
  test("the form's values are saved under their titles, read back by the cycle, other pairs kept; same syncs as any save", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, (context) => createOrUpgradeTemplate(context, { settings: AGENCY, apiLevel: level }));
    await typeCyclePairs(sim);
    const { settings } = await run(sim, (context) => readSettings(context));
    const form = formOf(settings);
    expect(form.cycle).toMatchObject({ nonWorking: "09.01.2026; 02.11.2026", notice: NOTICE, publicationPlace: "https://example.gov.ru/reestr" });

    sim.stats.reset();
    await run(sim, (context) => saveSettings(context, settingsOfForm(form), { apiLevel: level, hasTemplate: true }));
    const plainSave = sim.stats.syncs;

    const edited = { ...form, cycle: { ...form.cycle, nonWorking: "09.01.2026; 02.11.2026; 04.05.2027", working: "13.11.2027", notice: "", reply: "Ответ\n{инициатор}: {решение}" } };
    expect(cycleFormProblems(edited.cycle)).toEqual({});
    sim.stats.reset();
    await run(sim, (context) => saveSettings(context, settingsOfForm(edited), { apiLevel: level, hasTemplate: true }));
    expect(sim.stats.syncs).toBe(plainSave);

    const cycle = await cycleOf(sim);
    expect(cycle.calendar).toEqual({ nonWorking: ["2026-01-09", "2026-11-02", "2027-05-04"], working: ["2027-11-13"], confirmedYears: [] });
    expect(cycle.templates).toEqual({ reply: "Ответ\n{инициатор}: {решение}" });
    expect(cycle.publicationPlace).toBe("https://example.gov.ru/reestr");
    expect(cycle.problems).toEqual([]);
  });
});

describe("the cycle form's checks", () => {
  test("dates, a day in both lists, an unknown placeholder: said at the field in plain Russian", () => {
    const problems = cycleFormProblems({ nonWorking: "09.01.2026; 32.01.2026", working: "09.01.2026", notice: "{орган} {номер_приказ}", reply: "", order: "", publicationPlace: "" });
    expect(problems.nonWorking).toBe("Не даты: «32.01.2026». Укажите даты в виде ДД.ММ.ГГГГ через «;».");
    expect(problems.working).toBe("Дата 09.01.2026 указана и как рабочая, и как нерабочая: оставьте ее в одном списке.");
    expect(problems.notice).toMatch(/^Неизвестная подстановка «\{номер_приказ\}»/);
  });

  test("pairs: an alias replaced by the title, unknown pairs kept in place, an emptied field removed", () => {
    const pairs: [string, string][] = [["Заметка", "моя"], ["Региональные выходные", "01.02.2026"], ["Шаблон приказа", "Приказ"]];
    const form = cycleFormOf(pairs);
    expect(form).toMatchObject({ nonWorking: "01.02.2026", order: "Приказ" });
    expect(pairsWithCycleForm(pairs, { ...form, order: "", working: "07.02.2026" })).toEqual([
      ["Заметка", "моя"],
      ["Нерабочие дни (дополнительно к календарю)", "01.02.2026"],
      ["Рабочие дни (дополнительно к календарю)", "07.02.2026"],
    ]);
  });
});
