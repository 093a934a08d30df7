/**
 * Pane start: how much JavaScript the production task pane loads before its first section («Сроки») is interactive,
 * how long that takes, and how much the whole pane weighs once every section was opened.
 *
 * The production build (dist/ when it is newer than every source, else a build into the temp dir keyed by the sources)
 * is served on 127.0.0.1; headless Chromium (playwright-core, /usr/bin/chromium) opens taskpane.html with the cache off
 * and records every response. office.js is answered by a small stand-in that says «Excel, ExcelApi 1.8» and refuses
 * Excel.run at once, so Microsoft's scripts are neither loaded nor counted (as for Microsoft's template) and the first
 * section reaches its ready state — «Обновить» enabled — without a workbook. Sizes are each script's gzip (level 9) as
 * a server would send it. Rounds: 5 page loads, median time to interactive.
 * Run: `npm run bench -- pane-load`.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveDirectory } from "../test/e2e/harness";
import type { BenchResult } from "./index";
import { median } from "./merge.bench";

const ROOT = path.join(__dirname, "..");
const ROUNDS = 5;
const FIRST_LOAD_GOAL_KB = 150;
const WHOLE_PANE_GOAL_KB = 300;
const BUILD_INPUTS = ["src", "assets", "webpack.config.js", "manifest.xml", "package-lock.json", "tsconfig.json"];

/** Stands in for office.js: an Excel host with ExcelApi 1.8 whose batches fail at once (there is no workbook). */
const OFFICE_STAND_IN = `
window.Office = {
  HostType: { Excel: "Excel" },
  onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
  context: { requirements: { isSetSupported: function (name, version) {
    return name === "ExcelApi" && Number(String(version || "1.1").split(".")[1]) <= 8;
  } } },
};
window.Excel = { run: function () { return Promise.reject(new Error("нет книги: замер загрузки панели")); } };
`;

function sourceFiles(): string[] {
  const files: string[] = [];
  const visit = (target: string) => {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(target).sort()) visit(path.join(target, entry));
    else files.push(target);
  };
  for (const input of BUILD_INPUTS) if (fs.existsSync(path.join(ROOT, input))) visit(path.join(ROOT, input));
  return files;
}

/** `npm run build:dev` also writes dist/; its entry keeps webpack's runtime names, which minification removes. */
function isProductionBuild(dir: string): boolean {
  const entry = fs.readdirSync(dir).find((file) => /^taskpane\.[0-9a-f]{8}\.js$/.test(file));
  return entry !== undefined && !fs.readFileSync(path.join(dir, entry), "utf8").includes("__webpack_require__");
}

/** A production build of the current sources: dist/ when it is fresh, else one built (once per sources) in the temp dir. */
function productionBuild(): { dir: string; how: string } {
  const files = sourceFiles();
  const newestSource = Math.max(...files.map((file) => fs.statSync(file).mtimeMs));
  const distPage = path.join(ROOT, "dist", "taskpane.html");
  if (fs.existsSync(distPage) && fs.statSync(distPage).mtimeMs > newestSource && isProductionBuild(path.join(ROOT, "dist"))) {
    return { dir: path.join(ROOT, "dist"), how: "dist/" };
  }
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(`${path.relative(ROOT, file)}:${fs.statSync(file).size}:${fs.statSync(file).mtimeMs}\n`);
  const dir = path.join(os.tmpdir(), "reestr-pane-bench", hash.digest("hex").slice(0, 16));
  if (!fs.existsSync(path.join(dir, ".built"))) {
    const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const built = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--env", `outputPath=${dir}`, "--no-stats"], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (built.status !== 0) throw new Error(`сборка панели не удалась: ${(built.stderr || built.stdout).slice(-2000)}`);
    fs.writeFileSync(path.join(dir, ".built"), new Date().toISOString());
  }
  return { dir, how: "сборка в temp" };
}

interface Loaded {
  url: string;
  gzipBytes: number;
  rawBytes: number;
}

interface PageLoad {
  ttiMs: number;
  beforeInteractive: Loaded[];
  allSections: Loaded[];
  /** Sections (after the first) whose opening loaded JavaScript of its own. */
  lazySections: number;
  sectionCount: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const sum = (loaded: Loaded[], key: "gzipBytes" | "rawBytes") => loaded.reduce((total, item) => total + item[key], 0);

async function loadOnce(origin: string, visitAll: boolean): Promise<PageLoad> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 350, height: 800 }, locale: "ru-RU" });
    await context.route("**/office.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const loaded: Loaded[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      const url = response.url();
      if (!/\.m?js(\?|$)/.test(new URL(url).pathname) || new URL(url).pathname.endsWith("/office.js")) return;
      pending.push(
        response.body().then((body) => {
          loaded.push({ url, rawBytes: body.length, gzipBytes: zlib.gzipSync(body, { level: 9 }).length });
        }),
      );
    });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${origin}/taskpane.html`);
    const ready = page.locator('[data-section="due"] button:not([disabled])', { hasText: "Обновить" }).first();
    await ready.waitFor({ state: "visible", timeout: 60_000 });
    const ttiMs = await page.evaluate(() => performance.now());
    await Promise.all(pending);
    const beforeInteractive = [...loaded];
    let lazySections = 0;
    const sectionCount = await page.getByRole("tab").count();
    if (visitAll) {
      for (const tab of (await page.getByRole("tab").all()).slice(1)) {
        const before = pending.length;
        await tab.click();
        // A section's chunk is fetched after the click; wait until no script has arrived for a while.
        for (let seen = -1; seen !== pending.length; ) {
          seen = pending.length;
          await page.waitForTimeout(1000);
        }
        if (pending.length > before) lazySections++;
      }
      const sections = await page.locator("[data-section]").count();
      const tabs = await page.getByRole("tab").count();
      if (sections !== tabs) throw new Error(`открыто разделов ${sections} из ${tabs}`);
      await Promise.all(pending);
    }
    if (errors.length > 0) throw new Error(`ошибки на странице: ${errors.join("; ")}`);
    return { ttiMs, beforeInteractive, allSections: [...loaded], lazySections, sectionCount };
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const build = productionBuild();
  const server = await serveDirectory(build.dir);
  try {
    const first = await loadOnce(server.origin, true);
    await loadOnce(server.origin, false);
    const ttis: number[] = [first.ttiMs];
    for (let round = 1; round < ROUNDS; round++) ttis.push((await loadOnce(server.origin, false)).ttiMs);
    const firstGzip = kb(sum(first.beforeInteractive, "gzipBytes"));
    const wholeGzip = kb(sum(first.allSections, "gzipBytes"));
    const otherSections = first.sectionCount - 1;
    const detail = first.beforeInteractive.map((item) => `${path.basename(new URL(item.url).pathname)} ${kb(item.gzipBytes)}`).join(", ");
    if (process.env.REESTR_BENCH_VERBOSE) console.error(`before interactive: ${detail}\nall: ${first.allSections.map((i) => `${path.basename(i.url)} ${kb(i.gzipBytes)}`).join(", ")}`);
    return [
      { name: `панель: JS до готовности «Сроки», gzip (${first.beforeInteractive.length} файлов)`, value: firstGzip, unit: "KB", goal: `≤ ${FIRST_LOAD_GOAL_KB}`, ok: firstGzip <= FIRST_LOAD_GOAL_KB },
      { name: "панель: JS до готовности «Сроки», без сжатия", value: kb(sum(first.beforeInteractive, "rawBytes")), unit: "KB" },
      { name: "панель целиком (все разделы открыты), gzip", value: wholeGzip, unit: "KB", goal: `≤ ${WHOLE_PANE_GOAL_KB}`, ok: wholeGzip <= WHOLE_PANE_GOAL_KB },
      // Each section but the first must bring its own code when opened.
      { name: "панель: разделы, чей код загружается при открытии", value: first.lazySections, unit: "sections", goal: `${otherSections} из ${otherSections}`, ok: first.lazySections === otherSections },
      { name: `панель: до готовности «Сроки» (медиана ${ROUNDS}, ${build.how})`, value: Math.round(median(ttis)), unit: "ms" },
    ];
  } finally {
    await server.close();
  }
}

if (require.main === module) {
  run().then(
    (rows) => console.table(rows),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
