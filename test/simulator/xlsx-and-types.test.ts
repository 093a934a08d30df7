/**
 * The simulator (src/simulator/README.md): the simulated workbook saved as .xlsx (read back with ExcelJS and loaded again), and code typed with
 * @types/office-js running against the simulator with one cast at the boundary.
 */
import ExcelJS from "exceljs";
import { createExcelSimulator } from "../../src/simulator";

/** Typed only against @types/office-js: `npm run typecheck` checks this compiles. */
async function buildWithOfficeTypes(context: Excel.RequestContext): Promise<{ address: string; count: number }> {
  const sheets: Excel.WorksheetCollection = context.workbook.worksheets;
  const sheet: Excel.Worksheet = sheets.add("Реестр");
  const reference: Excel.Worksheet = sheets.add("Справочники");
  const header: Excel.Range = sheet.getRange("A1:C1");
  header.values = [["№", "Идентификатор", "Статус"]];
  header.format.font.bold = true;
  header.format.fill.color = "#DDEBF7";
  header.format.wrapText = true;
  header.format.horizontalAlignment = Excel.HorizontalAlignment.center;
  header.format.columnWidth = 90;
  const edges: Excel.BorderIndex[] = [Excel.BorderIndex.edgeTop, Excel.BorderIndex.edgeBottom];
  for (const edge of edges) header.format.borders.getItem(edge).style = Excel.BorderLineStyle.continuous;
  // A single value (not an array) applies to every cell of the range.
  sheet.getRange("B:B").numberFormat = [["@"]];
  sheet.getRange("A2:C3").values = [[1, "1.10", "Сертифицирован"], [2, "017.04.001", "Идет исследование"]];
  sheet.getRange("D2").formulas = [["=A2+A3"]];
  sheet.getRange("A5:C5").merge(false);
  reference.getRange("A1:A3").values = [["Сертифицирован"], ["Идет исследование"], ["Не начат"]];
  context.workbook.names.add("Статусы", reference.getRange("A1:A3"));
  const validation: Excel.DataValidation = sheet.getRange("C2:C100").dataValidation;
  validation.rule = { list: { inCellDropDown: true, source: "=Статусы" } };
  validation.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.warning, title: "Статус", message: "Выберите из списка" };
  const cf: Excel.ConditionalFormat = sheet.getRange("A2:C100").conditionalFormats.add(Excel.ConditionalFormatType.custom);
  cf.custom.rule.formula = '=AND(COUNTA($A2:$C2)>0,$C2="")';
  cf.custom.format.fill.color = "#FFC7CE";
  sheet.freezePanes.freezeRows(1);
  sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
  sheet.pageLayout.paperSize = Excel.PaperType.a4;
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  sheet.pageLayout.setPrintTitleRows("$1:$1");
  sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Страница &P из &N";
  sheet.tabColor = "#70AD47";
  sheet.activate();
  reference.visibility = Excel.SheetVisibility.veryHidden;
  const used: Excel.Range = sheet.getUsedRange(true);
  used.load("address");
  const count: OfficeExtension.ClientResult<number> = sheets.getCount();
  await context.sync();
  return { address: used.address, count: count.value };
}

async function build(apiVersion?: string) {
  const sim = createExcelSimulator({ apiVersion });
  sim.install(globalThis); // the typed code uses the Excel.* enums as the task pane does
  const result = await sim.Excel.run((context) => buildWithOfficeTypes(context));
  return { sim, result };
}

test("code typed with Excel.RequestContext runs against the simulator", async () => {
  const { sim, result } = await build();
  expect(result).toEqual({ address: "Реестр!A1:D3", count: 3 });
  const sheet = sim.workbook.sheet("Реестр");
  expect(sheet.values("A2:C3")).toEqual([[1, "1.10", "Сертифицирован"], [2, "017.04.001", "Идет исследование"]]);
  expect(sheet.cell(2, 4)).toMatchObject({ formula: "=A2+A3", value: 3 });
  expect(sim.workbook.activeSheet.name).toBe("Реестр");
});

test("saveXlsx writes values, formats, merges, validations, conditional formats, names, panes, visibility, page setup", async () => {
  const { sim } = await build();
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(Buffer.from(await sim.saveXlsx()) as unknown as ArrayBuffer);
  expect(file.worksheets.map((s) => [s.name, s.state])).toEqual([
    ["Sheet1", "visible"],
    ["Реестр", "visible"],
    ["Справочники", "veryHidden"],
  ]);
  const sheet = file.getWorksheet("Реестр")!;
  expect(sheet.getCell("B2").value).toBe("1.10");
  expect(sheet.getCell("B2").numFmt).toBe("@");
  expect(sheet.getColumn(2).numFmt).toBe("@");
  expect(sheet.getCell("A2").value).toBe(1);
  expect(sheet.getCell("D2").formula).toBe("A2+A3");
  expect(sheet.getCell("A1").font).toMatchObject({ bold: true });
  expect(sheet.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
  expect(sheet.getCell("A1").alignment).toMatchObject({ wrapText: true, horizontal: "center" });
  expect(sheet.getCell("A1").border.top).toMatchObject({ style: "thin" });
  expect(sheet.getColumn(1).width).toBeCloseTo(16.43, 1); // 90 pt
  expect((sheet.model as unknown as { merges: string[] }).merges).toEqual(["A5:C5"]);
  const validations = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  expect(validations.C50).toMatchObject({ type: "list", formulae: ["Статусы"], errorStyle: "warning", showErrorMessage: true });
  const cf = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
  expect(cf.map((c) => [c.ref, c.rules[0].type, c.rules[0].formulae[0]])).toEqual([["A2:C100", "expression", 'AND(COUNTA($A2:$C2)>0,$C2="")']]);
  expect(file.definedNames.model.filter((n) => !n.name.startsWith("_xlnm")).map((n) => `${n.name}=${n.ranges.join()}`)).toEqual(["Статусы='Справочники'!$A$1:$A$3"]);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
  expect(sheet.headerFooter.oddFooter).toBe("&CСтраница &P из &N");
  expect(sheet.properties.tabColor).toEqual({ argb: "FF70AD47" });
});

test("loadXlsx replaces the model with the file; saving again keeps what was there", async () => {
  const { sim } = await build();
  const saved = await sim.saveXlsx();
  const other = createExcelSimulator();
  let changes = 0;
  other.onChange(() => changes++);
  await other.loadXlsx(saved);
  expect(changes).toBeGreaterThan(0);
  expect(other.workbook.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual(["Sheet1:Visible", "Реестр:Visible", "Справочники:VeryHidden"]);
  const sheet = other.workbook.sheet("Реестр");
  expect(sheet.cell(2, 2)).toMatchObject({ value: "1.10", numberFormat: "@", text: "1.10" });
  expect(sheet.cell(1, 1).format).toMatchObject({ font: { bold: true }, fill: "#DDEBF7", wrapText: true, horizontalAlignment: "Center" });
  expect(sheet.cell(2, 4).formula).toBe("=A2+A3");
  expect(sheet.merges).toEqual(["A5:C5"]);
  expect(sheet.validations).toEqual([
    expect.objectContaining({ address: "C2:C100", rule: { list: { inCellDropDown: true, source: "=Статусы" } }, errorAlert: expect.objectContaining({ style: "Warning" }) }),
  ]);
  expect(sheet.conditionalFormats).toEqual([expect.objectContaining({ address: "A2:C100", formula: '=AND(COUNTA($A2:$C2)>0,$C2="")', fill: "#FFC7CE" })]);
  expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
  expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$1:$1", headersFooters: { centerFooter: "Страница &P из &N" } });
  expect(other.workbook.names).toEqual([expect.objectContaining({ name: "Статусы", formula: "='Справочники'!$A$1:$A$3" })]);
  expect(other.workbook.activeSheet.name).toBe("Реестр");
  // The loaded workbook works through the API as well.
  const text = await other.Excel.run(async (context) => {
    const range = context.workbook.names.getItem("Статусы").getRange();
    range.load("text");
    await context.sync();
    return range.text;
  });
  expect(text).toEqual([["Сертифицирован"], ["Идет исследование"], ["Не начат"]]);
});

test("at ExcelApi 1.8 the page setup written through pageLayout is refused and the rest still saves", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  sim.install(globalThis);
  await expect(sim.Excel.run((context) => buildWithOfficeTypes(context))).rejects.toMatchObject({ code: "ApiNotFound" });
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(Buffer.from(await sim.saveXlsx()) as unknown as ArrayBuffer);
  expect(file.getWorksheet("Реестр")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(file.getWorksheet("Реестр")!.pageSetup.orientation).not.toBe("landscape");
});
