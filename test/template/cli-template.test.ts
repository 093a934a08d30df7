import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/cli";
import type { CliIO } from "../../src/cli/io";
import { LIST_NAMES, REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { REGISTER_SHEET_NAME, templateGeometry } from "../../src/core/layout/template";
import { closeLibreOffice } from "../support/libreoffice";
import { DROPDOWN_COLUMNS, inspectTemplate } from "./lo-checks";
import { columnLetters } from "../../src/core/layout/cells";

const workDir = mkdtempSync(join(tmpdir(), "reestr-template-cli-"));
afterAll(closeLibreOffice);

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: workDir, env: {} };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe("reestr template", () => {
  test("usage and IO errors: exit 2 with one line on stderr", async () => {
    for (const args of [["template"], ["template", "-o"], ["template", "-o", "x.xlsx", "лишнее"], ["template", "-o", "x.csv"], ["template", "-o", "/nonexistent-dir/x.xlsx"]]) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^reestr template: /);
      expect(result.stderr).not.toMatch(/\bat .+:\d+/);
    }
  });

  test("the file opens in LibreOffice with the dropdowns, the dependent process list, the marks and the agency's units", async () => {
    const result = await run([
      "template",
      "-o",
      "реестр.xlsx",
      "--agency",
      "Архивная служба Республики Северная Осетия-Алания",
      "--agency-genitive",
      "Архивной службы Республики Северная Осетия-Алания",
      "--agency-code",
      "017",
      "--units",
      "Отдел комплектования;  Отдел использования ; ",
    ]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Подразделения (2)");
    const facts = await inspectTemplate(join(workDir, "реестр.xlsx"));
    expect([facts.allProcesses, facts.direction1Processes, facts.direction4Processes]).toEqual([38, 9, 2]);
    const { inspection } = facts;
    expect(inspection.sheets.map((s) => [s.name, s.visible])).toEqual([
      [REGISTER_SHEET_NAME, true],
      [REFERENCE_SHEET_NAME, false],
    ]);
    const g = templateGeometry();
    const probes = inspection.probes[REGISTER_SHEET_NAME];
    for (const [column, expected] of Object.entries(DROPDOWN_COLUMNS)) {
      expect(probes[`${columnLetters(Number(column))}${g.firstDataRow}`].validation).toMatchObject({ formula1: expected.name, errorStyle: expected.errorStyle });
    }
    expect(inspection.sheets[0].conditionalFormats).toHaveLength(5);
    expect(inspection.namedRanges[LIST_NAMES.units]).toBe(`$${REFERENCE_SHEET_NAME}.$L$2:$L$3`);
    const reference = inspection.cells[REFERENCE_SHEET_NAME];
    expect(reference.slice(1, 3).map((row) => row[11].text)).toEqual(["Отдел комплектования", "Отдел использования"]);
    const process24 = reference.find((row) => row[0].text === "2.4")!;
    expect(process24[2].text).toContain("Архивной службы Республики Северная Осетия-Алания");
    expect(inspection.cells[REGISTER_SHEET_NAME][0][0].text).toContain("Архивной службы Республики Северная Осетия-Алания");
  });
});
