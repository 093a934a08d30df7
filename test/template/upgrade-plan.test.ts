import { buildCatalog } from "../../src/core/catalog";
import { REGISTER_COLUMNS, columnTitleWithMark } from "../../src/core/columns";
import { buildTemplateLayout } from "../../src/core/layout/template";
import type { SheetLayout } from "../../src/core/layout/types";
import { findRegister } from "../../src/core/read-register";
import type { SheetText } from "../../src/core/register-types";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planTemplateUpgrade, upgradeTemplateOptions } from "../../src/core/template-upgrade";
import { processAutofill, processRowsTouched } from "../../src/adapters/office/template";

/** What a renderer leaves in the grid: strings and numbers replace cells, null leaves them. */
function applyBlocks(sheet: SheetText, layout: SheetLayout): SheetText {
  const rows = sheet.rows.map((r) => [...r]);
  for (const block of layout.blocks) {
    block.values.forEach((values, r) =>
      values.forEach((value, c) => {
        if (value === null) return;
        const row = (rows[block.row - 1 + r] ??= []);
        while (row.length < block.col - 1 + c) row.push("");
        row[block.col - 1 + c] = typeof value === "object" ? "" : String(value);
      }),
    );
  }
  for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (v) => v ?? "");
  // Trim trailing empty rows like a used range would.
  while (rows.length && rows[rows.length - 1].every((v) => v === "")) rows.pop();
  return { name: sheet.name, rows };
}

function upgrade(sheet: SheetText) {
  const table = findRegister([sheet]);
  if (!table) throw new Error("нет реестра");
  const plan = planTemplateUpgrade(sheet, table);
  const options = upgradeTemplateOptions(plan, sheet, { dataRows: 50 });
  const layout = buildTemplateLayout(DEFAULT_SETTINGS, options);
  return { plan, layout, after: applyBlocks(sheet, layout.sheets[0]) };
}

function nonEmptyTexts(sheet: SheetText, fromRow = 0): string[] {
  return sheet.rows.slice(fromRow).flat().filter((t) => t.trim() !== "").sort();
}

// A unit's own register: title rows, its own «№ п/п» column first, columns out of order, a note column, numeric IDs,
// no numbering row, an empty row in the middle.
const messy: SheetText = {
  name: "Лист1",
  rows: [
    ["Реестр процессов отдела"],
    [],
    ["№ п/п", "Наименование процесса", "Идентификатор процесса", "Статус", "Наименование услуги, функции, сервиса", "Ответственный", "Примечание"],
    ["1", "1.1. Информирование о предоставлении государственной услуги", "1.10", "Идет исследование", "Выдача архивных справок", "Отдел А", "срочно"],
    [],
    ["2", "Прием и регистрация запроса заявителя", "017.04.001", "Сертифицирован", "Выдача архивных справок", "Отдел Б", ""],
    ["", "", "", "", "", "", "", "", "забытая ячейка"],
  ],
};

describe("planning the conversion of a register-like sheet", () => {
  test("columns go into the form's order, own columns to the right, numbering inserted, nothing lost", () => {
    const { plan, after } = upgrade(messy);
    expect(plan.unchanged).toBe(false);
    expect(plan.rowShift).toBe(1);
    expect(plan.moves.filter((m) => m.register !== null).map((m) => [m.from, m.to])).toEqual([
      [2, 1],
      [4, 3],
      [1, 6],
      [5, 7],
      [3, 8],
    ]);
    expect(plan.extraTitles).toEqual(["№ п/п", "Примечание", ""]);
    expect(plan.summary.join(" ")).toMatch(/Собственные столбцы сохранены справа от графы 15: «№ п\/п» \(A → P\); «Примечание» \(G → Q\); «без заголовка» \(I → R\)/);
    // Rows above the header are untouched; the header is the form's; numbering 1–15 under it.
    expect(after.rows[0][0]).toBe("Реестр процессов отдела");
    expect(after.rows[2].slice(0, 15)).toEqual(REGISTER_COLUMNS.map(columnTitleWithMark));
    expect(after.rows[2].slice(15, 18)).toEqual(["№ п/п", "Примечание", ""]);
    expect(after.rows[3].slice(0, 15)).toEqual(REGISTER_COLUMNS.map((c) => String(c.number)));
    const firstRow = after.rows[4];
    expect([firstRow[0], firstRow[5], firstRow[7], firstRow[15], firstRow[16]]).toEqual([
      "1.10",
      "1.1. Информирование о предоставлении государственной услуги",
      "Идет исследование",
      "1",
      "срочно",
    ]);
    expect(after.rows[6][0]).toBe("017.04.001");
    expect(after.rows[7][17]).toBe("забытая ячейка");
    // Every data text is still there (header wording aside).
    const before = nonEmptyTexts({ name: "", rows: messy.rows.slice(3) });
    const kept = nonEmptyTexts({ name: "", rows: after.rows.slice(4) });
    expect(kept).toEqual(before);
  });

  test("running it again plans no moves and changes nothing", () => {
    const first = upgrade(messy).after;
    const second = upgrade(first);
    expect(second.plan.unchanged).toBe(true);
    expect(second.plan.retitled).toEqual([]);
    expect(second.plan.summary[0]).toMatch(/уже стоят в порядке формы/);
    expect(second.after).toEqual(first);
    expect(upgrade(second.after).after).toEqual(first);
  });

  test("a numbering row already under the header is kept in place (no row shift)", () => {
    const sheet: SheetText = {
      name: "Реестр",
      rows: [
        ["Идентификатор процесса", "Наименование услуги, функции, сервиса", "Наименование процесса", "Статус процесса"],
        ["1", "3", "6", "8"],
        ["1.1", "Услуга", "1.1. Информирование о предоставлении государственной услуги", "Сертифицирован"],
      ],
    };
    const { plan, after } = upgrade(sheet);
    expect(plan.hadNumberingRow).toBe(true);
    expect(plan.rowShift).toBe(0);
    expect(after.rows[2][0]).toBe("1.1");
    expect(after.rows[2][2]).toBe("Услуга");
    expect(after.rows[2][5]).toBe("1.1. Информирование о предоставлении государственной услуги");
    expect(after.rows[1].slice(0, 15)).toEqual(REGISTER_COLUMNS.map((c) => String(c.number)));
    expect(plan.missingColumns).toEqual([2, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15]);
  });
});

describe("autofill when a process is picked", () => {
  const catalog = buildCatalog(DEFAULT_SETTINGS);
  test("fills the direction, proposes the value only when column 10 is empty", () => {
    const changes = processAutofill(
      [
        { row: 5, group: "", process: "1.1. Информирование о предоставлении государственной услуги", value: "" },
        { row: 6, group: "Предоставление государственных услуг", process: "1.2. Организация подачи заявителем запроса", value: "своя ценность" },
        { row: 7, group: "", process: "не из перечня", value: "" },
      ],
      catalog,
    );
    expect(changes[0]).toEqual({ row: 5, group: "Предоставление государственных услуг", value: catalog.processes[0].value });
    expect(changes.find((c) => c.row === 6)).toBeUndefined();
    expect(changes.find((c) => c.row === 7)).toBeUndefined();
  });

  test("which rows of column 6 a change address touches", () => {
    expect(processRowsTouched("F7", 5)).toEqual({ top: 7, bottom: 7 });
    expect(processRowsTouched("'Реестр процессов'!E3:G12", 5)).toEqual({ top: 5, bottom: 12 });
    expect(processRowsTouched("G7", 5)).toBeNull();
    expect(processRowsTouched("F2", 5)).toBeNull();
    expect(processRowsTouched("7:9", 5)).toEqual({ top: 7, bottom: 9 });
    expect(processRowsTouched("F:F", 5)).toEqual({ top: 5, bottom: 1_048_576 });
  });
});
