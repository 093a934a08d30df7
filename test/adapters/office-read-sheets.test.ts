import { ASSUMED_BYTES_PER_CELL, readSheetsTextWithReport, readSheetText } from "../../src/adapters/office/read-sheets";
import { createExcelSimulator } from "../../src/simulator";

type Setup = (context: Excel.RequestContext) => void;

async function simulatorWith(setup: Setup) {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  await sim.Excel.run(async (context: Excel.RequestContext) => {
    setup(context);
    await context.sync();
  });
  const syncsBefore = sim.stats.syncs - sim.stats.releases;
  // The add-in's own messages: office.js's closing release message after Excel.run is left out.
  return { sim, syncsSince: () => sim.stats.syncs - sim.stats.releases - syncsBefore };
}

function fillRegister(sheet: Excel.Worksheet, rows: number, top = 0, left = 0): string[][] {
  const values = Array.from({ length: rows }, (_, r) => Array.from({ length: 15 }, (_, c) => `Ячейка ${r + 1}:${c + 1} — текст процесса`));
  const range = sheet.getRangeByIndexes(top, left, rows, 15);
  range.numberFormat = values.map((row) => row.map(() => "@"));
  range.values = values;
  return values;
}

test("rows and columns are aligned to A1 when the used range starts lower; display text of numbers", async () => {
  const { sim } = await simulatorWith((context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.name = "Реестр";
    const range = sheet.getRange("C5:D6");
    range.numberFormat = [["@", "0.00"], ["@", "General"]];
    range.values = [["1.10", 1.5], ["=1+1", 42]];
  });
  const sheet = await sim.Excel.run((context: Excel.RequestContext) => readSheetText(context, "Реестр"));
  expect(sheet).not.toBeNull();
  expect(sheet!.rows).toHaveLength(6);
  expect(sheet!.rows.slice(0, 4).every((row) => row.every((cell) => cell === ""))).toBe(true);
  expect(sheet!.rows[4]).toEqual(["", "", "1.10", "1.50"]);
  expect(sheet!.rows[5]).toEqual(["", "", "=1+1", "42"]);
});

test("two syncs for a register that fits one request; hidden sheets only on request; blank sheets are empty", async () => {
  let expected: string[][] = [];
  const { sim, syncsSince } = await simulatorWith((context) => {
    const sheets = context.workbook.worksheets;
    expected = fillRegister(sheets.getItem("Sheet1"), 1000);
    sheets.add("Пустой");
    const hidden = sheets.add("Скрытый");
    hidden.getRange("A1").values = [["служебное"]];
    hidden.visibility = "VeryHidden";
  });
  const visible = await sim.Excel.run((context: Excel.RequestContext) => readSheetsTextWithReport(context));
  expect(visible.syncs).toBe(2);
  expect(syncsSince()).toBe(2);
  expect(visible.sheets.map((s) => s.name)).toEqual(["Sheet1", "Пустой"]);
  expect(visible.sheets[0].rows).toEqual(expected);
  expect(visible.sheets[1].rows).toEqual([]);
  const all = await sim.Excel.run((context: Excel.RequestContext) => readSheetsTextWithReport(context, { includeHidden: true }));
  expect(all.sheets.map((s) => s.name)).toEqual(["Sheet1", "Пустой", "Скрытый"]);
  expect(all.sheets[2].rows).toEqual([["служебное"]]);
});

test("past the request budget the sheet is read in row chunks: syncs grow with size, text is identical", async () => {
  let expected: string[][] = [];
  const { sim } = await simulatorWith((context) => {
    expected = fillRegister(context.workbook.worksheets.getItem("Sheet1"), 3000, 2, 1);
  });
  const whole = await sim.Excel.run((context: Excel.RequestContext) => readSheetsTextWithReport(context));
  expect(whole.syncs).toBe(2);
  const budget = 1000 * 15 * ASSUMED_BYTES_PER_CELL; // 1,000 rows of 15 cells per request
  const chunked = await sim.Excel.run((context: Excel.RequestContext) => readSheetsTextWithReport(context, { maxRequestBytes: budget }));
  expect(chunked.syncs).toBeGreaterThanOrEqual(4);
  expect(chunked.syncs).toBeLessThanOrEqual(5);
  expect(chunked.sheets).toEqual(whole.sheets);
  expect(chunked.sheets[0].rows[2]).toEqual(["", ...expected[0]]);
  expect(chunked.sheets[0].rows[3001]).toEqual(["", ...expected[2999]]);
});

test("a sheet past maxCells is refused with a clear message; unknown names are left out", async () => {
  const { sim } = await simulatorWith((context) => {
    fillRegister(context.workbook.worksheets.getItem("Sheet1"), 100);
  });
  await expect(sim.Excel.run((context: Excel.RequestContext) => readSheetsTextWithReport(context, { maxCells: 1000 }))).rejects.toThrow(
    /Лист «Sheet1» слишком велик: 1500/,
  );
  expect(await sim.Excel.run((context: Excel.RequestContext) => readSheetText(context, "Нет такого"))).toBeNull();
});
