/**
 * «Проверить реестр» end to end on the simulator (README, «Checking the register: round trips»): read, rules, fixes, marks through Office.js for 1,000, 10,000
 * and 50,000 rows of the template with a sprinkling of mistakes. Goals: the same number of syncs at every size (desktop,
 * newest API), 50,000 rows under 2,000 ms. For the record: the syncs of the same 50,000 rows on Excel on the web, where
 * responses are capped at 5 MB: bytes per read chunk (goal: each but the last ≥ 80 % of 5 MB, so no more chunks than
 * ceil(bytes / 4 MB), close to the payload's floor ceil(bytes / 5 MB)).
 * Run: `npm run bench -- validation`.
 */
import type { BenchResult } from "./index";
import { createOrUpgradeTemplate } from "../src/adapters/office/template";
import { checkRegister, type RegisterCheck } from "../src/adapters/office/validation";
import { REGISTER_SHEET_NAME } from "../src/core/layout/template";
import { NEWEST_API_VERSION, createExcelSimulator, type ExcelSimulator } from "../src/simulator";
import { RESPONSE_PAYLOAD_LIMIT } from "../src/simulator/context";
import { validRow } from "../test/fixtures/register-data";

const SIZES = [1_000, 10_000, 50_000];
const GOAL_MS_50K = 2_000;

/** Valid rows with mistakes people make: a status not in the list, an unknown process, a missing owner, no ID. */
function rows(count: number): string[][] {
  return Array.from({ length: count }, (_, index) => {
    const row = validRow(index);
    if (index % 50 === 7) row[7] = "на согласовании";
    if (index % 131 === 5) row[5] = "Процесс не из перечня";
    if (index % 71 === 9) row[6] = "";
    if (index % 97 === 3) row[0] = "";
    if (index % 13 === 2) row[8] = "внешний";
    return row;
  });
}

async function prepared(count: number, platform: "PC" | "OfficeOnline"): Promise<ExcelSimulator> {
  const sim = createExcelSimulator({ apiVersion: NEWEST_API_VERSION, platform, client: platform === "OfficeOnline" ? "web" : "win32" });
  await sim.Excel.run((context: Excel.RequestContext) => createOrUpgradeTemplate(context, { apiLevel: NEWEST_API_VERSION }));
  sim.workbook.sheet(REGISTER_SHEET_NAME).setValues(`A5:O${count + 4}`, rows(count));
  return sim;
}

/** `messages`: what office.js actually sent, Excel.run's closing release of tracked ranges included. */
async function timedCheck(sim: ExcelSimulator, platform: "PC" | "OfficeOnline"): Promise<{ check: RegisterCheck; ms: number; messages: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const before = sim.stats.syncs;
  const check = await sim.Excel.run((context: Excel.RequestContext) => checkRegister(context, { platform, apiLevel: NEWEST_API_VERSION }));
  return { check, ms: performance.now() - started, messages: sim.stats.syncs - before };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const syncs: number[] = [];
  for (const size of SIZES) {
    const sim = await prepared(size, "PC");
    // The first check adds the two conditional formats and the helper sheet; the second is the steady state.
    const first = await timedCheck(sim, "PC");
    const second = await timedCheck(sim, "PC");
    syncs.push(first.check.syncs, second.check.syncs);
    results.push(
      { name: `check: syncs, ${size} rows (desktop)`, value: first.check.syncs, unit: "syncs", goal: "= 2 (1 read + 1 write)", ok: first.check.syncs === 2 && second.check.syncs === 2 },
      { name: `check: messages office.js sent, ${size} rows (desktop)`, value: first.messages, unit: "messages", goal: "= 3 (2 syncs + release)", ok: first.messages === 3 && second.messages === 3 },
      {
        name: `check: end to end, ${size} rows (${first.check.issues.length} issues, ${first.check.marked} cells marked)`,
        value: Math.round(first.ms),
        unit: "ms",
        ...(size === 50_000 ? { goal: `< ${GOAL_MS_50K} ms`, ok: first.ms < GOAL_MS_50K } : {}),
      },
      { name: `check again: end to end, ${size} rows`, value: Math.round(second.ms), unit: "ms", ...(size === 50_000 ? { goal: `< ${GOAL_MS_50K} ms`, ok: second.ms < GOAL_MS_50K } : {}) },
    );
  }
  results.push({ name: "check: syncs equal at 1,000 / 10,000 / 50,000 rows", value: Math.max(...syncs), unit: "syncs", goal: "all equal", ok: syncs.every((s) => s === syncs[0]) });

  const web = await prepared(50_000, "OfficeOnline");
  const onWeb = await timedCheck(web, "OfficeOnline");
  // Every chunk but the last (the remainder) should carry at least 80 % of the 5 MB a response may hold.
  const chunks = onWeb.check.readChunkBytes ?? [];
  const full = chunks.slice(0, -1);
  const leastShare = full.length ? Math.min(...full) / RESPONSE_PAYLOAD_LIMIT : 1;
  const total = chunks.reduce((sum, bytes) => sum + bytes, 0);
  // Chunks of at least 80 % of 5 MB: no more than this many for the bytes read.
  const atMost = Math.ceil(total / (0.8 * RESPONSE_PAYLOAD_LIMIT));
  results.push(
    { name: "check on Excel on the web: syncs, 50,000 rows (reads + 1 write)", value: onWeb.check.syncs, unit: "syncs" },
    { name: "check on Excel on the web: read syncs, 50,000 rows", value: onWeb.check.readSyncs ?? 0, unit: "syncs" },
    {
      name: "check on Excel on the web: least full read chunk (all but the last), share of 5 MB",
      value: Math.round(leastShare * 100),
      unit: "%",
      goal: "≥ 80",
      ok: leastShare >= 0.8,
    },
    { name: "check on Excel on the web: bytes per read chunk, mean", value: Math.round(total / Math.max(1, chunks.length) / 1024), unit: "KB" },
    { name: `check on Excel on the web: read chunks (${(total / 1e6).toFixed(1)} MB past the first request)`, value: chunks.length, unit: "syncs", goal: `≤ ${atMost} (⌈bytes / 80 % of 5 MB⌉)`, ok: chunks.length <= atMost },
    { name: "check on Excel on the web: messages office.js sent, 50,000 rows", value: onWeb.messages, unit: "messages" },
    { name: "check on Excel on the web: largest response", value: Math.round(web.stats.largestResponseBytes / 1024), unit: "KiB", goal: "≤ 5120 KiB", ok: web.stats.largestResponseBytes <= 5 * 1024 * 1024 },
    { name: "check on Excel on the web: end to end, 50,000 rows", value: Math.round(onWeb.ms), unit: "ms" },
  );
  return results;
}
