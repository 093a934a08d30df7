/**
 * CLI start: `reestr validate` of a small register (20 rows, written by ExcelJS like a unit's file) as a user runs it —
 * `node bin/reestr.js` in a new process, wall time from spawn to exit. Rounds alternate with a bare `node -e 0` so a
 * busy machine slows both alike; medians. Goal: ≤ 200 ms (keep the start fast as features grow).
 * Beside it: the CPU time both take (separate alternating rounds, a preloaded hook reports it at exit) and the bytes of
 * JavaScript the validate path loads (from esbuild's metafile), which do not move with the machine's load.
 * Run: `npm run bench -- cli-start`.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Metafile } from "esbuild";
import { REGISTER_COLUMNS } from "../src/core/columns";
import { buildWorkbook, validRows, writeWorkbook } from "../test/fixtures/register-data";
import type { BenchResult } from "./index";
import { median } from "./merge.bench";
import { runWhenMain } from "./support/run-directly";

const ROUNDS = 11;
const GOAL_MS = 200;
const ROOT = path.join(__dirname, "..");
const CPU_HOOK = path.join(__dirname, "support", "cpu-time.cjs");

function wall(args: string[]): { ms: number; status: number | null } {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { ms: performance.now() - started, status: child.status };
}

/** CPU time (user + system) of `node ARGS`, as the child itself counts it at exit. */
function cpu(args: string[], reportFile: string): number {
  fs.rmSync(reportFile, { force: true });
  spawnSync(process.execPath, ["-r", CPU_HOOK, ...args], { cwd: ROOT, env: { ...process.env, REESTR_BENCH_CPU_FILE: reportFile }, timeout: 60_000 });
  return Number(fs.readFileSync(reportFile, "utf8"));
}

/** Bytes of the entry and of the validate command's chunk with every chunk they import statically: what validate loads. */
export function validatePathBytes(metafile: Metafile, entryFile: string): { bytes: number; files: number } {
  const outputs = new Map(Object.entries(metafile.outputs).map(([file, output]) => [path.resolve(file), output]));
  const validate = [...outputs].find(([, output]) => output.entryPoint?.replace(/\\/g, "/").endsWith("src/cli/commands/validate.ts"));
  if (!validate || !outputs.has(entryFile)) throw new Error("в сборке CLI нет входа или части команды validate");
  const loaded = new Set<string>();
  const queue = [entryFile, validate[0]];
  while (queue.length) {
    const file = queue.pop()!;
    if (loaded.has(file)) continue;
    loaded.add(file);
    for (const imported of outputs.get(file)?.imports ?? []) if (imported.kind === "import-statement" && !imported.external) queue.push(path.resolve(imported.path));
  }
  return { bytes: [...loaded].reduce((sum, file) => sum + (outputs.get(file)?.bytes ?? 0), 0), files: loaded.size };
}

export async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-cli-start-"));
  try {
    const file = path.join(dir, "реестр.xlsx");
    const rows = [REGISTER_COLUMNS.map((column) => column.title), REGISTER_COLUMNS.map((column) => String(column.number)), ...validRows(20)];
    await writeWorkbook(buildWorkbook([{ name: "Реестр процессов", rows }]), file);
    const built = require(path.join(ROOT, "scripts", "build-cli.cjs")).build() as { outfile: string; metafile: Metafile };
    const loaded = validatePathBytes(built.metafile, built.outfile);
    const validateArgs = [path.join(ROOT, "bin", "reestr.js"), "validate", file];
    const validate = () => wall(validateArgs);
    const bare = () => wall(["-e", "0"]);
    const first = validate();
    if (first.status !== 0 && first.status !== 1) throw new Error(`reestr validate завершился с кодом ${first.status}`);
    bare();
    const validateRuns: number[] = [];
    const bareRuns: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(bare().ms);
      validateRuns.push(validate().ms);
    }
    const reportFile = path.join(dir, "cpu.txt");
    const validateCpu: number[] = [];
    const bareCpu: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareCpu.push(cpu(["-e", "0"], reportFile));
      validateCpu.push(cpu(validateArgs, reportFile));
    }
    const ms = median(validateRuns);
    return [
      { name: `reestr validate, 20 строк: от запуска до выхода (медиана ${ROUNDS})`, value: Math.round(ms), unit: "ms", goal: `≤ ${GOAL_MS}`, ok: ms <= GOAL_MS },
      { name: `node -e 0: запуск Node без программы (медиана ${ROUNDS})`, value: Math.round(median(bareRuns)), unit: "ms" },
      // What the CLI adds to Node's own start: on a busy machine both grow, this difference much less.
      { name: "reestr validate сверх запуска Node", value: Math.round(ms - median(bareRuns)), unit: "ms" },
      { name: `reestr validate: время процессора (медиана ${ROUNDS})`, value: Math.round(median(validateCpu)), unit: "ms" },
      { name: `node -e 0: время процессора (медиана ${ROUNDS})`, value: Math.round(median(bareCpu)), unit: "ms" },
      { name: "reestr validate: время процессора сверх Node", value: Math.round(median(validateCpu) - median(bareCpu)), unit: "ms" },
      { name: `reestr validate: JavaScript, который загружает (файлов: ${loaded.files})`, value: Math.round(loaded.bytes / 1024), unit: "KB" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(module, run);
