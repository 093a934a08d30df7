/** The pure parts of the appendix to the order (docs/cli.md, `reestr appendix`): appendix layout, approval snapshot, dates, summary, publication strings. */
import { buildCatalog } from "../../src/core/catalog";
import { DEFAULT_SETTINGS, findSettingsPairs, settingsBlockWrites, settingsFromPairs } from "../../src/core/settings";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import { typicalProcesses } from "../../src/core/typical-list";
import {
  APPENDIX_ROWS,
  APPENDIX_SHEET_NAME,
  buildAppendixLayout,
  groupRowsByDirection,
  orderBlockLines,
  UNGROUPED_DIRECTION_HEADING,
} from "../../src/core/layout/appendix";
import { buildTypicalListLayout, nextAppendixNumber } from "../../src/core/layout/typical-list-appendix";
import {
  addMonths,
  APPROVED_SHEET_NAME,
  buildApprovedRegisterLayout,
  isoToRuDate,
  nextActualization,
  parseRuDate,
  readApprovedRegister,
} from "../../src/core/approval";
import { summarizeRegister, STATUS_NOT_SET, STATUS_OTHER } from "../../src/core/summary";
import { buildSummarySheet } from "../../src/core/layout/summary-sheet";
import { CSV_PREAMBLE_LINES, csvField, registerToCsv, registerToHtml } from "../../src/core/publish";
import { planAppendix } from "../../src/core/appendix-plan";
import { approvedRegisterFromSheets } from "../../src/core/changes";
import type { CellBlock, SheetLayout } from "../../src/core/layout/types";
import type { SheetText } from "../../src/core/register-types";
import { validRow, validRows } from "../fixtures/register-data";
import { AGENCY_GENITIVE, registerSheets, rowWithError } from "./helpers";

const catalog = buildCatalog({ ...DEFAULT_SETTINGS, agencyGenitive: AGENCY_GENITIVE });
const ORDER = { appendixNumber: "1", agencyGenitive: AGENCY_GENITIVE, orderNumber: "7", orderDate: "15.01.2024" };

/** What a reader would see: the layout's blocks painted onto a grid of text. */
function sheetTextOf(layout: SheetLayout): SheetText {
  const rows: string[][] = [];
  const paint = (block: CellBlock) =>
    block.values.forEach((values, r) =>
      values.forEach((value, c) => {
        const row = (rows[block.row + r - 1] ??= []);
        while (row.length < block.col + c - 1) row.push("");
        row[block.col + c - 1] = value === null || typeof value === "object" ? "" : String(value);
      }),
    );
  layout.blocks.forEach(paint);
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: layout.name, rows };
}

const PROCESS_CODES = typicalProcesses().map((process) => process.code);
/** validRow(i) uses the i-th process of the typical list. */
function codeIndex(code: string): number {
  const index = PROCESS_CODES.indexOf(code);
  if (index < 0) throw new Error(code);
  return index;
}

function withProcess(index: number, id: string): string[] {
  const row = validRow(index);
  row[0] = id;
  return row;
}

describe("appendix layout", () => {
  test("order block, title, the 15 titles with «*» on mandatory columns, numbering 1–15", () => {
    const layout = buildAppendixLayout({ rows: validRows(3), catalog, order: ORDER });
    const text = sheetTextOf(layout);
    expect(layout.name).toBe(APPENDIX_SHEET_NAME);
    expect(text.rows.slice(0, 3).map((row) => row[11])).toEqual([
      "Приложение № 1",
      `к приказу ${AGENCY_GENITIVE}`,
      "от 15.01.2024 № 7",
    ]);
    expect(text.rows[APPENDIX_ROWS.title - 1][0]).toBe(`Реестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}`);
    const titles = text.rows[APPENDIX_ROWS.columnTitles - 1];
    expect(titles).toHaveLength(15);
    expect(titles[0]).toBe("Идентификатор процесса*");
    expect(titles[1]).toBe("Жизненная ситуация");
    expect(titles[7]).toBe("Статус процесса (статус реинжиниринга)*");
    expect(text.rows[APPENDIX_ROWS.numbering - 1]).toEqual(REGISTER_COLUMNS.map((c) => String(c.number)));
    expect(layout.merges).toContain("A5:O5");
    expect(layout.merges).toContain("L1:O1");
  });

  test("print: landscape, A4 by default, one page wide, header rows repeated, page numbers, print area to the last row", () => {
    const layout = buildAppendixLayout({ rows: validRows(3), catalog, order: ORDER });
    expect(layout.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: { first: APPENDIX_ROWS.columnTitles, last: APPENDIX_ROWS.numbering },
      footerCenter: "Страница &P из &N",
      printArea: "A1:O12",
    });
    expect(layout.print!.margins!.left).toBeLessThan(0.75);
    expect(buildAppendixLayout({ rows: [], catalog, order: ORDER, paper: "A3" }).print!.paper).toBe("A3");
    // Times New Roman everywhere, borders on the table, explicit row heights for wrapped rows.
    for (const block of layout.blocks) expect(block.style?.fontName).toBe("Times New Roman");
    expect(layout.blocks.filter((b) => b.row >= APPENDIX_ROWS.columnTitles).every((b) => b.style?.border)).toBe(true);
    const tallRow = layout.rows!.find((row) => row.index === APPENDIX_ROWS.firstData + 1);
    expect(tallRow!.height).toBeGreaterThan(30);
  });

  test("rows grouped by direction, ordered by process code (5.9 before 5.10) then ID with numbers compared as numbers", () => {
    const rows = [
      withProcess(codeIndex("5.10"), "B-10"),
      withProcess(codeIndex("5.9"), "B-2"),
      withProcess(codeIndex("5.2"), "B-30"),
      withProcess(codeIndex("1.1"), "A-10"),
      withProcess(codeIndex("1.1"), "A-9"),
      withProcess(codeIndex("1.2"), "A-1"),
      withProcess(codeIndex("2.6"), "C-1"),
      withProcess(codeIndex("2.4"), "C-2"),
    ];
    const groups = groupRowsByDirection(rows, catalog);
    expect(groups.map((g) => g.heading)).toEqual([
      "1. Предоставление государственных услуг",
      "2. Государственный контроль (надзор)",
      "5. Организация отношений с внутренним клиентом",
    ]);
    expect(groups.map((g) => g.rows.map((r) => r[0]))).toEqual([
      ["A-9", "A-10", "A-1"],
      ["C-2", "C-1"],
      ["B-30", "B-2", "B-10"],
    ]);
  });

  test("a row naming no known process goes by column 5, else under «не определено» at the end; empty rows dropped", () => {
    const byGroup = validRow(20);
    byGroup[5] = "Что-то своё";
    byGroup[4] = "3. Рассмотрение обращений и запросов";
    const unknown = validRow(1);
    unknown[5] = "Неизвестный процесс";
    unknown[4] = "";
    const groups = groupRowsByDirection([unknown, byGroup, new Array(15).fill(" "), validRow(0)], catalog);
    expect(groups.map((g) => g.directionCode)).toEqual(["1", "3", ""]);
    expect(groups[2].heading).toBe(UNGROUPED_DIRECTION_HEADING);
    expect(groups.flatMap((g) => g.rows)).toHaveLength(3);
  });

  test("no provenance or extra columns: every written row has at most 15 cells", () => {
    const rows = validRows(5).map((row) => [...row, "source.xlsx", "12"]);
    const layout = buildAppendixLayout({ rows, catalog, order: ORDER });
    for (const block of layout.blocks) for (const values of block.values) expect(block.col - 1 + values.length).toBeLessThanOrEqual(15);
    expect(JSON.stringify(layout)).not.toContain("source.xlsx");
  });

  test("a draft says «ПРОЕКТ» on the sheet and in the footer; missing order details print as blanks", () => {
    const layout = buildAppendixLayout({ rows: validRows(2), catalog, order: { ...ORDER, orderNumber: "", orderDate: "" }, draft: true });
    expect(sheetTextOf(layout).rows[0][0]).toBe("ПРОЕКТ");
    expect(layout.print!.footerCenter).toContain("ПРОЕКТ");
    expect(orderBlockLines({ ...ORDER, orderNumber: "", orderDate: "" })[2]).toBe("от __.__.____ № ____");
  });

  test("building twice from the same register gives the same layout", () => {
    const rows = validRows(50);
    expect(buildAppendixLayout({ rows, catalog, order: ORDER })).toEqual(buildAppendixLayout({ rows: rows.map((r) => [...r]), catalog, order: ORDER }));
  });

  test("the typical list appendix: 38 processes, direction number and name on its first process only, next appendix number", () => {
    const layout = buildTypicalListLayout({ catalog, order: { ...ORDER, appendixNumber: nextAppendixNumber("1") } });
    const text = sheetTextOf(layout);
    expect(text.rows[0][3]).toBe("Приложение № 2");
    const data = text.rows.slice(7);
    expect(data).toHaveLength(38);
    expect(data[0].slice(0, 3)).toEqual(["1", "Предоставление государственных услуг", "1.1. Информирование о предоставлении государственной услуги"]);
    expect(data[1][0]).toBe("");
    expect(data.filter((row) => row[0] !== "").map((row) => row[0])).toEqual(["1", "2", "3", "4", "5"]);
    expect(data.every((row) => row[3] && row[4])).toBe(true);
    expect(nextAppendixNumber("2а")).toBe("");
  });
});

describe("approval snapshot and actualization dates", () => {
  test("the snapshot is a hidden sheet that reads back with the order's number and date and every row", () => {
    const rows = validRows(7);
    rows[2][0] = "1.10"; // numeric-looking IDs stay text
    const layout = buildApprovedRegisterLayout({ rows: [...rows, new Array(15).fill("")], orderNumber: "7", orderDate: "15.01.2024" });
    expect(layout.name).toBe(APPROVED_SHEET_NAME);
    expect(layout.visibility).toBe("hidden");
    const approved = readApprovedRegister([{ name: "Реестр", rows: [] }, sheetTextOf(layout)]);
    expect(approved).not.toBeNull();
    expect(approved!.orderNumber).toBe("7");
    expect(approved!.orderDate).toBe("15.01.2024");
    expect(approved!.table.rows.map((row) => row.cells)).toEqual(rows);
    expect(approved!.table.rows[2].cells[0]).toBe("1.10");
    // The merge helper finds the same rows on it.
    expect(approvedRegisterFromSheets([sheetTextOf(layout)])!.table.rows.map((row) => row.cells)).toEqual(rows);
  });

  test("no snapshot, or a damaged one, reads as null", () => {
    expect(readApprovedRegister(registerSheets(validRows(2)))).toBeNull();
    expect(readApprovedRegister([{ name: APPROVED_SHEET_NAME, rows: [["что-то"]] }])).toBeNull();
  });

  test("dates: ISO to dd.mm.yyyy, six months later with month ends clamped, overdue when past", () => {
    expect(isoToRuDate("2024-01-15")).toBe("15.01.2024");
    expect(isoToRuDate("2024-02-30")).toBeNull();
    expect(parseRuDate("31.02.2024")).toBeNull();
    expect(addMonths({ day: 31, month: 8, year: 2023 }, 6)).toEqual({ day: 29, month: 2, year: 2024 });
    expect(addMonths({ day: 15, month: 9, year: 2024 }, 6)).toEqual({ day: 15, month: 3, year: 2025 });
    const due = nextActualization(["15.01.2024", "", "01.03.2024"], { day: 1, month: 9, year: 2024 });
    expect(due).toEqual({ since: "01.03.2024", due: "01.09.2024", daysLeft: 0, overdue: false });
    expect(nextActualization(["15.01.2024"], { day: 16, month: 7, year: 2024 })!.overdue).toBe(true);
    expect(nextActualization(["", null])).toBeNull();
  });
});

describe("summary", () => {
  test("direction × status counts, digital share, units, next actualization", () => {
    const rows = validRows(10);
    rows[0][7] = "";
    rows[1][7] = "сертифицирован"; // canonicalised
    rows[2][7] = "Утвержден"; // not in the vocabulary
    rows[3][13] = "";
    const summary = summarizeRegister(rows, catalog, { approvalDates: ["15.01.2024"], today: { day: 1, month: 2, year: 2024 } });
    expect(summary.total).toBe(10);
    expect(summary.statuses).toEqual([...catalog.statuses, STATUS_OTHER, STATUS_NOT_SET]);
    expect(summary.directions.map((d) => d.label)).toEqual(["1. Предоставление государственных услуг", "2. Государственный контроль (надзор)"]);
    expect(summary.directions.map((d) => d.total)).toEqual([9, 1]);
    expect(summary.statusTotals.reduce((a, b) => a + b, 0)).toBe(10);
    expect(summary.statusTotals[summary.statuses.indexOf(STATUS_NOT_SET)]).toBe(1);
    expect(summary.statusTotals[summary.statuses.indexOf(STATUS_OTHER)]).toBe(1);
    const kinds = rows.map((r) => r[13]);
    const digital = kinds.filter((k) => k === "Цифровой").length;
    expect(summary.digital).toEqual({ digital, nonDigital: kinds.filter((k) => k === "Не цифровой").length, unspecified: 1, sharePercent: digital * 10 });
    expect(summary.units.reduce((a, u) => a + u.count, 0)).toBe(10);
    expect(summary.units[0].count).toBeGreaterThanOrEqual(summary.units[summary.units.length - 1].count);
    expect(summary.actualization!.due).toBe("15.07.2024");
  });

  test("the «Сводка» sheet carries the tables and a chart range over the direction totals", () => {
    const summary = summarizeRegister(validRows(40), catalog, {});
    const { layout, chart } = buildSummarySheet(summary, { agencyGenitive: AGENCY_GENITIVE });
    const text = sheetTextOf(layout);
    const flat = text.rows.map((row) => row.join("|")).join("\n");
    expect(flat).toContain("Доля цифровых процессов");
    // 27 of 40 rows are digital: the share as ru-RU writes it.
    expect(text.rows.find((row) => row[0] === "Доля цифровых процессов")?.[1]).toBe(`${(27 / 40 * 100).toLocaleString("ru-RU", { minimumFractionDigits: 1 })} %`);
    expect(flat).toContain("Отдел кадров");
    expect(flat).toContain("дата утверждения реестра не указана");
    expect(chart).not.toBeNull();
    const [from, to] = chart!.source.split(":");
    const [fromRow, toRow] = [Number(from.slice(1)), Number(to.replace(/^[A-Z]+/, ""))];
    expect(toRow - fromRow).toBe(summary.directions.length);
    expect(text.rows[fromRow - 1].slice(0, 1 + summary.statuses.length)).toEqual(["Направление деятельности", ...summary.statuses]);
    expect(text.rows[fromRow][0]).toBe("1. Предоставление государственных услуг");
    expect(to.replace(/\d+$/, "")).toBe(String.fromCharCode(65 + summary.statuses.length));
  });
});

describe("publication", () => {
  const tricky = validRow(0);
  tricky[1] = 'Ситуация; с "кавычками"\nи переносом';
  tricky[3] = "<script>alert(1)</script> & Co";
  tricky[12] = "=HYPERLINK(\"x\")";

  test("CSV: BOM, «;», CRLF, RFC 4180 quoting, title and order lines, header row then rows in the appendix order", () => {
    const csv = registerToCsv({ rows: [validRow(40), tricky], catalog, order: ORDER });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(`Реестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}`);
    expect(lines[1]).toBe(`Приложение № 1 к приказу ${AGENCY_GENITIVE} от 15.01.2024 № 7`);
    const header = lines[CSV_PREAMBLE_LINES];
    expect(header.split(";")).toHaveLength(15);
    expect(header.split(";")[0]).toBe("Идентификатор процесса");
    expect(csv).toContain('"Ситуация; с ""кавычками""\r\nи переносом"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvField("просто")).toBe("просто");
    expect(csv.indexOf("017-1.1-01")).toBeLessThan(csv.indexOf("017-1.3-02"));
  });

  test("HTML: standalone, lang=ru, caption with the order, th scope=col, rowgroup headings, everything escaped", () => {
    const html = registerToHtml({ rows: [tricky, validRow(13)], catalog, order: ORDER });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<caption>Приложение № 1 к приказу ${AGENCY_GENITIVE} от 15.01.2024 № 7</caption>`);
    expect((html.match(/<th scope="col">/g) ?? []).length).toBe(30);
    expect(html).toContain('<th scope="rowgroup" colspan="15">1. Предоставление государственных услуг</th>');
    expect(html).toContain('<th scope="rowgroup" colspan="15">2. Государственный контроль (надзор)</th>');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    expect(html).toContain("Ситуация; с &quot;кавычками&quot;<br>и переносом");
    expect(html).not.toMatch(/(src|href)=/);
  });
});

describe("planAppendix", () => {
  const sheets = registerSheets(validRows(5), { agencyGenitive: AGENCY_GENITIVE, orderNumber: "", orderDate: "" });

  test("refuses a register with errors unless a draft is asked for; a draft is never kept as approved", () => {
    const withError = registerSheets([...validRows(3), rowWithError(3)], { agencyGenitive: AGENCY_GENITIVE });
    const refused = planAppendix({ sheets: withError, order: { orderNumber: "7", orderDate: "15.01.2024" } });
    expect(refused.ok).toBe(false);
    if (!refused.ok && refused.reason === "register-errors") expect(refused.errors.map((e) => e.code)).toEqual(["required"]);
    else throw new Error("expected register-errors");
    const draft = planAppendix({ sheets: withError, order: { orderNumber: "7", orderDate: "15.01.2024" }, draft: true });
    expect(draft.ok && !draft.final && draft.layout.sheets.every((s) => s.name !== APPROVED_SHEET_NAME)).toBe(true);
  });

  test("asks for missing order details; final builds keep the approved register", () => {
    const missing = planAppendix({ sheets });
    expect(missing.ok === false && missing.reason === "missing-order" && missing.missing).toEqual(["orderNumber", "orderDate"]);
    const final = planAppendix({ sheets, order: { orderNumber: "7", orderDate: "15.01.2024" }, includeTypicalList: true });
    if (!final.ok) throw new Error(final.message);
    expect(final.final).toBe(true);
    expect(final.layout.sheets.map((s) => s.name)).toEqual([APPENDIX_SHEET_NAME, "Типовой перечень", "Сводка", APPROVED_SHEET_NAME]);
    expect(final.summary.actualization!.due).toBe("15.07.2024");
  });

  test("never reads the register from its own appendix sheet", () => {
    const first = planAppendix({ sheets, order: { orderNumber: "7", orderDate: "15.01.2024" } });
    if (!first.ok) throw new Error(first.message);
    const appendixFirst = [sheetTextOf(first.layout.sheets[0]), ...sheets];
    const again = planAppendix({ sheets: appendixFirst, order: { orderNumber: "7", orderDate: "15.01.2024" } });
    if (!again.ok) throw new Error(again.message);
    expect(again.table.sheet).toBe("Реестр процессов");
    expect(again.layout.sheets[0]).toEqual(first.layout.sheets[0]);
  });
});

describe("settingsBlockWrites: the order details written into the settings block, cell by cell", () => {
  const sheet: SheetText = {
    name: "Справочники",
    rows: [
      ["", "", "Параметр", "Значение"],
      ["", "", "Номер приказа", "3"],
      ["", "", "Номер приказа", "5"],
      ["", "", "Наименование органа (родительный падеж)", AGENCY_GENITIVE],
      [],
      ["", "", "", "не в блоке"],
    ],
  };

  it("rewrites the value a parameter already has (the last of duplicates), appends new ones below, skips unchanged", () => {
    expect(settingsBlockWrites(sheet, { orderNumber: "7", agencyGenitive: AGENCY_GENITIVE, orderDate: "15.01.2024", appendixPaper: "A3" })).toEqual([
      { field: "orderNumber", row: 2, column: 3, values: ["7"] },
      { field: "orderDate", row: 4, column: 2, values: ["Дата приказа", "15.01.2024"] },
      { field: "appendixPaper", row: 5, column: 2, values: ["Формат бумаги приложения", "A3"] },
    ]);
  });

  it("leaves out values the settings would refuse, and reads back what it wrote", () => {
    const writes = settingsBlockWrites(sheet, { orderDate: "15.13.2024", orderNumber: "7" })!;
    expect(writes.map((write) => write.field)).toEqual(["orderNumber"]);
    const updated = sheet.rows.map((row) => [...row]);
    for (const write of settingsBlockWrites(sheet, { orderNumber: "7", orderDate: "15.01.2024" })!) {
      write.values.forEach((value, i) => ((updated[write.row] ??= [])[write.column + i] = value));
    }
    expect(settingsFromPairs(findSettingsPairs({ name: sheet.name, rows: updated }))).toMatchObject({ orderNumber: "7", orderDate: "15.01.2024", agencyGenitive: AGENCY_GENITIVE });
  });

  it("is null on a sheet without a settings block", () => {
    expect(settingsBlockWrites({ name: "Справочники", rows: [["Код", "Наименование"]] }, { orderNumber: "7" })).toBeNull();
  });
});
