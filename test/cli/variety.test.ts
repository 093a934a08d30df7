/**
 * `reestr validate --json` and `reestr merge --json` run as users run them (`node bin/reestr.js`) on workbooks as other
 * programs write them, and on files that only pretend to be workbooks: the rows come out right, and a bad file costs one
 * Russian line and exit 2 while merge still merges the others.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DIALECTS, notWorkbooks, REGISTER_FIRST_DATA_ROW, REGISTER_HEADER_ROW, registerRows, workbookPackage } from "../fixtures/variety-files";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "reestr.js");
const ROWS_PER_FILE = 3;

let tempDir: string;
/** One register file per dialect, each with its own processes (no duplicate IDs across files). */
let registers: { file: string; rows: string[][] }[];
let broken: { file: string; message: RegExp }[];
let emptyWorkbook: string;

function reestr(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: tempDir, encoding: "utf8", timeout: 120_000, env: { ...process.env, REESTR_DEBUG: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  require(path.join(ROOT, "scripts", "build-cli.cjs")).buildSync();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-cli-variety-"));
  registers = DIALECTS.map(([, dialect], index) => {
    const rows = registerRows(ROWS_PER_FILE, index * ROWS_PER_FILE);
    const file = `писатель-${index + 1}.xlsx`;
    fs.writeFileSync(path.join(tempDir, file), workbookPackage([{ name: "Реестр", rows }], dialect));
    return { file, rows };
  });
  broken = notWorkbooks().map(({ name, data, message }) => {
    fs.writeFileSync(path.join(tempDir, name), data);
    return { file: name, message };
  });
  emptyWorkbook = "пустая.xlsx";
  fs.writeFileSync(path.join(tempDir, emptyWorkbook), workbookPackage([]));
}, 180_000);
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

describe("reestr validate --json", () => {
  test("every writer's register: the header row, all rows and their IDs, no issues, exit 0", () => {
    DIALECTS.forEach(([dialectName], index) => {
      const { file } = registers[index];
      const run = reestr(["validate", file, "--json"]);
      expect({ dialectName, status: run.status, stderr: run.stderr }).toEqual({ dialectName, status: 0, stderr: "" });
      expect(JSON.parse(run.stdout)).toEqual({ file, sheet: "Реестр", headerRow: REGISTER_HEADER_ROW, rows: ROWS_PER_FILE, issues: [] });
    });
  });

  test("a register row with an error is reported at its sheet row in every dialect", () => {
    DIALECTS.forEach(([dialectName, dialect]) => {
      const rows = registerRows(2);
      rows[REGISTER_FIRST_DATA_ROW] = [...rows[REGISTER_FIRST_DATA_ROW]];
      rows[REGISTER_FIRST_DATA_ROW][7] = "в работе"; // column 8, status: not in the vocabulary
      fs.writeFileSync(path.join(tempDir, "ошибка.xlsx"), workbookPackage([{ name: "Реестр", rows }], dialect));
      const run = reestr(["validate", "ошибка.xlsx", "--json"]);
      expect({ dialectName, status: run.status }).toEqual({ dialectName, status: 1 });
      const issues = JSON.parse(run.stdout).issues.map((issue: { row: number; column: number; code: string }) => [issue.row, issue.column, issue.code]);
      expect(issues).toEqual([[REGISTER_FIRST_DATA_ROW + 1, 8, "invalid-value"]]);
    });
  });

  test("files that are not workbooks: one Russian line on stderr, exit 2, nothing on stdout", () => {
    for (const { file, message } of [...broken, { file: emptyWorkbook, message: /^в книге не найден реестр/ }]) {
      const run = reestr(["validate", file, "--json"]);
      expect({ file, status: run.status, stdout: run.stdout }).toEqual({ file, status: 2, stdout: "" });
      const lines = run.stderr.split("\n").filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`reestr validate: ${file}: `)).toBe(true);
      expect(lines[0].slice(`reestr validate: ${file}: `.length)).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
    }
  });
});

describe("reestr merge --json", () => {
  test("all writers' registers merge; each bad file is one error input and one stderr line; exit 2", () => {
    const files = [...registers.map((r) => r.file), ...broken.map((b) => b.file), emptyWorkbook];
    const run = reestr(["merge", ...files, "-o", "сводный.xlsx", "--json"]);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.inputs.map((input: { file: string }) => input.file)).toEqual(files);
    for (const { file } of registers) {
      expect(report.inputs.find((input: { file: string }) => input.file === file)).toEqual({ file, status: "ok", rows: ROWS_PER_FILE, message: "" });
    }
    for (const { file, message } of broken) {
      const input = report.inputs.find((candidate: { file: string }) => candidate.file === file);
      expect(input.status).toBe("error");
      expect(input.rows).toBe(0);
      expect(input.message).toMatch(message);
    }
    expect(report.rows).toBe(registers.length * ROWS_PER_FILE);
    expect(report.duplicatesMerged).toBe(0);
    expect(report.issues).toEqual([]);
    const lines = run.stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(broken.length + 1);
    for (const line of lines) expect(line).toMatch(/^reestr merge: \S+: [а-яё]/i);
    expect(fs.existsSync(path.join(tempDir, "сводный.xlsx"))).toBe(true);

    // The merged workbook reads back with every row.
    const check = reestr(["validate", "сводный.xlsx", "--json"]);
    expect(JSON.parse(check.stdout).rows).toBe(registers.length * ROWS_PER_FILE);
  });
});
