/**
 * The round record through Office.js on the simulator (ExcelApi 1.8 and newest): the pane's file preparation writes it
 * in a constant number of round trips whatever the number of units, the merge's state read picks it up in the same
 * request as the settings, and the merge write marks the units that sent files — «Сроки» then lists the others.
 */
import { readWorkbookForDistribution, writeRoundRecord } from "../../src/adapters/office/collection";
import { readMergeWorkbookState, writeMergeSheets } from "../../src/adapters/office/merge";
import { renderLayout } from "../../src/adapters/office/render-layout";
import { buildApprovedRegisterLayout } from "../../src/core/approval";
import { pendingUnitsOfSheets, readRoundRecord, ROUND_SHEET_NAME, startRoundRecord } from "../../src/core/collection/round-record";
import { planDistribution } from "../../src/core/collection/distribute";
import { readCollectionStamp } from "../../src/core/collection/stamp";
import { buildTemplateLayout } from "../../src/core/layout/template";
import { planMerge } from "../../src/core/layout/merge-sheets";
import { registerFromSheets } from "../../src/core/merge";
import { NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";
import { approvedRows, approvedSource, layoutToSheets, SETTINGS, UNITS } from "./helpers";

type Sim = ReturnType<typeof createExcelSimulator>;

function run<T>(sim: Sim, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

async function coordinatorWorkbook(level: string): Promise<Sim> {
  const sim = createExcelSimulator({ apiVersion: level });
  const rows = approvedRows();
  const layout = buildTemplateLayout(SETTINGS, {
    title: true,
    dataRows: 30,
    dataBlocks: [{ row: 5, col: 1, values: rows, style: { numberFormat: "@" } }],
    emptyRowsFrom: 5 + rows.length,
  });
  layout.sheets.push(buildApprovedRegisterLayout({ rows, orderNumber: "7", orderDate: "15.01.2026" }));
  await run(sim, (context) => renderLayout(context, layout, { apiLevel: level }));
  return sim;
}

describe.each(["1.8", NEWEST_API_VERSION])("the round record in the pane, ExcelApi %s", (level) => {
  test("written very hidden in 2 round trips for 4 or 400 units; rewritten in place for the next round", async () => {
    const counts: number[] = [];
    for (const count of [4, 400]) {
      const sim = await coordinatorWorkbook(level);
      const units = Array.from({ length: count }, (_, i) => UNITS[i] ?? `Подразделение ${i + 1}`);
      sim.stats.reset();
      await run(sim, (context) => writeRoundRecord(context, startRoundRecord({ started: "01.12.2026", due: "15.12.2026", units }), { apiLevel: level }));
      counts.push(sim.stats.syncs - sim.stats.releases);
      const sheet = sim.workbook.sheets.find((candidate) => candidate.name === ROUND_SHEET_NAME);
      expect(sheet?.visibility).toBe("VeryHidden");
      const { sheets } = await run(sim, (context) => readWorkbookForDistribution(context));
      expect(pendingUnitsOfSheets(sheets, "2026-12-10")).toMatchObject({ units, due: "2026-12-15", round: "СБ-20261201", overdue: false });

      // The next round replaces the record: one sheet, the next id, the register untouched.
      const earlier = readRoundRecord(sheets);
      const next = startRoundRecord({ started: "01.12.2026", due: "", units: units.slice(0, 1), previous: earlier.kind === "record" ? earlier.record : null });
      await run(sim, (context) => writeRoundRecord(context, next, { apiLevel: level }));
      expect(sim.workbook.sheets.filter((candidate) => candidate.name === ROUND_SHEET_NAME)).toHaveLength(1);
      const again = await run(sim, (context) => readWorkbookForDistribution(context));
      expect(pendingUnitsOfSheets(again.sheets, "2026-12-10")).toMatchObject({ units: units.slice(0, 1), round: "СБ-20261201-2", due: null });
      expect(again.sheets.find((candidate) => candidate.name === "Реестр процессов")).toBeDefined();
    }
    expect(counts).toEqual([2, 2]);
  });

  test("a merge in the pane reads the record with the settings and marks the units that sent files", async () => {
    const sim = await coordinatorWorkbook(level);
    await run(sim, (context) => writeRoundRecord(context, startRoundRecord({ started: "01.12.2026", due: "15.12.2026", units: UNITS }), { apiLevel: level }));
    sim.stats.reset();
    const state = await run(sim, (context) => readMergeWorkbookState(context));
    expect(sim.stats.syncs - sim.stats.releases).toBe(state.syncs);
    expect(state.syncs).toBe(2);
    expect(state.roundRecord?.units.map((entry) => entry.unit)).toEqual(UNITS);

    const planned = planDistribution({ source: approvedSource(), issued: "01.12.2026", due: "15.12.2026" });
    if (!planned.ok) throw new Error(planned.message);
    const inputs = [planned.files[1], planned.files[3]].map((file) => {
      const sheets = layoutToSheets(file.layout);
      return { file: file.fileName, result: registerFromSheets(sheets), stamp: readCollectionStamp(sheets) };
    });
    const plan = planMerge({ inputs, settings: state.settings, previous: state.approved, date: "10.12.2026", roundRecord: state.roundRecord });
    await run(sim, (context) => writeMergeSheets(context, plan.layout, { existingMergeSheets: state.existingMergeSheets, markRecords: state.markRecords, apiLevel: level }));
    const { sheets } = await run(sim, (context) => readWorkbookForDistribution(context));
    expect(pendingUnitsOfSheets(sheets, "2026-12-16")).toMatchObject({ units: [UNITS[0], UNITS[2]], overdue: true });
    expect(sim.workbook.sheets.find((candidate) => candidate.name === ROUND_SHEET_NAME)?.visibility).toBe("VeryHidden");
  });
});
