import { REGISTER_COLUMNS, columnTitleWithMark } from "../../src/core/columns";
import { findRegister } from "../../src/core/read-register";
import type { SheetText } from "../../src/core/register-types";
import { SETTINGS_SHEET_NAME } from "../../src/core/settings";
import type { SheetLayout } from "../../src/core/layout/types";
import { planAppendix } from "../../src/core/appendix-plan";
import { APPENDIX_SHEET_NAME, CHANGE_LOG_SHEET_NAME, GENERATED_SHEET_NAMES, SUMMARY_SHEET_NAME } from "../../src/core/sheet-names";
import { registerSheets } from "../appendix/helpers";
import { validRows } from "../fixtures/register-data";

const HEADER = REGISTER_COLUMNS.map(columnTitleWithMark);
const NUMBERS = REGISTER_COLUMNS.map((c) => String(c.number));

function dataRow(id: string, process = "1.1. Информирование о предоставлении государственной услуги"): string[] {
  const row = new Array(15).fill("");
  row[0] = id;
  row[2] = "Выдача архивных справок";
  row[5] = process;
  row[6] = "Отдел использования";
  row[7] = "Идет исследование";
  return row;
}

describe("findRegister", () => {
  it("finds the header under title rows, skips the numbering row and empty rows, keeps sheet row numbers", () => {
    const sheet: SheetText = {
      name: "Лист1",
      rows: [
        ["Реестр межведомственных и внутриведомственных процессов"],
        ["Архивной службы РСО-Алания"],
        [],
        HEADER,
        NUMBERS,
        dataRow(" АС-1.1-01\u00A0"),
        new Array(15).fill(""),
        ["", ""],
        dataRow("АС-1.1-02"),
      ],
    };
    const table = findRegister([sheet])!;
    expect(table).not.toBeNull();
    expect(table.sheet).toBe("Лист1");
    expect(table.headerRow).toBe(4);
    expect(table.missingColumns).toEqual([]);
    expect(table.extraColumns).toEqual([]);
    expect(table.columnMap).toEqual(REGISTER_COLUMNS.map((_, i) => i));
    expect(table.rows.map((r) => r.sheetRow)).toEqual([6, 9]);
    expect(table.rows[0].cells[0]).toBe("АС-1.1-01");
    expect(table.rows[0].cells).toHaveLength(15);
  });

  it("maps reordered columns, keeps an extra column and reports missing ones", () => {
    const header = ["№ п/п", "Наименование процесса*", "ID процесса", "Примечание", "Статус процесса\n(статус реинжиниринг)*", "Название услуги, функции, сервиса"];
    const sheet: SheetText = {
      name: "Свод",
      rows: [header, ["1", "2", "3", "4", "5", "6"], ["1", "Прием и регистрация запроса заявителя", "104", "срочно", "Сертифицирован", "Услуга"]],
    };
    const table = findRegister([sheet])!;
    expect(table.headerRow).toBe(1);
    expect(table.columnMap[5]).toBe(1);
    expect(table.columnMap[0]).toBe(2);
    expect(table.columnMap[7]).toBe(4);
    expect(table.columnMap[2]).toBe(5);
    expect(table.missingColumns).toEqual([2, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15]);
    expect(table.extraColumns).toEqual([
      { sheetColumn: 0, title: "№ п/п" },
      { sheetColumn: 3, title: "Примечание" },
    ]);
    expect(table.rows).toHaveLength(1);
    const row = table.rows[0];
    expect(row.sheetRow).toBe(3);
    expect(row.cells[0]).toBe("104");
    expect(row.cells[5]).toBe("Прием и регистрация запроса заявителя");
    expect(row.cells[6]).toBe("");
    expect(row.extra).toEqual(["1", "срочно"]);
  });

  it("skips a numbering row that follows the register numbers of reordered columns", () => {
    const sheet: SheetText = {
      name: "Реестр",
      rows: [
        ["Наименование процесса", "Идентификатор процесса", "Статус"],
        ["6", "1", "8"],
        ["Предоставление отпуска", "5", "Сертифицирован"],
      ],
    };
    const table = findRegister([sheet])!;
    expect(table.rows.map((r) => r.sheetRow)).toEqual([3]);
  });

  it("does not take a data row of numbers for the numbering row when it is not the first row", () => {
    const sheet: SheetText = {
      name: "Реестр",
      rows: [["Идентификатор процесса", "Клиент", "Статус"], ["10", "Внешний", "Сертифицирован"], ["11", "12", "13"]],
    };
    expect(findRegister([sheet])!.rows.map((r) => r.sheetRow)).toEqual([2, 3]);
  });

  it("returns null when no sheet has a header of at least 3 titles including ID, service or process", () => {
    expect(findRegister([{ name: "Лист1", rows: [["Клиент", "Статус", "Примечание"], ["Внешний", "x", ""]] }])).toBeNull();
    expect(findRegister([{ name: "Лист1", rows: [["Идентификатор процесса", "Статус"]] }])).toBeNull();
    expect(findRegister([])).toBeNull();
  });

  it("ignores a header below the first 30 rows", () => {
    const rows: string[][] = Array.from({ length: 30 }, () => ["текст"]);
    rows.push(HEADER, dataRow("1"));
    expect(findRegister([{ name: "Лист1", rows }])).toBeNull();
  });

  it("prefers the best header across sheets and a sheet named «Реестр…» on a tie; skips our own sheets", () => {
    const partial: SheetText = { name: "Свод", rows: [["Идентификатор процесса", "Наименование процесса", "Статус"], ["1", "x", "y"]] };
    const full: SheetText = { name: "Лист3", rows: [HEADER, dataRow("2")] };
    const named: SheetText = { name: "Реестр процессов", rows: [HEADER, dataRow("3")] };
    const settings: SheetText = { name: SETTINGS_SHEET_NAME, rows: [HEADER, dataRow("4")] };
    const hidden: SheetText = { name: "_Списки", rows: [HEADER, dataRow("5")] };
    expect(findRegister([partial, full])!.sheet).toBe("Лист3");
    expect(findRegister([settings, hidden, full, named])!.sheet).toBe("Реестр процессов");
    expect(findRegister([settings, hidden])).toBeNull();
  });

  it("keeps the better of two titles naming the same column and reports the other as extra", () => {
    const sheet: SheetText = {
      name: "Реестр",
      rows: [["Статус", "Идентификатор процесса", "Наименование процесса", "Статус процесса (статус реинжиниринга)"], ["a", "1", "p", "s"]],
    };
    const table = findRegister([sheet])!;
    expect(table.columnMap[7]).toBe(3);
    expect(table.extraColumns).toEqual([{ sheetColumn: 0, title: "Статус" }]);
    expect(table.rows[0].cells[7]).toBe("s");
    expect(table.rows[0].extra).toEqual(["a"]);
  });
});

describe("findRegister numbering rows", () => {
  it("keeps a first data row made only of numbers that are not a column numbering", () => {
    const sheet: SheetText = { name: "Реестр", rows: [["Идентификатор процесса", "Клиент", "Статус"], ["10", "11", "12"]] };
    expect(findRegister([sheet])!.rows.map((r) => r.sheetRow)).toEqual([2]);
  });
});

/** A rendered layout as an adapter would read it back: the text of every cell. */
function sheetTextOf(layout: SheetLayout): SheetText {
  const rows: string[][] = [];
  for (const block of layout.blocks) {
    block.values.forEach((values, r) => {
      const row = (rows[block.row - 1 + r] ??= []);
      values.forEach((value, c) => {
        row[block.col - 1 + c] = value === null ? "" : typeof value === "object" ? "" : String(value);
      });
    });
  }
  return { name: layout.name, rows: Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? "")) };
}

describe("findRegister and the sheets we generate", () => {
  const plan = planAppendix({ sheets: registerSheets(validRows(4)), order: { orderNumber: "7", orderDate: "15.01.2024", agencyGenitive: "Архивной службы" } });
  if (!plan.ok) throw new Error(plan.message);
  const appendix = sheetTextOf(plan.layout.sheets.find((sheet) => sheet.name === APPENDIX_SHEET_NAME)!);

  it("the appendix repeats all 15 titles, so it would win on its own", () => {
    expect(findRegister([appendix])!.sheet).toBe(APPENDIX_SHEET_NAME);
    expect(findRegister([appendix])!.missingColumns).toEqual([]);
  });

  it("takes a user's sheet with fewer recognised titles over the appendix placed before it", () => {
    const users: SheetText = { name: "Лист1", rows: [["Идентификатор процесса", "Наименование процесса", "Статус"], ["1", "Процесс", "Действует"]] };
    const table = findRegister([appendix, users])!;
    expect(table.sheet).toBe("Лист1");
    expect(table.rows.map((row) => row.cells[0])).toEqual(["1"]);
  });

  it("skips every generated sheet by name, whatever its case and spacing, while another sheet holds a register", () => {
    const register: SheetText = { name: "Данные", rows: [HEADER.slice(0, 8), dataRow("АС-1").slice(0, 8)] };
    const copies = GENERATED_SHEET_NAMES.map((name) => ({ name, rows: [HEADER, NUMBERS, dataRow("копия")] }));
    expect(findRegister([...copies, register])!.sheet).toBe("Данные");
    const renamed = [{ name: ` ${SUMMARY_SHEET_NAME.toUpperCase()} `, rows: [HEADER, dataRow("x")] }, register];
    expect(findRegister(renamed)!.sheet).toBe("Данные");
  });

  it("falls back to a generated sheet only when no other sheet holds a register", () => {
    const changeLog: SheetText = { name: CHANGE_LOG_SHEET_NAME, rows: [HEADER, dataRow("АС-9")] };
    const notes: SheetText = { name: "Заметки", rows: [["Что сделать"], ["проверить"]] };
    expect(findRegister([notes, changeLog])!.sheet).toBe(CHANGE_LOG_SHEET_NAME);
  });
});
