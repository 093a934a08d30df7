/**
 * The collection round as the pane runs it, on the Excel simulator at ExcelApi 1.8 and at the newest level: the open
 * workbook is read through the office adapter, the units' files are written and zipped, each unit opens its file in
 * (simulated) Excel, edits it through the API and saves it; the coordinator merges the answers into the workbook with the
 * approved register kept in it.
 */
import { readWorkbookForDistribution, writeRoundRecord } from "../../src/adapters/office/collection";
import { readAppendixWorkbook } from "../../src/adapters/office/appendix-read";
import { pendingUnitsOfSheets } from "../../src/core/collection/round-record";
import { buildDueSummary } from "../../src/core/due-summary";
import { readMergeWorkbookState, writeMergeSheets } from "../../src/adapters/office/merge";
import { renderLayout } from "../../src/adapters/office/render-layout";
import { readWorkbookData } from "../../src/adapters/xlsx/read-workbook";
import { readZipDirectory } from "../../src/adapters/xlsx/zip-directory";
import { buildApprovedRegisterLayout } from "../../src/core/approval";
import { readCollectionStamp } from "../../src/core/collection/stamp";
import { CARRIED_OVER_PROVENANCE } from "../../src/core/collection/round";
import { buildTemplateLayout } from "../../src/core/layout/template";
import { MERGE_REPORT_SHEET_NAME, MERGED_SHEET_NAME, planMerge } from "../../src/core/layout/merge-sheets";
import { registerFromSheets, type MergeInput } from "../../src/core/merge";
import { NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";
import { buildUnitFilesZip } from "../../src/taskpane/merge/unit-files";
import { validCells } from "../merge/helpers";
import { approvedRows, SETTINGS, UNITS } from "./helpers";
import { expectValidXlsx } from "../support/ooxml-check";

type Sim = ReturnType<typeof createExcelSimulator>;

function run<T>(sim: Sim, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

/** The files of a stored zip (the pane's download), by name. */
function unzipStored(zip: Uint8Array): Map<string, Uint8Array> {
  const directory = readZipDirectory(zip);
  if (!directory) throw new Error("not a zip");
  const files = new Map<string, Uint8Array>();
  for (const entry of directory.entries) {
    expect(entry.method).toBe(0);
    const view = new DataView(zip.buffer, zip.byteOffset + entry.localHeaderOffset);
    const start = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
    files.set(entry.name, zip.slice(start, start + entry.compressedSize));
  }
  return files;
}

async function unitInput(file: string, bytes: Uint8Array): Promise<MergeInput> {
  const read = await readWorkbookData(bytes, file);
  if (!read.ok) throw new Error(read.message);
  return { file, result: registerFromSheets(read.sheets), stamp: readCollectionStamp(read.sheets) };
}

describe.each(["1.8", NEWEST_API_VERSION])("collection round in the pane, ExcelApi %s", (level) => {
  test("prepare the zip, three units edit in Excel, one is silent; the merge says exactly that", async () => {
    const coordinator = createExcelSimulator({ apiVersion: level });
    const rows = approvedRows();
    const layout = buildTemplateLayout(SETTINGS, {
      title: true,
      dataRows: 30,
      dataBlocks: [{ row: 5, col: 1, values: rows, style: { numberFormat: "@" } }],
      emptyRowsFrom: 5 + rows.length,
    });
    layout.sheets.push(buildApprovedRegisterLayout({ rows, orderNumber: "7", orderDate: "15.01.2026" }));
    await run(coordinator, (context) => renderLayout(context, layout, { apiLevel: level }));

    coordinator.stats.reset();
    const { sheets } = await run(coordinator, (context) => readWorkbookForDistribution(context));
    // office.js sends one more message when Excel.run ends: it releases the ranges it tracked.
    expect(coordinator.stats.releases).toBeLessThanOrEqual(1);
    expect(coordinator.stats.syncs - coordinator.stats.releases).toBe(2);
    const prepared = await buildUnitFilesZip(sheets, "01.12.2026", "15.12.2026");
    if (!prepared.ok) throw new Error(prepared.message);
    // The pane records the round in the workbook: a lookup and one write, whatever the number of units.
    coordinator.stats.reset();
    await run(coordinator, (context) => writeRoundRecord(context, { issued: "01.12.2026", due: "15.12.2026", units: prepared.files.map((file) => file.unit) }));
    expect(coordinator.stats.syncs - coordinator.stats.releases).toBe(2);
    const due = async (today: string) =>
      buildDueSummary((await run(coordinator, (context) => readAppendixWorkbook(context, { apiLevel: level, alsoRead: [MERGE_REPORT_SHEET_NAME] }))).sheets, today, pendingUnitsOfSheets);
    expect((await due("2026-12-10")).collection).toEqual({ units: UNITS, due: "2026-12-15" });
    const files = unzipStored(prepared.zip);
    expect([...files.keys()]).toEqual(UNITS.map((unit) => `${unit}.xlsx`));
    if (level === "1.8") for (const [name, bytes] of files) await expectValidXlsx(bytes, `pane: ${name}`);

    // Each unit opens its file in Excel and edits it through the API.
    const edit = async (name: string, change: (sheet: Excel.Worksheet) => void): Promise<Uint8Array> => {
      const unit = createExcelSimulator({ apiVersion: level });
      await unit.loadXlsx(files.get(name)!);
      await run(unit, async (context) => {
        change(context.workbook.worksheets.getItem("Реестр процессов"));
        await context.sync();
      });
      return unit.saveXlsx();
    };
    const hr = await edit("Отдел кадров.xlsx", (sheet) => (sheet.getRange("J7").values = [["Осведомленность о сроках"]]));
    const legal = await edit("Юридический отдел.xlsx", (sheet) => (sheet.getRange("A9:O9").values = [validCells("017-1.1-20", { 7: "Юридический отдел" })]));
    const it = await edit("Отдел информатизации.xlsx", (sheet) => sheet.getRange("A8:O8").delete("Up"));

    const inputs = [await unitInput("кадры.xlsx", hr), await unitInput("юристы.xlsx", legal), await unitInput("ит.xlsx", it)];
    // The stamp came back through Excel's save: the files are told apart by it, not by column 7.
    expect(inputs.map((input) => input.stamp?.kind === "stamp" && input.stamp.stamp.unit)).toEqual(UNITS.slice(0, 3));
    const state = await run(coordinator, (context) => readMergeWorkbookState(context));
    expect(state.approved?.description).toBe("приказ от 15.01.2026 № 7");
    const plan = planMerge({ inputs, settings: state.settings, previous: state.approved, date: "20.12.2026" });
    expect(plan.changes.map((change) => [change.id, change.grounds])).toEqual([
      ["017-1.1-01", ["content"]],
      ["017-1.1-20", ["new"]],
      ["017-1.1-06", ["terminated"]],
    ]);
    expect(plan.result.units!.map((unit) => [unit.unit, unit.status, unit.rows])).toEqual([
      ["Отдел кадров", "submitted", 2],
      ["Юридический отдел", "submitted", 3],
      ["Отдел информатизации", "submitted", 1],
      ["Архивный отдел", "missing", 2],
    ]);
    await run(coordinator, (context) => writeMergeSheets(context, plan.layout, { existingMergeSheets: state.existingMergeSheets, apiLevel: level }));
    const merged = await run(coordinator, async (context) => {
      const range = context.workbook.worksheets.getItem(MERGED_SHEET_NAME).getUsedRange();
      const report = context.workbook.worksheets.getItem(MERGE_REPORT_SHEET_NAME).getRange("A6:B6");
      range.load("values");
      report.load("values");
      await context.sync();
      return { values: range.values as string[][], report: report.values as string[][] };
    });
    const carried = merged.values.filter((row) => row[15] === CARRIED_OVER_PROVENANCE).map((row) => row[0]);
    expect(carried).toEqual(["017-1.1-07", "017-1.1-08"]);
    expect(merged.report).toEqual([["Архивный отдел", "не представлен"]]);
    // After the merge the due-date screen names only the silent unit, overdue past the 15th.
    expect(await due("2026-12-20")).toMatchObject({ collection: { units: ["Архивный отдел"], due: "2026-12-15" }, anyOverdue: true });
  }, 120_000);
});
