/**
 * The appendix through Office.js (src/adapters/office/appendix.ts) on the simulator, at ExcelApi 1.8 (Office 2019: no page
 * layout API) and at the newest level: the sheet as built, print settings or the note to set them by hand, round trips
 * independent of rows, rebuilding, drafts, the approved register, and the order details kept in the workbook's settings.
 */
import { buildAppendixInExcel, readAppendixOverview, type AppendixBuildOptions, type AppendixBuildResult } from "../../src/adapters/office/appendix";
import { readAppendixWorkbook } from "../../src/adapters/office/appendix-read";
import { DEFAULT_MAX_REQUEST_BYTES, estimateLayoutBytes } from "../../src/adapters/office/render-layout";
import { readSettings } from "../../src/adapters/office/settings";
import { checkRegister } from "../../src/adapters/office/validation";
import { CHECK_MARKS_SHEET_NAME } from "../../src/core/check-marks";
import { createOrUpgradeTemplate } from "../../src/adapters/office/template";
import { APPROVED_SHEET_NAME, readApprovedRegister } from "../../src/core/approval";
import { buildCatalog } from "../../src/core/catalog";
import { REGISTER_COLUMNS, columnTitleWithMark } from "../../src/core/columns";
import { APPENDIX_ROWS, APPENDIX_SHEET_NAME, DRAFT_MARK, appendixTitle, groupRowsByDirection, orderBlockLines } from "../../src/core/layout/appendix";
import { REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { SUMMARY_SHEET_NAME } from "../../src/core/layout/summary-sheet";
import { REGISTER_SHEET_NAME, templateGeometry } from "../../src/core/layout/template";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { NEWEST_API_VERSION, createExcelSimulator, type SimSheet } from "../../src/simulator";
import { validRows } from "../fixtures/register-data";
import { AGENCY_GENITIVE, rowWithError } from "./helpers";

type Sim = ReturnType<typeof createExcelSimulator>;

const LEVELS = ["1.8", NEWEST_API_VERSION] as const;
const ORDER = { orderNumber: "7", orderDate: "15.01.2024", agencyGenitive: AGENCY_GENITIVE, appendixNumber: "1" };
/** Reading 2 + rendering 1 with the summary's chart in its request (see the adapter's header). */
const BUILD_SYNCS = 3;
const NOTES_SHEET = "Заметки";

function run<T>(sim: Sim, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

/** The template with `rows` typed in, plus a user's own formatted sheet that the appendix must never touch. */
async function registerWorkbook(level: string, rows: string[][]): Promise<Sim> {
  const sim = createExcelSimulator({ apiVersion: level });
  await run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: level }));
  const geometry = templateGeometry();
  await run(sim, async (context) => {
    const register = context.workbook.worksheets.getItem(REGISTER_SHEET_NAME);
    const range = register.getRangeByIndexes(geometry.firstDataRow - 1, 0, rows.length, 15);
    range.numberFormat = rows.map((row) => row.map(() => "@"));
    range.values = rows;
    const notes = context.workbook.worksheets.add(NOTES_SHEET);
    notes.getRange("A1:C2").values = [["Что сделать", "Срок", "Сумма"], ["Согласовать реестр", "пятница", 1250.5]];
    notes.getRange("A1:C1").format.font.bold = true;
    notes.getRange("A1:C1").format.fill.color = "#FFF2CC";
    notes.getRange("B:B").format.columnWidth = 90;
    notes.getRange("A1:B1").merge(false);
    await context.sync();
  });
  return sim;
}

function build(sim: Sim, level: string, options: Omit<AppendixBuildOptions, "apiLevel"> = {}): Promise<AppendixBuildResult> {
  sim.stats.reset();
  // The simulator is a desktop Excel ("PC") unless told otherwise.
  return run(sim, (context) => buildAppendixInExcel(context, { order: ORDER, apiLevel: level, platform: "PC", ...options }));
}

function built(result: AppendixBuildResult): Extract<AppendixBuildResult, { ok: true }> {
  if (!result.ok) throw new Error(`not built: ${result.plan.message}`);
  return result;
}

/**
 * What a user could see of a sheet: cells with their formats (the filled rows and a margin below: the template formats
 * two thousand empty rows alike), merges, rules, sizes, print settings.
 */
function sheetState(sheet: SimSheet) {
  const used = sheet.usedRange();
  const filledRows = Number(sheet.usedRange(true)?.split(":")[1].replace(/\D/g, "") ?? 0);
  const cells = used ? sheet.texts(used).slice(0, filledRows + 5).map((row, r) => row.map((_, c) => sheet.cell(r + 1, c + 1))) : [];
  return {
    name: sheet.name,
    position: sheet.position,
    visibility: sheet.visibility,
    used,
    cells,
    merges: sheet.merges,
    validations: sheet.validations,
    conditionalFormats: sheet.conditionalFormats,
    columnWidths: [...sheet.columnWidths],
    rowHeights: [...sheet.rowHeights],
    freeze: sheet.freeze,
    pageLayout: sheet.pageLayout,
  };
}

function otherSheets(sim: Sim, except: readonly string[]) {
  return sim.workbook.sheets.filter((sheet) => !except.includes(sheet.name)).map((sheet) => JSON.parse(JSON.stringify(sheetState(sheet))));
}

/** The appendix sheet as text, 1-based rows as in Excel. */
function appendixText(sim: Sim): string[][] {
  const sheet = sim.workbook.sheet(APPENDIX_SHEET_NAME);
  return sheet.texts(`A1:O${sheet.usedRange()!.split(":")[1].replace(/\D/g, "")}`);
}

describe.each(LEVELS)("the appendix on the simulator at ExcelApi %s", (level) => {
  const hasPageLayout = level !== "1.8";

  test("the sheet: order block, title, column titles and numbering, rows grouped by direction; printing set or noted", async () => {
    const rows = validRows(20);
    const sim = await registerWorkbook(level, rows);
    const result = built(await build(sim, level));
    expect(result.syncs).toBe(BUILD_SYNCS);
    // office.js sends one more message when Excel.run ends: it releases the ranges it tracked.
    expect([sim.stats.syncs, sim.stats.releases]).toEqual([BUILD_SYNCS + 1, 1]);
    expect(result.plan.final).toBe(true);

    const text = appendixText(sim);
    const order = orderBlockLines(ORDER);
    expect(order).toEqual(["Приложение № 1", `к приказу ${AGENCY_GENITIVE}`, "от 15.01.2024 № 7"]);
    order.forEach((line, i) => expect(text[APPENDIX_ROWS.orderBlock - 1 + i][11]).toBe(line));
    expect(text[APPENDIX_ROWS.title - 1][0]).toBe(appendixTitle(AGENCY_GENITIVE));
    expect(text[APPENDIX_ROWS.title - 1][0]).toBe(`Реестр межведомственных и внутриведомственных процессов ${AGENCY_GENITIVE}`);
    expect(text[APPENDIX_ROWS.columnTitles - 1]).toEqual(REGISTER_COLUMNS.map(columnTitleWithMark));
    expect(text[APPENDIX_ROWS.numbering - 1]).toEqual(REGISTER_COLUMNS.map((column) => String(column.number)));
    expect(text.flat()).not.toContain(DRAFT_MARK);

    // A heading row per direction, then its rows ordered by process code: every register row exactly once, as text.
    const groups = groupRowsByDirection(rows, buildCatalog({ ...DEFAULT_SETTINGS, agencyGenitive: AGENCY_GENITIVE }));
    expect(groups.map((group) => group.heading)).toEqual([
      "1. Предоставление государственных услуг",
      "2. Государственный контроль (надзор)",
      "3. Рассмотрение обращений и запросов",
    ]);
    const expected: string[][] = groups.flatMap((group) => [[group.heading, ...Array<string>(14).fill("")], ...group.rows.map((cells) => [...cells])]);
    expect(text.slice(APPENDIX_ROWS.firstData - 1)).toEqual(expected);
    expect(text.slice(APPENDIX_ROWS.firstData - 1).filter((row) => /^017-/.test(row[0])).map((row) => row[0]).sort()).toEqual(rows.map((row) => row[0]).sort());
    const sheet = sim.workbook.sheet(APPENDIX_SHEET_NAME);
    expect(sheet.merges).toContain(`A${APPENDIX_ROWS.firstData}:O${APPENDIX_ROWS.firstData}`);
    const body = sheet.cell(APPENDIX_ROWS.firstData + 1, 1);
    expect(body).toMatchObject({ numberFormat: "@", format: { font: { name: "Times New Roman" }, wrapText: true } });
    expect(body.format.borders.top).toBeDefined();

    const page = sheet.pageLayout;
    if (hasPageLayout) {
      expect(result.skipped).toEqual([]);
      expect(page.orientation).toBe("Landscape");
      expect(page.paperSize).toBe("A4");
      expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(page.printTitleRows).toBe(`$${APPENDIX_ROWS.columnTitles}:$${APPENDIX_ROWS.numbering}`);
      expect(page.headersFooters.centerFooter).toBe("Страница &P из &N");
      expect(page.margins.left).toBeCloseTo(0.4 * 72);
    } else {
      // Built all the same; the pane is told what to set by hand.
      expect(result.skipped).toEqual(
        expect.arrayContaining([
          "Параметры печати листа «Приложение к приказу» (альбомная ориентация, бумага A4, все столбцы на одной странице в ширину, сквозные строки 7:8, номера страниц в нижнем колонтитуле) задайте вручную: Разметка страницы → Параметры страницы — эта версия Excel не поддерживает их настройку из надстройки.",
        ]),
      );
      expect(page.orientation).toBe("Portrait");
      expect(page.printTitleRows).toBeNull();
    }
    expect(result.chart).toBe("added");
    expect(sim.workbook.sheet(SUMMARY_SHEET_NAME).charts).toHaveLength(1);
  });

  test("round trips do not grow with rows: 20 rows and 2,000 rows take the same", async () => {
    const small = built(await build(await registerWorkbook(level, validRows(20)), level));
    const bigSim = await registerWorkbook(level, validRows(2000));
    const big = built(await build(bigSim, level));
    // 2,000 long rows stay under one request's budget; only megabytes beyond it would add a round trip.
    expect(estimateLayoutBytes(big.plan.layout)).toBeLessThan(DEFAULT_MAX_REQUEST_BYTES);
    expect(big.plan.table.rows).toHaveLength(2000);
    expect([small.syncs, big.syncs]).toEqual([BUILD_SYNCS, BUILD_SYNCS]);
    expect(bigSim.stats.syncs - bigSim.stats.releases).toBe(BUILD_SYNCS);
    // Rebuilding reads the approved register too (2,000 more rows): still the same.
    expect(built(await build(bigSim, level)).syncs).toBe(BUILD_SYNCS);
    expect(bigSim.stats.syncs - bigSim.stats.releases).toBe(BUILD_SYNCS);
  });

  test("the check's marks grid is not read: a marked register costs the same round trips", async () => {
    const rows = validRows(2000).map((row, i) => (i % 2 ? row : row.map((cell, c) => (c === 5 ? "Процесс не из перечня" : cell))));
    const sim = await registerWorkbook(level, rows);
    const check = await run(sim, (context) => checkRegister(context, { platform: "PC", apiLevel: level }));
    expect(check.marked).toBeGreaterThanOrEqual(1000);
    // A small budget makes every megabyte read count: the grid would add requests of its own.
    sim.stats.reset();
    const read = await run(sim, (context) => readAppendixWorkbook(context, { apiLevel: level, maxRequestBytes: 200_000 }));
    expect(read.known.sheets.map((sheet) => sheet.name)).toContain(CHECK_MARKS_SHEET_NAME);
    expect(read.sheets.map((sheet) => sheet.name)).not.toContain(CHECK_MARKS_SHEET_NAME);
    const withoutGrid = await registerWorkbook(level, rows);
    withoutGrid.stats.reset();
    await run(withoutGrid, (context) => readAppendixWorkbook(context, { apiLevel: level, maxRequestBytes: 200_000 }));
    expect(sim.stats.syncs).toBe(withoutGrid.stats.syncs);
  });

  test("building twice replaces the appendix sheet, gives the same sheet and touches nothing else", async () => {
    const sim = await registerWorkbook(level, validRows(12));
    const generated = [APPENDIX_SHEET_NAME, SUMMARY_SHEET_NAME, APPROVED_SHEET_NAME];
    const before = otherSheets(sim, [...generated, REFERENCE_SHEET_NAME]);
    const namesBefore = JSON.parse(JSON.stringify(sim.workbook.names));
    built(await build(sim, level));
    // The first build adds its sheets and saves the order details on the reference sheet; the rest is as it was.
    expect(otherSheets(sim, [...generated, REFERENCE_SHEET_NAME])).toEqual(before);
    expect(JSON.parse(JSON.stringify(sim.workbook.names))).toEqual(namesBefore);

    const first = sim.workbook.sheet(APPENDIX_SHEET_NAME);
    const firstState = JSON.parse(JSON.stringify({ ...sheetState(first), pageLayout: first.pageLayout }));
    const afterFirst = otherSheets(sim, generated);
    const order = sim.workbook.sheets.map((sheet) => sheet.name);

    const second = built(await build(sim, level));
    expect(second.savedSettings).toEqual([]);
    const replaced = sim.workbook.sheet(APPENDIX_SHEET_NAME);
    expect(replaced).not.toBe(first);
    expect(JSON.parse(JSON.stringify(sheetState(replaced)))).toEqual(firstState);
    expect(otherSheets(sim, generated)).toEqual(afterFirst);
    expect(sim.workbook.sheets.map((sheet) => sheet.name)).toEqual(order);
    expect(sim.workbook.sheets.filter((sheet) => sheet.name === APPENDIX_SHEET_NAME)).toHaveLength(1);
  });

  test("a register with errors is refused with the list; a draft is built marked «ПРОЕКТ» and not kept as approved", async () => {
    const rows = [...validRows(5), rowWithError(5)];
    const sim = await registerWorkbook(level, rows);
    const sheetsBefore = sim.workbook.sheets.map((sheet) => sheet.name);
    const refused = await build(sim, level);
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.plan.reason !== "register-errors") throw new Error("expected register errors");
    expect(refused.plan.errors.map((issue) => [issue.row, issue.column])).toEqual([[templateGeometry().firstDataRow + 5, 7]]);
    expect(refused.syncs).toBe(2);
    expect(sim.workbook.sheets.map((sheet) => sheet.name)).toEqual(sheetsBefore);

    const draft = built(await build(sim, level, { draft: true }));
    expect(draft.plan.final).toBe(false);
    expect(draft.syncs).toBe(BUILD_SYNCS);
    const sheet = sim.workbook.sheet(APPENDIX_SHEET_NAME);
    expect(sheet.cell(1, 1)).toMatchObject({ value: DRAFT_MARK, format: { font: { bold: true, color: "#C00000" } } });
    expect(sheet.merges).toContain("A1:C2");
    if (hasPageLayout) expect(sheet.pageLayout.headersFooters.centerFooter).toBe(`${DRAFT_MARK}. Страница &P из &N`);
    expect(sim.workbook.findSheet(APPROVED_SHEET_NAME)).toBeUndefined();
    expect(appendixText(sim).flat()).toContain(rows[5][0]);
  });

  test("a final appendix keeps the approved register on a hidden sheet with the order's number and date", async () => {
    const rows = validRows(9);
    const sim = await registerWorkbook(level, rows);
    built(await build(sim, level));
    const approvedSheet = sim.workbook.sheet(APPROVED_SHEET_NAME);
    expect(approvedSheet.visibility).toBe("Hidden");
    expect(approvedSheet.texts("A2:B3")).toEqual([["Номер приказа", "7"], ["Дата приказа", "15.01.2024"]]);

    const read = await run(sim, (context) => readAppendixWorkbook(context));
    const approved = readApprovedRegister(read.sheets)!;
    expect(approved).toMatchObject({ orderNumber: "7", orderDate: "15.01.2024" });
    expect(approved.table.rows.map((row) => row.cells)).toEqual(rows);

    const overview = await run(sim, (context) => readAppendixOverview(context));
    expect(overview).toMatchObject({ approved: { orderNumber: "7", orderDate: "15.01.2024" }, hasAppendix: true });
    expect(overview.summary!.total).toBe(9);
    expect(overview.summary!.actualization!.due).toBe("15.07.2024");

    // A draft afterwards leaves the approved register as it was.
    built(await build(sim, level, { draft: true, order: { ...ORDER, orderNumber: "12", orderDate: "01.03.2025" } }));
    const again = readApprovedRegister((await run(sim, (context) => readAppendixWorkbook(context))).sheets)!;
    expect(again).toMatchObject({ orderNumber: "7", orderDate: "15.01.2024" });
  });

  test("the order details typed are saved to the workbook's settings and prefill the next time", async () => {
    const sim = await registerWorkbook(level, validRows(6));
    const typed = { orderNumber: "15-од", orderDate: "02.09.2024", agencyGenitive: AGENCY_GENITIVE, appendixNumber: "2" };
    const result = built(await build(sim, level, { order: typed, paper: "A3" }));
    expect(result.syncs).toBe(BUILD_SYNCS);
    expect(result.savedSettings.sort()).toEqual(["agencyGenitive", "appendixNumber", "appendixPaper", "orderDate", "orderNumber"]);
    const settings = await run(sim, (context) => readSettings(context));
    expect(settings.settings).toMatchObject({ ...typed, appendixPaper: "A3" });
    // Stored as text: «02.09.2024» is not turned into a date serial, «15-од» stays as typed.
    const reference = sim.workbook.sheet(REFERENCE_SHEET_NAME);
    const dateCell = reference.texts(reference.usedRange()!).flat().indexOf("02.09.2024");
    expect(dateCell).toBeGreaterThan(-1);

    const overview = await run(sim, (context) => readAppendixOverview(context));
    expect(overview.order).toEqual(typed);
    expect(overview.paper).toBe("A3");
    // Nothing typed this time: the saved details and paper are used.
    const next = built(await build(sim, level, { order: {} }));
    expect(next.plan.order).toEqual(typed);
    expect(next.plan.paper).toBe("A3");
    expect(next.savedSettings).toEqual([]);
    if (hasPageLayout) expect(sim.workbook.sheet(APPENDIX_SHEET_NAME).pageLayout.paperSize).toBe("A3");
  });
});

test("a workbook without the reference sheet gets one (very hidden) holding the order details, in the same round trips", async () => {
  const sim = createExcelSimulator({ apiVersion: NEWEST_API_VERSION });
  await run(sim, async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.name = "Реестр отдела";
    const rows = [REGISTER_COLUMNS.map((column) => column.title), ...validRows(4)];
    const range = sheet.getRangeByIndexes(0, 0, rows.length, 15);
    range.numberFormat = rows.map((row) => row.map(() => "@"));
    range.values = rows;
    await context.sync();
  });
  const result = built(await build(sim, NEWEST_API_VERSION));
  expect(result.syncs).toBe(BUILD_SYNCS);
  expect(sim.workbook.sheet(REFERENCE_SHEET_NAME).visibility).toBe("VeryHidden");
  const settings = await run(sim, (context) => readSettings(context));
  expect(settings).toMatchObject({ stored: true, settings: { orderNumber: "7", orderDate: "15.01.2024", agencyGenitive: AGENCY_GENITIVE } });
});

test("a sheet named «Справочники» that is not ours is left alone; the appendix is still built", async () => {
  const sim = createExcelSimulator({ apiVersion: NEWEST_API_VERSION });
  await run(sim, async (context) => {
    const register = context.workbook.worksheets.getActiveWorksheet();
    const rows = [REGISTER_COLUMNS.map((column) => column.title), ...validRows(3)];
    const range = register.getRangeByIndexes(0, 0, rows.length, 15);
    range.numberFormat = rows.map((row) => row.map(() => "@"));
    range.values = rows;
    context.workbook.worksheets.add(REFERENCE_SHEET_NAME).getRange("A1:B2").values = [["Код", "Наименование"], ["01", "Архив"]];
    await context.sync();
  });
  const before = JSON.parse(JSON.stringify(sheetState(sim.workbook.sheet(REFERENCE_SHEET_NAME))));
  const result = built(await build(sim, NEWEST_API_VERSION));
  expect(result.warnings).toContain("Реквизиты приказа не сохранены в книге: на листе «Справочники» нет блока «Параметр | Значение».");
  expect(result.savedSettings).toEqual([]);
  expect(JSON.parse(JSON.stringify(sheetState(sim.workbook.sheet(REFERENCE_SHEET_NAME))))).toEqual(before);
  expect(sim.workbook.findSheet(APPENDIX_SHEET_NAME)).toBeDefined();
});
