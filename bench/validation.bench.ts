/**
 * «Проверить реестр» end to end on the simulator (README, «Checking the register: round trips»): read, rules, fixes, marks through Office.js for 1,000, 10,000
 * and 50,000 rows of the template with a sprinkling of mistakes. Goals: the same number of syncs at every size (desktop,
 * newest API); at 50,000 rows our own part (adapter + core: its share of the profiler's samples × the CPU time used)
 * under 2,000 ms. The end-to-end time
 * also holds Microsoft's office.js client serializing ~46 MB of JSON and our simulated host executing it, so it is
 * reported split by part, with Excel's own terms as its goals (syncs, request bytes). For the record: the syncs of the same 50,000 rows on Excel on the web, where
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
import { cpuSplit } from "./support/cpu-split";

const SIZES = [1_000, 10_000, 50_000];
const GOAL_MS_50K = 2_000;
const MB5 = 5 * 1024 * 1024;

/** The parts of the check's CPU time, by the file the profiler finds each sample in. */
const PARTS = {
  ours: (url: string) => /[/\\]src[/\\](adapters|core|excel-facts)[/\\]/.test(url),
  officejs: (url: string) => url.includes("@microsoft") && url.includes("office-js"),
  host: (url: string) => /[/\\]src[/\\]simulator[/\\]/.test(url),
};

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

/**
 * The 50,000-row steady-state check once more, under the CPU profiler: what our adapter and core cost (goal), what
 * office.js and the simulated host cost, and the wire in Excel's terms (syncs, bytes per request and response).
 */
async function profiledCheck(): Promise<BenchResult[]> {
  const size = 50_000;
  const sim = await prepared(size, "PC");
  await timedCheck(sim, "PC");
  (globalThis as { gc?: () => void }).gc?.();
  const before = { syncs: sim.stats.syncs, requestBytes: sim.stats.requestBytes, responseBytes: sim.stats.responseBytes };
  sim.stats.largestRequestBytes = 0;
  const { result, split } = await cpuSplit(PARTS, () => timedCheck(sim, "PC"));
  const ms = (part: string) => Math.round(split.cpuMs[part] ?? 0);
  const requestBytes = sim.stats.requestBytes - before.requestBytes;
  const responseBytes = sim.stats.responseBytes - before.responseBytes;
  return [
    { name: `check, ${size} rows, CPU: our adapter + core (self time)`, value: ms("ours"), unit: "ms", goal: `< ${GOAL_MS_50K} ms`, ok: ms("ours") < GOAL_MS_50K },
    { name: `check, ${size} rows, CPU: office.js client (proxies, request JSON, reading the response)`, value: ms("officejs"), unit: "ms" },
    { name: `check, ${size} rows, CPU: simulated host (executing, JSON.parse/stringify of the wire)`, value: ms("host"), unit: "ms" },
    { name: `check, ${size} rows, CPU: garbage collection (all parts)`, value: ms("gc"), unit: "ms" },
    { name: `check, ${size} rows, CPU: other (Node, event loop, test data)`, value: ms("other"), unit: "ms" },
    { name: `check, ${size} rows, CPU: the whole process (user + system)`, value: Math.round(split.processCpuMs), unit: "ms" },
    { name: `check, ${size} rows, end to end under the profiler (wall)`, value: Math.round(result.ms), unit: "ms" },
    { name: `check, ${size} rows: messages office.js sent`, value: sim.stats.syncs - before.syncs, unit: "messages", goal: "= 3 (2 syncs + release)", ok: sim.stats.syncs - before.syncs === 3 },
    { name: `check, ${size} rows: request bytes, largest request`, value: Math.round(sim.stats.largestRequestBytes / 1024), unit: "KiB", goal: "≤ 5120 KiB (Excel's request limit)", ok: sim.stats.largestRequestBytes <= MB5 },
    { name: `check, ${size} rows: request bytes, all`, value: Math.round(requestBytes / 1024), unit: "KiB" },
    { name: `check, ${size} rows: response bytes, all (desktop: one read)`, value: Math.round(responseBytes / 1024), unit: "KiB" },
  ];
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
      // Through office.js and the simulated host: information; the goal on our part is in profiledCheck's rows.
      { name: `check: end to end through office.js + host, ${size} rows (${first.check.issues.length} issues, ${first.check.marked} cells marked)`, value: Math.round(first.ms), unit: "ms" },
      { name: `check again: end to end through office.js + host, ${size} rows`, value: Math.round(second.ms), unit: "ms" },
    );
  }
  results.push(...(await profiledCheck()));
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
    // Bytes per sync, chunk by chunk: every chunk but the last (the remainder) must be ≥ 80 % of 5 MB.
    ...chunks.map((bytes, index) => {
      const last = index === chunks.length - 1;
      return {
        name: `check on Excel on the web: read chunk ${index + 1} of ${chunks.length}${last ? " (the remainder)" : ""}, bytes`,
        value: Math.round(bytes / 1024),
        unit: "KiB",
        ...(last ? {} : { goal: `≥ ${Math.round((0.8 * RESPONSE_PAYLOAD_LIMIT) / 1024)} KiB (80 % of 5 MB)`, ok: bytes >= 0.8 * RESPONSE_PAYLOAD_LIMIT }),
      };
    }),
    { name: "check on Excel on the web: bytes per read chunk, mean", value: Math.round(total / Math.max(1, chunks.length) / 1024), unit: "KB" },
    { name: `check on Excel on the web: read chunks (${(total / 1e6).toFixed(1)} MB past the first request)`, value: chunks.length, unit: "syncs", goal: `≤ ${atMost} (⌈bytes / 80 % of 5 MB⌉)`, ok: chunks.length <= atMost },
    { name: "check on Excel on the web: messages office.js sent, 50,000 rows", value: onWeb.messages, unit: "messages" },
    { name: "check on Excel on the web: largest response", value: Math.round(web.stats.largestResponseBytes / 1024), unit: "KiB", goal: "≤ 5120 KiB", ok: web.stats.largestResponseBytes <= 5 * 1024 * 1024 },
    { name: "check on Excel on the web: end to end, 50,000 rows", value: Math.round(onWeb.ms), unit: "ms" },
  );
  return results;
}
