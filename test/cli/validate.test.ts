/** `reestr validate` run as users run it: `node bin/reestr.js` (and `npx reestr`) on real files. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  ERRORS_FIRST_DATA_ROW,
  ERRORS_ROWS,
  REORDERED_DATA_ROWS,
  writeRegisterFiles,
  type RegisterFiles,
} from "../fixtures/register-files";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "reestr.js");

let files: RegisterFiles;
let tempDir: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function reestr(args: string[], cwd = tempDir): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, REESTR_DEBUG: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function relative(filePath: string): string {
  return path.relative(tempDir, filePath);
}

beforeAll(async () => {
  require(path.join(ROOT, "scripts", "build-cli.cjs")).buildSync();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-cli-validate-"));
  files = await writeRegisterFiles(path.join(tempDir, "входящие"));
}, 180_000);
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

describe("reestr validate on a clean register made by LibreOffice", () => {
  it("exits 0 and prints exactly one JSON object of the fixed shape", () => {
    const file = relative(files.loReordered);
    const run = reestr(["validate", file, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(["file", "sheet", "headerRow", "rows", "issues"]);
    expect(report).toEqual({ file, sheet: "lo-reordered", headerRow: 4, rows: REORDERED_DATA_ROWS.length, issues: [] });
  });

  it("prints a readable Russian report with the extra columns", () => {
    const run = reestr(["validate", relative(files.loReordered)]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Файл: ${relative(files.loReordered)}`);
    expect(run.stdout).toContain("Лист: «lo-reordered», строка заголовков: 4");
    expect(run.stdout).toContain("Проверено строк: 5");
    expect(run.stdout).toContain("Лишние графы (сохраняются, не проверяются): P «Примечание», Q «Дата внесения»");
    expect(run.stdout).toContain("Ошибок: 0, предупреждений: 0");
    expect(run.stdout).toContain("Итог: ошибок и предупреждений нет.");
  });
});

describe("reestr validate on a register with every kind of problem", () => {
  const expected = ERRORS_ROWS.flatMap(({ issues }, index) =>
    issues.map(([column, code, severity]) => ({ row: ERRORS_FIRST_DATA_ROW + index, column, code, severity })),
  );

  it("exits 1 and lists each issue by sheet row and register column in the JSON", () => {
    const file = relative(files.loErrors);
    const run = reestr(["validate", "--json", file]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.file).toBe(file);
    expect(report.headerRow).toBe(2);
    expect(report.rows).toBe(ERRORS_ROWS.length);
    expect(report.issues.map(({ row, column, code, severity }: Record<string, unknown>) => ({ row, column, code, severity }))).toEqual(expected);
    for (const issue of report.issues) {
      expect(Object.keys(issue)).toEqual(["row", "column", "code", "severity", "message"]);
      expect(issue.message).toMatch(/[а-яё]/i);
    }
  });

  it("names each issue by row and column title and reports the missing columns in the text report", () => {
    const run = reestr(["validate", files.loErrors]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Нет граф: 2 «Жизненная ситуация», 4 «Регулирующий акт»");
    expect(run.stdout).toContain("Ошибок: 5, предупреждений: 4");
    expect(run.stdout).toMatch(/^ {2}Строка 4, графа 8 «Статус процесса \(статус реинжиниринга\)»: Статус «Не начат» не из справочника статусов$/m);
    expect(run.stdout).toMatch(/^ {2}Строка 7, графа 7 «Ответственный за процесс»: Не заполнена обязательная графа 7/m);
    expect(run.stdout).toContain("Итог: найдены ошибки (5)");
  });
});

describe("settings stored in the workbook", () => {
  it("takes the agency's name and vocabularies from the «Справочники» sheet (ExcelJS-made file)", () => {
    const run = reestr(["validate", files.ownWithSettings, "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ sheet: "Реестр процессов", headerRow: 1, rows: 2, issues: [] });
    expect(run.status).toBe(0);
  });

  it("falls back to the default settings without that sheet", () => {
    const run = reestr(["validate", files.ownWithoutSettings, "--json"]);
    expect(run.status).toBe(1);
    const codes = JSON.parse(run.stdout).issues.map((issue: { row: number; column: number; code: string }) => [issue.row, issue.column, issue.code]);
    expect(codes).toEqual([
      [2, 8, "invalid-value"],
      [3, 8, "invalid-value"],
    ]);
  });
});

describe("files that cannot be validated: exit 2, one line on stderr, nothing on stdout", () => {
  it.each([
    ["a missing file", () => files.missing, /файл не найден$/],
    ["a .docx-like ZIP", () => files.docxLike, /документ Word/],
    ["a text file", () => files.textFile, /текстовый файл/],
    ["an encrypted workbook", () => files.encrypted, /защищен паролем/],
    ["a legacy .xls", () => files.legacyXls, /\.xls не поддерживается/],
    ["a zip bomb", () => files.zipBomb, /распакованном виде занимает 8,0 ГБ/],
    ["a workbook without a register", () => files.loNoRegister, /не найден реестр/],
  ])("%s", (_label, file, message) => {
    const filePath = file();
    for (const args of [["validate", filePath], ["validate", filePath, "--json"]]) {
      const run = reestr(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.endsWith("\n")).toBe(true);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`^reestr validate: ${escapeRegExp(filePath)}: `));
      expect(run.stderr.trimEnd()).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    }
  });

  it("rejects wrong usage with exit 2", () => {
    expect(reestr(["validate"])).toMatchObject({ status: 2, stdout: "", stderr: "reestr validate: не указан FILE. Использование: reestr validate FILE [--json]\n" });
    expect(reestr(["validate", "a.xlsx", "b.xlsx"]).stderr).toContain("лишний аргумент «b.xlsx»");
    expect(reestr(["validate", "a.xlsx", "--format=csv"])).toMatchObject({ status: 2, stdout: "" });
    expect(reestr(["проверить", "a.xlsx"])).toMatchObject({ status: 2, stdout: "" });
  });
});

describe("npx reestr from the project root", () => {
  it("runs validate with the same exit code and JSON", () => {
    const result = spawnSync("npx", ["--no-install", "reestr", "validate", files.loErrors, "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).file).toBe(files.loErrors);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
