/**
 * CLI start: `reestr validate` of a small register (20 rows, written by ExcelJS like a unit's file) as a user runs it —
 * `node bin/reestr.js` in a new process, wall time from spawn to exit. Rounds alternate with a bare `node -e 0` so a
 * busy machine slows both alike; medians. Goal: ≤ 200 ms (keep the start fast as features grow).
 * Run: `npm run bench -- cli-start`.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REGISTER_COLUMNS } from "../src/core/columns";
import { buildWorkbook, validRows, writeWorkbook } from "../test/fixtures/register-data";
import type { BenchResult } from "./index";
import { median } from "./merge.bench";
import { runWhenMain } from "./support/run-directly";

const ROUNDS = 11;
const GOAL_MS = 200;
const ROOT = path.join(__dirname, "..");


function wall(args: string[]): { ms: number; status: number | null } {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { ms: performance.now() - started, status: child.status };
}

export async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-cli-start-"));
  try {
    const file = path.join(dir, "реестр.xlsx");
    const rows = [REGISTER_COLUMNS.map((column) => column.title), REGISTER_COLUMNS.map((column) => String(column.number)), ...validRows(20)];
    await writeWorkbook(buildWorkbook([{ name: "Реестр процессов", rows }]), file);
    require(path.join(ROOT, "scripts", "build-cli.cjs")).buildSync();
    const validate = () => wall([path.join(ROOT, "bin", "reestr.js"), "validate", file]);
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
    const ms = median(validateRuns);
    return [
      { name: `reestr validate, 20 строк: от запуска до выхода (медиана ${ROUNDS})`, value: Math.round(ms), unit: "ms", goal: `≤ ${GOAL_MS}`, ok: ms <= GOAL_MS },
      { name: `node -e 0: запуск Node без программы (медиана ${ROUNDS})`, value: Math.round(median(bareRuns)), unit: "ms" },
      // What the CLI adds to Node's own start: on a busy machine both grow, this difference much less.
      { name: "reestr validate сверх запуска Node", value: Math.round(ms - median(bareRuns)), unit: "ms" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(module, run);
