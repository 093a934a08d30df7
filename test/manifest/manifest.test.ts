/**
 * The manifest against the official XSDs (no network) through the same script `npm run validate` runs, plus the checks
 * the XSD cannot make: icon sizes and one origin. Also the manifest `npm run build` writes for a deployment URL.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const VALIDATE = path.join(ROOT, "scripts", "validate-manifest.mjs");
const MANIFEST = path.join(ROOT, "manifest.xml");

interface ValidationReport {
  valid: boolean;
  engine: string;
  xsdErrors: { line: number; message: string }[];
  otherErrors: { line: number; message: string }[];
}

function validate(file: string, site?: string): { status: number | null; report: ValidationReport } {
  const args = [VALIDATE, file, "--json", ...(site ? [`--site=${site}`] : [])];
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  return { status: result.status, report: JSON.parse(result.stdout) as ValidationReport };
}

/** Rewrites the manifest for a URL with the build's own code (an ES module, so run through node). */
function manifestFor(url: string): string {
  const script = `import { rewriteManifestUrls } from ${JSON.stringify(path.join(ROOT, "scripts", "manifest-tools.mjs"))};
import fs from "node:fs";
process.stdout.write(rewriteManifestUrls(fs.readFileSync(${JSON.stringify(MANIFEST)}, "utf8"), ${JSON.stringify(url)}));`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
  fs.cpSync(path.join(ROOT, "assets"), path.join(workDir, "assets"), { recursive: true });
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

function writeManifest(name: string, text: string): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, text);
  return file;
}

test("manifest.xml is valid against the OfficeApp 1.1 XSDs, its icons and its single origin", () => {
  const { status, report } = validate(MANIFEST);
  expect(report.xsdErrors).toEqual([]);
  expect(report.otherErrors).toEqual([]);
  expect(report.valid).toBe(true);
  expect(status).toBe(0);
});

test("the manifest says what the issue asks: Excel task pane, ru-RU, ExcelApi 1.8, ReadWriteDocument, Home tab button", () => {
  const text = fs.readFileSync(MANIFEST, "utf8");
  expect(text).toContain('xsi:type="TaskPaneApp"');
  expect(text).toContain("<DefaultLocale>ru-RU</DefaultLocale>");
  expect(text).toContain('<DisplayName DefaultValue="Реестр процессов"/>');
  expect(text).toContain('<Host Name="Workbook"/>');
  expect(text).toMatch(/<Sets DefaultMinVersion="1\.8">\s*<Set Name="ExcelApi" MinVersion="1\.8"\/>/);
  expect(text).toContain("<Permissions>ReadWriteDocument</Permissions>");
  expect(text).toContain('<OfficeTab id="TabHome">');
  expect(text).toContain('<Action xsi:type="ShowTaskpane">');
  for (const size of [16, 32, 64, 80]) expect(text).toContain(`assets/icon-${size}.png`);
});

test("a manifest rewritten for an intranet URL validates, and every URL points there", () => {
  const text = manifestFor("https://intranet.example/reestr/");
  expect(text).not.toContain("localhost");
  expect(text).toContain('<SourceLocation DefaultValue="https://intranet.example/reestr/taskpane.html"/>');
  const { status, report } = validate(writeManifest("manifest-intranet.xml", text));
  expect(report.xsdErrors).toEqual([]);
  expect(report.otherErrors).toEqual([]);
  expect(status).toBe(0);
});

test("a deployment URL must be https", () => {
  expect(() => manifestFor("http://intranet.example/reestr")).toThrow(/https/);
});

test("a broken manifest is reported invalid with line numbers", () => {
  const broken = fs
    .readFileSync(MANIFEST, "utf8")
    .replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>")
    .replace("<DefaultLocale>ru-RU</DefaultLocale>", "");
  const { status, report } = validate(writeManifest("manifest-broken.xml", broken));
  expect(status).toBe(1);
  expect(report.valid).toBe(false);
  expect(report.xsdErrors.length).toBeGreaterThan(0);
  expect(report.xsdErrors.every((error) => error.line > 0)).toBe(true);
  expect(report.xsdErrors.map((error) => error.message).join("\n")).toMatch(/DefaultLocale|Permissions/);
});

test("an icon of the wrong size, a missing icon and a foreign origin are reported", () => {
  const text = fs
    .readFileSync(MANIFEST, "utf8")
    .replace('<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>')
    .replace("https://localhost:3000/assets/icon-16.png", "https://localhost:3000/assets/missing-16.png")
    .replace('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>', '<SupportUrl DefaultValue="https://cdn.example.com/help.html"/>');
  const { status, report } = validate(writeManifest("manifest-icons.xml", text));
  expect(status).toBe(1);
  expect(report.xsdErrors).toEqual([]);
  const messages = report.otherErrors.map((error) => error.message).join("\n");
  expect(messages).toMatch(/icon-80\.png 80×80 px, а объявлен 64×64/);
  expect(messages).toMatch(/Нет файла значка assets\/missing-16\.png/);
  expect(messages).toMatch(/другого источника: https:\/\/cdn\.example\.com/);
});

test("the committed icons have the sizes their names say", () => {
  for (const size of [16, 32, 64, 80]) {
    const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
    expect(png.toString("ascii", 1, 4)).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
});

test("xmllint --nonet, the fallback validator, agrees with libxml2-wasm", () => {
  const xsdDir = path.join(ROOT, "schemas", "office-manifest");
  const lint = (file: string) =>
    spawnSync("xmllint", ["--nonet", "--noout", "--schema", "OfficeAppManifestV1_1.xsd", file], { cwd: xsdDir, encoding: "utf8" });
  const available = spawnSync("xmllint", ["--version"]).status === 0;
  if (!available) {
    console.warn("xmllint not installed (apt-get install libxml2-utils); comparison skipped");
    return;
  }
  expect(lint(MANIFEST).status).toBe(0);
  const broken = writeManifest("manifest-lint.xml", fs.readFileSync(MANIFEST, "utf8").replace("<Permissions>ReadWriteDocument", "<Permissions>Nope"));
  expect(lint(broken).status).not.toBe(0);
});
