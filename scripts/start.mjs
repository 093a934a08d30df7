#!/usr/bin/env node
/**
 * `npm start`: the webpack dev server on https://localhost:3000 (http when no developer certificate can be made), then
 * sideloading into desktop Excel where it exists (Windows, macOS). On Linux it keeps serving and explains how to upload
 * manifest.xml into Excel on the web and where the playground is.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./manifest-tools.mjs";

const PORT = 3000;
const PID_FILE = path.join(os.tmpdir(), "reestr-dev-server.pid");
const desktopExcel = process.platform === "win32" || process.platform === "darwin";
const noSideload = process.argv.includes("--no-sideload") || process.env.REESTR_NO_SIDELOAD === "1";

const server = spawn(
  process.execPath,
  [path.join(PROJECT_ROOT, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"],
  { cwd: PROJECT_ROOT, stdio: "inherit" },
);
fs.writeFileSync(PID_FILE, String(server.pid));
server.on("exit", (code) => {
  fs.rmSync(PID_FILE, { force: true });
  process.exit(code ?? 0);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));

function probe(protocol) {
  return new Promise((resolve) => {
    const client = protocol === "https" ? https : http;
    const request = client.get(
      { host: "localhost", port: PORT, path: "/taskpane.html", rejectUnauthorized: false, timeout: 2000 },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    request.on("error", () => resolve(false));
    request.on("timeout", () => {
      request.destroy();
      resolve(false);
    });
  });
}

async function waitForServer() {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (await probe("https")) return "https";
    if (await probe("http")) return "http";
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return null;
}

const protocol = await waitForServer();
if (!protocol) {
  console.error("[reestr] Сервер разработки не ответил за 10 минут / the dev server did not answer in 10 minutes.");
  server.kill();
  process.exit(1);
}
const origin = `${protocol}://localhost:${PORT}`;

if (desktopExcel && !noSideload && protocol === "https") {
  const debugging = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules", "office-addin-debugging", "cli.js"), "start", "manifest.xml", "desktop", "--app", "excel", "--no-debug", "--dev-server-port", String(PORT)],
    { cwd: PROJECT_ROOT, stdio: "inherit" },
  );
  debugging.on("exit", (code) => {
    if (code !== 0) console.warn("[reestr] Не удалось загрузить надстройку в Excel автоматически — см. README / sideloading failed, see README.");
  });
} else {
  console.log(`
[reestr] Надстройка запущена: ${origin}/taskpane.html
  Excel в браузере: откройте книгу → Вставка → Надстройки → Мои надстройки → Отправить мою надстройку → выберите
  ${path.join(PROJECT_ROOT, "manifest.xml")}
  Песочница без Excel: ${origin}/playground.html
  Остановить: Ctrl+C или npm stop

[reestr] The add-in is being served at ${origin}/taskpane.html
  Excel on the web: open a workbook → Insert → Add-ins → My Add-ins → Upload My Add-in → choose manifest.xml above.
  Playground without Excel: ${origin}/playground.html
  Stop: Ctrl+C or npm stop
${protocol === "http" ? "\n  Внимание: сервер работает по HTTP — Excel загрузит надстройку только по HTTPS (нужен сертификат office-addin-dev-certs).\n  Note: served over HTTP; Excel only loads add-ins over HTTPS (office-addin-dev-certs could not install a certificate).\n" : ""}`);
}
