/** The simulator (src/simulator/README.md): proxy objects, load/sync, queued writes, errors that stop a batch, Excel.run, sync counting. */
import { createExcelSimulator } from "../../src/simulator";

type Ctx = Excel.RequestContext;

test("reading a property that was not loaded and synced throws PropertyNotLoaded", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    // Loaded but not synced yet: still not available.
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values).toEqual([["", ""], ["", ""]]);
    // Another property of the same object was never loaded.
    expect(() => range.text).toThrow(sim.OfficeExtension.Error);
  });
});

test("ClientResult.value before sync throws ValueNotLoaded; after sync it holds the value", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const count = context.workbook.worksheets.getCount();
    expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
    await context.sync();
    expect(count.value).toBe(1);
  });
});

test("writes are queued and applied at sync, in order", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [["первое"]];
    sheet.getRange("A1").values = [["второе"]];
    sheet.name = "Реестр";
    // Later actions of the same batch see the rename.
    context.workbook.worksheets.getItem("Реестр").getRange("B1").values = [["есть"]];
    expect(sim.workbook.sheets[0].name).toBe("Sheet1");
    expect(sim.workbook.sheets[0].cell(1, 1).value).toBeNull();
    await context.sync();
  });
  const sheet = sim.workbook.sheet("Реестр");
  expect(sheet.cell(1, 1).value).toBe("второе");
  expect(sheet.cell(1, 2).value).toBe("есть");
});

test("a failed operation rejects sync with its code; actions before it are applied, after it are not", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheets = context.workbook.worksheets;
    sheets.getItem("Sheet1").getRange("A1").values = [["до ошибки"]];
    sheets.getItem("Нет такого листа").getRange("A1").values = [["x"]];
    sheets.getItem("Sheet1").getRange("A2").values = [["после ошибки"]];
    const error = await context.sync().then(
      () => null,
      (e: OfficeExtension.Error) => e,
    );
    expect(error).toBeInstanceOf(sim.OfficeExtension.Error);
    expect(error!.code).toBe("ItemNotFound");
    expect(error!.debugInfo.errorLocation).toContain("getItem");
  });
  expect(sim.workbook.sheet("Sheet1").cell(1, 1).value).toBe("до ошибки");
  expect(sim.workbook.sheet("Sheet1").cell(2, 1).value).toBeNull();
});

test("loads of a failed request are not filled", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.load("name");
    context.workbook.worksheets.add("Sheet1"); // ItemAlreadyExists
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

test("Excel.run flushes pending work at the end and rejects with the batch's error", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [["без явного sync"]];
  });
  expect(sim.workbook.sheet("Sheet1").cell(3, 3).value).toBe("без явного sync");
  // The closing flush, then the release of the range office.js tracked.
  expect([sim.stats.syncs, sim.stats.releases]).toEqual([2, 1]);

  await expect(
    sim.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["одна ячейка"]];
    }),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("a batch must return a promise (RunMustReturnPromise)", async () => {
  const sim = createExcelSimulator();
  await expect(sim.Excel.run((() => undefined) as never)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
});

test("objects from one Excel.run cannot be used in another (InvalidObjectPath)", async () => {
  const sim = createExcelSimulator();
  const range = await sim.Excel.run(async (context: Ctx) => {
    const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    r.load("address");
    await context.sync();
    return r;
  });
  // What was loaded stays readable.
  expect(range.address).toBe("Sheet1!A1");
  await sim.Excel.run(async (context: Ctx) => {
    expect(() => {
      range.values = [["x"]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
    // Passing it into the new context's methods is refused too.
    const other = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    expect(() => other.getIntersection(range)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
    await context.sync();
  });
});

test("*OrNullObject: isNullObject after sync; real objects resolve", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Нет");
    const present = context.workbook.worksheets.getItemOrNullObject("sheet1"); // case-insensitive, as Excel
    present.load("name");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    expect(present.name).toBe("Sheet1");
    const used = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject();
    await context.sync();
    expect(used.isNullObject).toBe(true);
  });
});

test("load accepts a string, an array and an object; navigation paths; collection items; toJSON", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheets = context.workbook.worksheets;
    sheets.add("Второй");
    const range = sheets.getItem("Sheet1").getRange("A1:B1");
    range.values = [["a", 1]];
    range.format.font.bold = true;
    await context.sync();
    range.load("address, rowCount");
    range.load(["columnCount"]);
    range.load({ text: true, format: { font: { bold: true } } });
    sheets.load("items/name,items/visibility");
    await context.sync();
    expect([range.address, range.rowCount, range.columnCount]).toEqual(["Sheet1!A1:B1", 1, 2]);
    expect(range.text).toEqual([["a", "1"]]);
    expect(range.format.font.bold).toBe(true);
    expect(() => range.format.font.italic).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([["Sheet1", "Visible"], ["Второй", "Visible"]]);
    expect(range.toJSON()).toMatchObject({ address: "Sheet1!A1:B1", rowCount: 1, columnCount: 2 });
    // An unknown property fails the request.
    range.load("noSuchProperty");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

test("stats count the messages office.js sends; a sync with nothing queued sends none", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    await context.sync();
    await context.sync(); // nothing queued: no message
  });
  // One write, then the release of the tracked range when Excel.run ends.
  expect([sim.stats.syncs, sim.stats.requests, sim.stats.releases]).toEqual([2, 2, 1]);
  expect(sim.stats.requestBytes).toBeGreaterThan(0);
  expect(sim.stats.responseBytes).toBeGreaterThan(0);
  sim.stats.reset();
  expect(sim.stats.syncs).toBe(0);
});

test("worksheet operations: add, rename, position, visibility, delete; Excel keeps one visible sheet", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheets = context.workbook.worksheets;
    const added = sheets.add();
    added.load("name,position");
    await context.sync();
    expect([added.name, added.position]).toEqual(["Sheet2", 1]);
    added.position = 0;
    added.visibility = "VeryHidden";
    await context.sync();
    expect(sim.workbook.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual(["Sheet2:VeryHidden", "Sheet1:Visible"]);
    sheets.getItem("Sheet1").visibility = "Hidden";
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    sheets.getItem("Sheet1").delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    // Excel refuses to delete a very hidden sheet (github.com/OfficeDev/office-js/issues/365): unhide it first.
    sheets.getItem("Sheet2").delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    sheets.getItem("Sheet2").visibility = "Hidden";
    sheets.getItem("Sheet2").delete();
    await context.sync();
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

test("range navigation and structure: offsets, resize, intersections, merge, insert/delete, clear", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const base = sheet.getRange("B2:D4");
    const parts = [base.getCell(1, 1), base.getOffsetRange(1, 0), base.getResizedRange(1, -1), base.getRow(0), base.getColumn(2), base.getLastRow(), base.getEntireColumn(), base.getEntireRow(), base.getIntersection("C3:Z9")];
    parts.forEach((p) => p.load("address"));
    const none = base.getIntersectionOrNullObject("F6:G7");
    await context.sync();
    expect(parts.map((p) => p.address)).toEqual(["Sheet1!C3", "Sheet1!B3:D5", "Sheet1!B2:C5", "Sheet1!B2:D2", "Sheet1!D2:D4", "Sheet1!B4:D4", "Sheet1!B:D", "Sheet1!2:4", "Sheet1!C3:D4"]);
    expect(none.isNullObject).toBe(true);

    sheet.getRange("A1:A3").values = [["один"], ["два"], ["три"]];
    sheet.getRange("A2").getEntireRow().delete("Up");
    sheet.getRange("E1:F1").values = [["левая", "правая"]];
    sheet.getRange("E1:F1").merge();
    sheet.getRange("A1").getEntireRow().insert("Down");
    await context.sync();
    const model = sim.workbook.sheet("Sheet1");
    expect(model.values("A1:A3")).toEqual([[""], ["один"], ["три"]]);
    expect(model.merges).toEqual(["E2:F2"]);
    expect(model.cell(2, 5).value).toBe("левая");
    expect(model.cell(2, 6).value).toBeNull(); // Excel keeps the upper-left value only

    sheet.getRange("A2").format.fill.color = "#FFCC00";
    sheet.getRange("A2:A3").clear("Contents");
    await context.sync();
    expect(model.cell(2, 1).value).toBeNull();
    expect(model.cell(2, 1).format.fill).toBe("#FFCC00");
    sheet.getRange("A2").clear();
    await context.sync();
    expect(model.cell(2, 1).format.fill).toBeNull();
  });
});

test("inserting and deleting rows and columns moves, widens, cuts and drops merges and validations", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A2:A10").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" as Excel.DataValidationOperator } };
    sheet.getRange("C3:D3").merge();
    sheet.getRange("B6:C6").merge();
    sheet.getRange("F12:G13").merge();
    sheet.getRange("4:5").delete("Up"); // inside the validation, below C3:D3
    sheet.getRange("3:3").delete("Up"); // all of C3:D3
    await context.sync();
    const model = sim.workbook.sheet("Sheet1");
    expect(model.validations.map((v) => v.address)).toEqual(["A2:A7"]);
    expect(model.merges).toEqual(["B3:C3", "F9:G10"]);

    sheet.getRange("C:C").insert("Right"); // inside B3:C3, left of F9:G10
    sheet.getRange("1:2").insert("Down"); // above everything
    await context.sync();
    expect(model.merges).toEqual(["B5:D5", "G11:H12"]);
    expect(model.validations.map((v) => v.address)).toEqual(["A4:A9"]);

    sheet.getRange("B:C").delete("Left"); // B5:D5 keeps one cell: no longer a merge
    sheet.getRange("A:A").delete("Left"); // the validation's only column
    await context.sync();
    expect(model.merges).toEqual(["D11:E12"]);
    expect(model.validations).toEqual([]);
  });
});

test("getRangeByIndexes outside the sheet and values of the wrong size are InvalidArgument", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRangeByIndexes(1_048_575, 0, 2, 1).load("address");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    sheet.getRange("A1:C2").values = [["a", "b"], ["c", "d"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    // A single value fills the whole range.
    sheet.getRange("A1:C2").values = "все" as unknown as string[][];
    await context.sync();
  });
  expect(sim.workbook.sheet("Sheet1").values("A1:C2")).toEqual([["все", "все", "все"], ["все", "все", "все"]]);
});

test("formats: font, fill, alignment, borders, widths (points), heights; mixed ranges read as null", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const range = sheet.getRange("A1:B2");
    range.format.font.bold = true;
    range.format.font.name = "Times New Roman";
    range.format.font.size = 12;
    range.format.font.color = "#ff0000";
    range.format.wrapText = true;
    range.format.horizontalAlignment = "Center";
    range.format.verticalAlignment = "Top";
    range.format.columnWidth = 120;
    range.format.rowHeight = 30;
    const inside = range.format.borders.getItem("InsideHorizontal");
    inside.style = "Continuous";
    inside.weight = "Medium";
    sheet.getRange("A1").format.fill.color = "#00FF00";
    const fill = range.format.fill;
    fill.load("color");
    const font = range.format.font;
    font.load("bold,name,size,color");
    range.format.load("columnWidth,rowHeight,wrapText,horizontalAlignment");
    await context.sync();
    expect(fill.color).toBeNull(); // A1 green, others no fill
    expect([font.bold, font.name, font.size, font.color]).toEqual([true, "Times New Roman", 12, "#FF0000"]);
    expect([range.format.columnWidth, range.format.rowHeight, range.format.wrapText, range.format.horizontalAlignment]).toEqual([120, 30, true, "Center"]);
    range.format.horizontalAlignment = "Middle" as never;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
  const model = sim.workbook.sheet("Sheet1");
  expect(model.cell(1, 1).format.borders.bottom).toEqual({ style: "Continuous", weight: "Medium", color: "#000000" });
  expect(model.cell(2, 1).format.borders.top).toEqual({ style: "Continuous", weight: "Medium", color: "#000000" });
  expect(model.cell(2, 1).format.borders.bottom).toBeUndefined();
  expect(model.columnWidth(1)).toBe(120);
  expect(model.rowHeight(2)).toBe(30);
});

test("a whole-column number format is one entry, not a million cells, and applies to new cells", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    // The one cell-level write an unbounded range takes: a numberFormat as a 1×1 array (office-js-docs-pr#5400).
    sheet.getRange("A:A").numberFormat = [["@"]];
    sheet.getRange("A900000").values = [["1.10"]];
    await context.sync();
  });
  const model = sim.workbook.sheet("Sheet1");
  expect(model.cell(900000, 1)).toMatchObject({ value: "1.10", numberFormat: "@" });
  expect(model.cell(5, 2).numberFormat).toBe("General");
});
