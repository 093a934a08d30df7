/**
 * «Свести файлы подразделений» written into Excel through the office adapter, on the simulator at ExcelApi 1.8 and at
 * the newest level: the pane's whole round (read the workbook's state, then write the sheets) in at most
 * 4 syncs plus one per 5 MB of request (docs/merge.md), submitted values as text, provenance, report, change log, and
 * replacing an earlier consolidation.
 */
import { readMergeWorkbookState, writeMergeSheets, type MergeWorkbookState } from "../../src/adapters/office/merge";
import { estimateLayoutBytes, renderLayout } from "../../src/adapters/office/render-layout";
import { saveSettings } from "../../src/adapters/office/settings";
import { checkRegister } from "../../src/adapters/office/validation";
import { CHECK_MARKS_SHEET_NAME } from "../../src/core/check-marks";
import { APPROVED_SHEET_NAME, buildApprovedRegisterLayout } from "../../src/core/approval";
import {
  CHANGE_LOG_SHEET_NAME,
  MERGED_FIRST_DATA_ROW,
  MERGED_HEADER_ROW,
  MERGED_SHEET_NAME,
  MERGE_REPORT_SHEET_NAME,
  planMerge,
  type MergePlan,
} from "../../src/core/layout/merge-sheets";
import type { MergeInput } from "../../src/core/merge";
import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME } from "../../src/core/settings";
import { NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";
import { row, table, validCells } from "./helpers";

const LEVELS = ["1.8", NEWEST_API_VERSION] as const;
/** The merge's round-trip budget (docs/merge.md): at most 4 syncs plus one per 5 MB chunk. */
const FIVE_MB = 5_000_000;
const DATE = "01.02.2025";

type Sim = ReturnType<typeof createExcelSimulator>;

function run<T>(sim: Sim, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

function syncBound(plan: MergePlan): number {
  return 4 + Math.ceil(estimateLayoutBytes(plan.layout) / FIVE_MB);
}

/** What the pane does after the files are read: state, plan, write (the confirmation is the caller's). */
async function mergeIntoWorkbook(
  sim: Sim,
  level: string,
  inputs: MergeInput[],
  previous?: MergeWorkbookState["approved"],
): Promise<{ plan: MergePlan; state: MergeWorkbookState; syncs: number; skipped: string[] }> {
  sim.stats.reset();
  const state = await run(sim, (context) => readMergeWorkbookState(context));
  const plan = planMerge({ inputs, settings: state.settings, previous: previous ?? state.approved, date: DATE });
  const report = await run(sim, (context) =>
    writeMergeSheets(context, plan.layout, { existingMergeSheets: state.existingMergeSheets, markRecords: state.markRecords, apiLevel: level }),
  );
  // office.js sends one more message when Excel.run ends: it releases the ranges it tracked.
  expect(sim.stats.releases).toBeLessThanOrEqual(2);
  expect(sim.stats.syncs - sim.stats.releases).toBe(state.syncs + report.syncs);
  return { plan, state, syncs: sim.stats.syncs - sim.stats.releases, skipped: report.skipped };
}

/** Text of every cell of a sheet's used range, joined (for "the report mentions X"). */
function sheetText(sim: Sim, name: string): string {
  const sheet = sim.workbook.sheet(name);
  const used = sheet.usedRange(true);
  return used ? sheet.texts(used).map((cells) => cells.join("\t")).join("\n") : "";
}

/** The consolidated sheet's data rows as [ID, file, source row] triples, as the user sees them. */
function provenance(sim: Sim, rows: number): [string, string, string][] {
  const sheet = sim.workbook.sheet(MERGED_SHEET_NAME);
  return Array.from({ length: rows }, (_, index) => {
    const r = MERGED_FIRST_DATA_ROW + index;
    return [sheet.cell(r, 1).text, sheet.cell(r, 16).text, sheet.cell(r, 17).text];
  });
}

/** Two units' files and a broken one: numeric-looking and formula-looking text, an exact duplicate, a conflicting ID. */
function smallInputs(): MergeInput[] {
  return [
    {
      file: "отдел-А.xlsx",
      result: {
        ok: true,
        table: table(
          [
            row(5, validCells("104", { 12: "=SUM(A1:A3)" })),
            row(6, validCells("017.04.001")),
            row(7, validCells("X-7", { 7: "Отдел А" })),
          ],
          { extraTitles: ["Примечание"] },
        ),
      },
    },
    {
      file: "отдел-Б.xlsx",
      result: {
        ok: true,
        table: table([
          row(3, validCells("017.04.001")), // identical to отдел-А row 6: kept once
          row(4, validCells("X-7", { 7: "Отдел Б" })), // same ID, other content: both kept, flagged
          row(5, validCells("1E3", { 8: "??" })), // numeric-looking ID, invalid status
        ]),
      },
    },
    { file: "сломанный.xlsx", result: { ok: false, reason: "not-workbook", message: "файл не является книгой Excel (.xlsx)" } },
  ];
}

/** `files` × `rows` valid rows with long Cyrillic texts: the issue's benchmark size. */
function bigInputs(files: number, rows: number): MergeInput[] {
  return Array.from({ length: files }, (_, f) => ({
    file: `подразделение-${f + 1}.xlsx`,
    result: {
      ok: true as const,
      table: table(Array.from({ length: rows }, (_, r) => row(r + 4, validCells(`${f + 1}.${r + 1}`, { 13: `Примечание к строке ${r + 1} файла ${f + 1}` })))),
    },
  }));
}

describe.each(LEVELS)("merge written into Excel on the simulator at ExcelApi %s", (level) => {
  test("small merge: register rows as text with provenance, the report, syncs within 4 + one per 5 MB", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    const { plan, state, syncs, skipped } = await mergeIntoWorkbook(sim, level, smallInputs());
    expect(state).toMatchObject({ existingMergeSheets: [], settings: null, approved: null });
    expect(syncs).toBeLessThanOrEqual(syncBound(plan));
    expect(syncs).toBe(3); // state: one listing; write: lookup + apply
    expect(sim.stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);

    const names = sim.workbook.sheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining([MERGED_SHEET_NAME, MERGE_REPORT_SHEET_NAME]));
    expect(names).not.toContain(CHANGE_LOG_SHEET_NAME);
    expect(sim.workbook.activeSheet.name).toBe(MERGED_SHEET_NAME);

    const sheet = sim.workbook.sheet(MERGED_SHEET_NAME);
    expect(sheet.cell(MERGED_HEADER_ROW, 1).text).toBe("Идентификатор процесса*");
    expect(sheet.cell(MERGED_HEADER_ROW, 16).text).toBe("Исходный файл");
    expect(sheet.cell(MERGED_HEADER_ROW, 17).text).toBe("Строка в файле");
    expect(sheet.cell(MERGED_HEADER_ROW, 18).text).toBe("Примечание");

    // 6 rows read, the exact duplicate kept once: 5 rows, each traced to its file and row.
    expect(plan.result.rows).toHaveLength(5);
    const written = provenance(sim, 5);
    expect(written).toEqual(plan.result.rows.map((merged) => [merged.cells[0], merged.source.file, String(merged.source.row)]));
    expect(written).toEqual(
      expect.arrayContaining([
        ["104", "отдел-А.xlsx", "5"],
        ["017.04.001", "отдел-А.xlsx", "6"],
        ["X-7", "отдел-А.xlsx", "7"],
        ["X-7", "отдел-Б.xlsx", "4"],
        ["1E3", "отдел-Б.xlsx", "5"],
      ]),
    );
    expect(sheet.cell(MERGED_FIRST_DATA_ROW + 5, 1).text).toBe("");

    // Numeric-looking IDs and formula-looking text stay literal text.
    const at = (id: string) => MERGED_FIRST_DATA_ROW + written.findIndex(([written]) => written === id);
    for (const id of ["104", "1E3", "017.04.001"]) {
      const cell = sheet.cell(at(id), 1);
      expect(cell).toMatchObject({ value: id, formula: null, numberFormat: "@" });
    }
    expect(sheet.cell(at("104"), 12)).toMatchObject({ value: "=SUM(A1:A3)", formula: null, text: "=SUM(A1:A3)", numberFormat: "@" });
    expect(sheet.cell(at("104"), 17).value).toBe(5);

    const report = sheetText(sim, MERGE_REPORT_SHEET_NAME);
    for (const expected of ["отдел-А.xlsx", "отдел-Б.xlsx", "сломанный.xlsx", "не прочитан", "файл не является книгой Excel (.xlsx)", "Повторяющийся идентификатор"]) {
      expect(report).toContain(expected);
    }
    // Every issue is listed with its file and source row.
    for (const issue of plan.result.issues) expect(report).toContain(`${issue.file}\t${issue.row}\t`);
    if (level === "1.8") expect(skipped.join(" ")).toMatch(/Параметры печати/);
    else expect(skipped).toEqual([]);
  });

  test("with settings and an approved register in the workbook: change log, still within the sync budget", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, (context) => saveSettings(context, DEFAULT_SETTINGS, { apiLevel: level }));
    const approvedRows = [validCells("104", { 12: "=SUM(A1:A3)", 14: "Бумажный" }), validCells("X-7", { 7: "Отдел А" }), validCells("ушедший")];
    await run(sim, (context) =>
      renderLayout(context, { sheets: [buildApprovedRegisterLayout({ rows: approvedRows, orderNumber: "7", orderDate: "15.01.2024" })] }, { apiLevel: level }),
    );
    const { plan, state, syncs } = await mergeIntoWorkbook(sim, level, smallInputs());
    expect(state.settings).not.toBeNull();
    expect(state.approved?.description).toBe("приказ от 15.01.2024 № 7");
    expect(syncs).toBe(4); // state: listing + text of the two sheets; write: lookup + apply
    expect(syncs).toBeLessThanOrEqual(syncBound(plan));

    const log = sheetText(sim, CHANGE_LOG_SHEET_NAME);
    expect(log).toContain("приказ от 15.01.2024 № 7");
    const grounds = Object.fromEntries(plan.changes.map((change) => [change.id, change.grounds]));
    expect(grounds).toMatchObject({ "104": ["form"], ушедший: ["terminated"], "017.04.001": ["new"], "1E3": ["new"] });
    expect(log).toContain("Бумажный");
    expect(log).toContain("ушедший");
    // The approved register and the settings are left as they were.
    expect(sim.workbook.sheet(APPROVED_SHEET_NAME).visibility).not.toBe("Visible");
    expect(sim.workbook.findSheet(SETTINGS_SHEET_NAME)).toBeDefined();
  });

  test("200 files × 100 rows (past 20 MB of request): every row written, syncs within 4 + one per 5 MB", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    // With settings the state costs its full 2 syncs: the tightest case.
    await run(sim, (context) => saveSettings(context, DEFAULT_SETTINGS, { apiLevel: level }));
    const { plan, state, syncs } = await mergeIntoWorkbook(sim, level, bigInputs(200, 100));
    expect(state.syncs).toBe(2);
    const bytes = estimateLayoutBytes(plan.layout);
    expect(bytes).toBeGreaterThan(4 * FIVE_MB);
    expect(syncs).toBeLessThanOrEqual(syncBound(plan));
    expect(sim.stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(plan.result.rows).toHaveLength(20_000);
    const sheet = sim.workbook.sheet(MERGED_SHEET_NAME);
    const last = MERGED_FIRST_DATA_ROW + 20_000 - 1;
    expect(sheet.cell(last, 1).text).toBe(plan.result.rows[19_999].cells[0]);
    expect(sheet.cell(last, 16).text).toBe(plan.result.rows[19_999].source.file);
    expect(sheet.cell(last + 1, 1).text).toBe("");
    // Every file and source row appears exactly once.
    const seen = new Set(provenance(sim, 20_000).map(([, file, sourceRow]) => `${file}:${sourceRow}`));
    expect(seen.size).toBe(20_000);
    // "1.1", "2.10": number-like IDs stay text.
    expect(sheet.cell(MERGED_FIRST_DATA_ROW, 1)).toMatchObject({ numberFormat: "@", formula: null });
    expect(typeof sheet.cell(MERGED_FIRST_DATA_ROW, 1).value).toBe("string");
  });

  test("a checked consolidated register, merged again: the new sheet gets the check's marks too", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    const checkMerged = async () => {
      sim.userActivate(MERGED_SHEET_NAME);
      // An empty mandatory cell (column 6, the process) on the first data row.
      sim.workbook.sheet(MERGED_SHEET_NAME).setValues(`F${MERGED_FIRST_DATA_ROW}`, [[""]]);
      const check = await run(sim, (context) => checkRegister(context, { platform: "PC", apiLevel: level }));
      expect(check.sheet).toBe(MERGED_SHEET_NAME);
      expect(check.marked).toBeGreaterThan(0);
      return sim.workbook.sheet(MERGED_SHEET_NAME).conditionalFormats.filter((cf) => cf.formula.includes(CHECK_MARKS_SHEET_NAME));
    };
    await mergeIntoWorkbook(sim, level, smallInputs());
    expect(await checkMerged()).toHaveLength(2);
    const second = await mergeIntoWorkbook(sim, level, smallInputs());
    expect(second.state.markRecords).toHaveLength(1);
    expect(second.syncs).toBeLessThanOrEqual(syncBound(second.plan));
    // The replaced sheet lost the formats with it; the record went too, so the check equips the new sheet.
    expect(await checkMerged()).toHaveLength(2);
    const third = await mergeIntoWorkbook(sim, level, smallInputs());
    expect(third.state.markRecords).toHaveLength(1);
  });

  test("a second merge replaces the earlier sheets in place; a stale change log is removed", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    // The first merge compared with an approved register chosen as a file: it has a change log.
    const approved = table([row(8, validCells("104"))]);
    const first = await mergeIntoWorkbook(sim, level, smallInputs(), { table: approved, description: "утвержденный.xlsx" });
    expect(first.state.existingMergeSheets).toEqual([]);
    expect(sim.workbook.findSheet(CHANGE_LOG_SHEET_NAME)).toBeDefined();
    // The user adds a sheet of their own after the merge sheets and types into the consolidated register.
    sim.workbook.addSheet("Мои заметки");
    sim.workbook.sheet(MERGED_SHEET_NAME).setValues("A100", [["правка координатора"]]);
    const before = sim.workbook.sheets.map((sheet) => sheet.name);

    const second = await mergeIntoWorkbook(sim, level, [smallInputs()[1]]);
    // The pane asks before this write because of these: the adapter reports every earlier merge sheet.
    expect(second.state.existingMergeSheets).toEqual([MERGED_SHEET_NAME, MERGE_REPORT_SHEET_NAME, CHANGE_LOG_SHEET_NAME]);
    expect(second.syncs).toBeLessThanOrEqual(syncBound(second.plan));
    expect(sim.workbook.sheets.map((sheet) => sheet.name)).toEqual(before.filter((name) => name !== CHANGE_LOG_SHEET_NAME));
    const sheet = sim.workbook.sheet(MERGED_SHEET_NAME);
    // A fresh sheet: nothing of the first merge or of the edit remains.
    expect(sheet.cell(100, 1).text).toBe("");
    expect(provenance(sim, 3)).toEqual(second.plan.result.rows.map((merged) => [merged.cells[0], "отдел-Б.xlsx", String(merged.source.row)]));
    expect(sheet.cell(MERGED_FIRST_DATA_ROW + 3, 1).text).toBe("");
    expect(sheetText(sim, MERGE_REPORT_SHEET_NAME)).not.toContain("отдел-А.xlsx");
    expect(sim.workbook.sheets.some((s) => s.name.startsWith("~"))).toBe(false);
  });
});
