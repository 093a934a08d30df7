/**
 * Merging 200 unit files × 100 rows with the CLI (a child process, as a user runs it), side by side in one run with
 * (a) ExcelJS only opening the same files (a tiny script in its own Node process) and (b) LibreOffice headless converting
 * them to CSV. Goal (docs/merge.md, «Speed»): CLI ≤ 1.5 × (a) and faster than (b). Peak memory (RSS) of both Node processes is reported too.
 * Run alone: `npx esbuild bench/merge.bench.ts --bundle --platform=node --external:exceljs --outfile=/tmp/merge-bench.cjs && node /tmp/merge-bench.cjs`
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { REGISTER_COLUMNS } from "../src/core/columns";
import { DEFAULT_DIRECTIONS, typicalProcesses } from "../src/core/typical-list";
import type { BenchResult } from "./index";
import { runWhenMain } from "./support/run-directly";

const FILES = 200;
const ROWS_PER_FILE = 100;
const ROOT = path.join(__dirname, "..");
/** Measured rounds of (a) and the CLI, after one warm-up run of each. */
const ROUNDS = 5;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function findRoot(): string {
  // Bundled into /tmp the bench still needs the project's bin/ and node_modules/.
  for (const candidate of [ROOT, process.cwd()]) if (fs.existsSync(path.join(candidate, "bin", "reestr.js"))) return candidate;
  throw new Error("не найден корень проекта (bin/reestr.js); запустите из корня проекта");
}

/** Realistic unit files: every unit fills the typical processes with its own IDs; a few rows repeat across units. */
export async function makeFiles(dir: string): Promise<string[]> {
  const processes = typicalProcesses();
  const statuses = ["В очереди на исследование", "Идет исследование", "Проходит реинжиниринг", "Сертифицирован"];
  const files: string[] = [];
  for (let file = 0; file < FILES; file++) {
    const target = path.join(dir, `unit-${String(file).padStart(3, "0")}.xlsx`);
    files.push(target);
    if (fs.existsSync(target)) continue;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Реестр процессов");
    sheet.addRow([`Реестр процессов подразделения № ${file + 1}`]);
    sheet.addRow(REGISTER_COLUMNS.map((column) => (column.mandatory ? `${column.title}*` : column.title)));
    sheet.addRow(REGISTER_COLUMNS.map((column) => column.number));
    for (let index = 0; index < ROWS_PER_FILE; index++) {
      const process = processes[(file + index) % processes.length];
      const direction = DEFAULT_DIRECTIONS.find((candidate) => candidate.code === process.direction)!;
      const shared = index < 5; // the same five rows in every file: merged duplicates
      const id = shared ? `017-${process.code}-S${index}` : `017-${process.code}-${file}-${index}`;
      const digital = index % 3 !== 0;
      sheet.addRow([
        id,
        shared ? "" : `Жизненная ситуация ${index % 7}`,
        "Выдача архивных справок, копий, выписок",
        "Федеральный закон от 22.10.2004 № 125-ФЗ «Об архивном деле в Российской Федерации»",
        direction.name,
        process.name,
        `Отдел № ${shared ? 1 : file + 1}`,
        statuses[index % statuses.length],
        index % 4 === 3 ? "Внутренний" : "Внешний",
        process.value,
        "Заявление",
        "Архивная справка",
        "",
        digital ? "Цифровой" : "Не цифровой",
        digital ? "ЕПГУ" : "",
      ]);
    }
    await workbook.xlsx.writeFile(target);
  }
  return files;
}

/** Preloaded into the measured Node processes: prints their peak RSS (KB) as the last line of stderr. */
export const RSS_PRELOAD = `process.on("exit", () => require("fs").writeSync(2, "\\n@maxrss " + process.resourceUsage().maxRSS + "\\n"));\n`;

export interface Timing {
  ms: number;
  /** Peak resident memory in MB, NaN when the process did not report it. */
  rssMb: number;
}

export function timed(command: string, args: string[], options: { cwd: string; input?: string }): Timing {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: options.cwd, input: options.input, encoding: "utf8", timeout: 900_000, maxBuffer: 1 << 28 });
  const elapsed = performance.now() - started;
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${path.basename(command)} завершился с кодом ${result.status}: ${(result.stderr || "").slice(0, 500)}`);
  }
  const rss = /@maxrss (\d+)\s*$/.exec(result.stderr || "");
  return { ms: elapsed, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

/** (a): the library alone opening every file, in one Node process like the CLI. */
export const OPEN_ONLY_SCRIPT = `
const ExcelJS = require("exceljs");
const files = require("fs").readFileSync(0, "utf8").split("\\n").filter(Boolean);
(async () => { for (const file of files) await new ExcelJS.Workbook().xlsx.readFile(file); })()
  .catch((error) => { console.error(String(error)); process.exit(2); });
`;

export async function run(): Promise<BenchResult[]> {
  const root = findRoot();
  const dir = path.join(os.tmpdir(), `reestr-merge-bench-${FILES}x${ROWS_PER_FILE}`);
  fs.mkdirSync(dir, { recursive: true });
  const files = await makeFiles(dir);
  require(path.join(root, "scripts", "build-cli.cjs")).buildSync();

  const out = path.join(dir, "merged.xlsx");
  const preload = path.join(dir, "report-rss.cjs");
  fs.writeFileSync(preload, RSS_PRELOAD);
  const cli = () => timed(process.execPath, ["-r", preload, path.join(root, "bin", "reestr.js"), "merge", ...files, "-o", out, "--json"], { cwd: root });
  const openOnly = () => timed(process.execPath, ["-r", preload, "-e", OPEN_ONLY_SCRIPT], { cwd: root, input: files.join("\n") });
  // A warm-up of each, then rounds that alternate the two (a busy machine slows both alike); medians are compared.
  cli();
  openOnly();
  const cliRuns: Timing[] = [];
  const openRuns: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    openRuns.push(openOnly());
    cliRuns.push(cli());
  }
  const cliMs = median(cliRuns.map((run) => run.ms));
  const openMs = median(openRuns.map((run) => run.ms));
  const peakMb = (runs: Timing[]) => Math.round(Math.max(...runs.map((run) => run.rssMb)));

  let libreOfficeMs = Number.NaN;
  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-merge-bench-csv-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-merge-bench-lo-"));
  try {
    libreOfficeMs = timed(
      "soffice",
      ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=file://${profile}`, "--convert-to", "csv", "--outdir", csvDir, ...files],
      { cwd: root },
    ).ms;
  } catch (error) {
    process.stderr.write(`LibreOffice недоступен для сравнения: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }

  const ratio = cliMs / openMs;
  return [
    { name: `merge CLI: ${FILES} файлов × ${ROWS_PER_FILE} строк (медиана ${ROUNDS})`, value: Math.round(cliMs), unit: "ms" },
    { name: `(a) ExcelJS только открывает те же файлы (медиана ${ROUNDS})`, value: Math.round(openMs), unit: "ms" },
    { name: "(b) LibreOffice headless → CSV", value: Math.round(libreOfficeMs), unit: "ms" },
    { name: "merge CLI: пиковая память (RSS)", value: peakMb(cliRuns), unit: "MB" },
    { name: "(a): пиковая память (RSS)", value: peakMb(openRuns), unit: "MB" },
    { name: "merge CLI / (a)", value: Math.round(ratio * 100) / 100, unit: "×", goal: "≤ 1.5", ok: ratio <= 1.5 },
    {
      name: "merge CLI быстрее (b)",
      value: Math.round((libreOfficeMs / cliMs) * 100) / 100,
      unit: "× быстрее",
      goal: "> 1",
      ok: Number.isFinite(libreOfficeMs) && cliMs < libreOfficeMs,
    },
  ];
}

runWhenMain(module, run);
