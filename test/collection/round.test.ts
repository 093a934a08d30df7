/**
 * The collection round on the core: files planned per unit with their stamp, three units answer (one edits, one adds, one
 * deletes), one does not, and the merge with the approved register tells exactly what changed and who submitted.
 */
import type { SheetText } from "../../src/core/register-types";
import { planDistribution, safeFileStem, UNIT_FILE_HEADER_ROW, type UnitFilePlan } from "../../src/core/collection/distribute";
import { readCollectionStamp, STAMP_SHEET_NAME } from "../../src/core/collection/stamp";
import { CARRIED_OVER_PROVENANCE, missingUnits } from "../../src/core/collection/round";
import { planMerge } from "../../src/core/layout/merge-sheets";
import { registerFromSheets, type MergeInput } from "../../src/core/merge";
import { REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { findSettingsPairs, settingsFromPairs } from "../../src/core/settings";
import { validCells } from "../merge/helpers";
import { approvedRows, approvedSource, layoutToSheets, SETTINGS, UNITS } from "./helpers";

const ISSUED = "01.12.2026";
const DUE = "15.12.2026";

function plan(units?: string[]): UnitFilePlan[] {
  const result = planDistribution({ source: approvedSource(), issued: ISSUED, due: DUE, units });
  if (!result.ok) throw new Error(result.message);
  return result.files;
}

function registerSheet(sheets: SheetText[]): SheetText {
  return sheets.find((sheet) => sheet.name === "Реестр процессов")!;
}

function input(file: string, sheets: SheetText[], received?: string): MergeInput {
  return { file, result: registerFromSheets(sheets), stamp: readCollectionStamp(sheets), received };
}

/** Sheet rows of the data (1-based row 7 = index 6). */
const FIRST_DATA_INDEX = UNIT_FILE_HEADER_ROW + 1;

describe("distribution", () => {
  test("one file per unit with that unit's approved rows, the settings, an instruction and a stamp", () => {
    const files = plan();
    expect(files.map((file) => file.fileName)).toEqual(UNITS.map((unit) => `${unit}.xlsx`));
    const hr = files[0];
    const sheets = layoutToSheets(hr.layout);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["Реестр процессов", REFERENCE_SHEET_NAME, STAMP_SHEET_NAME]);
    expect(hr.layout.sheets[2].visibility).toBe("veryHidden");
    const register = registerFromSheets(sheets);
    if (!register.ok) throw new Error(register.message);
    expect(register.table.headerRow).toBe(UNIT_FILE_HEADER_ROW);
    const rows = register.table.rows.filter((row) => row.cells.some((cell) => cell !== ""));
    expect(rows.map((row) => row.cells[0])).toEqual(["017-1.1-01", "017-1.1-02"]);
    expect(rows.every((row) => row.cells[6] === "Отдел кадров")).toBe(true);
    const instruction = registerSheet(sheets).rows.slice(2, 4).map((row) => row[0]).join(" ");
    expect(instruction).toContain("«Отдел кадров»");
    expect(instruction).toContain(`до ${DUE}`);
    expect(instruction).toContain("Иванова И. И., каб. 12");
    expect(instruction).toContain("приказ от 15.01.2026 № 7");
    const settings = settingsFromPairs(findSettingsPairs(sheets[1]));
    expect(settings).toMatchObject({ agencyName: "Архивная служба", agencyCode: "017", units: UNITS, coordinator: SETTINGS.coordinator });
    const stamp = readCollectionStamp(sheets);
    expect(stamp).toEqual({
      kind: "stamp",
      problems: [],
      stamp: {
        unit: "Отдел кадров",
        agencyName: "Архивная служба",
        agencyCode: "017",
        source: { orderNumber: "7", orderDate: "15.01.2026" },
        issued: ISSUED,
        due: DUE,
        coordinator: SETTINGS.coordinator,
        roundUnits: UNITS,
        ids: ["017-1.1-01", "017-1.1-02"],
      },
    });
  });

  test("units of column 7 outside the settings are offered; --units picks some; a draft register is said to be one", () => {
    const source = approvedSource();
    source.table.rows.push({ sheetRow: 30, cells: validCells("017-9", { 7: "Сектор «Учет» / склад" }), extra: [] });
    source.approved = null;
    const result = planDistribution({ source, issued: ISSUED, due: "" });
    if (!result.ok) throw new Error(result.message);
    expect(result.units).toEqual([...UNITS, "Сектор «Учет» / склад"]);
    const odd = result.files[4];
    expect(odd.fileName).toBe("Сектор «Учет» _ склад.xlsx");
    expect(odd.fileNameNote).toMatch(/недопустимые в имени файла/);
    expect(odd.stamp.source).toBeNull();
    expect(result.sourceText).toMatch(/проект/);

    const some = planDistribution({ source, issued: ISSUED, due: "", units: ["юридический  отдел", "Новый сектор"] });
    if (!some.ok) throw new Error(some.message);
    expect(some.files.map((file) => [file.unit, file.rows])).toEqual([
      ["Юридический отдел", 2],
      ["Новый сектор", 0],
    ]);
  });

  test("bad input: a due date before the issue date; names the file system refuses", () => {
    const result = planDistribution({ source: approvedSource(), issued: ISSUED, due: "30.11.2026" });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/срок представления 30\.11\.2026 раньше даты выдачи 01\.12\.2026/) });
    expect(safeFileStem("CON")).toBe("_CON");
    expect(safeFileStem("???")).toBeNull();
    expect(safeFileStem("Отдел кадров. ")).toBe("Отдел кадров");
    expect(safeFileStem("a".repeat(300))!.length).toBe(100);
  });
});

describe("merge of a round", () => {
  /** Hr edits a cell, legal adds a row, IT deletes a row, the archive does not answer. */
  function answered(): { inputs: MergeInput[]; files: UnitFilePlan[] } {
    const files = plan();
    const [hr, legal, it] = files.map((file) => layoutToSheets(file.layout));
    registerSheet(hr).rows[FIRST_DATA_INDEX][9] = "Осведомленность клиента о сроках";
    const added = validCells("017-1.1-20", { 7: "Юридический отдел" });
    registerSheet(legal).rows[FIRST_DATA_INDEX + 2] = added;
    registerSheet(it).rows.splice(FIRST_DATA_INDEX + 1, 1);
    return {
      files,
      inputs: [input("Отдел кадров.xlsx", hr, "10.12.2026"), input("Юридический отдел.xlsx", legal, "16.12.2026"), input("it.xlsx", it)],
    };
  }

  test("exactly: the edit «б», the added row «г», the deleted row «в»; the missing unit's rows carried over unchanged", () => {
    const { inputs } = answered();
    const merged = planMerge({ inputs, settings: SETTINGS, previous: { table: approvedSource().table, description: "приказ" }, date: "20.12.2026" });
    expect(merged.changes.map((change) => [change.id, change.grounds, change.columns.map((c) => c.column)])).toEqual([
      ["017-1.1-01", ["content"], [10]],
      ["017-1.1-20", ["new"], []],
      ["017-1.1-06", ["terminated"], []],
    ]);
    const archive = merged.result.rows.filter((row) => row.cells[6] === "Архивный отдел");
    expect(archive.map((row) => row.cells)).toEqual(approvedRows().slice(6, 8));
    expect(archive.every((row) => row.source.file === CARRIED_OVER_PROVENANCE)).toBe(true);
    expect(merged.result.carriedOver).toBe(2);
    expect(merged.result.units).toEqual([
      expect.objectContaining({ unit: "Отдел кадров", status: "submitted", files: ["Отдел кадров.xlsx"], rows: 2, match: "stamp" }),
      expect.objectContaining({ unit: "Юридический отдел", status: "late", files: ["Юридический отдел.xlsx"], rows: 3 }),
      expect.objectContaining({ unit: "Отдел информатизации", status: "submitted", files: ["it.xlsx"], rows: 1 }),
      expect.objectContaining({ unit: "Архивный отдел", status: "missing", files: [], rows: 2, match: null }),
    ]);
    const report = layoutToSheets(merged.layout).find((sheet) => sheet.name === "Отчет о сведении")!;
    // Units come first on the report, the missing one on top.
    expect(report.rows[4].slice(0, 2)).toEqual(["Подразделение", "Статус"]);
    expect(report.rows[5].slice(0, 4)).toEqual(["Архивный отдел", "не представлен", "", "2"]);
  });

  test("a process moved from one unit to another is a change of column 7, not «в» + «г»", () => {
    const { inputs } = answered();
    const legal = inputs[1].result;
    if (!legal.ok) throw new Error("unreadable");
    // The archive's first process now belongs to legal; the archive still has not answered.
    legal.table.rows.push({ sheetRow: 40, cells: validCells("017-1.1-07", { 7: "Юридический отдел" }), extra: [] });
    const merged = planMerge({ inputs, settings: SETTINGS, previous: { table: approvedSource().table, description: "приказ" }, date: "20.12.2026" });
    const moved = merged.changes.find((change) => change.id === "017-1.1-07");
    expect(moved).toMatchObject({ grounds: ["content"], columns: [{ column: 7, old: "Архивный отдел", new: "Юридический отдел" }] });
    expect(merged.result.rows.filter((row) => row.cells[0] === "017-1.1-07")).toHaveLength(1);
    expect(merged.result.carriedOver).toBe(1);
  });

  test("a unit submitting twice: the later stamp wins, both files listed, the earlier file's rows not merged", () => {
    const files = plan(["Отдел кадров"]);
    const early = layoutToSheets(files[0].layout);
    const laterPlan = planDistribution({ source: approvedSource(), issued: "05.12.2026", due: DUE, units: ["Отдел кадров"] });
    if (!laterPlan.ok) throw new Error(laterPlan.message);
    const later = layoutToSheets(laterPlan.files[0].layout);
    registerSheet(early).rows[FIRST_DATA_INDEX][9] = "старая правка";
    const merged = planMerge({ inputs: [input("later.xlsx", later), input("early.xlsx", early)], settings: SETTINGS, date: "20.12.2026" });
    const unit = merged.result.units!.find((entry) => entry.unit === "Отдел кадров")!;
    expect(unit).toMatchObject({ status: "duplicate", files: ["later.xlsx", "early.xlsx"], rows: 2 });
    expect(merged.result.rows.some((row) => row.cells[9] === "старая правка")).toBe(false);
    expect(merged.result.inputs[1].message).toMatch(/заменен более поздним файлом.*«later\.xlsx»/);

    // The same stamp twice: the file saved later wins, whatever order the files were given in.
    const again = planMerge({
      inputs: [input("second-save.xlsx", later, "12.12.2026"), input("first-save.xlsx", layoutToSheets(laterPlan.files[0].layout), "10.12.2026")],
      settings: SETTINGS,
      date: "20.12.2026",
    });
    expect(again.result.inputs.map((entry) => entry.message)).toEqual(["", expect.stringMatching(/«second-save\.xlsx»/)]);
  });

  test("bad input: another agency's stamp, rows of another unit, a replaced table, a damaged stamp — merged and said", () => {
    const files = plan();
    const hr = layoutToSheets(files[0].layout);
    const stampSheet = hr.find((sheet) => sheet.name === STAMP_SHEET_NAME)!;
    stampSheet.rows[3][1] = "099"; // agency code
    registerSheet(hr).rows[FIRST_DATA_INDEX + 2] = validCells("017-1.1-30", { 7: "Юридический отдел" });
    const legal = layoutToSheets(files[1].layout);
    const legalRegister = registerSheet(legal).rows;
    legalRegister[FIRST_DATA_INDEX] = validCells("X-1", { 7: "Юридический отдел" });
    legalRegister[FIRST_DATA_INDEX + 1] = validCells("X-2", { 7: "Юридический отдел" });
    const it = layoutToSheets(files[2].layout);
    it.find((sheet) => sheet.name === STAMP_SHEET_NAME)!.rows[0][0] = "что-то другое";
    const merged = planMerge({ inputs: [input("hr.xlsx", hr), input("legal.xlsx", legal), input("it.xlsx", it)], settings: SETTINGS, date: "20.12.2026" });
    const [hrReport, legalReport, itReport] = merged.result.inputs;
    expect(hrReport.message).toMatch(/реестра другого органа/);
    expect(hrReport.message).toMatch(/строк других подразделений: 1/);
    expect(merged.result.issues).toContainEqual(
      expect.objectContaining({ file: "hr.xlsx", column: 7, severity: "warning", message: expect.stringMatching(/Строка подразделения «Юридический отдел» в файле, выданном подразделению «Отдел кадров»/) }),
    );
    expect(legalReport.message).toMatch(/ни одного из 2 выданных подразделению «Юридический отдел» идентификаторов нет в файле/);
    expect(itReport.message).toMatch(/штамп не прочитан, подразделение определено по графе 7/);
    expect(merged.result.units!.find((u) => u.unit === "Отдел информатизации")).toMatchObject({ status: "submitted", match: "column7" });
    // Nothing lost: every row of every file is in the consolidated register.
    expect(merged.result.rows.map((row) => row.cells[0])).toEqual(expect.arrayContaining(["017-1.1-30", "X-1", "X-2", "017-1.1-05"]));
  });

  test("missingUnits: the round's units without a file, for the status screen", () => {
    const files = plan();
    const stamps = files.map((file) => file.stamp);
    expect(missingUnits(stamps, [{ stamp: stamps[0] }, { stamp: null, rows: [validCells("1", { 7: "юридический отдел" })] }])).toEqual([
      "Отдел информатизации",
      "Архивный отдел",
    ]);
  });
});
