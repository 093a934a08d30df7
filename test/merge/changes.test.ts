import { buildCatalog } from "../../src/core/catalog";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { approvedRegisterFromSheets, detectChanges, groundLetters, normalizedRows } from "../../src/core/changes";
import { buildApprovedRegisterLayout } from "../../src/core/approval";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import type { SheetLayout } from "../../src/core/layout/types";
import type { SheetText } from "../../src/core/register-types";
import { row, table, validCells } from "./helpers";

const catalog = buildCatalog(DEFAULT_SETTINGS);

describe("detectChanges against the approved register", () => {
  const approved = [
    validCells("X-1"),
    validCells("X-2"),
    validCells("X-3"),
    validCells("X-4"),
    validCells("X-5"),
  ];

  test("new → г, missing → в, columns 14–15 → а, others → б, both when both", () => {
    const current = [
      validCells("X-1"),
      validCells("X-2", { 15: "РПГУ" }),
      validCells("X-3", { 7: "Архивный отдел" }),
      validCells("X-4", { 14: "Не цифровой", 15: "", 8: "Сертифицирован" }),
      validCells("X-6"),
    ];
    const changes = detectChanges(approved, current, catalog);
    expect(changes.map((change) => [change.id, change.grounds])).toEqual([
      ["X-2", ["form"]],
      ["X-3", ["content"]],
      ["X-4", ["form", "content"]],
      ["X-6", ["new"]],
      ["X-5", ["terminated"]],
    ]);
    expect(changes[0].columns).toEqual([{ column: 15, old: "ЕПГУ", new: "РПГУ" }]);
    expect(changes[1].columns).toEqual([{ column: 7, old: "Отдел использования документов", new: "Архивный отдел" }]);
    expect(changes[2].columns.map((column) => column.column)).toEqual([8, 14, 15]);
    expect(changes[3]).toMatchObject({ currentIndex: 4, columns: [] });
    expect(changes[4]).toMatchObject({ previousIndex: 4, columns: [] });
    expect(groundLetters(changes[2].grounds)).toBe("а, б");
  });

  test("spelling of vocabulary values and a process given with its code are not changes", () => {
    const previous = normalizedRows(table([row(2, validCells("X-1", { 8: "идёт исследование", 15: "епгу" }))]), catalog);
    const current = normalizedRows(
      table([row(7, validCells("X-1", { 6: "1.1. Информирование о предоставлении государственной услуги" }))]),
      catalog,
    );
    expect(detectChanges(previous, current, catalog)).toEqual([]);
  });

  test("rows without an ID are not compared; repeated IDs are paired in order", () => {
    const changes = detectChanges(
      [validCells("X-1"), validCells("")],
      [validCells(""), validCells("X-1"), validCells("X-1", { 3: "Другая услуга" })],
      catalog,
    );
    expect(changes.map((change) => [change.id, change.grounds])).toEqual([["X-1", ["new"]]]);
  });
});

describe("approvedRegisterFromSheets", () => {
  /** A layout's cells as the text a reader would give. */
  function sheetText(layout: SheetLayout): SheetText {
    const rows: string[][] = [];
    for (const block of layout.blocks) {
      block.values.forEach((values, r) =>
        values.forEach((value, c) => {
          const rowIndex = block.row - 1 + r;
          while (rows.length <= rowIndex) rows.push([]);
          rows[rowIndex][block.col - 1 + c] = value === null ? "" : String(value);
        }),
      );
    }
    return { name: layout.name, rows: rows.map((cells) => Array.from(cells, (cell) => cell ?? "")) };
  }

  test("prefers the appendix feature's snapshot, naming the order", () => {
    const snapshot = buildApprovedRegisterLayout({ rows: [validCells("X-1"), validCells("X-2")], orderNumber: "7", orderDate: "15.01.2024" });
    const working: SheetText = { name: "Реестр процессов", rows: [REGISTER_COLUMNS.map((c) => c.title), validCells("Y-1")] };
    const found = approvedRegisterFromSheets([working, sheetText(snapshot)]);
    expect(found?.description).toBe("приказ от 15.01.2024 № 7");
    expect(found?.table.rows.map((r) => r.cells[0])).toEqual(["X-1", "X-2"]);
  });

  test("without a snapshot, the workbook's register is the approved one", () => {
    const working: SheetText = { name: "Реестр процессов", rows: [REGISTER_COLUMNS.map((c) => c.title), validCells("Y-1")] };
    const found = approvedRegisterFromSheets([working]);
    expect(found?.table.rows.map((r) => r.cells[0])).toEqual(["Y-1"]);
    expect(approvedRegisterFromSheets([{ name: "Лист1", rows: [["что-то"]] }])).toBeNull();
  });
});
