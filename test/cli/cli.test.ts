/** The dispatcher run in-process through a captured io. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { generalUsage, runCli } from "../../src/cli/cli";
import { COMMANDS } from "../../src/cli/commands";
import { COMMAND_NAMES, loadCommand } from "../../src/cli/command-loader";
import type { CliIO } from "../../src/cli/io";
import { REGISTER_TITLES, validRows } from "../fixtures/register-data";

function capture(overrides: Partial<CliIO> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    cwd: os.tmpdir(),
    env: {},
    ...overrides,
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

let tempDir: string;
beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-cli-"));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Реестр");
  sheet.addRow(REGISTER_TITLES);
  for (const row of validRows(3)) sheet.addRow(row);
  await workbook.xlsx.writeFile(path.join(tempDir, "реестр.xlsx"));
});
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

describe("reestr dispatcher", () => {
  it("lists every registered command in the help", async () => {
    const run = capture();
    expect(await runCli(["--help"], run.io)).toBe(0);
    for (const command of COMMANDS) expect(run.stdout()).toContain(`  ${command.name}`);
    expect(run.stdout()).toBe(generalUsage(COMMANDS));
  });

  it("loads each command by its name, the same list in the same order as the help", async () => {
    expect(COMMAND_NAMES).toEqual(COMMANDS.map((command) => command.name));
    for (const command of COMMANDS) expect(await loadCommand(command.name)).toBe(command);
    expect(loadCommand("toString")).toBeUndefined();
  });

  it("prints the usage on stderr with exit 2 when no command is given", async () => {
    const run = capture();
    expect(await runCli([], run.io)).toBe(2);
    expect(run.stderr()).toContain("Использование: reestr <команда>");
    expect(run.stdout()).toBe("");
  });

  it("shows a command's own help for --help, -h and `help <command>`", async () => {
    for (const argv of [["validate", "--help"], ["validate", "x.xlsx", "-h"], ["help", "validate"]]) {
      const run = capture();
      expect(await runCli(argv, run.io)).toBe(0);
      expect(run.stdout().split("\n")[0]).toBe("reestr validate FILE [--json]");
    }
  });

  it("rejects an unknown command with one line naming the known ones", async () => {
    const run = capture();
    expect(await runCli(["valdate", "a.xlsx"], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/^reestr: неизвестная команда «valdate»; команды: .*validate.*\n$/);
  });

  it("runs a command with paths relative to io.cwd", async () => {
    const run = capture({ cwd: tempDir });
    expect(await runCli(["validate", "реестр.xlsx", "--json"], run.io)).toBe(0);
    expect(JSON.parse(run.stdout())).toMatchObject({ file: "реестр.xlsx", sheet: "Реестр", headerRow: 1, rows: 3 });
  });

  it("turns an unexpected exception into one line and exit 2; the stack only with REESTR_DEBUG", async () => {
    const failingStdout = () => {
      throw new Error("запись невозможна:\nдиск переполнен");
    };
    const quiet = capture({ cwd: tempDir, stdout: failingStdout });
    expect(await runCli(["validate", "реестр.xlsx"], quiet.io)).toBe(2);
    expect(quiet.stderr()).toBe("reestr: ошибка: запись невозможна: диск переполнен\n");

    const debug = capture({ cwd: tempDir, stdout: failingStdout, env: { REESTR_DEBUG: "1" } });
    expect(await runCli(["validate", "реестр.xlsx"], debug.io)).toBe(2);
    expect(debug.stderr()).toMatch(/^reestr: ошибка: запись невозможна: диск переполнен\nError: запись невозможна:\n/);
  });
});
