/**
 * Hostile and broken files against every command, in-process: inputs never change, OUT never replaces an input, what
 * we write is valid OOXML without control characters, CSV is safe, and each refused file gets the same one Russian line
 * from every command — and from the pane's reader.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { runCli } from "../../src/cli/cli";
import type { CliIO } from "../../src/cli/io";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-workbook-file";
import { readApprovedFile, readUnitFile } from "../../src/taskpane/merge/read-files";
import { checkXlsx } from "../support/ooxml-check";
import { controlCharacterRegister, hostileCases, sharedStringsRegister } from "../fixtures/hostile";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-hostile-"));
  fs.writeFileSync(path.join(dir, "a.xlsx"), sharedStringsRegister(3));
  fs.writeFileSync(path.join(dir, "b.xlsx"), sharedStringsRegister(4));
  fs.writeFileSync(path.join(dir, "c.xlsx"), controlCharacterRegister());
  fs.mkdirSync(path.join(dir, "sub"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir, env: {} };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

function hashes(): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of ["a.xlsx", "b.xlsx", "c.xlsx"]) result[name] = createHash("sha256").update(fs.readFileSync(path.join(dir, name))).digest("hex");
  return result;
}

/** Every message line: one line, Russian, no English library words or stack. */
function expectRussianLine(text: string) {
  for (const line of text.trim().split("\n")) {
    expect(line).toMatch(/[а-яё]/i);
    expect(line).not.toMatch(/\b(Error|Cannot|undefined|Invalid|ENOENT|EACCES|EISDIR|Bug|not supported|at \S+ \()/);
  }
}

describe("output is never an input", () => {
  test.each([
    ["merge into its own input", ["merge", "a.xlsx", "b.xlsx", "-o", "a.xlsx"]],
    ["merge through sub/../", ["merge", "a.xlsx", "b.xlsx", "-o", "sub/../a.xlsx"]],
    ["merge into --previous", ["merge", "b.xlsx", "--previous", "a.xlsx", "-o", "a.xlsx"]],
    ["publish into its input", ["publish", "a.xlsx", "--format", "csv", "-o", "a.xlsx"]],
    ["appendix into its input", ["appendix", "a.xlsx", "--draft", "-o", "./a.xlsx"]],
  ])("%s: refused, exit 2, input unchanged", async (_, argv) => {
    const before = hashes();
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/совпадает с входным файлом/);
    expectRussianLine(result.stderr);
    expect(hashes()).toEqual(before);
  });

  test("through a symbolic link and a hard link", async () => {
    fs.symlinkSync(path.join(dir, "a.xlsx"), path.join(dir, "link.xlsx"));
    fs.linkSync(path.join(dir, "b.xlsx"), path.join(dir, "hard.xlsx"));
    const before = hashes();
    expect((await cli("merge", "a.xlsx", "-o", "link.xlsx")).code).toBe(2);
    expect((await cli("publish", "b.xlsx", "--format", "html", "-o", "hard.xlsx")).code).toBe(2);
    expect((await cli("appendix", "link.xlsx", "--draft", "-o", "a.xlsx")).code).toBe(2);
    expect(hashes()).toEqual(before);
  });

  test("a folder as OUT is refused; a write failure says where and why, not «не прочитан ни один файл»", async () => {
    const folder = await cli("merge", "a.xlsx", "-o", "sub");
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/это папка/);
    const missing = await cli("merge", "a.xlsx", "-o", "нет-такой-папки/out.xlsx");
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/Сводная книга не записана: нет-такой-папки\/out\.xlsx: не удалось записать файл: папка для него не найдена/);
    expect(missing.stdout).not.toMatch(/не прочитан ни один файл/);
    expectRussianLine(missing.stderr);
  });
});

describe("every command leaves its inputs as they were and writes clean files", () => {
  test("inputs' bytes unchanged after every command", async () => {
    const before = hashes();
    await cli("validate", "c.xlsx");
    await cli("merge", "a.xlsx", "b.xlsx", "c.xlsx", "-o", "merged.xlsx", "--previous", "a.xlsx");
    await cli("publish", "c.xlsx", "--format", "csv", "-o", "c.csv");
    await cli("publish", "c.xlsx", "--format", "html", "-o", "c.html");
    await cli("appendix", "c.xlsx", "--draft", "-o", "appendix.xlsx");
    await cli("template", "-o", "template.xlsx", "--agency", "Орган\u0001");
    expect(hashes()).toEqual(before);
  });

  test.each([
    ["merge", ["merge", "a.xlsx", "c.xlsx", "-o", "m.xlsx"], "m.xlsx"],
    ["appendix", ["appendix", "c.xlsx", "--draft", "-o", "ap.xlsx"], "ap.xlsx"],
    ["template with control characters in --agency", ["template", "-o", "t.xlsx", "--agency", "Орган\u0001\u001f", "--units", "Отдел\u0002"], "t.xlsx"],
  ])("%s: valid OOXML, no control characters in any part", async (_, argv, out) => {
    const result = await cli(...argv);
    expect(result.code).toBeLessThan(2);
    const bytes = fs.readFileSync(path.join(dir, out));
    const problems = await checkXlsx(bytes);
    // ExcelJS re-writing a crafted minimal input (no theme) draws other remarks from the checker; what matters here is
    // that every part is well-formed. Our own writers must pass the checker whole.
    if (argv[0] === "appendix") expect(problems.filter((problem) => /well-formed|parser|Char 0x|invalid char|PCDATA/i.test(problem))).toEqual([]);
    else expect(problems).toEqual([]);
    const unzip = spawnSync("unzip", ["-p", path.join(dir, out)], { encoding: "latin1", maxBuffer: 64 * 1024 * 1024 });
    if (unzip.status === 0) {
      // eslint-disable-next-line no-control-regex -- what must not be there
      expect(unzip.stdout).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
    }
  }, 60_000);

  test("published CSV: no field a spreadsheet would run, no control characters; HTML escaped", async () => {
    expect((await cli("publish", "c.xlsx", "--format", "csv", "-o", "safe.csv")).code).toBe(0);
    const csv = fs.readFileSync(path.join(dir, "safe.csv"), "utf8");
    // eslint-disable-next-line no-control-regex -- what must not be there
    expect(csv).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(csv).toContain(`"'@SUM(1+1)"`);
    expect(csv).toContain(";- пункт;");
    for (const field of csv.split(/[;\r\n]+/)) expect(field).not.toMatch(/^"?[=+@]/);
    expect((await cli("publish", "c.xlsx", "--format", "html", "-o", "safe.html")).code).toBe(0);
    const html = fs.readFileSync(path.join(dir, "safe.html"), "utf8");
    // eslint-disable-next-line no-control-regex -- what must not be there
    expect(html).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
  });
});

describe("refused files: one verdict, one Russian line, from every command and the pane", () => {
  const cases = hostileCases(false).filter((hostile) => hostile.refused);

  test.each(cases.map((hostile) => [hostile.name, hostile] as const))("%s", async (name, hostile) => {
    const file = `${name}.xlsx`;
    fs.writeFileSync(path.join(dir, file), hostile.data);
    const direct = await readWorkbookFile(path.join(dir, file));
    expect(direct.ok).toBe(false);
    if (direct.ok) return;
    expectRussianLine(direct.message);
    for (const argv of [
      ["validate", file],
      ["merge", file, "-o", `${name}-m.xlsx`],
      ["publish", file, "--format", "csv", "-o", `${name}.csv`],
      ["appendix", file, "--draft", "-o", `${name}-a.xlsx`],
    ]) {
      const result = await cli(...argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.stderr).toContain(direct.message);
      expectRussianLine(result.stderr);
    }
    // The pane reads through the same adapter (browser inflater): the same verdict and words.
    const unit = await readUnitFile(new File([new Uint8Array(hostile.data)], file));
    expect(unit.result).toEqual({ ok: false, reason: direct.reason, message: direct.message });
    expect(await readApprovedFile(new File([new Uint8Array(hostile.data)], file))).toEqual({ ok: false, message: direct.message });
  });

  test("a FIFO, a device and a folder as FILE are refused at once", async () => {
    const fifo = path.join(dir, "fifo.xlsx");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return;
    for (const [file, words] of [
      [fifo, /канал/],
      ["/dev/zero", /устройство/],
      [dir, /папка/],
    ] as const) {
      const result = await cli("validate", file);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(words);
      expectRussianLine(result.stderr);
    }
  });
});
