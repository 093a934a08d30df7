/** The simulator (src/simulator/README.md): Excel's documented limits and its coercion of strings written through range.values. */
import { createExcelSimulator } from "../../src/simulator";

type Ctx = Excel.RequestContext;

async function syncError(sim: ReturnType<typeof createExcelSimulator>, queue: (context: Ctx) => void) {
  return sim.Excel.run(async (context: Ctx) => {
    queue(context);
    return context.sync().then(
      () => null,
      (error: OfficeExtension.Error) => error.code,
    );
  });
}

describe("sheet names", () => {
  test.each([
    ["a name longer than 31 characters", "Реестр межведомственных процессов 2024", "InvalidArgument"],
    ["a colon", "Реестр: 2024", "InvalidArgument"],
    ["a slash", "Реестр/2024", "InvalidArgument"],
    ["brackets", "[Реестр]", "InvalidArgument"],
    ["an asterisk", "Реестр*", "InvalidArgument"],
    ["a question mark", "Реестр?", "InvalidArgument"],
    ["a backslash", "Реестр\\2024", "InvalidArgument"],
    ["a blank name", "   ", "InvalidArgument"],
    ["a leading apostrophe", "'Реестр", "InvalidArgument"],
    ["a duplicate in another case", "SHEET1", "ItemAlreadyExists"],
  ])("%s is refused", async (_what, name, code) => {
    const sim = createExcelSimulator();
    expect(await syncError(sim, (context) => context.workbook.worksheets.add(name))).toBe(code);
    expect(await syncError(sim, (context) => (context.workbook.worksheets.getItem("Sheet1").name = name))).toBe(name === "SHEET1" ? null : code);
  });

  test("31 characters and Cyrillic are fine", async () => {
    const sim = createExcelSimulator();
    expect(await syncError(sim, (context) => context.workbook.worksheets.add("Реестр процессов (2024 год) — №1".slice(0, 31)))).toBeNull();
  });
});

test("an inline list source over 255 characters is InvalidArgument; a name reference is not limited", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  const items = Array.from({ length: 40 }, (_, i) => `Значение ${i + 1}`);
  const inline = items.join(",");
  expect(inline.length).toBeGreaterThan(255);
  expect(await syncError(sim, (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A2:A100").dataValidation.rule = { list: { inCellDropDown: true, source: inline } };
  })).toBe("InvalidArgument");
  expect(await syncError(sim, (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A2:A100").dataValidation.rule = { list: { inCellDropDown: true, source: inline.slice(0, 255) } };
  })).toBeNull();
  // A name must exist when the rule is set.
  expect(await syncError(sim, (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("B2:B100").dataValidation.rule = { list: { inCellDropDown: true, source: "=Значения" } };
  })).toBe("InvalidArgument");
  expect(await syncError(sim, (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange(`Z1:Z${items.length}`).values = items.map((v) => [v]);
    context.workbook.names.add("Значения", sheet.getRange(`Z1:Z${items.length}`));
    sheet.getRange("B2:B100").dataValidation.rule = { list: { inCellDropDown: true, source: "=Значения" } };
  })).toBeNull();
  expect(sim.workbook.sheet("Sheet1").validations.map((v) => [v.address, v.rule.list?.source.length])).toEqual([
    ["A2:A100", 255],
    ["B2:B100", "=Значения".length],
  ]);
});

test("a cell holds at most 32,767 characters", async () => {
  const sim = createExcelSimulator();
  expect(await syncError(sim, (context) => (context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["я".repeat(32_768)]]))).toBe("InvalidArgument");
  expect(await syncError(sim, (context) => (context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["я".repeat(32_767)]]))).toBeNull();
});

test("reading more than 5,000,000 cells in one request is refused", async () => {
  const sim = createExcelSimulator();
  expect(await syncError(sim, (context) => context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001").load("numberFormat"))).toBe("ResponsePayloadSizeLimitExceeded");
  // Two reads that are each under the limit but together over it are refused as well.
  expect(await syncError(sim, (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C1000000").load("numberFormat");
    sheet.getRange("D1:F1000000").load("numberFormat");
  })).toBe("ResponsePayloadSizeLimitExceeded");
});

test("a request over 5 MB is refused whole (RequestPayloadSizeLimitExceeded); split writes pass", async () => {
  const sim = createExcelSimulator();
  const rows = Array.from({ length: 20_000 }, (_, r) => Array.from({ length: 15 }, (_, c) => `Текст ячейки ${r}:${c} описание процесса`));
  expect(await syncError(sim, (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("Q1").values = [["до"]];
    sheet.getRangeByIndexes(0, 0, rows.length, 15).values = rows;
  })).toBe("RequestPayloadSizeLimitExceeded");
  expect(sim.workbook.sheet("Sheet1").cell(1, 17).value).toBeNull();
  sim.stats.reset();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    for (let start = 0; start < rows.length; start += 5_000) {
      sheet.getRangeByIndexes(start, 0, 5_000, 15).values = rows.slice(start, start + 5_000);
      await context.sync();
    }
  });
  expect(sim.workbook.sheet("Sheet1").cell(20_000, 15).value).toBe(rows[19_999][14]);
  expect(sim.stats.largestRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
});

describe("coercion of strings written through values", () => {
  async function write(values: unknown[][], numberFormat?: string, culture?: "en-US" | "ru-RU") {
    const sim = createExcelSimulator({ culture });
    return sim.Excel.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, values.length, values[0].length);
      if (numberFormat) range.numberFormat = values.map((row) => row.map(() => numberFormat));
      range.values = values as string[][];
      range.load("values,text,formulas,numberFormat,valueTypes");
      await context.sync();
      return { values: range.values, text: range.text, formulas: range.formulas, numberFormat: range.numberFormat, valueTypes: range.valueTypes };
    });
  }

  test("number-like text becomes a number (en-US rules of the API: 1.10 → 1.1)", async () => {
    const result = await write([["104", "1.10", "-3.5", "1,234", "12%", "3,5", "017.04.001"]]);
    expect(result.values).toEqual([[104, 1.1, -3.5, 1234, 0.12, "3,5", "017.04.001"]]);
    expect(result.valueTypes[0].slice(0, 5)).toEqual(["Double", "Double", "Double", "Double", "Double"]);
    expect(result.text).toEqual([["104", "1.1", "-3.5", "1,234", "12%", "3,5", "017.04.001"]]);
  });

  test("date-like text becomes a date serial with a date format", async () => {
    const result = await write([["1/2/2024", "2024-01-02", "TRUE"]]);
    expect(result.values).toEqual([[45293, 45293, true]]);
    expect(result.numberFormat[0].slice(0, 2)).toEqual(["m/d/yyyy", "m/d/yyyy"]);
    expect(result.text[0]).toEqual(["1/2/2024", "1/2/2024", "TRUE"]);
  });

  test("in a Russian Excel 1.10 and 01.02 become dates and 3,5 a number", async () => {
    const result = await write([["1.10", "01.02.2024", "3,5", "017.04.001"]], undefined, "ru-RU");
    expect(typeof result.values[0][0]).toBe("number");
    expect(result.values[0][1]).toBe(45323);
    expect(result.values[0][2]).toBe(3.5);
    expect(result.text[0][1]).toBe("01.02.2024");
    expect(result.text[0][3]).toBe("17.04.2001");
  });

  test("text starting with = becomes a formula", async () => {
    const result = await write([[2, "=A1*3+1", '="№ "&A1', "=SUM(A1:B1)"]]);
    expect(result.formulas[0]).toEqual([2, "=A1*3+1", '="№ "&A1', "=SUM(A1:B1)"]);
    // No formula engine: plain arithmetic is evaluated, functions read as 0.
    expect(result.values[0]).toEqual([2, 7, "№ 2", 0]);
  });

  test("a text number format (@) keeps everything as text", async () => {
    const result = await write([["1.10", "01.02", "=1+1", "104", "TRUE"]], "@");
    expect(result.values).toEqual([["1.10", "01.02", "=1+1", "104", "TRUE"]]);
    expect(result.valueTypes[0]).toEqual(["String", "String", "String", "String", "String"]);
    expect(result.text).toEqual([["1.10", "01.02", "=1+1", "104", "TRUE"]]);
  });

  test("a leading apostrophe keeps text and is not part of the value", async () => {
    const result = await write([["'1.10", "'=1+1", "'"]]);
    expect(result.values).toEqual([["1.10", "=1+1", ""]]);
    expect(result.text).toEqual([["1.10", "=1+1", ""]]);
  });

  test("numbers written as numbers show under their format", async () => {
    const sim = createExcelSimulator();
    const text = await sim.Excel.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1");
      range.numberFormat = [["0.00", "#,##0", "0%", "dd.mm.yyyy", "General", "0.000"]];
      range.values = [[1.5, 1234567, 0.256, 45306, 1 / 3, -2]];
      range.load("text");
      await context.sync();
      return range.text;
    });
    expect(text).toEqual([["1.50", "1,234,567", "26%", "15.01.2024", "0.333333333", "-2.000"]]);
  });
});
