/**
 * `npm run bench [-- NAME…]`: runs every `bench/*.bench.ts` module that exports `run(): Promise<BenchResult[]>`, each in
 * its own Node process (so one module's heap does not skew another's memory figures), and prints one table.
 * Exit 1 when a goal is missed or a module fails. `--json` prints the results as JSON instead.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "< 250 ms". */
  goal?: string;
  /** Whether the goal was met; absent when the figure is informational. */
  ok?: boolean;
}

interface ModuleOutcome {
  module: string;
  results: BenchResult[];
  error?: string;
  ms: number;
}

const BENCH_DIR = __dirname;
const RESULT_MARKER = "@@bench-results@@";

function benchModules(filters: string[]): string[] {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(".bench.ts"))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort();
}

/** Child mode: run one module and print its results after a marker line. */
async function runOne(file: string): Promise<void> {
  const loaded = require(path.join(BENCH_DIR, file)) as { run?: () => Promise<BenchResult[]> };
  if (typeof loaded.run !== "function") throw new Error(`${file} не экспортирует run(): Promise<BenchResult[]>`);
  const results = await loaded.run();
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(results)}\n`);
}

function runInChild(file: string): ModuleOutcome {
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=4096", "-r", path.join(BENCH_DIR, "..", "scripts", "ts-register.cjs"), __filename, `--child=${file}`],
    { cwd: path.join(BENCH_DIR, ".."), encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] },
  );
  const ms = Date.now() - started;
  const markerLine = (child.stdout ?? "").split("\n").find((line) => line.startsWith(RESULT_MARKER));
  if (child.status !== 0 || !markerLine) {
    const reason = (child.stderr || child.stdout || "").trim().split("\n").slice(-3).join(" ") || `код выхода ${child.status}`;
    return { module: file, results: [], error: reason, ms };
  }
  return { module: file, results: JSON.parse(markerLine.slice(RESULT_MARKER.length)) as BenchResult[], ms };
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(2);
}

function printTable(outcomes: ModuleOutcome[]): void {
  const rows: string[][] = [["module", "name", "value", "unit", "goal", "ok"]];
  for (const outcome of outcomes) {
    const moduleName = outcome.module.replace(/\.bench\.ts$/, "");
    if (outcome.error) rows.push([moduleName, "ОШИБКА / FAILED", "", "", "", "no"]);
    for (const result of outcome.results) {
      rows.push([moduleName, result.name, formatValue(result.value), result.unit, result.goal ?? "", result.ok === undefined ? "" : result.ok ? "yes" : "NO"]);
    }
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join("  ");
  console.log(line(rows[0]));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows.slice(1)) console.log(line(row));
  for (const outcome of outcomes) {
    if (outcome.error) console.error(`\n${outcome.module}: ${outcome.error}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const child = args.find((arg) => arg.startsWith("--child="));
  if (child) {
    await runOne(child.slice("--child=".length));
    return;
  }
  const json = args.includes("--json");
  const modules = benchModules(args.filter((arg) => !arg.startsWith("--")));
  if (modules.length === 0) {
    console.error("Нет модулей bench/*.bench.ts для запуска");
    process.exit(1);
  }
  const outcomes: ModuleOutcome[] = [];
  for (const file of modules) {
    if (!json) console.error(`… ${file}`);
    outcomes.push(runInChild(file));
  }
  if (json) process.stdout.write(JSON.stringify(outcomes, null, 2) + "\n");
  else printTable(outcomes);
  const failed = outcomes.some((outcome) => outcome.error || outcome.results.some((result) => result.ok === false));
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
