/**
 * Validation speed: findRegister + validateRegister on a 50,000-row register built in memory (realistic values,
 * some errors); goal under 250 ms and under 200 MB. Also, for the record: reading a 50,000-row .xlsx with the file
 * adapter, and the adapter's overhead over ExcelJS's own load on 200 files of 100 rows (the merge case, docs/merge.md «Speed»).
 * Run alone: `npx esbuild bench/validate.bench.ts --bundle --platform=node --external:exceljs --outfile=/tmp/validate-bench.cjs
 * && node --expose-gc /tmp/validate-bench.cjs`.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadExcelJs, readWorkbookData } from "../src/adapters/xlsx/read-workbook";
import { readWorkbookFile } from "../src/adapters/xlsx/read-workbook-file";
import { buildCatalog } from "../src/core/catalog";
import { findRegister } from "../src/core/read-register";
import type { SheetText } from "../src/core/register-types";
import { summarizeIssues, validateRegister } from "../src/core/rules";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { REGISTER_TITLES, validRow } from "../test/fixtures/register-data";
import type { BenchResult } from "./index";

const MEGABYTE = 1024 * 1024;

/** A register as an adapter reads it: title rows, header, numbering row, then rows with a sprinkling of mistakes. */
export function registerSheet(rowCount: number): SheetText {
  const rows: string[][] = [
    ["Реестр межведомственных и внутриведомственных процессов"],
    [],
    REGISTER_TITLES.map((title, index) => (index === 0 || index === 2 || index >= 5 && index <= 7 ? `${title}*` : title)),
    REGISTER_TITLES.map((_, index) => String(index + 1)),
  ];
  for (let index = 0; index < rowCount; index++) {
    const row = validRow(index);
    row[0] = `017-${index + 1}`;
    if (index % 50 === 7) row[7] = "на согласовании";
    if (index % 97 === 3) row[0] = "017-1";
    if (index % 131 === 5) row[5] = "Процесс не из перечня";
    if (index % 71 === 9) row[6] = "";
    if (index % 43 === 1) row[12] = `017-${index + 5}; 999-${index}`;
    if (index % 13 === 2) row[8] = "внешний.";
    rows.push(row);
  }
  return { name: "Реестр процессов", rows };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function validationResults(rowCount: number, runs: number): Promise<BenchResult[]> {
  const catalog = buildCatalog(DEFAULT_SETTINGS);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const sheets = [registerSheet(rowCount)];
  const times: number[] = [];
  let peakHeap = 0;
  let peakRss = 0;
  let issueCount = 0;
  let errors = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const table = findRegister(sheets);
    if (!table) throw new Error("the bench register was not found");
    const issues = validateRegister(table, catalog);
    times.push(performance.now() - started);
    const memory = process.memoryUsage();
    peakHeap = Math.max(peakHeap, memory.heapUsed - heapBefore);
    peakRss = Math.max(peakRss, memory.rss - rssBefore);
    issueCount = issues.length;
    errors = summarizeIssues(issues).errors;
  }
  const milliseconds = median(times);
  const heapMegabytes = peakHeap / MEGABYTE;
  return [
    { name: `validate ${rowCount} rows: findRegister + validateRegister (median of ${runs})`, value: round(milliseconds), unit: "ms", goal: "< 250 ms", ok: milliseconds < 250 },
    // What a pane's first check pays (code not yet optimised); the median above is the steady state.
    { name: `validate ${rowCount} rows: first run (cold)`, value: round(times[0]), unit: "ms" },
    { name: `validate ${rowCount} rows: heap growth incl. the sheet text`, value: round(heapMegabytes), unit: "MB", goal: "< 200 MB", ok: heapMegabytes < 200 },
    { name: `validate ${rowCount} rows: RSS growth`, value: round(peakRss / MEGABYTE), unit: "MB" },
    { name: `validate ${rowCount} rows: issues found (${errors} errors)`, value: issueCount, unit: "issues" },
  ];
}

async function writeRegisterFile(filePath: string, rowCount: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet("Реестр процессов");
  for (const row of registerSheet(rowCount).rows) worksheet.addRow(row);
  await workbook.xlsx.writeFile(filePath);
}

async function fileReadingResults(tempDir: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  const largePath = path.join(tempDir, "register-50000.xlsx");
  await writeRegisterFile(largePath, 50_000);
  const largeBytes = fs.readFileSync(largePath);
  let started = performance.now();
  await new (await loadExcelJs()).Workbook().xlsx.load(largeBytes as unknown as ExcelJS.Buffer);
  const largeLibraryMs = performance.now() - started;
  collectGarbage();
  started = performance.now();
  const large = await readWorkbookFile(largePath);
  const largeMs = performance.now() - started;
  if (!large.ok) throw new Error(large.message);
  const megabytes = round(largeBytes.length / MEGABYTE);
  results.push(
    { name: `read a 50,000-row .xlsx (${megabytes} MB): ExcelJS load only`, value: round(largeLibraryMs), unit: "ms" },
    { name: `read a 50,000-row .xlsx (${megabytes} MB): file adapter`, value: round(largeMs), unit: "ms" },
    { name: "read a 50,000-row .xlsx: process RSS afterwards", value: round(process.memoryUsage().rss / MEGABYTE), unit: "MB" },
  );

  // 200 files × 100 rows: ExcelJS's own load against the adapter (vetting + load + cell text).
  const smallPath = path.join(tempDir, "register-100.xlsx");
  await writeRegisterFile(smallPath, 100);
  const bytes = new Uint8Array(fs.readFileSync(smallPath));
  const excelJs = await loadExcelJs();
  const files = 200;
  // Interleaved so warm-up and garbage collection fall on both sides alike.
  let libraryMs = 0;
  let adapterMs = 0;
  for (let index = 0; index < files; index++) {
    started = performance.now();
    await new excelJs.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
    libraryMs += performance.now() - started;
    started = performance.now();
    const result = await readWorkbookData(bytes, "register-100.xlsx");
    adapterMs += performance.now() - started;
    if (!result.ok) throw new Error(result.message);
  }
  results.push(
    { name: `${files} files × 100 rows: ExcelJS load only`, value: round(libraryMs), unit: "ms" },
    { name: `${files} files × 100 rows: file adapter (vet + load + cell text)`, value: round(adapterMs), unit: "ms" },
    { name: `${files} files × 100 rows: adapter / ExcelJS`, value: round(adapterMs / libraryMs), unit: "×" },
  );
  return results;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export async function run(): Promise<BenchResult[]> {
  const results = await validationResults(50_000, 7);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-validate-bench-"));
  try {
    results.push(...(await fileReadingResults(tempDir)));
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
  return results;
}

// Run directly (not when a bench runner bundles this module in).
if (typeof require !== "undefined" && require.main === module && /validate[.-]bench/.test(process.argv[1] ?? "")) {
  run().then(
    (results) => {
      for (const result of results) {
        const verdict = result.ok === undefined ? "" : result.ok ? "  ✓" : "  ✗";
        console.log(`${result.name}: ${result.value} ${result.unit}${result.goal ? ` (цель ${result.goal})` : ""}${verdict}`);
      }
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
