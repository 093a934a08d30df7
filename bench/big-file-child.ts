/**
 * One measured write for big-files.bench.ts, in its own Node process so its peak memory is its own:
 * `node -r ./scripts/ts-register.cjs bench/big-file-child.ts template|appendix ROWS OUT.xlsx [lean|exceljs]`.
 * Prints one JSON line: milliseconds building the layout, milliseconds writing the file (layout → bytes → disk), peak RSS.
 */
import * as fs from "node:fs";
import { writeLayoutLean } from "../src/adapters/xlsx/lean-writer";
import { writeLayoutToBuffer } from "../src/adapters/xlsx/exceljs-writer";
import { planAppendix } from "../src/core/appendix-plan";
import { buildTemplateLayout } from "../src/core/layout/template";
import type { WorkbookLayout } from "../src/core/layout/types";
import { DEFAULT_SETTINGS, settingsToPairs } from "../src/core/settings";
import { REGISTER_COLUMNS } from "../src/core/columns";
import { validRows } from "../test/fixtures/register-data";

export interface BigFileFigures {
  buildMs: number;
  writeMs: number;
  /** CPU time of the write (main thread and zlib's), less sensitive than wall time to a busy machine. */
  writeCpuMs: number;
  bytes: number;
  rssMb: number;
}

function appendixLayout(rows: number): WorkbookLayout {
  const register = [["Реестр процессов"], REGISTER_COLUMNS.map((c) => c.title), REGISTER_COLUMNS.map((c) => String(c.number)), ...validRows(rows)];
  const settings = [["Параметр", "Значение"], ...settingsToPairs({ ...DEFAULT_SETTINGS, agencyGenitive: "Архивной службы Республики Северная Осетия-Алания" })];
  const plan = planAppendix({
    sheets: [
      { name: "Реестр процессов", rows: register },
      { name: "Справочники", rows: settings },
    ],
    order: { orderNumber: "7", orderDate: "15.01.2024", appendixNumber: "1" },
    today: { day: 1, month: 12, year: 2026 },
  });
  if (!plan.ok) throw new Error(plan.message);
  return plan.layout;
}

async function main(): Promise<void> {
  const [kind, rowsText, out, writer = "lean"] = process.argv.slice(2);
  const rows = Number(rowsText);
  // Input data is the user's file, not the writer's work: made before the clock starts.
  const started = performance.now();
  const layout = kind === "template" ? buildTemplateLayout(DEFAULT_SETTINGS, { title: true, dataRows: rows }) : appendixLayout(rows);
  const built = performance.now();
  const cpuBefore = process.cpuUsage();
  const bytes = writer === "exceljs" ? await writeLayoutToBuffer(layout) : (await writeLayoutLean(layout)).bytes;
  fs.writeFileSync(out, bytes);
  const written = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const figures: BigFileFigures = {
    buildMs: built - started,
    writeMs: written - built,
    writeCpuMs: (cpu.user + cpu.system) / 1000,
    bytes: bytes.length,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(figures) + "\n");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
