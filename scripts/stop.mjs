#!/usr/bin/env node
/** `npm stop`: ends sideloading (desktop Excel) and the dev server that `npm start` recorded in its pid file. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./manifest-tools.mjs";

const PID_FILE = path.join(os.tmpdir(), "reestr-dev-server.pid");

if (process.platform === "win32" || process.platform === "darwin") {
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, "node_modules", "office-addin-debugging", "cli.js"), "stop", "manifest.xml"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
}

if (fs.existsSync(PID_FILE)) {
  const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`[reestr] Сервер разработки остановлен / dev server stopped (pid ${pid}).`);
  } catch {
    console.log("[reestr] Сервер разработки уже остановлен / the dev server was not running.");
  }
  fs.rmSync(PID_FILE, { force: true });
} else {
  console.log("[reestr] Сервер разработки не запущен / the dev server is not running.");
}
