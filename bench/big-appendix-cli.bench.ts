/**
 * `reestr appendix` as a user runs it on a 50,000-row register file: `node bin/reestr.js appendix FILE -o OUT
 * --order-number 7 --order-date 2024-01-15` in a new process (start, reading and checking the register, planning, writing
 * the appendix, the summary and the approved register into a copy of FILE, exit). FILE is the register template as
 * `reestr template` writes it (dropdowns, marks, names, the «Справочники» sheet) with 50,000 valid rows, shared strings as
 * Excel keeps them. Medians of the wall time and of the CPU time (all threads: a busy machine stretches the wall, much
 * less the CPU), the highest peak RSS. Goal: ≤ 2 s and ≤ 300 MB, the process start included.
 * Run: `npm run bench -- big-appendix`.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeLayoutLean } from "../src/adapters/xlsx/lean-writer";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { buildTemplateLayout, REGISTER_SHEET_NAME, templateGeometry } from "../src/core/layout/template";
import { validRows } from "../test/fixtures/register-data";
import type { BenchResult } from "./index";
import { median } from "./merge.bench";
import { runWhenMain } from "./support/run-directly";

const ROWS = 50_000;
const ROUNDS = 5;
const GOAL_MS = 2_000;
const GOAL_MB = 300;
const ROOT = path.join(__dirname, "..");
const AGENCY_GENITIVE = "Архивной службы Республики Северная Осетия-Алания";

/** The user's register: the template with the rows filled in, written as Excel keeps text (shared strings). */
async function registerFile(file: string): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, agencyGenitive: AGENCY_GENITIVE };
  const layout = buildTemplateLayout(settings, { title: true, dataRows: ROWS });
  const sheet = layout.sheets.find((candidate) => candidate.name === REGISTER_SHEET_NAME)!;
  sheet.blocks.push({ row: templateGeometry({ dataRows: ROWS }).firstDataRow, col: 1, values: validRows(ROWS) });
  fs.writeFileSync(file, (await writeLayoutLean(layout)).bytes);
}

interface Run {
  ms: number;
  cpuMs: number;
  rssMb: number;
  bytes: number;
}

function appendixOnce(dir: string, file: string): Run {
  const out = path.join(dir, "приложение.xlsx");
  const rssFile = path.join(dir, "rss.txt");
  const cpuFile = path.join(dir, "cpu.txt");
  fs.rmSync(out, { force: true });
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ["-r", path.join(__dirname, "support", "peak-rss.cjs"), "-r", path.join(__dirname, "support", "cpu-time.cjs"), path.join(ROOT, "bin", "reestr.js"), "appendix", file, "-o", out, "--order-number", "7", "--order-date", "2024-01-15"],
    { cwd: dir, encoding: "utf8", timeout: 600_000, env: { ...process.env, REESTR_BENCH_RSS_FILE: rssFile, REESTR_BENCH_CPU_FILE: cpuFile } },
  );
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`reestr appendix завершился с кодом ${child.status}: ${(child.stderr || "").trim().split("\n").slice(-2).join(" ")}`);
  if (!child.stdout.includes("утвержденный")) throw new Error(`reestr appendix не сохранил утвержденный реестр: ${child.stdout}`);
  const cpuMs = Number(fs.readFileSync(cpuFile, "utf8"));
  const rssMb = Number(fs.readFileSync(rssFile, "utf8")) / 1024;
  return { ms, cpuMs, rssMb, bytes: fs.statSync(out).size };
}

export async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-big-appendix-"));
  try {
    const file = path.join(dir, "реестр.xlsx");
    await registerFile(file);
    require(path.join(ROOT, "scripts", "build-cli.cjs")).buildSync();
    appendixOnce(dir, file); // warm-up (disk cache)
    const runs = Array.from({ length: ROUNDS }, () => appendixOnce(dir, file));
    const ms = median(runs.map((r) => r.ms));
    const mb = Math.max(...runs.map((r) => r.rssMb));
    const name = `reestr appendix, ${ROWS.toLocaleString("ru-RU")} строк`;
    return [
      { name: `${name}: от запуска до выхода (медиана ${ROUNDS})`, value: Math.round(ms), unit: "ms", goal: `≤ ${GOAL_MS}`, ok: ms <= GOAL_MS },
      { name: `${name}: пиковая память процесса (RSS)`, value: Math.round(mb), unit: "MB", goal: `≤ ${GOAL_MB}`, ok: mb <= GOAL_MB },
      { name: `${name}: время процессора, все потоки (медиана)`, value: Math.round(median(runs.map((r) => r.cpuMs))), unit: "ms" },
      { name: `${name}: размер входного файла`, value: Math.round(fs.statSync(file).size / 1024), unit: "KB" },
      { name: `${name}: размер результата`, value: Math.round(runs[0].bytes / 1024), unit: "KB" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(module, run);
