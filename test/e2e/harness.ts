/**
 * Browser tests of the playground: builds the app once (cached in the temp dir, keyed by the sources' sizes and times,
 * shared by every e2e test file of a run through a lock directory), serves it on 127.0.0.1 over plain http, and drives
 * Debian's Chromium through playwright-core. Every request URL is recorded so tests can prove nothing left the machine.
 *
 *   const pg = await startPlayground();            // or startPlayground({ api: "1.8" })
 *   await pg.page.getByRole("tab", { name: "Проверка" }).click();
 *   await pg.sim(...)                               // evaluate against window.__sim
 *   await pg.screenshot("after-check");             // test-artifacts/<name>.png
 *   expect(externalRequests(pg.requests)).toEqual([]);
 *   await pg.close();
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, "test-artifacts");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const BUILD_INPUTS = ["src", "assets", "webpack.config.js", "manifest.xml", "package-lock.json", "tsconfig.json"];
const BUILD_TIMEOUT_MS = 10 * 60_000;

function fingerprint(): string {
  const hash = crypto.createHash("sha256");
  const visit = (target: string) => {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) visit(path.join(target, entry));
    } else {
      hash.update(`${path.relative(PROJECT_ROOT, target)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) {
    const full = path.join(PROJECT_ROOT, input);
    if (fs.existsSync(full)) visit(full);
  }
  return hash.digest("hex").slice(0, 16);
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let buildPromise: Promise<string> | null = null;

/** The built site (development mode, no source maps) for the current sources; built at most once per change. */
export function ensureBuild(): Promise<string> {
  buildPromise ??= buildOnce();
  return buildPromise;
}

async function buildOnce(): Promise<string> {
  const root = path.join(os.tmpdir(), "reestr-e2e-build");
  fs.mkdirSync(root, { recursive: true });
  const key = fingerprint();
  const outputDir = path.join(root, key);
  const doneMarker = path.join(outputDir, ".built");
  const lockDir = path.join(root, `${key}.lock`);
  if (fs.existsSync(doneMarker)) return outputDir;
  try {
    fs.mkdirSync(lockDir);
  } catch {
    // Another test file is building the same sources; wait for it (or take over if it died).
    const lockAge = () => (fs.existsSync(lockDir) ? Date.now() - fs.statSync(lockDir).mtimeMs : Infinity);
    await waitFor(() => fs.existsSync(doneMarker) || lockAge() > BUILD_TIMEOUT_MS, BUILD_TIMEOUT_MS + 5_000, "the shared e2e build");
    if (fs.existsSync(doneMarker)) return outputDir;
    fs.rmSync(lockDir, { recursive: true, force: true });
    fs.mkdirSync(lockDir);
  }
  try {
    const result = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "development", "--env", `outputPath=${outputDir}`, "--env", "e2e"],
      { cwd: PROJECT_ROOT, encoding: "utf8", timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.status !== 0) {
      throw new Error(`webpack build for e2e tests failed:\n${(result.stdout ?? "").slice(-4000)}\n${(result.stderr ?? "").slice(-4000)}`);
    }
    fs.writeFileSync(doneMarker, new Date().toISOString());
    // Old builds of earlier sources are no longer needed.
    for (const entry of fs.readdirSync(root)) {
      const full = path.join(root, entry);
      if (entry !== key && !entry.endsWith(".lock") && Date.now() - fs.statSync(full).mtimeMs > 60 * 60_000) {
        fs.rmSync(full, { recursive: true, force: true });
      }
    }
    return outputDir;
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A tiny static server for `dir` on 127.0.0.1 (random port). */
export async function serveDirectory(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, path.normalize(pathname === "/" ? "/playground.html" : pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Request URLs that left this machine (anything but 127.0.0.1/localhost, data:, blob:, about:). */
export function externalRequests(urls: string[]): string[] {
  return urls.filter((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return true;
    }
    if (["data:", "blob:", "about:", "chrome-extension:"].includes(parsed.protocol)) return false;
    return !["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
  });
}

export interface Playground {
  url: string;
  origin: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request URL the page (and its workers) made, in order. */
  requests: string[];
  /** Uncaught page errors and console errors, for assertions and diagnosis. */
  pageErrors: string[];
  /** Runs `fn(window.__sim, arg)` in the page. */
  sim<R, A = undefined>(fn: (sim: any, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Saves test-artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface PlaygroundOptions {
  /** "1.8" imitates Office 2019; default the newest level. */
  api?: "1.8";
  /** Another page of the build, e.g. "taskpane.html". */
  page?: string;
  viewport?: { width: number; height: number };
  /** More of the page's query, e.g. { pane: "320", theme: "dark" } for the playground. */
  query?: Record<string, string>;
}

/** Builds (once), serves and opens the playground in headless Chromium; waits until the pane and the grid are drawn. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const dir = await ensureBuild();
  const server = await serveDirectory(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    acceptDownloads: true,
    locale: "ru-RU",
  });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  const pageName = options.page ?? "playground.html";
  const query = new URLSearchParams({ ...(options.api ? { api: options.api } : {}), ...options.query }).toString();
  const url = `${server.origin}/${pageName}${query ? `?${query}` : ""}`;
  const close = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
  };
  try {
    await page.goto(url, { waitUntil: "load" });
    if (pageName === "playground.html") {
      await page.waitForFunction(() => Boolean((window as any).__sim), undefined, { timeout: 30_000 });
      await page.getByTestId("sheet-grid").waitFor({ timeout: 30_000 });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url,
    origin: server.origin,
    browser,
    context,
    page,
    requests,
    pageErrors,
    sim: (fn, arg) => page.evaluate(({ source, value }) => new Function("sim", "arg", `return (${source})(sim, arg);`)((window as any).__sim, value), { source: fn.toString(), value: arg as unknown }) as any,
    async screenshot(name: string) {
      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    close,
  };
}
