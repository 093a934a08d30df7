/** The fixes in the core (src/core/fixes.ts): each kind's changes, and re-validation after applying a plan. */
import { buildCatalog } from "../../src/core/catalog";
import { applyFixToTable, planAllFixes, planFix, resolveIdScheme, tidySpaces, FIX_KINDS, type FixOptions } from "../../src/core/fixes";
import { findRegister } from "../../src/core/read-register";
import type { RegisterTable, SheetText } from "../../src/core/register-types";
import { validateRegister } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { typicalProcesses } from "../../src/core/typical-list";
import { REGISTER_TITLES, validRow } from "../fixtures/register-data";

const catalog = buildCatalog(DEFAULT_SETTINGS);
const OPTIONS: FixOptions = { idScheme: "{agency}-{process}-{nn}", agencyCode: "017" };
const PROCESS_1_1 = typicalProcesses()[0];
const PROCESS_2_4 = typicalProcesses().find((p) => p.code === "2.4")!;

/** A sheet with a title, the header in row 3 and the given data rows from row 4. */
function sheetOf(rows: string[][], name = "Реестр процессов"): SheetText {
  return { name, rows: [["Реестр"], [], [...REGISTER_TITLES], ...rows] };
}

function read(sheet: SheetText): RegisterTable {
  const table = findRegister([sheet]);
  if (!table) throw new Error("no register");
  return table;
}

function rowWith(index: number, patch: Record<number, string>): string[] {
  const row = validRow(index);
  for (const [column, value] of Object.entries(patch)) row[Number(column) - 1] = value;
  return row;
}

function issueKeys(table: RegisterTable): string[] {
  return validateRegister(table, catalog).map((issue) => `${issue.row}:${issue.column}:${issue.code}`);
}

test("FIX_KINDS and planAllFixes: every kind, in order, with Russian titles, also when nothing changes", () => {
  const sheet = sheetOf([validRow(0), validRow(1)]);
  const plans = planAllFixes(read(sheet), catalog, { ...OPTIONS, source: sheet });
  expect(plans.map((plan) => plan.kind)).toEqual([...FIX_KINDS]);
  expect(plans.map((plan) => plan.changes.length)).toEqual([0, 0, 0, 0]);
  expect(plans.map((plan) => plan.title)).toEqual([
    "Убрать лишние пробелы",
    "Привести значения к справочнику",
    "Заполнить направление по процессу",
    "Присвоить идентификаторы",
  ]);
  for (const plan of plans) expect(plan.description).toMatch(/[А-Яа-я]/);
});

describe("trim-spaces", () => {
  test("trims, collapses spaces and non-breaking spaces, keeps line breaks inside; before is the raw text", () => {
    const sheet = sheetOf([
      rowWith(0, { 3: "  Выдача\u00A0\u00A0архивных   справок ", 4: "\n Закон 1 \n\n\nЗакон 2\n\n" }),
      rowWith(1, { 7: "Отдел\tкадров" }),
      validRow(2),
    ]);
    const plan = planFix("trim-spaces", read(sheet), catalog, { ...OPTIONS, source: sheet });
    expect(plan.changes).toEqual([
      { row: 4, column: 3, sheetColumn: 2, before: "  Выдача\u00A0\u00A0архивных   справок ", after: "Выдача архивных справок" },
      { row: 4, column: 4, sheetColumn: 3, before: "\n Закон 1 \n\n\nЗакон 2\n\n", after: "Закон 1\n\nЗакон 2" },
      { row: 5, column: 7, sheetColumn: 6, before: "Отдел\tкадров", after: "Отдел кадров" },
    ]);
    expect(plan.description).toContain("3 ячейки");
  });

  test("a tidy text is a fixed point; without the source sheet nothing is found (the table is already cleaned)", () => {
    expect(tidySpaces("a\n\nb")).toBe("a\n\nb");
    expect(tidySpaces(" a \u202F b ")).toBe("a b");
    const sheet = sheetOf([rowWith(0, { 3: "  лишние  пробелы " })]);
    expect(planFix("trim-spaces", read(sheet), catalog, OPTIONS).changes).toEqual([]);
  });
});

describe("canonical-values", () => {
  test("case, ё/е and spelling of vocabulary values become the dropdowns' items; unknown values stay", () => {
    const sheet = sheetOf([
      rowWith(0, { 8: "идёт исследование", 9: "внешний", 14: "нецифровой", 15: "епгу,  рпгу" }),
      rowWith(1, { 5: "1. предоставление государственных услуг", 6: "информирование о предоставлении ГОСУДАРСТВЕННОЙ услуги" }),
      rowWith(2, { 6: "1.1 Информирование о предоставлении государственной услуги.", 8: "на согласовании", 15: "ЕПГУ; Портал" }),
      rowWith(3, { 5: "2", 6: PROCESS_2_4.name.toUpperCase() }),
    ]);
    const table = read(sheet);
    const plan = planFix("canonical-values", table, catalog, { ...OPTIONS, source: sheet });
    const byCell = Object.fromEntries(plan.changes.map((c) => [`${c.row}:${c.column}`, c.after]));
    expect(byCell).toEqual({
      "4:8": "Идет исследование",
      "4:9": "Внешний",
      "4:14": "Не цифровой",
      "4:15": "ЕПГУ, РПГУ",
      "5:5": "Предоставление государственных услуг",
      "5:6": PROCESS_1_1.name,
      "6:6": `1.1. ${PROCESS_1_1.name}`,
      "7:5": "Государственный контроль (надзор)",
      "7:6": PROCESS_2_4.name,
    });
    expect(plan.changes.find((c) => c.row === 4 && c.column === 8)!.before).toBe("идёт исследование");
    // Re-validation: the same issues as before (the rules are tolerant), and a second plan finds nothing.
    const fixed = applyFixToTable(table, plan);
    expect(issueKeys(fixed)).toEqual(issueKeys(table));
    expect(planFix("canonical-values", fixed, catalog, OPTIONS).changes).toEqual([]);
  });

  test("a value that differs in spaces only is left to trim-spaces", () => {
    const sheet = sheetOf([rowWith(0, { 9: "  Внешний " })]);
    expect(planFix("canonical-values", read(sheet), catalog, { ...OPTIONS, source: sheet }).changes).toEqual([]);
  });
});

describe("fill-direction", () => {
  test("fills an empty column 5 and corrects a wrong one from the process; rows with unknown processes stay", () => {
    const sheet = sheetOf([
      rowWith(0, { 5: "" }),
      rowWith(1, { 5: "Государственный контроль (надзор)" }),
      rowWith(2, { 5: "", 6: "Процесс не из перечня" }),
      validRow(3),
    ]);
    const table = read(sheet);
    expect(issueKeys(table)).toContain("5:5:group-mismatch");
    const plan = planFix("fill-direction", table, catalog, { ...OPTIONS, source: sheet });
    expect(plan.changes).toEqual([
      { row: 4, column: 5, sheetColumn: 4, before: "", after: "Предоставление государственных услуг" },
      { row: 5, column: 5, sheetColumn: 4, before: "Государственный контроль (надзор)", after: "Предоставление государственных услуг" },
    ]);
    expect(plan.description).toBe("Графа 5 «Группа процессов» по процессу из графы 6: заполнить пустую в 1 строке, исправить не соответствующую процессу в 1 строке.");
    const fixed = applyFixToTable(table, plan);
    expect(issueKeys(fixed).filter((key) => key.endsWith("group-mismatch"))).toEqual([]);
    expect(planFix("fill-direction", fixed, catalog, OPTIONS).changes).toEqual([]);
  });

  test("a table without column 5 has nothing to fill", () => {
    const header = REGISTER_TITLES.filter((_, i) => i !== 4);
    const sheet: SheetText = { name: "Лист", rows: [header, validRow(0).filter((_, i) => i !== 4)] };
    const plan = planFix("fill-direction", read(sheet), catalog, OPTIONS);
    expect(plan.changes).toEqual([]);
    expect(plan.description).toContain("нет графы 5");
  });
});

describe("assign-ids", () => {
  test("{agency}-{process}-{nn}: continues after the highest number of the same prefix, never repeats an ID", () => {
    const sheet = sheetOf([
      rowWith(0, { 1: "017-1.1-01" }),
      rowWith(1, { 1: "017-1.1-07" }),
      rowWith(2, { 1: "" }),
      rowWith(38, { 1: "  " }), // process 1.1 again (the fixture cycles through 38)
      rowWith(39, { 1: "" }), // process 1.2
      rowWith(4, { 1: "", 6: "Процесс не из перечня" }),
      rowWith(5, { 1: "017-1.2-01" }),
    ]);
    // Row 6 of the sheet is process 1.3 (validRow(2)); rows 7/8 are 1.1 and 1.2.
    const table = read(sheet);
    expect(issueKeys(table).filter((key) => key.endsWith(":1:required"))).toHaveLength(4);
    const plan = planFix("assign-ids", table, catalog, { ...OPTIONS, source: sheet });
    expect(plan.changes.map((c) => [c.row, c.before, c.after])).toEqual([
      [6, "", "017-1.3-01"],
      [7, "  ", "017-1.1-08"],
      [8, "", "017-1.2-02"],
      [9, "", "017-0-01"],
    ]);
    const fixed = applyFixToTable(table, plan);
    expect(issueKeys(fixed).filter((key) => key.includes(":1:"))).toEqual([]);
    expect(planFix("assign-ids", fixed, catalog, OPTIONS).changes).toEqual([]);
  });

  test("without an agency code the segment and its separator are left out", () => {
    expect(resolveIdScheme("{agency}-{process}-{nn}", "")).toBe("{process}-{nn}");
    expect(resolveIdScheme("{process}/{agency}/{nn}", "")).toBe("{process}/{nn}");
    expect(resolveIdScheme("{agency}-{process}", "АГ")).toBe("АГ-{process}-{nn}");
  });

  test("a scheme with {agency} and no agency code: the fix is not offered, it asks for the code; no placeholder is shown", () => {
    const sheet = sheetOf([rowWith(0, { 1: "" })]);
    const plan = planFix("assign-ids", read(sheet), catalog, { idScheme: "{agency}-{process}-{nn}", agencyCode: "" });
    expect(plan.changes).toEqual([]);
    expect(plan.needsSetting).toBe("agencyCode");
    expect(plan.description).toContain("код органа в настройках не задан");
    expect(`${plan.title} ${plan.description}`).not.toMatch(/\{(agency|process|nn)\}/);
    const withCode = planFix("assign-ids", read(sheet), catalog, { idScheme: "{agency}-{process}-{nn}", agencyCode: "АС" });
    expect(withCode.changes.map((c) => c.after)).toEqual(["АС-1.1-01"]);
    expect(`${withCode.title} ${withCode.description}`).not.toMatch(/\{(agency|process|nn)\}/);
  });

  test("unique against existing IDs in any case and spelling; numeric-looking IDs continue their width", () => {
    const sheet = sheetOf([
      rowWith(0, { 1: "1" }),
      rowWith(1, { 1: "007" }),
      rowWith(2, { 1: "" }),
      rowWith(3, { 1: "" }),
    ]);
    const plan = planFix("assign-ids", read(sheet), catalog, { idScheme: "{nn}", agencyCode: "" });
    expect(plan.changes.map((c) => c.after)).toEqual(["008", "009"]);

    const mixed = sheetOf([rowWith(0, { 1: "ab-1.1-02" }), rowWith(38, { 1: "" })]);
    const planMixed = planFix("assign-ids", read(mixed), catalog, { idScheme: "{agency}-{process}-{nn}", agencyCode: "AB" });
    expect(planMixed.changes.map((c) => c.after)).toEqual(["AB-1.1-03"]);
  });

  test("a candidate that an existing ID already spells (compared as matchKey does) is skipped", () => {
    // "017-1.1-02." does not count as number 2 (not digits before the end), but matchKey sees it as "017-1.1-02".
    const sheet = sheetOf([rowWith(0, { 1: "017-1.1-01" }), rowWith(1, { 1: "017-1.1-02." }), rowWith(38, { 1: "" })]);
    const plan = planFix("assign-ids", read(sheet), catalog, OPTIONS);
    expect(plan.changes.map((c) => c.after)).toEqual(["017-1.1-03"]);
  });
});
