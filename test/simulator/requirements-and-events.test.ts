/** The simulator (src/simulator/README.md): requirement-set levels; worksheet onChanged as Excel raises it (and Excel on the web does not for picks). */
import { createExcelSimulator } from "../../src/simulator";

type Ctx = Excel.RequestContext;

test("isSetSupported answers like the simulated Excel", () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  const requirements = sim.Office.context.requirements;
  expect(requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
  expect(requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
  expect(requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
  expect(requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
  expect(requirements.isSetSupported("ExcelApi")).toBe(true);
  expect(requirements.isSetSupported("WordApi", "1.1")).toBe(false);
  const newest = createExcelSimulator();
  expect(newest.Office.context.requirements.isSetSupported("ExcelApi", "1.17")).toBe(true);
  expect(newest.Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
});

test("a 1.9 API on a 1.8 host rejects sync with ApiNotFound at the point of use; earlier actions are applied", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  const error = await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [["до"]];
    // The navigation itself is fine (office.js has the class); using it fails on the host.
    sheet.pageLayout.orientation = "Landscape";
    sheet.getRange("A2").values = [["после"]];
    return context.sync().then(
      () => null,
      (e: OfficeExtension.Error) => e,
    );
  });
  expect(error).toMatchObject({ code: "ApiNotFound" });
  expect(error!.message).toMatch(/ExcelApi 1\.9/);
  expect(sim.workbook.sheet("Sheet1").cell(1, 1).value).toBe("до");
  expect(sim.workbook.sheet("Sheet1").cell(2, 1).value).toBeNull();
});

test.each([
  ["getRangeByIndexes", "1.6", (c: Ctx) => c.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1).load("address")],
  ["dataValidation", "1.7", (c: Ctx) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.ignoreBlanks = true)],
  ["conditionalFormats", "1.5", (c: Ctx) => c.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("Custom")],
  ["names.add", "1.3", (c: Ctx) => c.workbook.names.add("Имя", "=Sheet1!$A$1")],
  ["freezePanes", "1.6", (c: Ctx) => c.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(1)],
  ["tabColor", "1.6", (c: Ctx) => (c.workbook.worksheets.getItem("Sheet1").tabColor = "#FF0000")],
  ["getItemOrNullObject", "1.3", (c: Ctx) => c.workbook.worksheets.getItemOrNullObject("Sheet1")],
])("%s is refused below its requirement set (host at %s)", async (_api, level, use) => {
  const sim = createExcelSimulator({ apiVersion: level });
  await expect(
    sim.Excel.run(async (context: Ctx) => {
      use(context);
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
  const next = `1.${Number(level.split(".")[1]) + 1}`;
  const newer = createExcelSimulator({ apiVersion: next });
  await newer.Excel.run(async (context: Ctx) => {
    use(context);
    await context.sync();
  });
});

test("page layout at 1.9: orientation, paper, fit to width, print titles, margins, footer", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.9" });
  await sim.Excel.run(async (context: Ctx) => {
    const page = context.workbook.worksheets.getItem("Sheet1").pageLayout;
    page.orientation = "Landscape";
    page.paperSize = "A3";
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.setPrintTitleRows("$5:$6");
    page.setPrintArea("A1:O120");
    page.setPrintMargins("Inches", { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 });
    page.headersFooters.defaultForAllPages.centerFooter = "Страница &P из &N";
    page.paperSize = "A7" as never;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const titles = page.getPrintTitleRowsOrNullObject();
    titles.load("address");
    page.load("orientation,paperSize,leftMargin");
    await context.sync();
    expect([page.orientation, page.paperSize, page.leftMargin]).toEqual(["Landscape", "A3", 28.8]);
    expect(titles.address).toBe("Sheet1!5:6");
  });
  expect(sim.workbook.sheet("Sheet1").pageLayout).toMatchObject({
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printTitleRows: "$5:$6",
    printArea: "$A$1:$O$120",
    headersFooters: { centerFooter: "Страница &P из &N" },
  });
});

test("names: add, get, items, value/type, delete; duplicates and bad names refused", async () => {
  const sim = createExcelSimulator();
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.name = "Справочники";
    const names = context.workbook.names;
    names.add("Статусы", sheet.getRange("D2:D4"), "Статусы реинжиниринга");
    names.add("Ставка", "=0.5");
    const item = names.getItem("статусы");
    item.load("name,formula,type,value,comment,visible");
    names.load("items/name");
    await context.sync();
    expect([item.name, item.formula, item.type, item.value, item.comment, item.visible]).toEqual([
      "Статусы",
      "=Справочники!$D$2:$D$4",
      "Range",
      "Справочники!$D$2:$D$4",
      "Статусы реинжиниринга",
      true,
    ]);
    expect(names.items.map((n) => n.name)).toEqual(["Статусы", "Ставка"]);
    names.add("СТАТУСЫ", "=Справочники!$A$1");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    names.add("A1", "=Справочники!$A$1");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const range = item.getRange();
    range.load("address");
    item.delete();
    const gone = names.getItemOrNullObject("Статусы");
    await context.sync();
    expect(range.address).toBe("Справочники!D2:D4");
    expect(gone.isNullObject).toBe(true);
  });
  // Renaming a sheet rewrites the names that refer to it, as Excel does.
  await sim.Excel.run(async (context: Ctx) => {
    const names = context.workbook.names;
    names.add("Единицы", "=Справочники!$L$2:$L$3");
    context.workbook.worksheets.getItem("Справочники").name = "Списки и настройки";
    await context.sync();
  });
  expect(sim.workbook.names.find((n) => n.name === "Единицы")!.formula).toBe("='Списки и настройки'!$L$2:$L$3");
});

test("conditional formats (1.6) and data validation (1.8) read back through the API", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const range = sheet.getRange("A7:O5000");
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=AND(COUNTA($A7:$O7)>0,$A7="")';
    cf.custom.format.fill.color = "#FFC7CE";
    const count = range.conditionalFormats.getCount();
    const cfRange = cf.getRange();
    cfRange.load("address");
    const dv = sheet.getRange("H7:H5000").dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: "Да,Нет" } };
    dv.errorAlert = { showAlert: true, style: "Warning", title: "Проверка", message: "Выберите из списка" };
    dv.prompt = { showPrompt: true, title: "Статус", message: "Выберите статус" };
    dv.load("type,rule,errorAlert");
    const part = sheet.getRange("H10").dataValidation;
    part.load("type");
    await context.sync();
    expect(count.value).toBe(1);
    expect(cfRange.address).toBe("Sheet1!A7:O5000");
    expect(dv.type).toBe("List");
    expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: "Да,Нет" } });
    expect(dv.errorAlert.style).toBe("Warning");
    expect(part.type).toBe("List");
    dv.errorAlert = { showAlert: true, style: "Stop", title: "Заголовок длиннее тридцати двух знаков", message: "" };
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    range.conditionalFormats.clearAll();
    sheet.getRange("H7:H100").dataValidation.clear();
    await context.sync();
  });
  const model = sim.workbook.sheet("Sheet1");
  expect(model.conditionalFormats).toEqual([]);
  expect(model.validations.map((v) => v.address)).toEqual(["H101:H5000"]);
});

test("freeze panes (1.7) and the frozen location", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.7" });
  await sim.Excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.freezePanes.freezeRows(6);
    const location = sheet.freezePanes.getLocationOrNullObject();
    location.load("address");
    await context.sync();
    expect(location.address).toBe("Sheet1!1:6");
    sheet.freezePanes.freezeAt(sheet.getRange("A1:B3"));
    await context.sync();
    expect(sim.workbook.sheet("Sheet1").freeze).toEqual({ rows: 3, columns: 2 });
    sheet.freezePanes.unfreeze();
    const none = sheet.freezePanes.getLocationOrNullObject();
    await context.sync();
    expect(none.isNullObject).toBe(true);
  });
});

describe("worksheet onChanged", () => {
  async function attach(sim: ReturnType<typeof createExcelSimulator>) {
    const events: Excel.WorksheetChangedEventArgs[] = [];
    await sim.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (event) => {
        events.push(event);
      });
      await context.sync();
    });
    return events;
  }

  test("a user's typing raises it with the address; a Stop list refuses a value not in it", async () => {
    const sim = createExcelSimulator();
    const events = await attach(sim);
    const edit = await sim.userEdit("Sheet1", "B3", [["104"]]);
    expect(edit).toEqual({ accepted: true, eventsRaised: 1 });
    expect(events.map((e) => [e.address, e.changeType, e.triggerSource])).toEqual([["B3", "RangeEdited", "Unknown"]]);
    expect(sim.workbook.sheet("Sheet1").cell(3, 2).value).toBe(104);

    await sim.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1:C10").dataValidation.rule = { list: { inCellDropDown: true, source: "Да,Нет" } };
      await context.sync();
    });
    await sim.flushEvents();
    expect(await sim.userEdit("Sheet1", "C2", [["Может быть"]])).toMatchObject({ accepted: false });
    expect(await sim.userEdit("Sheet1", "C2:C3", [["Может быть"], ["Да"]], { paste: true })).toMatchObject({ accepted: true });
    expect(sim.workbook.sheet("Sheet1").values("C2:C3")).toEqual([["Может быть"], ["Да"]]);
  });

  test("the add-in's own writes raise it too (triggerSource ThisLocalAddin), after the sync", async () => {
    const sim = createExcelSimulator();
    const events = await attach(sim);
    await sim.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2], [3, 4]];
      await context.sync();
      expect(events).toHaveLength(0);
    });
    await sim.flushEvents();
    expect(events.map((e) => [e.address, e.triggerSource])).toEqual([["A1:B2", "ThisLocalAddin"]]);
  });

  test("below ExcelApi 1.14 the event does not say who made the change (no triggerSource)", async () => {
    const sim = createExcelSimulator({ apiVersion: "1.8" });
    const events = await attach(sim);
    await sim.userEdit("Sheet1", "B3", [["104"]]);
    await sim.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    await sim.flushEvents();
    // office.js's event args always carry the key; the host sends no value for it below 1.14.
    expect(events.map((e) => [e.address, e.triggerSource])).toEqual([["B3", undefined], ["A1", undefined]]);
  });

  test("Excel on the web does not raise it for a dropdown pick, but does for typing", async () => {
    const web = createExcelSimulator({ platform: "OfficeOnline" });
    const events = await attach(web);
    expect(await web.userEdit("Sheet1", "F7", [["Процесс"]], { dropdownPick: true })).toEqual({ accepted: true, eventsRaised: 0 });
    expect(web.workbook.sheet("Sheet1").cell(7, 6).value).toBe("Процесс");
    expect(events).toHaveLength(0);
    await web.userEdit("Sheet1", "F8", [["Процесс"]]);
    expect(events).toHaveLength(1);

    const desktop = createExcelSimulator({ platform: "PC" });
    const desktopEvents = await attach(desktop);
    await desktop.userEdit("Sheet1", "F7", [["Процесс"]], { dropdownPick: true });
    expect(desktopEvents).toHaveLength(1);
  });

  test("onChanged needs ExcelApi 1.7; a removed handler is not called", async () => {
    const old = createExcelSimulator({ apiVersion: "1.6" });
    await expect(attach(old)).rejects.toMatchObject({ code: "ApiNotFound" });
    const sim = createExcelSimulator();
    let calls = 0;
    const handle = await sim.Excel.run(async (context: Ctx) => {
      const result = context.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => {
        calls++;
      });
      await context.sync();
      return result;
    });
    await sim.userEdit("Sheet1", "A1", [["x"]]);
    // office.js removes a handler through the context it was added with, at that context's next sync.
    await sim.Excel.run(handle.context, async (context: Ctx) => {
      handle.remove();
      await context.sync();
    });
    await sim.userEdit("Sheet1", "A1", [["y"]]);
    expect(calls).toBe(1);
  });
});
