/**
 * One layout, two renderers (core/layout/types.ts): the same layout rendered through the simulator (then saved) and directly
 * to a file must give the same workbook — as ExcelJS reads it back and as LibreOffice reports it.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderLayout } from "../../src/adapters/office/render-layout";
import { writeLayoutToBuffer } from "../../src/adapters/xlsx/exceljs-writer";
import { createExcelSimulator } from "../../src/simulator";
import { buildFixtureLayout, DIRECTIONS, PROCESS_COUNT_BY_DIRECTION, REGISTER_SHEET } from "../support/layout-fixture";
import { closeLibreOffice, inspectWithLibreOffice, toExcelSeparators, type Inspection } from "../support/libreoffice";

const workDir = mkdtempSync(join(tmpdir(), "reestr-render-compare-"));
afterAll(closeLibreOffice);

async function viaSimulator(apiVersion: string, dataRows: number) {
  const sim = createExcelSimulator({ apiVersion });
  const report = await sim.Excel.run((context: Excel.RequestContext) => renderLayout(context, buildFixtureLayout(dataRows), { apiLevel: apiVersion }));
  const buffer = await sim.saveXlsx();
  return { sim, report, buffer: new Uint8Array(buffer) };
}

async function load(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(buffer) as unknown as ArrayBuffer);
  return workbook;
}

type Comparable = Record<string, unknown>;

/** What must be equal between the two files, read with ExcelJS. */
/** A new Excel workbook starts with "Sheet1"; only the layout's sheets are compared. */
const LAYOUT_SHEETS = new Set(buildFixtureLayout(1).sheets.map((s) => s.name));

function describeWorkbook(workbook: ExcelJS.Workbook): Comparable {
  const sheets = workbook.worksheets.filter((sheet) => LAYOUT_SHEETS.has(sheet.name)).map((sheet) => {
    const cells: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value === null || cell.value === "") return;
        const value = cell.formula ? `=${cell.formula}` : String(cell.value);
        cells.push(`${cell.address}|${cell.type === ExcelJS.ValueType.Formula ? "formula" : typeof cell.value}|${value}|${cell.numFmt || "General"}`);
      }),
    );
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
    const cf = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
    return {
      name: sheet.name,
      state: sheet.state,
      cells: cells.sort(),
      merges: [...((sheet.model as unknown as { merges: string[] }).merges ?? [])].sort(),
      widths: Array.from({ length: 15 }, (_, i) => Math.round((sheet.getColumn(i + 1).width ?? 8.43) * 10) / 10),
      columnFormats: Array.from({ length: 15 }, (_, i) => sheet.getColumn(i + 1).numFmt ?? ""),
      validations: Object.entries(validations)
        .filter(([, v]) => v)
        .map(([address, v]) => `${address}|${v!.type}|${v!.formulae?.join()}|${v!.errorStyle ?? "stop"}|${v!.promptTitle ?? ""}`)
        .sort(),
      conditionalFormats: cf.map((c) => `${c.ref}|${c.rules.map((r) => `${r.type}:${r.formulae?.join()}`).join()}`).sort(),
      frozen: view?.state === "frozen" ? view.ySplit : 0,
      page: {
        orientation: sheet.pageSetup.orientation,
        paperSize: sheet.pageSetup.paperSize,
        fitToWidth: sheet.pageSetup.fitToPage ? sheet.pageSetup.fitToWidth : undefined,
        printTitlesRow: sheet.pageSetup.printTitlesRow,
        printArea: sheet.pageSetup.printArea,
      },
      footer: sheet.headerFooter?.oddFooter ?? null,
    };
  });
  return { sheets, names: workbook.definedNames.model.map((n) => `${n.name}=${n.ranges.join()}`).sort() };
}

/** What must be equal between the two files, as LibreOffice reports it. */
function describeInspection(report: Inspection): Comparable {
  return {
    sheets: report.sheets.filter((s) => LAYOUT_SHEETS.has(s.name)).map((s) => ({
      name: s.name,
      visible: s.visible,
      validations: s.validations.map((v) => `${v.ranges.join()}|${toExcelSeparators(v.formula1)}|${v.errorStyle}|${v.showList}`).sort(),
      conditionalFormats: s.conditionalFormats.map((c) => `${c.ranges.join()}|${toExcelSeparators(c.entries[0]?.formula1 ?? "")}|${c.entries[0]?.backColor}`).sort(),
      page: { landscape: s.page.landscape, width: s.page.width, height: s.page.height, x: s.page.scaleToPagesX, y: s.page.scaleToPagesY, footer: s.page.footer?.center },
      printTitleRows: s.printTitleRows,
      merges: s.merges,
    })),
    namedRanges: report.namedRanges,
    cells: report.cells,
    evaluations: report.evaluations.map((e) => e.value),
    frozen: report.frozen,
  };
}

const DATA_ROWS = 6;
const formulaFor = (row: number) =>
  `=ROWS(IF($E${row}="",Процессы,OFFSET(INDEX(Процессы,1),MATCH($E${row},ПроцессыНаправления,0)-1,0,COUNTIF(ПроцессыНаправления,$E${row}),1)))`;
const inspectRequest = {
  cells: { [REGISTER_SHEET]: "A5:O13" },
  set: [{ sheet: REGISTER_SHEET, cell: "E30", value: DIRECTIONS[2] }],
  evaluate: [
    { sheet: REGISTER_SHEET, cell: "Z29", formula: formulaFor(29) },
    { sheet: REGISTER_SHEET, cell: "Z30", formula: formulaFor(30) },
  ],
};

describe.each(["1.8", "1.12"])("simulator at ExcelApi %s against the file renderer", (apiVersion) => {
  test("same workbook in ExcelJS and in LibreOffice; syncs do not depend on rows", async () => {
    const simulated = await viaSimulator(apiVersion, DATA_ROWS);
    const direct = await writeLayoutToBuffer(buildFixtureLayout(DATA_ROWS));
    expect(simulated.report.syncs).toBe(2);
    // office.js sends one more message when Excel.run ends: it releases the ranges it tracked.
    expect([simulated.sim.stats.syncs, simulated.sim.stats.releases]).toEqual([3, 1]);
    const expectedSkipped = apiVersion === "1.8" ? 1 : 0;
    expect(simulated.report.skipped).toHaveLength(expectedSkipped);
    if (expectedSkipped) expect(simulated.report.skipped[0]).toContain("Параметры печати");

    const fromSimulator = describeWorkbook(await load(simulated.buffer));
    const fromFile = describeWorkbook(await load(direct));
    if (apiVersion === "1.8") {
      // Print settings cannot be set at 1.8: compare everything else and check the page setup is absent.
      for (const sheet of [...(fromSimulator.sheets as Comparable[]), ...(fromFile.sheets as Comparable[])]) {
        delete sheet.page;
        delete sheet.footer;
      }
      fromFile.names = (fromFile.names as string[]).filter((n) => !n.startsWith("_xlnm"));
      fromSimulator.names = (fromSimulator.names as string[]).filter((n) => !n.startsWith("_xlnm"));
    }
    expect(fromSimulator).toEqual(fromFile);

    const simulatorPath = join(workDir, `simulator-${apiVersion}.xlsx`);
    const filePath = join(workDir, `file-${apiVersion}.xlsx`);
    writeFileSync(simulatorPath, simulated.buffer);
    writeFileSync(filePath, direct);
    const loSimulator = describeInspection(await inspectWithLibreOffice(simulatorPath, inspectRequest));
    const loFile = describeInspection(await inspectWithLibreOffice(filePath, inspectRequest));
    expect(loFile.evaluations).toEqual([38, PROCESS_COUNT_BY_DIRECTION[2]]);
    if (apiVersion === "1.8") {
      for (const sheet of [...(loSimulator.sheets as Comparable[]), ...(loFile.sheets as Comparable[])]) {
        delete sheet.page;
        delete sheet.printTitleRows;
      }
    }
    expect(loSimulator).toEqual(loFile);

    const larger = await viaSimulator(apiVersion, 2000);
    expect(larger.report.syncs).toBe(simulated.report.syncs);
  });
});

test("values past the request budget are written in chunks: syncs grow with bytes, not rows", async () => {
  const layout = buildFixtureLayout(3000);
  const sim = createExcelSimulator({ apiVersion: "1.12" });
  const report = await sim.Excel.run((context: Excel.RequestContext) => renderLayout(context, layout, { apiLevel: "1.12", maxRequestBytes: 200_000 }));
  const { estimateLayoutBytes } = await import("../../src/adapters/office/render-layout");
  const expected = 1 + Math.ceil(estimateLayoutBytes(layout) / 200_000);
  expect(report.syncs).toBeGreaterThanOrEqual(expected);
  expect(report.syncs).toBeLessThanOrEqual(expected + 1);
  const workbook = await load(new Uint8Array(await sim.saveXlsx()));
  const sheet = workbook.getWorksheet(REGISTER_SHEET)!;
  expect(sheet.getCell(7 + 2999, 2).value).toBe(buildFixtureLayout(3000).sheets[0].blocks[4].values[2999][1]);
  expect(sheet.getCell(7 + 2999, 2).numFmt).toBe("@");
});
