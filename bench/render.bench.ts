/**
 * Layout rendering: syncs and milliseconds through the simulator (Office.js path) and milliseconds and bytes
 * writing the same layout to a file (ExcelJS path), for 1,000, 10,000 and 50,000 data rows.
 * Goal: syncs equal for every size while the values fit one request (4 MB); past that 1 + ceil(bytes / 4 MB).
 * Run: `npm run bench -- render`.
 */
import type { BenchResult } from "./index";
import { DEFAULT_MAX_REQUEST_BYTES, estimateLayoutBytes, renderLayout } from "../src/adapters/office/render-layout";
import { readSheetsTextWithReport } from "../src/adapters/office/read-sheets";
import { writeLayoutToBuffer } from "../src/adapters/xlsx/exceljs-writer";
import { createExcelSimulator } from "../src/simulator";
import { buildFixtureLayout } from "../test/support/layout-fixture";

export interface RenderBenchRow {
  rows: number;
  estimatedMegabytes: number;
  officeSyncs: number;
  officeMs: number;
  readSyncs: number;
  readMs: number;
  xlsxMs: number;
  xlsxBytes: number;
}

export async function runRenderBench(sizes: number[] = [1_000, 10_000, 50_000]): Promise<RenderBenchRow[]> {
  const results: RenderBenchRow[] = [];
  for (const rows of sizes) {
    const layout = buildFixtureLayout(rows);
    const sim = createExcelSimulator({ apiVersion: "1.12" });
    let started = performance.now();
    const report = await sim.Excel.run((context: Excel.RequestContext) => renderLayout(context, layout, { apiLevel: "1.12" }));
    const officeMs = performance.now() - started;
    started = performance.now();
    const read = await sim.Excel.run((context: Excel.RequestContext) => readSheetsTextWithReport(context, { includeHidden: true }));
    const readMs = performance.now() - started;
    started = performance.now();
    const buffer = await writeLayoutToBuffer(layout);
    const xlsxMs = performance.now() - started;
    results.push({
      rows,
      estimatedMegabytes: Math.round((estimateLayoutBytes(layout) / 1e6) * 100) / 100,
      officeSyncs: report.syncs,
      officeMs: Math.round(officeMs),
      readSyncs: read.syncs,
      readMs: Math.round(readMs),
      xlsxMs: Math.round(xlsxMs),
      xlsxBytes: buffer.length,
    });
  }
  return results;
}

export async function run(): Promise<BenchResult[]> {
  const rows = await runRenderBench();
  const results: BenchResult[] = [];
  for (const row of rows) {
    const expectedSyncs = 1 + Math.max(1, Math.ceil((row.estimatedMegabytes * 1e6) / DEFAULT_MAX_REQUEST_BYTES));
    results.push(
      {
        name: `render: Office.js syncs, ${row.rows} rows (${row.estimatedMegabytes} MB)`,
        value: row.officeSyncs,
        unit: "syncs",
        goal: `≤ ${expectedSyncs} (1 + ceil(MB / 4))`,
        ok: row.officeSyncs <= expectedSyncs,
      },
      { name: `render: Office.js on the simulator, ${row.rows} rows`, value: row.officeMs, unit: "ms" },
      { name: `read sheets: syncs, ${row.rows} rows (4 sheets)`, value: row.readSyncs, unit: "syncs" },
      { name: `read sheets: ${row.rows} rows`, value: row.readMs, unit: "ms" },
      { name: `render: .xlsx file, ${row.rows} rows`, value: row.xlsxMs, unit: "ms" },
      { name: `render: .xlsx size, ${row.rows} rows`, value: Math.round(row.xlsxBytes / 1024), unit: "KB" },
    );
  }
  return results;
}
