/**
 * The round the coordinator's workbook records: written when the round starts, read back with the register's tolerance,
 * updated by merges, and turned into the units still missing for «Сроки» and `reestr status`.
 */
import type { SheetText } from "../../src/core/register-types";
import { planDistribution, type UnitFilePlan } from "../../src/core/collection/distribute";
import { readCollectionStamp } from "../../src/core/collection/stamp";
import {
  buildRoundRecordSheet,
  markSubmitted,
  pendingUnitsOfSheets,
  readRoundRecord,
  roundRecordFromStamps,
  ROUND_SHEET_NAME,
  startRoundRecord,
  type RoundRecord,
} from "../../src/core/collection/round-record";
import { buildDueSummary } from "../../src/core/due-summary";
import { planMerge } from "../../src/core/layout/merge-sheets";
import { registerFromSheets, type MergeInput } from "../../src/core/merge";
import { approvedSource, layoutToSheets, SETTINGS, UNITS } from "./helpers";

const ISSUED = "01.12.2026";
const DUE = "15.12.2026";

function plan(): UnitFilePlan[] {
  const result = planDistribution({ source: approvedSource(), issued: ISSUED, due: DUE });
  if (!result.ok) throw new Error(result.message);
  return result.files;
}

function recordSheets(record: RoundRecord): SheetText[] {
  return layoutToSheets({ sheets: [buildRoundRecordSheet(record)] });
}

function input(file: UnitFilePlan, name = file.fileName): MergeInput {
  const sheets = layoutToSheets(file.layout);
  return { file: name, result: registerFromSheets(sheets), stamp: readCollectionStamp(sheets) };
}

describe("the round record", () => {
  test("started with its date, due date and units; written very hidden as text and read back", () => {
    const record = startRoundRecord({ started: ISSUED, due: DUE, units: [...UNITS, " отдел  кадров "] });
    expect(record).toEqual({ id: "СБ-20261201", started: ISSUED, due: DUE, units: UNITS.map((unit) => ({ unit, submitted: "", file: "" })) });
    const sheet = buildRoundRecordSheet(record);
    expect(sheet).toMatchObject({ name: ROUND_SHEET_NAME, visibility: "veryHidden" });
    expect(sheet.blocks.every((block) => block.style?.numberFormat === "@")).toBe(true);
    expect(readRoundRecord(recordSheets(record))).toEqual({ kind: "record", record, problems: [] });
  });

  test("a second round started the same day gets the next id", () => {
    const first = startRoundRecord({ started: ISSUED, due: "", units: UNITS });
    const second = startRoundRecord({ started: ISSUED, due: "", units: UNITS, previous: first });
    const third = startRoundRecord({ started: ISSUED, due: "", units: UNITS, previous: second });
    expect([first.id, second.id, third.id]).toEqual(["СБ-20261201", "СБ-20261201-2", "СБ-20261201-3"]);
    expect(startRoundRecord({ started: "02.12.2026", due: "", units: UNITS, previous: third }).id).toBe("СБ-20261202");
  });

  test("read with tolerance: title rows above, case and spaces in the labels; a bad date is reported and left out", () => {
    const sheets: SheetText[] = [
      {
        name: "_сбор сведений",
        rows: [
          ["Книга координатора"],
          ["СБОР СВЕДЕНИЙ ОТ ПОДРАЗДЕЛЕНИЙ (записан надстройкой «Реестр процессов»)"],
          ["  номер  сбора", "СБ-20261201"],
          ["Дата начала", "01.12.2026"],
          ["Срок представления", "скоро"],
          [],
          ["ПОДРАЗДЕЛЕНИЕ", "Дата представления", "Файл"],
          ["Отдел кадров", "03.12.2026", "Отдел кадров.xlsx"],
          ["Юридический отдел", "", ""],
          ["", "", ""],
          ["Архивный отдел", "вчера", ""],
        ],
      },
    ];
    const reading = readRoundRecord(sheets);
    expect(reading.kind).toBe("record");
    if (reading.kind !== "record") return;
    expect(reading.record).toEqual({
      id: "СБ-20261201",
      started: "01.12.2026",
      due: "",
      units: [
        { unit: "Отдел кадров", submitted: "03.12.2026", file: "Отдел кадров.xlsx" },
        { unit: "Юридический отдел", submitted: "", file: "" },
        { unit: "Архивный отдел", submitted: "", file: "" },
      ],
    });
    expect(reading.problems).toHaveLength(2);
    expect(reading.problems[0]).toMatch(/«скоро» не является датой ДД\.ММ\.ГГГГ/);
  });

  test("no sheet: none; a sheet without its marker: damaged, said in Russian", () => {
    expect(readRoundRecord([{ name: "Реестр процессов", rows: [] }])).toEqual({ kind: "none" });
    expect(readRoundRecord([{ name: ROUND_SHEET_NAME, rows: [["что-то"]] }])).toEqual({ kind: "damaged", message: expect.stringMatching(/поврежден/) });
  });

  test("pending units: the missing ones in round order, overdue only after the due date", () => {
    const record = markSubmitted(
      startRoundRecord({ started: ISSUED, due: DUE, units: UNITS }),
      [{ unit: "юридический отдел", status: "late", files: ["ю.xlsx"], rows: 2, match: "stamp", due: DUE, notes: [] }],
      "16.12.2026",
    );
    expect(record.units[1]).toEqual({ unit: "Юридический отдел", submitted: "16.12.2026", file: "ю.xlsx" });
    const sheets = recordSheets(record);
    const pending = pendingUnitsOfSheets(sheets, "2026-12-15");
    expect(pending).toEqual({ units: ["Отдел кадров", "Отдел информатизации", "Архивный отдел"], due: "2026-12-15", round: "СБ-20261201", started: "2026-12-01", overdue: false });
    expect(pendingUnitsOfSheets(sheets, "2026-12-16")?.overdue).toBe(true);
    expect(pendingUnitsOfSheets([], "2026-12-16")).toBeNull();
  });

  test("the due summary lists the missing units and counts an overdue round", () => {
    const sheets = recordSheets(startRoundRecord({ started: ISSUED, due: DUE, units: UNITS }));
    const calm = buildDueSummary(sheets, "2026-12-10", pendingUnitsOfSheets);
    expect(calm.collection?.units).toEqual(UNITS);
    expect(calm.anyOverdue).toBe(false);
    expect(buildDueSummary(sheets, "2026-12-16", pendingUnitsOfSheets).anyOverdue).toBe(true);
  });
});

describe("a merge marks the units it includes", () => {
  test("the recorded round: the two units that sent files are marked, the others stay missing", () => {
    const files = plan();
    const recorded = startRoundRecord({ started: ISSUED, due: DUE, units: UNITS });
    const merged = planMerge({ inputs: [input(files[0], "кадры.xlsx"), input(files[2])], settings: SETTINGS, date: "10.12.2026", roundRecord: recorded });
    expect(merged.round?.units.map((entry) => [entry.unit, entry.submitted, entry.file])).toEqual([
      ["Отдел кадров", "10.12.2026", "кадры.xlsx"],
      ["Юридический отдел", "", ""],
      ["Отдел информатизации", "10.12.2026", "Отдел информатизации.xlsx"],
      ["Архивный отдел", "", ""],
    ]);
    const sheets = layoutToSheets(merged.layout);
    expect(sheets.some((sheet) => sheet.name === ROUND_SHEET_NAME)).toBe(true);
    expect(pendingUnitsOfSheets(sheets, "2026-12-10")?.units).toEqual(["Юридический отдел", "Архивный отдел"]);

    // A later merge with the rest keeps the first dates and completes the round.
    const again = planMerge({ inputs: [input(files[1]), input(files[3])], settings: SETTINGS, date: "12.12.2026", roundRecord: merged.round });
    expect(again.round?.units.map((entry) => entry.submitted)).toEqual(["10.12.2026", "12.12.2026", "10.12.2026", "12.12.2026"]);
    expect(pendingUnitsOfSheets(layoutToSheets(again.layout), "2026-12-20")).toMatchObject({ units: [], overdue: false });
  });

  test("no record: the stamps of the merged files describe the round", () => {
    const files = plan();
    expect(roundRecordFromStamps([null, files[1].stamp])).toMatchObject({ started: ISSUED, due: DUE, units: UNITS.map((unit) => ({ unit })) });
    const merged = planMerge({ inputs: [input(files[1])], settings: SETTINGS, date: "10.12.2026" });
    expect(merged.round?.units.filter((entry) => entry.submitted === "").map((entry) => entry.unit)).toEqual([UNITS[0], UNITS[2], UNITS[3]]);
  });

  test("unstamped files and no record: no round is invented", () => {
    const sheets = layoutToSheets(plan()[0].layout).filter((sheet) => !sheet.name.startsWith("_"));
    const merged = planMerge({ inputs: [{ file: "a.xlsx", result: registerFromSheets(sheets) }], settings: SETTINGS, date: "10.12.2026" });
    expect(merged.round).toBeNull();
    expect(merged.layout.sheets.some((sheet) => sheet.name === ROUND_SHEET_NAME)).toBe(false);
  });
});
