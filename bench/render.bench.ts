/**
 * Layout rendering: syncs and milliseconds through the simulator (Office.js path) and milliseconds and bytes
 * writing the same layout to a file (ExcelJS path), for 1,000, 10,000 and 50,000 data rows.
 * Goal: syncs equal for every size while the values fit one request (4 MB); past that 1 + ceil(bytes / 4 MB).
 * Run: `npx esbuild bench/render.bench.ts --bundle --platform=node --outfile=/tmp/render-bench.cjs && node /tmp/render-bench.cjs`
 * (or through `npm run bench` when it collects bench/*.bench.ts).
 */
import { estimateLayoutBytes, renderLayout } from "../src/adapters/office/render-layout";
import { readSheetsTextWithReport } from "../src/adapters/office/read-sheets";
import { writeLayoutToBuffer } from "../src/adapters/xlsx/render-layout";
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

if (require.main === module) {
  runRenderBench().then(
    (rows) => {
      console.table(rows);
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
