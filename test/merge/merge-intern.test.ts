import { TextInterner } from "../../src/core/merge-intern";
import type { RegisterTable } from "../../src/core/register-types";

function table(rows: { cells: string[]; extra: string[] }[]): RegisterTable {
  return {
    sheet: "Реестр",
    headerRow: 1,
    columnMap: [],
    missingColumns: [],
    extraColumns: [],
    rows: rows.map((row, index) => ({ sheetRow: index + 2, ...row })),
  };
}

describe("TextInterner", () => {
  it("gives equal texts of different files one string, keeping every cell's content", () => {
    const texts = new TextInterner();
    const name = "Информирование о порядке предоставления услуги";
    const first = table([{ cells: ["017.04.010", name, ""], extra: ["заметка"] }]);
    const second = table([{ cells: ["017.04.011", name.slice(0), ""], extra: [""] }]);
    texts.internTable(first);
    texts.internTable(second);
    expect(first.rows[0].cells).toEqual(["017.04.010", name, ""]);
    expect(first.rows[0].extra).toEqual(["заметка"]);
    expect(second.rows[0].cells).toEqual(["017.04.011", name, ""]);
    expect(second.rows[0].extra).toEqual([""]);
    expect(texts.intern(name)).toBe(first.rows[0].cells[1]);
    expect(second.rows[0].cells[1]).toBe(first.rows[0].cells[1]);
  });

  it("keeps a text cut out of a longer one equal to it", () => {
    const texts = new TextInterner();
    const part = `<row><c><v>${"Согласование проекта документа".repeat(3)}</v></c></row>`.slice(11, -14);
    const kept = texts.intern(part);
    expect(kept).toBe(part);
    expect(kept.length).toBe(part.length);
    expect(texts.intern("короткий")).toBe("короткий");
  });
});
