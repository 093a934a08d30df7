/** The round's record and the merge report as the due-date screen and `reestr status` read them. */
import { pendingUnitsOfSheets, readRoundRecord, roundRecordLayout } from "../../src/core/collection/round-record";
import { buildDueSummary } from "../../src/core/due-summary";
import type { SheetLayout } from "../../src/core/layout/types";
import type { SheetText } from "../../src/core/register-types";

/** A layout's cells as the adapters read them (display text). */
function asText(layout: SheetLayout): SheetText {
  const rows: string[][] = [];
  for (const block of layout.blocks) {
    block.values.forEach((values, r) =>
      values.forEach((value, c) => {
        const row = (rows[block.row - 1 + r] ??= []);
        row[block.col - 1 + c] = value === null ? "" : String(value);
      }),
    );
  }
  return { name: layout.name, rows: Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? "")) };
}

const UNITS = ["Отдел кадров", "Юридический отдел", "Архивный отдел"];

function report(date: string, statuses: [string, string][]): SheetText {
  return {
    name: "Отчет о сведении",
    rows: [
      ["Отчет о сведении файлов подразделений"],
      [`Дата сведения: ${date}`],
      [],
      ["Подразделения (не представившие файл — первыми)"],
      ["Подразделение", "Статус", "Файлы", "Строк", "Срок"],
      ...statuses.map(([unit, status]) => [unit, status, "", "2", "15.12.2026"]),
      [],
      ["Строк с данными в файлах", "6"],
    ],
  };
}

describe("the round's record", () => {
  test("written as data and read back: every unit pending until a merge reports its file", () => {
    const record = asText(roundRecordLayout({ issued: "01.12.2026", due: "15.12.2026", units: UNITS }));
    expect(readRoundRecord([record])).toEqual({ issued: "01.12.2026", due: "15.12.2026", units: UNITS.map((unit) => ({ unit, submitted: false })) });
    expect(pendingUnitsOfSheets([record])).toEqual({ units: UNITS, due: "2026-12-15" });

    const merged = report("10.12.2026", [["Архивный отдел", "не представлен"], ["Отдел кадров", "представлен"], ["юридический  ОТДЕЛ", "представлен с опозданием"]]);
    expect(pendingUnitsOfSheets([record, merged])).toEqual({ units: ["Архивный отдел"], due: "2026-12-15" });
  });

  test("a merge made before the round was issued does not count; a hand-marked status does", () => {
    const record = asText(roundRecordLayout({ issued: "01.12.2026", due: "", units: UNITS }));
    const old = report("20.06.2026", UNITS.map((unit) => [unit, "представлен"]));
    expect(pendingUnitsOfSheets([record, old])).toEqual({ units: UNITS, due: null });
    record.rows[5][1] = "Представлен";
    expect(pendingUnitsOfSheets([record, old])?.units).toEqual(["Отдел кадров", "Архивный отдел"]);
  });

  test("a record typed by hand: title rows, ё, other column order, a date as ISO", () => {
    const typed: SheetText = {
      name: "СБОР СВЕДЕНИЙ",
      rows: [["Сбор"], [], ["Срок", "подразделение", "Статус", "Дата выдачи"], ["2026-12-15", "Отдел кадров", "не представлен", "01.12.2026"], ["", "Архивный отдел", "представлен", ""]],
    };
    expect(pendingUnitsOfSheets([typed])).toEqual({ units: ["Отдел кадров"], due: "2026-12-15" });
  });

  test("only the merge report: the units it found missing; no record and no report: no round", () => {
    expect(pendingUnitsOfSheets([report("10.12.2026", [["Архивный отдел", "не представлен"], ["Отдел кадров", "представлен"]])])).toEqual({
      units: ["Архивный отдел"],
      due: "2026-12-15",
    });
    expect(pendingUnitsOfSheets([{ name: "Реестр процессов", rows: [["Подразделение", "Статус"], ["x", "y"]] }])).toBeNull();
  });

  test("the due summary: a unit missing after the due date is overdue", () => {
    const record = asText(roundRecordLayout({ issued: "01.12.2026", due: "15.12.2026", units: UNITS }));
    const before = buildDueSummary([record], "2026-12-10", pendingUnitsOfSheets);
    expect(before.collection).toEqual({ units: UNITS, due: "2026-12-15" });
    expect(before.anyOverdue).toBe(false);
    expect(buildDueSummary([record], "2026-12-16", pendingUnitsOfSheets).anyOverdue).toBe(true);
    const done = report("14.12.2026", UNITS.map((unit) => [unit, "представлен"]));
    expect(buildDueSummary([record, done], "2026-12-16", pendingUnitsOfSheets)).toMatchObject({ collection: { units: [] }, anyOverdue: false });
  });
});
