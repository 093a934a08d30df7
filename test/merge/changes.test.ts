import { buildCatalog } from "../../src/core/catalog";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { detectChanges, groundLetters, normalizedRows } from "../../src/core/changes";
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
