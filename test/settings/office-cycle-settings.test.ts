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
