/**
 * The simulator itself: writing then reading 50,000 × 15 cells (750,000) through office.js's own client and the
 * simulated host, as the add-in does for a large register. Reports the messages the client sent and their JSON size
 * (office.js splits each 10,000-row write into ~1,500-cell actions, all in one message).
 */
import type { BenchResult } from "./index";
import { createExcelSimulator } from "../src/simulator";
import { runWhenMain } from "./support/run-directly";

const ROWS = 50_000;
const COLUMNS = 15;

export async function run(): Promise<BenchResult[]> {
  const values = Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLUMNS }, (_, c) => (c === 0 ? r + 1 : `Процесс ${r}:${c}`)));
  const formats = values.map((row) => row.map((_, c) => (c === 0 ? "General" : "@")));
  const sim = createExcelSimulator();
  let writeMs = 0;
  let readMs = 0;
  let cells = 0;
  await sim.Excel.run(async (context: Excel.RequestContext) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, ROWS, COLUMNS);
    let started = performance.now();
    // In 10,000-row requests, as the adapters split writes: one request of 750,000 cells is over Excel's 5 MB.
    for (let start = 0; start < ROWS; start += 10_000) {
      const part = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(start, 0, 10_000, COLUMNS);
      part.numberFormat = formats.slice(start, start + 10_000);
      part.values = values.slice(start, start + 10_000);
      await context.sync();
    }
    writeMs = performance.now() - started;
    started = performance.now();
    range.load("values,text");
    await context.sync();
    cells = range.values.length * range.values[0].length;
    readMs = performance.now() - started;
  });
  return [
    { name: "simulator: write 750,000 cells (values + number formats)", value: Math.round(writeMs), unit: "ms" },
    { name: "simulator: read 750,000 cells (values + text)", value: Math.round(readMs), unit: "ms" },
    // office.js's own serialization is most of this now (JSON of 750,000 cells each way): a record, not a goal.
    { name: "simulator: write + read 750,000 cells", value: Math.round(writeMs + readMs), unit: "ms", goal: "all cells read back", ok: cells === ROWS * COLUMNS },
    { name: "simulator: messages office.js sent for write + read (incl. Excel.run's release)", value: sim.stats.syncs, unit: "messages" },
    { name: "simulator: largest request office.js sent", value: Math.round(sim.stats.largestRequestBytes / 1024), unit: "KiB", goal: "< 5120 KiB", ok: sim.stats.largestRequestBytes < 5 * 1024 * 1024 },
    { name: "simulator: largest response (the read)", value: Math.round(sim.stats.largestResponseBytes / 1024), unit: "KiB" },
  ];
}

runWhenMain(module, run);
