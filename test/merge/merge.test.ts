import { buildCatalog } from "../../src/core/catalog";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { mergeRegisters, mergeTotals, codeSortKey, compareCodes, type MergeInput } from "../../src/core/merge";
import { row, table, validCells } from "./helpers";

const catalog = buildCatalog(DEFAULT_SETTINGS);

function ok(file: string, rows: ReturnType<typeof row>[], options?: Parameters<typeof table>[1]): MergeInput {
  return { file, result: { ok: true, table: table(rows, options) } };
}

describe("mergeRegisters", () => {
  test("rows identical after trimming spaces and canonicalising vocabulary values are kept once and reported", () => {
    const first = validCells("А-1.1-01");
    const spaced = validCells("А-1.1-01", {
      3: "  Выдача\u00A0архивных   справок ",
      8: "идёт исследование.",
      9: "ВНЕШНИЙ",
      14: "цифровой",
      15: "епгу",
    });
    const result = mergeRegisters([ok("a.xlsx", [row(5, first)]), ok("b.xlsx", [row(9, spaced)])], catalog);
    expect(result.rows).toHaveLength(1);
    expect(result.duplicatesMerged).toBe(1);
    expect(result.rows[0].source).toMatchObject({ file: "a.xlsx", row: 5 });
    expect(result.rows[0].mergedDuplicates).toEqual([{ file: "b.xlsx", fileIndex: 1, sheet: "Реестр процессов", row: 9 }]);
    expect(result.inputs.map((input) => input.duplicatesMerged)).toEqual([0, 1]);
    expect(result.issues.filter((issue) => issue.code === "duplicate-id")).toEqual([]);
  });

  test("vocabulary values are written in their canonical spelling, other text only cleaned", () => {
    const result = mergeRegisters(
      [ok("a.xlsx", [row(2, validCells("X-1", { 3: " Выдача  справок ", 8: "прошёл реинжиниринг", 15: "епгу; сайт ведомства" }))])],
      catalog,
    );
    const cells = result.rows[0].cells;
    expect(cells[2]).toBe("Выдача справок");
    expect(cells[7]).toBe("Прошел реинжиниринг");
    expect(cells[14]).toBe("ЕПГУ, Сайт ведомства");
  });

  test("a process given with its code is the same process as one given without it", () => {
    const result = mergeRegisters(
      [
        ok("a.xlsx", [row(2, validCells("X-1", { 6: "1.1. Информирование о предоставлении государственной услуги" }))]),
        ok("b.xlsx", [row(2, validCells("X-1"))]),
      ],
      catalog,
    );
    expect(result.rows).toHaveLength(1);
    expect(result.duplicatesMerged).toBe(1);
  });

  test("the same ID with different content keeps every row and flags each, naming the files", () => {
    const result = mergeRegisters(
      [
        ok("отдел-1.xlsx", [row(7, validCells("X-1"))]),
        ok("отдел-2.xlsx", [row(12, validCells("X-1", { 7: "Другой отдел" }))]),
      ],
      catalog,
    );
    expect(result.rows).toHaveLength(2);
    const flagged = result.issues.filter((issue) => issue.code === "duplicate-id");
    expect(flagged.map((issue) => [issue.file, issue.row, issue.severity])).toEqual(
      expect.arrayContaining([
        ["отдел-1.xlsx", 7, "error"],
        ["отдел-2.xlsx", 12, "error"],
      ]),
    );
    expect(flagged).toHaveLength(2);
    for (const issue of flagged) {
      expect(issue.message).toContain("отдел-1.xlsx (строка 7)");
      expect(issue.message).toContain("отдел-2.xlsx (строка 12)");
    }
  });

  test("invalid rows are imported and their issues point at the source file and row", () => {
    const result = mergeRegisters(
      [
        ok("a.xlsx", [row(4, validCells("X-1"))]),
        ok("b.xlsx", [row(20, validCells("X-2", { 8: "Почти готово", 7: "" }))], { sheet: "Лист1", headerRow: 3 }),
      ],
      catalog,
    );
    expect(result.rows).toHaveLength(2);
    const status = result.issues.find((issue) => issue.code === "invalid-value" && issue.column === 8);
    expect(status).toMatchObject({ file: "b.xlsx", row: 20, severity: "error" });
    const required = result.issues.find((issue) => issue.code === "required");
    expect(required).toMatchObject({ file: "b.xlsx", row: 20, column: 7 });
    expect(result.rows[status!.mergedIndex].cells[0]).toBe("X-2");
  });

  test("a file that could not be read is reported and the others are merged", () => {
    const result = mergeRegisters(
      [
        ok("a.xlsx", [row(2, validCells("X-1"))]),
        { file: "broken.xlsx", result: { ok: false, reason: "not-a-workbook", message: "файл не является книгой Excel (.xlsx)" } },
        ok("c.xlsx", [row(2, validCells("X-2"))]),
      ],
      catalog,
    );
    expect(result.inputs.map((input) => [input.file, input.status, input.rows, input.message])).toEqual([
      ["a.xlsx", "ok", 1, ""],
      ["broken.xlsx", "error", 0, "файл не является книгой Excel (.xlsx)"],
      ["c.xlsx", "ok", 1, ""],
    ]);
    expect(result.rows).toHaveLength(2);
  });

  test("empty rows are not data; rows with text only in extra columns are counted apart", () => {
    const empty = Array.from({ length: 15 }, () => "");
    const result = mergeRegisters(
      [ok("a.xlsx", [row(2, validCells("X-1"), ["примечание"]), row(3, empty, [""]), row(4, [" ", "\u00A0", ...empty.slice(2)], ["заметка"])], { extraTitles: ["Примечание"] })],
      catalog,
    );
    expect(result.inputs[0].rows).toBe(1);
    expect(result.inputs[0].rowsWithoutRegisterData).toBe(1);
    expect(result.rows).toHaveLength(1);
  });

  test("extra columns are kept: titles united across files, values carried with their rows", () => {
    const result = mergeRegisters(
      [
        ok("a.xlsx", [row(2, validCells("X-1"), ["из а"])], { extraTitles: ["Примечание"] }),
        ok("b.xlsx", [row(2, validCells("X-2"), ["7", "из б"])], { extraTitles: ["Срок", "примечание"] }),
      ],
      catalog,
    );
    expect(result.extraColumns).toEqual(["Примечание", "Срок"]);
    const byId = new Map(result.rows.map((r) => [r.cells[0], r]));
    expect([...byId.get("X-1")!.extra]).toEqual([[0, "из а"]]);
    expect([...byId.get("X-2")!.extra].sort()).toEqual([[0, "из б"], [1, "7"]]);
    expect(result.inputs[1].message).toContain("«Срок»");
  });

  test("order: direction, then process code (numbers as numbers), then ID; unknown processes last; stable", () => {
    const p = (code: string) => catalog.processes.find((process) => process.code === code)!;
    const cells = (id: string, code: string | null, direction = "") =>
      validCells(id, { 5: direction, 6: code ? p(code).name : "Непонятный процесс" });
    const result = mergeRegisters(
      [
        ok("a.xlsx", [
          row(2, cells("Z-9", null)),
          row(3, cells("B-2", "5.10")),
          row(4, cells("B-1", "5.2")),
          row(5, cells("C-1", null, "Рассмотрение обращений и запросов")),
          row(6, cells("A-10", "1.1")),
        ]),
        ok("b.xlsx", [row(2, cells("A-9", "1.1")), row(3, cells("", "1.1")), row(4, cells("D-1", "3.1"))]),
      ],
      catalog,
    );
    expect(result.rows.map((r) => r.cells[0])).toEqual(["A-9", "A-10", "", "D-1", "C-1", "B-1", "B-2", "Z-9"]);
  });

  test("rows are merged exactly when all 15 cells are equal, among thousands drawn from few values", () => {
    let seed = 3;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const inputs: MergeInput[] = [];
    const distinct = new Set<string>();
    for (let file = 0; file < 12; file++) {
      const rows = [];
      for (let index = 0; index < 250; index++) {
        const cells = validCells(`ID-${next(40)}`, { 3: `Услуга ${next(3)}`, 11: `данные ${next(4)}`, 12: `результат ${next(2)}` });
        distinct.add(JSON.stringify(cells));
        rows.push(row(index + 2, cells));
      }
      inputs.push(ok(`unit-${file}.xlsx`, rows));
    }
    const result = mergeRegisters(inputs, catalog);
    expect(result.rows).toHaveLength(distinct.size);
    expect(new Set(result.rows.map((merged) => JSON.stringify(merged.cells))).size).toBe(distinct.size);
    expect(result.duplicatesMerged).toBe(3000 - distinct.size);
  });

  test("every input row is accounted for: rows read = consolidated rows + merged duplicates", () => {
    const inputs: MergeInput[] = [];
    for (let file = 0; file < 6; file++) {
      const rows = [];
      for (let index = 0; index < 40; index++) {
        // Files share IDs 0–19 with identical content; 20–39 are their own, with a conflict every 10th row.
        const id = index < 20 ? `S-${index}` : `F${file}-${index}`;
        rows.push(row(index + 2, validCells(index % 10 === 5 && index >= 20 ? "CONFLICT" : id, { 12: `результат ${id}` })));
      }
      inputs.push(ok(`unit-${file}.xlsx`, rows));
    }
    const result = mergeRegisters(inputs, catalog);
    const totals = mergeTotals(result);
    expect(totals.rowsRead).toBe(240);
    expect(totals.rows + totals.duplicatesMerged).toBe(totals.rowsRead);
    expect(totals.duplicatesMerged).toBe(5 * 20);
    const mentioned = new Set<string>();
    for (const merged of result.rows) {
      for (const source of [merged.source, ...merged.mergedDuplicates]) mentioned.add(`${source.file}:${source.row}`);
    }
    expect(mentioned.size).toBe(240);
    expect(result.issues.filter((issue) => issue.code === "duplicate-id")).toHaveLength(12);
  });
});

describe("compareCodes", () => {
  test("numbers inside codes compare as numbers", () => {
    expect(["5.10", "5.2", "1.9", "017.04.010", "017.04.002"].sort(compareCodes)).toEqual(["1.9", "5.2", "5.10", "017.04.002", "017.04.010"]);
  });

  test("the sort key is each digit run without its leading zeros, padded to 16 digits, then the code itself", () => {
    // The key by its definition, piece by piece.
    const reference = (code: string) => code.replace(/\d+/g, (run) => run.replace(/^0+(?=\d)/, "").padStart(16, "0")) + "\u0000" + code;
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const alphabet = "0123456789.-А z";
    const codes = Array.from({ length: 2000 }, () => Array.from({ length: next(24) }, () => alphabet[next(alphabet.length)]).join(""));
    // The last two make keys past one String.fromCharCode call (8,192 code units).
    codes.push("", "0", "000", "1".repeat(20), "0".repeat(17) + "5", "1а".repeat(300), "9".repeat(400), "1а".repeat(1000), "7".repeat(9000));
    for (const code of codes) expect(codeSortKey(code)).toBe(reference(code));
  });
});
