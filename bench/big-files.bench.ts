/**
 * Big files: the register template with 50,000 prepared rows and the order's appendix of a 50,000-row register
 * (appendix, summary, approved register), each written as an .xlsx by the lean writer in its own Node process
 * (`big-file-child.ts`), rounds alternating template and appendix; medians of the write (layout → bytes → disk) and the
 * highest peak RSS of the process. ExcelJS writing the same layouts once, for comparison.
 * Goal: ≤ 2 s and ≤ 300 MB each. Run: `npm run bench -- big-files`.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BigFileFigures } from "./big-file-child";
import type { BenchResult } from "./index";
import { median } from "./merge.bench";
import { runWhenMain } from "./support/run-directly";

const ROWS = 50_000;
const ROUNDS = 5;
const GOAL_MS = 2_000;
const GOAL_MB = 300;
const ROOT = path.join(__dirname, "..");
const KINDS = ["template", "appendix"] as const;
const LABEL = { template: "шаблон", appendix: "приложение к приказу" } as const;


function writeOnce(kind: (typeof KINDS)[number], out: string, writer: "lean" | "exceljs"): BigFileFigures {
  const child = spawnSync(
    process.execPath,
    ["--max-old-space-size=4096", "-r", path.join(ROOT, "scripts", "ts-register.cjs"), path.join(__dirname, "big-file-child.ts"), kind, String(ROWS), out, writer],
    { cwd: ROOT, encoding: "utf8", timeout: 600_000 },
  );
  if (child.status !== 0) throw new Error(`${kind}/${writer}: ${(child.stderr || "").trim().split("\n").slice(-3).join(" ")}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as BigFileFigures;
}

export async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-big-files-"));
  try {
    const runs: Record<(typeof KINDS)[number], BigFileFigures[]> = { template: [], appendix: [] };
    for (const kind of KINDS) writeOnce(kind, path.join(dir, `${kind}.xlsx`), "lean"); // warm-up (disk cache, esbuild)
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of KINDS) runs[kind].push(writeOnce(kind, path.join(dir, `${kind}.xlsx`), "lean"));
    }
    const results: BenchResult[] = [];
    for (const kind of KINDS) {
      const figures = runs[kind];
      const ms = median(figures.map((f) => f.writeMs));
      const mb = Math.max(...figures.map((f) => f.rssMb));
      const viaExcelJs = writeOnce(kind, path.join(dir, `${kind}-exceljs.xlsx`), "exceljs");
      const name = `${LABEL[kind]}, ${ROWS.toLocaleString("ru-RU")} строк`;
      results.push(
        { name: `${name}: запись .xlsx (медиана ${ROUNDS})`, value: Math.round(ms), unit: "ms", goal: `≤ ${GOAL_MS}`, ok: ms <= GOAL_MS },
        { name: `${name}: пиковая память процесса (RSS)`, value: Math.round(mb), unit: "MB", goal: `≤ ${GOAL_MB}`, ok: mb <= GOAL_MB },
        { name: `${name}: время процессора на запись (медиана)`, value: Math.round(median(figures.map((f) => f.writeCpuMs))), unit: "ms" },
        { name: `${name}: построение макета (медиана)`, value: Math.round(median(figures.map((f) => f.buildMs))), unit: "ms" },
        { name: `${name}: размер файла`, value: Math.round(figures[0].bytes / 1024), unit: "KB" },
        { name: `${name}: запись через ExcelJS (для сравнения, 1 раз)`, value: Math.round(viaExcelJs.writeMs), unit: "ms" },
        { name: `${name}: ExcelJS, пиковая память`, value: Math.round(viaExcelJs.rssMb), unit: "MB" },
      );
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(module, run);
