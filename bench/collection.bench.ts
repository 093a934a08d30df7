/**
 * The collection round's speed with the CLI in a child process, as a user runs it:
 * - `reestr merge --units-only DIR` (who has sent a file) on the 200 files × 100 rows of the merge bench, beside the full
 *   merge of the same files in the same run. Goal: at most 0.8 × the full merge (it reads every file, but neither merges,
 *   checks nor writes).
 * - `reestr distribute` of a 3,000-row register to 30 units: each file is a complete template (2,000+ rows with
 *   dropdowns) written by the lean writer. Goal: ≤ 1.5 s per unit file.
 * - `reestr merge --previous` of those 30 files as they come back (the whole template each: 630 KB of sheet XML, most of
 *   it styled empty rows): reported, no goal.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeLayoutToBuffer } from "../src/adapters/xlsx/exceljs-writer";
import { buildApprovedRegisterLayout } from "../src/core/approval";
import { buildTemplateLayout } from "../src/core/layout/template";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { DEFAULT_DIRECTIONS, typicalProcesses } from "../src/core/typical-list";
import { makeFiles } from "./merge.bench";
import type { BenchResult } from "./index";
import { runWhenMain } from "./support/run-directly";

const ROOT = path.join(__dirname, "..");
const ROUNDS = 3;
const UNITS = 30;
const REGISTER_ROWS = 3000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function root(): string {
  for (const candidate of [ROOT, process.cwd()]) if (fs.existsSync(path.join(candidate, "bin", "reestr.js"))) return candidate;
  throw new Error("не найден корень проекта (bin/reestr.js); запустите из корня проекта");
}

function timed(args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 900_000, maxBuffer: 1 << 28 });
  const elapsed = performance.now() - started;
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) throw new Error(`reestr завершился с кодом ${result.status}: ${(result.stderr || "").slice(0, 500)}`);
  return elapsed;
}

async function coordinatorRegister(file: string): Promise<void> {
  if (fs.existsSync(file)) return;
  const processes = typicalProcesses();
  const units = Array.from({ length: UNITS }, (_, i) => `Отдел № ${i + 1}`);
  const rows = Array.from({ length: REGISTER_ROWS }, (_, index) => {
    const process = processes[index % processes.length];
    const direction = DEFAULT_DIRECTIONS.find((candidate) => candidate.code === process.direction)!;
    return [`017-${process.code}-${index}`, "", "Выдача архивных справок", "Федеральный закон № 125-ФЗ", direction.name, process.name,
      units[index % UNITS], "Идет исследование", "Внешний", process.value, "Заявление", "Справка", "", "Цифровой", "ЕПГУ"];
  });
  const settings = { ...DEFAULT_SETTINGS, agencyCode: "017", units };
  const layout = buildTemplateLayout(settings, { title: true, dataRows: REGISTER_ROWS + 10, dataBlocks: [{ row: 5, col: 1, values: rows }], emptyRowsFrom: 5 + REGISTER_ROWS });
  layout.sheets.push(buildApprovedRegisterLayout({ rows, orderNumber: "7", orderDate: "15.01.2026" }));
  fs.writeFileSync(file, await writeLayoutToBuffer(layout));
}

export async function run(): Promise<BenchResult[]> {
  const project = root();
  require(path.join(project, "scripts", "build-cli.cjs")).buildSync();
  const bin = path.join(project, "bin", "reestr.js");

  const dir = path.join(os.tmpdir(), "reestr-merge-bench-200x100");
  fs.mkdirSync(dir, { recursive: true });
  const files = (await makeFiles(dir)).map((file) => path.basename(file));
  const onlyDir = path.join(os.tmpdir(), "reestr-units-only-bench");
  fs.mkdirSync(onlyDir, { recursive: true });
  for (const file of files) if (!fs.existsSync(path.join(onlyDir, file))) fs.copyFileSync(path.join(dir, file), path.join(onlyDir, file));
  const unitsOnly = () => timed([bin, "merge", "--units-only", onlyDir, "--json"], project);
  const merge = () => timed([bin, "merge", ...files.map((file) => path.join(onlyDir, file)), "-o", path.join(os.tmpdir(), "reestr-units-only-bench.xlsx"), "--json"], project);
  unitsOnly();
  const onlyRuns: number[] = [];
  const mergeRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    onlyRuns.push(unitsOnly());
    mergeRuns.push(merge());
  }
  const onlyMs = median(onlyRuns);
  const mergeMs = median(mergeRuns);

  const register = path.join(os.tmpdir(), `reestr-distribute-bench-${REGISTER_ROWS}.xlsx`);
  await coordinatorRegister(register);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-distribute-bench-"));
  const distributeMs = timed([bin, "distribute", register, "-o", outDir, "--force"], project);
  const unitFiles = fs.readdirSync(outDir).map((name) => path.join(outDir, name));
  const written = unitFiles.length;
  const perFile = distributeMs / Math.max(1, written);
  // The round's files come back as they went out (each the whole template: its rows, then 2,000 styled empty rows) and
  // are merged against the approved register, as the coordinator does.
  const roundOut = path.join(os.tmpdir(), "reestr-distribute-bench-merged.xlsx");
  const roundMerge = () => timed([bin, "merge", ...unitFiles, "-o", roundOut, "--previous", register, "--json"], project);
  roundMerge();
  const roundMs = median(Array.from({ length: ROUNDS }, roundMerge));
  fs.rmSync(outDir, { recursive: true, force: true });

  return [
    { name: `merge --units-only: 200 файлов × 100 строк (медиана ${ROUNDS})`, value: Math.round(onlyMs), unit: "ms" },
    { name: `merge тех же файлов (медиана ${ROUNDS})`, value: Math.round(mergeMs), unit: "ms" },
    { name: "--units-only / merge", value: Math.round((onlyMs / mergeMs) * 100) / 100, unit: "×", goal: "≤ 0.8", ok: onlyMs <= 0.8 * mergeMs },
    { name: `distribute: реестр ${REGISTER_ROWS} строк → ${written} файлов`, value: Math.round(distributeMs), unit: "ms" },
    { name: "distribute: на один файл подразделения", value: Math.round(perFile), unit: "ms", goal: "≤ 1500", ok: written === UNITS && perFile <= 1500 },
    { name: `merge --previous этих ${written} файлов, как они вернулись (медиана ${ROUNDS})`, value: Math.round(roundMs), unit: "ms" },
    { name: "то же, на один файл подразделения", value: Math.round(roundMs / Math.max(1, written)), unit: "ms" },
  ];
}

runWhenMain(module, run);
