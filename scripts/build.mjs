#!/usr/bin/env node
/**
 * `npm run build [-- --url=https://intranet.example/reestr]`: production build into dist/ whose manifest points at the
 * deployment URL (option --url, else $ADDIN_URL, else https://localhost:3000 with a warning). The built manifest is
 * validated against the XSDs and its icons checked against dist/; exit 1 when anything is wrong.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { helpPage } from "./guide-help.mjs";
import { DEV_URL, PROJECT_ROOT, normaliseDeploymentUrl, rewriteManifestUrls, validateManifestText } from "./manifest-tools.mjs";

const args = process.argv.slice(2);
const urlOption = args.find((arg) => arg.startsWith("--url="))?.slice("--url=".length);
const outOption = args.find((arg) => arg.startsWith("--out="))?.slice("--out=".length);
const outputPath = path.resolve(outOption ?? path.join(PROJECT_ROOT, "dist"));

function fail(message) {
  console.error(`Сборка не удалась / build failed: ${message}`);
  process.exit(1);
}

let deploymentUrl = urlOption ?? process.env.ADDIN_URL ?? "";
if (!deploymentUrl) {
  console.warn(
    `[reestr] Адрес развертывания не задан (ADDIN_URL или --url=) — манифест указывает на ${DEV_URL}.\n` +
      `[reestr] No deployment URL given (ADDIN_URL or --url=); the manifest points at ${DEV_URL}.`,
  );
  deploymentUrl = DEV_URL;
}
try {
  deploymentUrl = normaliseDeploymentUrl(deploymentUrl);
} catch (error) {
  fail(error.message);
}

// help.html is made from docs/guide-ru.md at every build, so the deployed help is the guide as it stands.
fs.writeFileSync(path.join(PROJECT_ROOT, "src", "taskpane", "help.html"), helpPage());

const webpackCli = path.join(PROJECT_ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const webpack = spawnSync(
  process.execPath,
  [webpackCli, "--mode", "production", "--env", `outputPath=${outputPath}`, "--no-stats"],
  { cwd: PROJECT_ROOT, stdio: "inherit" },
);
if (webpack.status !== 0) fail("webpack завершился с ошибкой");

const manifestPath = path.join(outputPath, "manifest.xml");
const manifest = rewriteManifestUrls(fs.readFileSync(path.join(PROJECT_ROOT, "manifest.xml"), "utf8"), deploymentUrl);
fs.writeFileSync(manifestPath, manifest);

for (const required of ["taskpane.html", "playground.html", "help.html", "office.js"]) {
  if (!fs.existsSync(path.join(outputPath, required))) fail(`нет ${required} в ${outputPath}`);
}
const result = await validateManifestText(manifest, { fileLabel: manifestPath, siteRoot: outputPath });
for (const error of [...result.xsdErrors, ...result.otherErrors]) console.error(`${manifestPath}:${error.line}: ${error.message}`);
if (!result.valid) fail("собранный манифест не прошел проверку");
console.log(`[reestr] Готово: ${outputPath} (манифест для ${deploymentUrl}). Скопируйте папку на веб-сервер, раздайте manifest.xml.`);
console.log(`[reestr] Done: ${outputPath} (manifest for ${deploymentUrl}). Copy the folder to the web server, distribute manifest.xml.`);
