/**
 * Checking in Excel (README, «Checking the register: round trips») on the simulator, at ExcelApi 1.8 (Office 2019) and at the newest level: round trips, marks
 * that never touch the user's formatting, finding the register, applying fixes as text, selection and edit watching.
 */
import { createOrUpgradeTemplate } from "../../src/adapters/office/template";
import { saveSettings } from "../../src/adapters/office/settings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { applyFix, checkRegister, clearCheckMarks, isOwnWrite, selectCell, watchSheetEdits, NO_MARKS_NOTE, type CheckOptions, type RegisterCheck } from "../../src/adapters/office/validation";
import { WEB_REQUEST_BYTES, textBytes } from "../../src/adapters/office/validation-read";
import { CHECK_MARKS_SHEET_NAME, MARK_ERROR, MARK_WARNING } from "../../src/core/check-marks";
import type { FixPlan } from "../../src/core/fixes";
import { REGISTER_SHEET_NAME } from "../../src/core/layout/template";
import { NEWEST_API_VERSION, createExcelSimulator, type ExcelSimulator } from "../../src/simulator";
import { RESPONSE_PAYLOAD_LIMIT } from "../../src/simulator/context";
import { REGISTER_TITLES, pickColumns, validRow } from "../fixtures/register-data";

const LEVELS = ["1.8", NEWEST_API_VERSION] as const;
const SHEET = REGISTER_SHEET_NAME;

function run<T>(sim: ExcelSimulator, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

async function check(sim: ExcelSimulator, options: CheckOptions = {}): Promise<RegisterCheck> {
  sim.stats.reset();
  return run(sim, (context) => checkRegister(context, { platform: "PC", apiLevel: sim.options.apiVersion, ...options }));
}

async function templateSim(apiVersion: string, platform: "PC" | "OfficeOnline" = "PC"): Promise<ExcelSimulator> {
  const sim = createExcelSimulator({ apiVersion, platform });
  await run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: apiVersion }));
  return sim;
}

/** Rows 5… of the template: valid rows with the given columns changed. */
function rowWith(index: number, patch: Record<number, string>): string[] {
  const row = validRow(index);
  for (const [column, value] of Object.entries(patch)) row[Number(column) - 1] = value;
  return row;
}

/** The helper grid as { "F7": 1, … }. */
function gridMarks(sim: ExcelSimulator): Record<string, number> {
  const helper = sim.workbook.sheet(CHECK_MARKS_SHEET_NAME);
  const used = helper.usedRange(true);
  const marks: Record<string, number> = {};
  if (!used) return marks;
  const [, lastColumn, lastRow] = /^[A-Z]+\d+:([A-Z]+)(\d+)$/.exec(used.includes(":") ? used : `${used}:${used}`)!;
  const values = helper.values(`A2:${lastColumn}${Math.max(2, Number(lastRow))}`);
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "") marks[`${String.fromCharCode(65 + c)}${r + 2}`] = value as number;
    }),
  );
  return marks;
}

function ourFormats(sim: ExcelSimulator, sheet = SHEET) {
  return sim.workbook.sheet(sheet).conditionalFormats.filter((cf) => cf.formula.includes(CHECK_MARKS_SHEET_NAME));
}

function otherFormats(sim: ExcelSimulator, sheet = SHEET) {
  return sim.workbook.sheet(sheet).conditionalFormats.filter((cf) => !cf.formula.includes(CHECK_MARKS_SHEET_NAME));
}

describe.each(LEVELS)("ExcelApi %s", (level) => {
  test("typed and pasted bad values: issues found, marked, in exactly 2 syncs (1 read + 1 write)", async () => {
    const sim = await templateSim(level);
    // Typing: a status outside the dropdown is refused (Stop alert); a client is only a warning, so it stays.
    expect((await sim.userEdit(SHEET, "H5", [["на согласовании"]])).accepted).toBe(false);
    expect((await sim.userEdit(SHEET, "A5:O5", [rowWith(0, { 9: "Партнер" })])).accepted).toBe(true);
    // Pasting bypasses the dropdowns: an unknown process, an empty mandatory cell, a bad status, a duplicate ID.
    await sim.userEdit(
      SHEET,
      "A6:O7",
      [rowWith(1, { 6: "Процесс не из перечня", 7: "" }), rowWith(2, { 1: validRow(0)[0], 8: "на согласовании" })],
      { paste: true },
    );
    const result = await check(sim);
    expect(result.syncs).toBe(2);
    expect(result.readSyncs).toBe(1);
    // office.js sends one more message when Excel.run ends: it releases the ranges it tracked.
    expect([sim.stats.syncs, sim.stats.releases]).toEqual([3, 1]);
    expect(result.sheet).toBe(SHEET);
    expect(result.headerRow).toBe(3);
    expect(result.rowsChecked).toBe(3);
    const found = result.issues.map((issue) => `${issue.row}:${issue.column}:${issue.code}`);
    expect(found).toEqual(
      expect.arrayContaining(["5:9:invalid-value", "6:6:unknown-process", "6:7:required", "7:8:invalid-value", "5:1:duplicate-id", "7:1:duplicate-id"]),
    );
    expect(result.summary.errors).toBeGreaterThan(0);
    expect(result.summary.warnings).toBeGreaterThan(0);
    expect(gridMarks(sim)).toEqual({ I5: MARK_WARNING, F6: MARK_ERROR, G6: MARK_ERROR, H7: MARK_ERROR, A5: MARK_ERROR, A7: MARK_ERROR });
    expect(result.marked).toBe(6);
    expect(sim.workbook.sheet(CHECK_MARKS_SHEET_NAME).visibility).toBe("VeryHidden");
    expect(sim.workbook.sheet(CHECK_MARKS_SHEET_NAME).cell(1, 1).value).toBe(SHEET);
    expect(ourFormats(sim).map((cf) => [cf.address, cf.fill, cf.fontColor])).toEqual([
      ["4:1048576", "#FFC7CE", "#9C0006"],
      ["4:1048576", "#FFEB9C", "#9C5700"],
    ]);
    expect(ourFormats(sim)[0].formula).toBe(
      `=AND('_Отметки проверки'!$A$1="Реестр процессов",INDEX('_Отметки проверки'!$1:$1048576,ROW(),COLUMN())=1)`,
    );
    // The fixes come with the check, planned against the text as read.
    expect(result.fixes.map((fix) => fix.kind)).toEqual(["trim-spaces", "canonical-values", "fill-direction", "assign-ids"]);
  });

  test("a 50,000-row register on the desktop: still 1 read + 1 write", async () => {
    const sim = await templateSim(level);
    const rows = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 3 ? rowWith(i, { 8: "на согласовании" }) : validRow(i)));
    sim.workbook.sheet(SHEET).setValues("A5:O50004", rows);
    const result = await check(sim);
    expect(result.rowsChecked).toBe(50_000);
    expect(result.syncs).toBe(2);
    expect(result.issues.filter((issue) => issue.code === "invalid-value" && issue.column === 8)).toHaveLength(50);
  });

  test("the user's own fill, font and conditional format survive a check, a second check and clearing", async () => {
    const sim = await templateSim(level);
    await sim.userEdit(SHEET, "A5:O6", [rowWith(0, { 6: "Процесс не из перечня" }), rowWith(1, { 9: "Партнер" })], { paste: true });
    await run(sim, async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const own = sheet.getRange("F5:I6");
      own.format.fill.color = "#00B050";
      own.format.font.color = "#7030A0";
      own.format.font.bold = true;
      const rule = sheet.getRange("C5:C100").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      rule.custom.rule.formula = '=LEN($C5)>30';
      rule.custom.format.fill.color = "#BDD7EE";
      await context.sync();
    });
    const cells = ["F5", "G5", "I6", "C5", "A5"].map((address) => {
      const column = address.charCodeAt(0) - 64;
      const row = Number(address.slice(1));
      return () => sim.workbook.sheet(SHEET).cell(row, column);
    });
    const snapshot = () => ({ cells: cells.map((cell) => ({ ...cell(), text: undefined })), formats: otherFormats(sim) });
    const before = snapshot();

    await check(sim);
    expect(gridMarks(sim)).toEqual({ F5: MARK_ERROR, I6: MARK_WARNING });
    expect(snapshot()).toEqual(before);
    await check(sim);
    expect(ourFormats(sim)).toHaveLength(2);
    expect(snapshot()).toEqual(before);

    sim.stats.reset();
    await run(sim, (context) => clearCheckMarks(context));
    expect([sim.stats.syncs, sim.stats.releases]).toEqual([2, 1]);
    expect(gridMarks(sim)).toEqual({});
    expect(sim.workbook.sheet(CHECK_MARKS_SHEET_NAME).cell(1, 1).value).toBeNull();
    expect(snapshot()).toEqual(before);
    expect(ourFormats(sim)).toHaveLength(2);
  });

  test("a fixed cell loses its mark on the next check; a clean register clears the grid", async () => {
    const sim = await templateSim(level);
    await sim.userEdit(SHEET, "A5:O6", [rowWith(0, { 6: "Процесс не из перечня" }), rowWith(1, { 9: "Партнер" })], { paste: true });
    await check(sim);
    expect(gridMarks(sim)).toEqual({ F5: MARK_ERROR, I6: MARK_WARNING });
    await sim.userEdit(SHEET, "F5", [[validRow(0)[5]]]);
    await check(sim);
    expect(gridMarks(sim)).toEqual({ I6: MARK_WARNING });
    await sim.userEdit(SHEET, "I6", [["Внешний"]]);
    const clean = await check(sim);
    expect(clean.issues).toEqual([]);
    expect(gridMarks(sim)).toEqual({});
    expect(clean.syncs).toBe(2);
  });

  test("applyFix writes text in ≤ 2 syncs, skips cells edited since the check; the recheck no longer shows the issue", async () => {
    const sim = await templateSim(level);
    await sim.userEdit(SHEET, "A5:O7", [rowWith(0, { 1: "", 5: "" }), rowWith(1, { 1: "", 5: "" }), rowWith(2, { 5: "Государственный контроль (надзор)" })], { paste: true });
    const first = await check(sim);
    expect(first.issues.map((i) => `${i.row}:${i.column}:${i.code}`)).toEqual(
      expect.arrayContaining(["5:1:required", "6:1:required", "7:5:group-mismatch"]),
    );
    const fill = first.fixes.find((fix) => fix.kind === "fill-direction")!;
    expect(fill.changes.map((c) => c.row)).toEqual([5, 6, 7]);
    await sim.userEdit(SHEET, "E6", [["Рассмотрение обращений и запросов"]]); // edited after the check
    sim.stats.reset();
    const applied = await run(sim, (context) => applyFix(context, SHEET, fill));
    expect(applied).toEqual({ changed: 2, skipped: 1, syncs: 2 });
    expect([sim.stats.syncs, sim.stats.releases]).toEqual([3, 1]);
    expect(sim.workbook.sheet(SHEET).cell(5, 5).text).toBe("Предоставление государственных услуг");
    expect(sim.workbook.sheet(SHEET).cell(6, 5).text).toBe("Рассмотрение обращений и запросов");

    // No agency code yet: the ID fix is not offered, it asks for the code.
    const blocked = first.fixes.find((fix) => fix.kind === "assign-ids")!;
    expect(blocked).toMatchObject({ changes: [], needsSetting: "agencyCode" });
    await run(sim, (context) => saveSettings(context, { ...DEFAULT_SETTINGS, agencyCode: "АС" }, { apiLevel: level, hasTemplate: true }));
    const ids = (await check(sim)).fixes.find((fix) => fix.kind === "assign-ids")!;
    expect(ids.changes.map((change) => change.after)).toEqual(["АС-1.1-01", "АС-1.2-01"]);
    await run(sim, (context) => applyFix(context, SHEET, ids));
    const second = await check(sim);
    expect(second.issues.filter((i) => i.column === 1)).toEqual([]);
    expect(second.issues.filter((i) => i.row === 7 && i.code === "group-mismatch")).toEqual([]);
    expect(gridMarks(sim)).not.toHaveProperty("A5");
  });
});

test("applyFix writes «001» and «=1+1» as literal text into General cells", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  sim.workbook.sheet("Sheet1").setValues("A1:O2", [REGISTER_TITLES, rowWith(0, { 1: "", 6: " =1+1 " })]);
  const plan: FixPlan = {
    kind: "assign-ids",
    title: "",
    description: "",
    changes: [
      { row: 2, column: 1, sheetColumn: 0, before: "", after: "001" },
      { row: 2, column: 6, sheetColumn: 5, before: " =1+1 ", after: "=1+1" },
    ],
  };
  const applied = await run(sim, (context) => applyFix(context, "Sheet1", plan, { platform: "PC" }));
  expect(applied).toEqual({ changed: 2, skipped: 0, syncs: 2 });
  const sheet = sim.workbook.sheet("Sheet1");
  expect(sheet.cell(2, 1)).toMatchObject({ value: "001", text: "001", formula: null, numberFormat: "@" });
  expect(sheet.cell(2, 6)).toMatchObject({ value: "=1+1", text: "=1+1", formula: null });
});

test("OfficeOnline: a big register is read in chunks that grow with megabytes, never over the response limit", async () => {
  const rowsCount = 10_000;
  const rows = Array.from({ length: rowsCount }, (_, i) => (i % 1000 === 3 ? rowWith(i, { 8: "на согласовании" }) : validRow(i)));
  const budget = 1_000_000;
  const web = await templateSim("1.8", "OfficeOnline");
  web.workbook.sheet(SHEET).setValues(`A5:O${rowsCount + 4}`, rows);
  const result = await check(web, { platform: "OfficeOnline", maxRequestBytes: budget });
  expect(result.rowsChecked).toBe(rowsCount);
  const bytes = textBytes(web.workbook.sheet(SHEET).texts(`A1:O${rowsCount + 4}`));
  // syncs = 1 + ceil(bytes past the first request / budget); chunks are sized from the bytes per cell measured on what
  // was read just before (a refused chunk is read again in halves), so the count lies between these bounds.
  const chunks = result.readSyncs! - 1;
  expect(chunks).toBeGreaterThanOrEqual(Math.ceil((bytes - budget) / budget));
  expect(chunks).toBeLessThanOrEqual(Math.ceil((bytes * 1.3) / budget) + 1);
  expect(result.syncs).toBe(result.readSyncs! + 1);

  // The default web budget: after the first request every chunk but the last carries at least 80 % of the 5 MB a
  // response may hold (the simulator refuses more), so a 50,000-row register takes close to the payload's floor.
  const big = await templateSim(NEWEST_API_VERSION, "OfficeOnline");
  big.workbook.sheet(SHEET).setValues("A5:O50004", Array.from({ length: 50_000 }, (_, i) => validRow(i)));
  const bigResult = await check(big, { platform: "OfficeOnline" });
  const bigBytes = textBytes(big.workbook.sheet(SHEET).texts("A1:O50004"));
  const chunkBytes = bigResult.readChunkBytes!;
  expect(chunkBytes).toHaveLength(bigResult.readSyncs! - 1);
  for (const bytes of chunkBytes.slice(0, -1)) expect(bytes).toBeGreaterThanOrEqual(0.8 * RESPONSE_PAYLOAD_LIMIT);
  expect(bigResult.readSyncs! - 1).toBeGreaterThanOrEqual(Math.ceil((bigBytes - WEB_REQUEST_BYTES) / RESPONSE_PAYLOAD_LIMIT));
  expect(bigResult.readSyncs! - 1).toBeLessThanOrEqual(Math.ceil(bigBytes / (0.8 * RESPONSE_PAYLOAD_LIMIT)));
});

describe("finding the register", () => {
  test("a sheet not made from the template: title rows, columns in another order, no reference sheet", async () => {
    const sim = createExcelSimulator({ apiVersion: "1.8" });
    const order = [6, 1, 3, 7, 8, 5, 2, 4, 9, 10, 11, 12, 13, 14, 15];
    const sheet = sim.workbook.sheet("Sheet1");
    sheet.setValues("A1", [["Реестр процессов отдела"]]);
    sheet.setValues("A3:O5", [pickColumns(REGISTER_TITLES, order), pickColumns(rowWith(0, {}), order), pickColumns(rowWith(1, { 8: "на согласовании" }), order)]);
    const result = await check(sim);
    expect(result.sheet).toBe("Sheet1");
    expect(result.headerRow).toBe(3);
    expect(result.issues.map((i) => `${i.row}:${i.column}:${i.code}`)).toEqual(["5:8:invalid-value"]);
    // Column 8 (status) is the 5th sheet column here.
    expect(gridMarks(sim)).toEqual({ E5: MARK_ERROR });
    // Without our sheets the guessed request is refused once: 2 reads + 1 write.
    expect(result.syncs).toBe(3);
  });

  test("the active sheet is preferred; a non-register active sheet falls back to the template sheet", async () => {
    const sim = await templateSim("1.8");
    await sim.userEdit(SHEET, "A5:O5", [validRow(0)], { paste: true });
    sim.workbook.addSheet("Копия").setValues("A1:O2", [REGISTER_TITLES, rowWith(3, { 6: "Процесс не из перечня" })]);
    sim.userActivate("Копия");
    const onCopy = await check(sim);
    expect(onCopy.sheet).toBe("Копия");
    expect(onCopy.syncs).toBe(2);
    sim.userActivate("Sheet1");
    const onTemplate = await check(sim);
    expect(onTemplate.sheet).toBe(SHEET);
    expect(onTemplate.rowsChecked).toBe(1);
    expect(onTemplate.syncs).toBe(2);
  });

  test("a register on neither the active nor the template sheet: every visible sheet is read", async () => {
    const sim = createExcelSimulator({ apiVersion: "1.8" });
    sim.workbook.sheet("Sheet1").setValues("A1", [["Оглавление"]]);
    sim.workbook.addSheet("Отдел кадров").setValues("A2:O3", [REGISTER_TITLES, rowWith(0, { 9: "Партнер" })]);
    const result = await check(sim);
    expect(result.sheet).toBe("Отдел кадров");
    expect(result.issues.map((i) => `${i.row}:${i.column}:${i.code}`)).toEqual(["3:9:invalid-value"]);
    expect(gridMarks(sim)).toEqual({ I3: MARK_WARNING });
    expect(sim.workbook.activeSheet.name).toBe("Sheet1");
  });

  test("a generated sheet is never taken for the register", async () => {
    const sim = createExcelSimulator({ apiVersion: "1.8" });
    sim.workbook.sheet("Sheet1").setValues("A1", [["пусто"]]);
    sim.workbook.addSheet("Сводка").setValues("A1:O2", [REGISTER_TITLES, validRow(0)]);
    sim.userActivate("Сводка");
    await expect(check(sim)).rejects.toThrow(/не найден реестр/);
  });

  test("a workbook without a register: a Russian error, nothing written", async () => {
    const sim = createExcelSimulator({ apiVersion: "1.8" });
    sim.workbook.sheet("Sheet1").setValues("A1:B2", [["Список", "дел"], ["купить", "хлеб"]]);
    await expect(check(sim)).rejects.toThrow("В книге не найден реестр: ни на одном листе нет строки заголовков");
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

test("ExcelApi 1.5 (no conditional formats): the check works and says why nothing is marked", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.5" });
  const sheet = sim.workbook.addSheet(SHEET);
  sheet.setValues("A1:O3", [REGISTER_TITLES, validRow(0), rowWith(1, { 6: "Процесс не из перечня" })]);
  sim.userActivate(SHEET);
  const result = await check(sim);
  expect(result.issues.map((i) => `${i.row}:${i.column}:${i.code}`)).toEqual(["3:6:unknown-process"]);
  expect(result.marked).toBe(0);
  expect(result.markNote).toBe(NO_MARKS_NOTE);
  expect(sim.workbook.sheet(SHEET).conditionalFormats).toEqual([]);
  expect(sim.workbook.sheets.map((s) => s.name)).not.toContain(CHECK_MARKS_SHEET_NAME);
});

test("selectCell activates the sheet and selects the cell in one sync", async () => {
  const sim = await templateSim("1.8");
  sim.userActivate("Sheet1");
  sim.stats.reset();
  await run(sim, (context) => selectCell(context, SHEET, 7, 5));
  expect([sim.stats.syncs, sim.stats.releases]).toEqual([2, 1]);
  expect(sim.workbook.activeSheet.name).toBe(SHEET);
  expect(sim.workbook.sheet(SHEET).selection).toEqual({ r0: 6, c0: 5, r1: 6, c1: 5 });
});

test("selectCell says in Russian when the register sheet was hidden or deleted after the check", async () => {
  const sim = await templateSim("1.8");
  sim.workbook.setVisibility(sim.workbook.sheet(SHEET), "Hidden");
  await expect(run(sim, (context) => selectCell(context, SHEET, 7, 5))).rejects.toThrow(`Лист «${SHEET}» скрыт`);
  sim.workbook.setVisibility(sim.workbook.sheet(SHEET), "Visible");
  sim.workbook.deleteSheet(sim.workbook.sheet(SHEET));
  await expect(run(sim, (context) => selectCell(context, SHEET, 7, 5))).rejects.toThrow(`Лист «${SHEET}» не найден`);
});

describe("watchSheetEdits", () => {
  afterEach(() => {
    const global = globalThis as Record<string, unknown>;
    delete global.Excel;
    delete global.Office;
    delete global.OfficeExtension;
  });

  test("fires on the user's typing and pasting, not on the add-in's own writes; stop() detaches", async () => {
    const sim = await templateSim("1.8");
    sim.install();
    const edits: number[] = [];
    const stop = await watchSheetEdits(SHEET, () => edits.push(Date.now()));
    await sim.userEdit(SHEET, "C5", [["Услуга"]]);
    await sim.userEdit(SHEET, "C6:D7", [["a", "b"], ["c", "d"]], { paste: true });
    expect(edits).toHaveLength(2);
    const result = await check(sim);
    await run(sim, (context) => applyFix(context, SHEET, result.fixes.find((fix) => fix.kind === "assign-ids")!, { platform: "PC" }));
    await sim.flushEvents();
    expect(edits).toHaveLength(2);
    await stop();
    await sim.userEdit(SHEET, "C8", [["Ещё"]]);
    expect(edits).toHaveLength(2);
    expect(sim.eventErrors).toEqual([]);
  });

  test("below ExcelApi 1.14 (no triggerSource): the events of a fix's own writes are known by address, the user's are not", async () => {
    const sim = await templateSim("1.8");
    await sim.userEdit(SHEET, "A5:O7", [rowWith(0, { 1: "", 5: "" }), rowWith(1, { 1: "", 5: "" }), rowWith(2, { 5: "" })], { paste: true });
    const result = await check(sim);
    const fix = result.fixes.find((plan) => plan.kind === "fill-direction")!;
    expect(fix.changes.map((change) => change.row)).toEqual([5, 6, 7]);
    // The events Excel 1.8 would deliver: the simulator's, without the 1.14 triggerSource.
    const raised: { address: string }[] = [];
    await run(sim, async (context) => {
      context.workbook.worksheets.getItem(SHEET).onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
        raised.push({ address: event.address });
      });
      await context.sync();
    });
    await run(sim, (context) => applyFix(context, SHEET, fix, { platform: "PC" }));
    await sim.flushEvents();
    expect(raised.map((event) => event.address)).toEqual(["E5:E7"]);
    expect(raised.map((event) => isOwnWrite(SHEET, event))).toEqual(raised.map(() => true));
    // Each is consumed once: the user typing into the same cells afterwards counts as an edit.
    expect(raised.map((event) => isOwnWrite(SHEET, event))).toEqual(raised.map(() => false));
    expect(isOwnWrite(SHEET, { address: "C9" })).toBe(false);
    // From ExcelApi 1.14 Excel says who wrote.
    expect(isOwnWrite(SHEET, { address: "A5", triggerSource: "ThisLocalAddin" })).toBe(true);
    expect(isOwnWrite(SHEET, { address: "A5", triggerSource: "Unknown" })).toBe(false);
  });

  test("below ExcelApi 1.7 it rejects with a Russian message", async () => {
    const sim = createExcelSimulator({ apiVersion: "1.6" });
    sim.install();
    await expect(watchSheetEdits("Sheet1", () => undefined)).rejects.toThrow(/более новой версии Excel/);
  });
});

test("OfficeOnline: rows far longer than the first window's are still read whole, a refused chunk again in halves", async () => {
  const web = await templateSim(NEWEST_API_VERSION, "OfficeOnline");
  const long = "Длинное описание процесса. ".repeat(40);
  const rows = Array.from({ length: 6_000 }, (_, i) => {
    const row = validRow(i);
    if (i >= 3_000) row[1] = `${long}${i}`;
    return row;
  });
  web.workbook.sheet(SHEET).setValues("A5:O6004", rows);
  const result = await check(web, { platform: "OfficeOnline" });
  expect(result.rowsChecked).toBe(6_000);
  expect(result.table!.rows[5_999].cells[1]).toBe(`${long}5999`);
  // The chunk sized by the short rows was refused at least once: more syncs than chunks of text received.
  expect(result.readSyncs! - 1).toBeGreaterThan(result.readChunkBytes!.length);
  for (const bytes of result.readChunkBytes!) expect(bytes).toBeLessThanOrEqual(RESPONSE_PAYLOAD_LIMIT);
});
