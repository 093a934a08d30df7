import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderWorkbookLayout, renderWorkbookLayoutWithReport, writeLayoutToBuffer } from "../../src/adapters/xlsx/exceljs-writer";
import { estimateRowHeights } from "../../src/core/layout/cells";
import {
  buildFixtureLayout,
  DIRECTIONS,
  NOTES_SHEET,
  PROCESS_COUNT_BY_DIRECTION,
  REFERENCE_SHEET,
  REGISTER_SHEET,
  TRICKY_TEXTS,
} from "../support/layout-fixture";
import { closeLibreOffice, inspectWithLibreOffice, toExcelSeparators } from "../support/libreoffice";
import { expectValidXlsx } from "../support/ooxml-check";

async function reopen(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(buffer) as unknown as ArrayBuffer);
  return workbook;
}

const workDir = mkdtempSync(join(tmpdir(), "reestr-render-xlsx-"));
afterAll(closeLibreOffice);

describe("xlsx renderer, read back with ExcelJS", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await reopen(await writeLayoutToBuffer(buildFixtureLayout(6)));
  });

  test("the file passes the ECMA-376 schemas and the package checks (validations, conditional formats, names, print)", async () => {
    await expectValidXlsx(await writeLayoutToBuffer(buildFixtureLayout(6)), "ExcelJS writer, fixture layout");
  });

  test("sheets, order and visibility", () => {
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      [REGISTER_SHEET, "visible"],
      [REFERENCE_SHEET, "veryHidden"],
      [NOTES_SHEET, "hidden"],
    ]);
  });

  test("strings stay text, numbers stay numbers, formulas are formulas", () => {
    const sheet = workbook.getWorksheet(REGISTER_SHEET)!;
    const firstColumn = [7, 8, 9, 10, 11, 12].map((r) => sheet.getCell(r, 1));
    expect(firstColumn.map((c) => c.value)).toEqual(TRICKY_TEXTS);
    for (const cell of firstColumn) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe("@");
    }
    expect(sheet.getCell("J7").value).toBe(1.5);
    expect(sheet.getCell("J7").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("A6").value).toBe(1);
    expect(sheet.getCell("A6").numFmt).toBe("0");
    expect(sheet.getCell("A13").formula).toBe("COUNTA(A7:A12)");
    expect(sheet.getCell("B13").formula).toBe("ROWS(Процессы)");
    expect(sheet.getCell("A13").numFmt ?? "General").not.toBe("@");
  });

  test("styles, widths, column formats, merges, heights", () => {
    const sheet = workbook.getWorksheet(REGISTER_SHEET)!;
    const header = sheet.getCell("C5");
    expect(header.font?.bold).toBe(true);
    expect(header.alignment?.wrapText).toBe(true);
    expect(header.alignment?.vertical).toBe("middle");
    expect(header.border?.left?.style).toBe("thin");
    expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    expect(sheet.getCell("M1").font?.name).toBe("Times New Roman");
    expect(sheet.getColumn(6).width).toBe(40);
    expect(sheet.getColumn(3).numFmt).toBe("@");
    expect(sheet.getCell("A2").isMerged && sheet.getCell("L2").isMerged).toBe(true);
    expect(sheet.getRow(2).height).toBe(30);
    // Wrapped data rows got estimated heights taller than one line.
    expect(sheet.getRow(7).height).toBeGreaterThan(15);
    expect(sheet.properties.tabColor?.argb).toBe("FF1F4E79");
  });

  test("validations, conditional formats, names, freeze and print", () => {
    const sheet = workbook.getWorksheet(REGISTER_SHEET)!;
    const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const direction = Object.entries(model).find(([address]) => address.startsWith("E7"))![1];
    expect(direction).toMatchObject({ type: "list", formulae: ["Направления"], errorStyle: "stop", showErrorMessage: true, promptTitle: "Направление" });
    const process = Object.entries(model).find(([address]) => address.startsWith("F7"))![1];
    expect(process.errorStyle).toBe("warning");
    expect(process.formulae[0]).toContain("OFFSET(INDEX(Процессы,1)");
    const cf = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type, c.rules[0].formulae[0]])).toEqual([
      ["A7:A5006", "expression", 'AND(COUNTA($A7:$O7)>0,$A7="")'],
      ["E7:F5006", "expression", 'AND(COUNTA($A7:$O7)>0,E7="")'],
    ]);
    expect(workbook.definedNames.model).toEqual(
      expect.arrayContaining([{ name: "Процессы", ranges: [`'${REFERENCE_SHEET}'!$B$2:$B$39`] }, { name: "Статусы", ranges: [`'${REFERENCE_SHEET}'!$D$2:$D$4`] }]),
    );
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 8, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "5:6", printArea: "A1:O12" });
    expect(sheet.headerFooter.oddFooter).toBe("&CСтраница &P из &N");
  });
});

describe("replacing sheets in an existing workbook", () => {
  test("a sheet of the same name is replaced in place, other sheets and names stay", async () => {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Первый").getCell("A1").value = "мой текст";
    base.addWorksheet(REGISTER_SHEET).getCell("Z99").value = "старое";
    base.addWorksheet("Последний").getCell("B2").value = 42;
    base.definedNames.add("'Первый'!$A$1", "МоёИмя");
    const layout = buildFixtureLayout(2);
    const { workbook, report } = renderWorkbookLayoutWithReport({ sheets: [layout.sheets[0]], names: layout.names }, base);
    expect(report.warnings).toEqual([]);
    const reopened = await reopen(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(reopened.worksheets.map((s) => s.name)).toEqual(["Первый", REGISTER_SHEET, "Последний"]);
    expect(reopened.getWorksheet(REGISTER_SHEET)!.getCell("Z99").value).toBeNull();
    expect(reopened.getWorksheet(REGISTER_SHEET)!.getCell("A7").value).toBe("=1+1");
    expect(reopened.getWorksheet("Первый")!.getCell("A1").value).toBe("мой текст");
    expect(reopened.getWorksheet("Последний")!.getCell("B2").value).toBe(42);
    expect(reopened.definedNames.model.map((n) => n.name)).toEqual(expect.arrayContaining(["МоёИмя", "Процессы"]));
  });

  test("rendering twice gives the same file content", async () => {
    const once = renderWorkbookLayout(buildFixtureLayout(3));
    const twice = renderWorkbookLayout(buildFixtureLayout(3), renderWorkbookLayout(buildFixtureLayout(3)));
    const names = (wb: ExcelJS.Workbook) => wb.definedNames.model.map((n) => `${n.name}=${n.ranges.join()}`).sort();
    expect(names(twice)).toEqual(names(once));
    expect(twice.worksheets.map((s) => s.name)).toEqual(once.worksheets.map((s) => s.name));
    expect(twice.getWorksheet(REGISTER_SHEET)!.getSheetValues()).toEqual(once.getWorksheet(REGISTER_SHEET)!.getSheetValues());
  });

  test("too long prompt texts are cut to Excel's limits with a warning", () => {
    const layout = buildFixtureLayout(1);
    layout.sheets[0].validations![0].promptMessage = "Очень длинная подсказка. ".repeat(20);
    const { report } = renderWorkbookLayoutWithReport(layout);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toContain("255");
  });
});

describe("row height estimation", () => {
  test("long wrapped text in a narrow column gets several lines; merged cells use the merge width", () => {
    const heights = estimateRowHeights({
      name: "x",
      columns: [{ index: 1, width: 10 }, { index: 2, width: 10 }, { index: 3, width: 10 }],
      merges: ["B2:C2"],
      blocks: [{ row: 1, col: 1, values: [["слово ".repeat(12)], [null, "слово ".repeat(12), null]], style: { wrap: true } }],
    });
    expect(heights.get(1)!).toBeGreaterThan(heights.get(2)!);
    expect(heights.get(2)!).toBeGreaterThan(15);
  });
});

describe("xlsx renderer, read back with LibreOffice", () => {
  test("LibreOffice sees the same workbook: text cells, validations resolving to the lists, formats, print", async () => {
    const path = join(workDir, "fixture.xlsx");
    writeFileSync(path, await writeLayoutToBuffer(buildFixtureLayout(6)));
    const scratch = (row: number) => `=ROWS(IF($E${row}="",Процессы,OFFSET(INDEX(Процессы,1),MATCH($E${row},ПроцессыНаправления,0)-1,0,COUNTIF(ПроцессыНаправления,$E${row}),1)))`;
    const report = await inspectWithLibreOffice(path, {
      cells: { [REGISTER_SHEET]: "A7:C8" },
      set: [{ sheet: REGISTER_SHEET, cell: "E20", value: DIRECTIONS[1] }],
      evaluate: [
        { sheet: REGISTER_SHEET, cell: "Z19", formula: scratch(19) },
        { sheet: REGISTER_SHEET, cell: "Z20", formula: scratch(20) },
        { sheet: REGISTER_SHEET, cell: "Z21", formula: "=ROWS(Статусы)" },
      ],
    });
    expect(report.sheets.map((s) => [s.name, s.visible])).toEqual([
      [REGISTER_SHEET, true],
      [REFERENCE_SHEET, false],
      [NOTES_SHEET, false],
    ]);
    const cells = report.cells[REGISTER_SHEET];
    expect(cells[0].map((c) => [c.text, c.type])).toEqual([
      ["=1+1", "text"],
      ["1.10", "text"],
      ["017.04.001", "text"],
    ]);
    const register = report.sheets[0];
    const validationFormulas = register.validations.map((v) => [toExcelSeparators(v.formula1), v.errorStyle]);
    expect(validationFormulas).toEqual(
      expect.arrayContaining([
        ["Направления", "stop"],
        ["Статусы", "info"],
        [expect.stringContaining("OFFSET(INDEX(Процессы,1)"), "warning"],
      ]),
    );
    expect(register.validations.every((v) => v.type === "list" && v.showList > 0)).toBe(true);
    expect(report.evaluations.map((e) => e.value)).toEqual([38, PROCESS_COUNT_BY_DIRECTION[1], 3]);
    expect(register.conditionalFormats.map((c) => [c.ranges, toExcelSeparators(c.entries[0].formula1 ?? ""), c.entries[0].backColor])).toEqual([
      [["A7:A5006"], 'AND(COUNTA($A7:$O7)>0,$A7="")', "#FFC7CE"],
      [["E7:F5006"], 'AND(COUNTA($A7:$O7)>0,E7="")', "#FFC7CE"],
    ]);
    expect(report.namedRanges["Процессы"]).toBe(`$${REFERENCE_SHEET}.$B$2:$B$39`);
    expect(register.page).toMatchObject({ landscape: true, width: 42000, height: 29700, scaleToPagesX: 1, scaleToPagesY: 0 });
    expect(register.page.footer?.center).toMatch(/^Страница \d+ из \d+$/);
    expect(register.printTitleRows).toEqual({ first: 5, last: 6 });
    expect(register.printAreas).toEqual(["A1:O12"]);
    expect(register.merges).toEqual(["A2:L2"]);
    expect(report.activeSheet).toBe(REGISTER_SHEET);
    expect(report.frozen).toMatchObject({ active: true, splitRow: 6 });
  });
});
