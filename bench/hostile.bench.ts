/**
 * Hostile and broken files: every reading command (validate, merge, publish, appendix) on crafted big cases —
 * a 200 MB shared string, a 100 MB DOCTYPE, a cell at row 9,999,999, a million empty rows, a 50,000-row register, a
 * FIFO, /dev/zero — must answer within 500 MB of memory and a minute, with the same verdict from every command.
 * The files are made in a temporary folder on each run (nothing big is committed). Each command runs as its own
 * process (the bundled CLI), its peak resident memory read at exit.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hostileCases } from "../test/fixtures/hostile";
import type { BenchResult } from "./index";

const MEMORY_GOAL_MB = 500;
const TIMEOUT_MS = 120_000;

interface Command {
  name: string;
  args(file: string, out: string): string[];
}

const COMMANDS: Command[] = [
  { name: "validate", args: (file) => ["validate", file] },
  { name: "merge", args: (file, out) => ["merge", file, "-o", `${out}.xlsx`] },
  { name: "publish", args: (file, out) => ["publish", file, "--format", "csv", "-o", `${out}.csv`] },
  { name: "appendix", args: (file, out) => ["appendix", file, "--draft", "-o", `${out}.xlsx`] },
];

function runCommand(cli: string, args: string[], dir: string): { rssMb: number; code: number | null; stderr: string; timedOut: boolean } {
  const rssFile = path.join(dir, "rss.txt");
  fs.rmSync(rssFile, { force: true });
  const child = spawnSync(process.execPath, ["-r", path.join(__dirname, "support", "peak-rss.cjs"), cli, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    env: { ...process.env, REESTR_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) / 1024 : NaN;
  return { rssMb: rss, code: child.status, stderr: child.stderr ?? "", timedOut: child.error !== undefined };
}

export async function run(): Promise<BenchResult[]> {
  const { buildSync } = require("../scripts/build-cli.cjs") as { buildSync(): string };
  const cli = buildSync();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-hostile-bench-"));
  const results: BenchResult[] = [];
  try {
    const files: { name: string; what: string; file: string; refused: boolean }[] = [];
    for (const hostile of hostileCases(true)) {
      const file = path.join(dir, `${hostile.name}.xlsx`);
      fs.writeFileSync(file, hostile.data);
      files.push({ name: hostile.name, what: hostile.what, file, refused: hostile.refused });
    }
    const fifo = path.join(dir, "fifo.xlsx");
    const made = spawnSync("mkfifo", [fifo]);
    if (made.status === 0) files.push({ name: "fifo", what: "FIFO вместо файла", file: fifo, refused: true });
    if (fs.existsSync("/dev/zero")) files.push({ name: "dev-zero", what: "/dev/zero вместо файла", file: "/dev/zero", refused: true });

    for (const entry of files) {
      const verdicts = new Set<string>();
      for (const command of COMMANDS) {
        const outcome = runCommand(cli, command.args(entry.file, path.join(dir, `out-${entry.name}-${command.name}`)), dir);
        const refusedNow = outcome.code === 2;
        const expectRefusal = entry.refused;
        verdicts.add(refusedNow ? "refused" : "read");
        const russianLine = !refusedNow || /^reestr [a-z]+: [^\n]*[а-яё][^\n]*\n$/i.test(outcome.stderr.split("\n").slice(-2).join("\n"));
        results.push({
          name: `${entry.what}: ${command.name}${outcome.timedOut ? " (не завершилась за 2 мин)" : ""}`,
          value: Math.round(outcome.rssMb),
          unit: "MB",
          goal: `≤ ${MEMORY_GOAL_MB} MB${expectRefusal ? ", отказ" : ", прочитан"}`,
          ok: !outcome.timedOut && outcome.rssMb <= MEMORY_GOAL_MB && expectRefusal === refusedNow && russianLine,
        });
      }
      results.push({ name: `${entry.what}: одно решение у всех команд`, value: verdicts.size, unit: "решений", goal: "1", ok: verdicts.size === 1 });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
