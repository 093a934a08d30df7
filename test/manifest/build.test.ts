/**
 * `npm run build` with a deployment URL: dist holds the task pane, office.js from the package and a manifest whose every
 * URL points at the deployment URL, validated against the XSDs with its icons. Built into a temp dir.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, "..", "..");
const URL_BASE = "https://intranet.example/reestr";
let outDir: string;
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-build-"));
  build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build.mjs"), `--url=${URL_BASE}/`, `--out=${outDir}`], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ADDIN_URL: "" },
  });
});

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

test("the build succeeds and says where the manifest points", () => {
  expect(build.stderr).not.toMatch(/build failed/);
  expect(build.status).toBe(0);
  expect(build.stdout).toContain(`manifest for ${URL_BASE}`);
});

test("dist holds the task pane, the playground, help, icons and office.js copied unchanged from the package", () => {
  for (const file of ["taskpane.html", "playground.html", "help.html", "assets/icon-16.png", "assets/icon-80.png", "excel-web-16.00.js"]) {
    expect(fs.existsSync(path.join(outDir, file))).toBe(true);
  }
  const officeJs = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "office.js");
  expect(fs.readFileSync(path.join(outDir, "office.js")).equals(fs.readFileSync(officeJs))).toBe(true);
  const taskpane = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
  // The production HTML is minified, so attribute quotes are optional.
  expect(taskpane).toMatch(/<script src="?office\.js"?>/);
  // Self-hosted: no absolute URL to any other host in what the pane loads.
  expect(taskpane).not.toMatch(/(src|href)="?(https?:)?\/\//);
  expect(fs.readFileSync(path.join(outDir, "playground.html"), "utf8")).not.toMatch(/office\.js/);
});

test("the built manifest points at the deployment URL only and validates", () => {
  const manifestPath = path.join(outDir, "manifest.xml");
  const manifest = fs.readFileSync(manifestPath, "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain(`<SourceLocation DefaultValue="${URL_BASE}/taskpane.html"/>`);
  const check = spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.mjs"), manifestPath, "--json"], { encoding: "utf8" });
  const report = JSON.parse(check.stdout);
  expect(report.xsdErrors).toEqual([]);
  expect(report.otherErrors).toEqual([]);
  expect(check.status).toBe(0);
});

test("a non-https deployment URL is refused", () => {
  const refused = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build.mjs"), "--url=http://intranet.example", `--out=${outDir}-x`], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/https:\/\//);
  expect(fs.existsSync(`${outDir}-x`)).toBe(false);
});
