/**
 * The register template: round trips (syncs) and milliseconds creating it and converting an existing 2,000-row sheet
 * through the simulator at ExcelApi 1.8 and at the newest level, with the default lists and with long ones (60
 * processes, 300 units); and writing the CLI's file. Goal: ≤ 3 syncs whatever the list sizes.
 * Run: `npx esbuild bench/template.bench.ts --bundle --platform=node --outfile=/tmp/template-bench.cjs && node /tmp/template-bench.cjs`
 */
import { createOrUpgradeTemplate } from "../src/adapters/office/template";
import { writeLayoutToBuffer } from "../src/adapters/xlsx/exceljs-writer";
import { REGISTER_COLUMNS } from "../src/core/columns";
import { buildTemplateLayout } from "../src/core/layout/template";
import { DEFAULT_SETTINGS, type Settings } from "../src/core/settings";
import { DEFAULT_DIRECTIONS, typicalProcesses } from "../src/core/typical-list";
import { NEWEST_API_VERSION, createExcelSimulator } from "../src/simulator";
import type { BenchResult } from "./index";

export interface TemplateBenchRow {
  level: string;
  lists: string;
  action: "создание" | "преобразование" | "повтор";
  syncs: number;
  ms: number;
  ok: boolean;
}

const LEVELS = ["1.8", NEWEST_API_VERSION];
const GOAL_SYNCS = 3;

function longListSettings(): Settings {
  const base = typicalProcesses();
  const processes = Array.from({ length: 60 }, (_, i) => {
    const p = base[i % base.length];
    return { ...p, code: `${p.direction}.${100 + i}`, name: `${p.name} (вариант ${i + 1})` };
  });
  return { ...DEFAULT_SETTINGS, processes, units: Array.from({ length: 300 }, (_, i) => `Отдел № ${i + 1}`) };
}

async function fillExisting(sim: ReturnType<typeof createExcelSimulator>, rows: number): Promise<void> {
  const processes = typicalProcesses();
  // Columns in the reverse of the form's order, plus a note column: the conversion has to move everything.
  const titles = [...REGISTER_COLUMNS].reverse().map((c) => c.title);
  const values = Array.from({ length: rows }, (_, r) => {
    const p = processes[r % processes.length];
    const direction = DEFAULT_DIRECTIONS.find((d) => d.code === p.direction)!.name;
    const byNumber: Record<number, string> = { 1: `017-${p.code}-${r}`, 3: "Услуга", 5: direction, 6: `${p.code}. ${p.name}`, 7: "Отдел", 8: "Сертифицирован" };
    return [...[...REGISTER_COLUMNS].reverse().map((c) => byNumber[c.number] ?? ""), `примечание ${r}`];
  });
  await sim.Excel.run(async (context: Excel.RequestContext) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.getRangeByIndexes(0, 0, 1, 16).values = [[...titles, "Примечание"]];
    sheet.getRangeByIndexes(1, 0, rows, 16).values = values;
    await context.sync();
  });
}

export async function runTemplateBench(): Promise<TemplateBenchRow[]> {
  const results: TemplateBenchRow[] = [];
  for (const level of LEVELS) {
    for (const [lists, settings] of [
      ["по умолчанию (38 процессов)", DEFAULT_SETTINGS],
      ["длинные (60 процессов, 300 подразделений)", longListSettings()],
    ] as const) {
      const measure = async (sim: ReturnType<typeof createExcelSimulator>, action: TemplateBenchRow["action"]) => {
        // The repeat reads the settings back from the workbook, as the pane does: the one case with a second read.
        sim.stats.reset();
        const started = performance.now();
        const result = await sim.Excel.run((context: Excel.RequestContext) => createOrUpgradeTemplate(context, { apiLevel: level, settings: action === "повтор" ? undefined : settings }));
        const ms = Math.round(performance.now() - started);
        // office.js sends one more message when Excel.run ends (it releases the ranges it tracked): not ours to count.
        const counted = sim.stats.syncs - sim.stats.releases;
        results.push({ level, lists, action, syncs: counted, ms, ok: counted <= GOAL_SYNCS && result.syncs === counted });
      };
      const fresh = createExcelSimulator({ apiVersion: level });
      await measure(fresh, "создание");
      const existing = createExcelSimulator({ apiVersion: level });
      await fillExisting(existing, 2000);
      await measure(existing, "преобразование");
      await measure(existing, "повтор");
    }
  }
  return results;
}

export async function runTemplateFileBench(): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const buffer = await writeLayoutToBuffer(buildTemplateLayout(DEFAULT_SETTINGS, { title: true }));
  return { ms: Math.round(performance.now() - started), bytes: buffer.length };
}

/** For `npm run bench`: syncs against the goal, milliseconds and the file's size as information. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const row of await runTemplateBench()) {
    const name = `шаблон, ExcelApi ${row.level}, списки ${row.lists}, ${row.action}`;
    results.push({ name: `${name}: обращения к Excel`, value: row.syncs, unit: "sync", goal: `≤ ${GOAL_SYNCS}`, ok: row.ok });
    results.push({ name: `${name}: время (симулятор)`, value: row.ms, unit: "ms" });
  }
  const file = await runTemplateFileBench();
  results.push({ name: "reestr template: запись файла", value: file.ms, unit: "ms" });
  results.push({ name: "reestr template: размер файла", value: file.bytes, unit: "B" });
  return results;
}

if (require.main === module) {
  (async () => {
    const rows = await runTemplateBench();
    console.table(rows);
    const file = await runTemplateFileBench();
    console.log(`Файл шаблона (reestr template): ${file.ms} мс, ${file.bytes} байт`);
    if (rows.some((row) => !row.ok)) {
      console.error(`Цель не достигнута: больше ${GOAL_SYNCS} обращений к Excel.`);
      process.exit(1);
    }
  })().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
