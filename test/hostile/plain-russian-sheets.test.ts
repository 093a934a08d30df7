/**
 * The sheets we write and the pane's strings speak plain Russian: no rule codes (duplicate-id, required…), no API
 * levels, syncs or event names. The workbooks are produced the way users get them — `reestr template`, `distribute`,
 * `merge`, `appendix` and the request log through the .xlsx writer — reopened with ExcelJS, and every cell text, data
 * validation message, header and footer is scanned. Register data typed by users is Russian here, so anything Latin
 * outside the formats and programs list was written by us.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ts from "typescript";
import { runCli } from "../../src/cli/cli";
import type { CliIO } from "../../src/cli/io";
import { writeLayoutToBuffer } from "../../src/adapters/xlsx/exceljs-writer";
import { ProductionCalendar } from "../../src/core/calendar/working-days";
import { ISSUE_CODE_TITLES } from "../../src/core/issue-views";
import { requestLogWorkbookLayout } from "../../src/core/layout/request-log-sheet";
import { readRequestLog } from "../../src/core/requests/request-log";
import { evaluateRequestLog } from "../../src/core/requests/request-rules";
import { registerWorkbook } from "../appendix/helpers";
import { validRows, writeWorkbook } from "../fixtures/register-data";
import { handTypedLog } from "../requests/request-log.test-helpers";
import { foreignWords, PANE_LATIN_WORDS } from "../support/latin-words";

const ROOT = join(__dirname, "..", "..");
/** The pane's words, and the keys its keyboard hints name (they are printed in Latin on Russian keyboards too). */
const ALLOWED = new Set([...PANE_LATIN_WORDS, "ctrl", "enter", "esc", "tab", "shift"]);
/**
 * Strings written for the administrator, not the clerk: the «Сведения для администратора» fold (shell.admin) and the
 * Excel API level it shows. API levels are their very subject.
 */
const ADMIN_KEYS = new Set(["admin", "apiLevel", "apiLevelUnknown"]);
const RULE_CODES = Object.keys(ISSUE_CODE_TITLES);
/** Words of Office.js and its requirement sets a clerk should never read. */
const API_TERMS = /\b(?:ExcelApi|API|sync|onChanged|requirement set|triggerSource)\b/i;

/** What is wrong with one text a user may read, or null. */
function offence(text: string): string | null {
  const codes = RULE_CODES.filter((code) => new RegExp(`(^|[^\\w-])${code}($|[^\\w-])`).test(text));
  if (codes.length) return `rule code ${codes.join(", ")}`;
  if (API_TERMS.test(text)) return "API term";
  // Excel's header and footer codes (&P, &N, &"font"…) and key chords (Ctrl+C) are not words.
  const words = foreignWords(text.replace(/&(?:"[^"]*"|[A-Z])/g, " ").replace(/\b(?:Ctrl|Shift|Alt)\+[A-Z]\b/g, " "), ALLOWED);
  return words.length ? `Latin words ${[...new Set(words)].join(", ")}` : null;
}

function cellText(value: ExcelJS.CellValue): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((run) => run.text).join("");
  // Formulas hold Excel's own function names; their results are numbers or our strings, scanned through `result`.
  if (value && typeof value === "object" && "formula" in value) return typeof value.result === "string" ? value.result : null;
  return null;
}

/** Every text of a workbook a user may read, with where it is. */
async function workbookTexts(file: string): Promise<{ where: string; text: string }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const texts: { where: string; text: string }[] = [];
  const name = file.slice(file.lastIndexOf("/") + 1);
  workbook.eachSheet((sheet) => {
    texts.push({ where: `${name}: sheet name`, text: `лист ${sheet.name}` });
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const text = cellText(cell.value);
        if (text) texts.push({ where: `${name} «${sheet.name}»!${cell.address}`, text });
        const validation = cell.dataValidation;
        for (const key of ["promptTitle", "prompt", "errorTitle", "error"] as const) {
          const message = validation?.[key];
          if (message) texts.push({ where: `${name} «${sheet.name}»!${cell.address} (${key})`, text: message });
        }
      }),
    );
    const hf = sheet.headerFooter;
    for (const text of [hf?.oddHeader, hf?.oddFooter, hf?.evenHeader, hf?.evenFooter, hf?.firstHeader, hf?.firstFooter]) {
      if (text) texts.push({ where: `${name} «${sheet.name}»: header/footer`, text });
    }
  });
  return texts;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The literal text of every string and template in a strings module (placeholders left out), but the administrator's. */
function paneLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ADMIN_KEYS.has(node.name.text)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" "));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A unit's rows with a finding of every rule the merge report lists. */
function rowsWithFindings(): string[][] {
  const rows = validRows(8);
  rows[1][2] = ""; // required
  rows[2][5] = "Процесс, которого нет в перечне"; // unknown process
  rows[3][7] = "Почти готов"; // not from the vocabulary
  rows[4][0] = rows[5][0]; // duplicate ID
  rows[6][12] = "017-9.99-01"; // link to a process that is not there
  rows[7][14] = ""; // digital process without a placement
  return rows;
}

describe("the sheets we write and the pane's strings are plain Russian", () => {
  const dir = mkdtempSync(join(tmpdir(), "reestr-plain-russian-"));
  const written: string[] = [];
  const cli = async (...argv: string[]) => {
    let stderr = "";
    const io: CliIO = { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: dir, env: {} };
    const code = await runCli(argv, io);
    if (code === 2) throw new Error(`reestr ${argv.join(" ")}: ${stderr}`);
  };

  beforeAll(async () => {
    const settings = { agencyName: "Архивная служба", agencyCode: "017", units: ["Отдел архивного обслуживания", "Отдел кадров"] };
    await writeWorkbook(registerWorkbook(validRows(6), settings), join(dir, "register.xlsx"));
    await writeWorkbook(registerWorkbook(rowsWithFindings(), settings), join(dir, "unit-a.xlsx"));
    await writeWorkbook(registerWorkbook(validRows(10).slice(3), settings), join(dir, "unit-b.xlsx"));

    await cli("template", "-o", "template.xlsx", "--agency", "Архивная служба", "--agency-code", "017", "--units", "Отдел кадров; Юридический отдел");
    await cli("template", "-o", "template-empty.xlsx");
    await cli("appendix", "register.xlsx", "-o", "approved.xlsx", "--order-number", "7", "--order-date", "2024-01-15", "--agency-genitive", "Архивной службы", "--typical-list");
    await cli("appendix", "unit-a.xlsx", "-o", "draft.xlsx", "--order-number", "7", "--order-date", "2024-01-15", "--agency-genitive", "Архивной службы", "--draft");
    await cli("distribute", "approved.xlsx", "-o", "units");
    await cli("merge", "unit-a.xlsx", "unit-b.xlsx", "-o", "merged.xlsx", "--previous", "approved.xlsx");

    const calendar = new ProductionCalendar();
    const today = "2025-03-03";
    const log = readRequestLog(
      handTypedLog([
        ["1", "Отдел кадров", "12", "03.02.2025", "05.02.2025", "б", "017-01-01", "Уточнить результат процесса", "", "", "", ""],
        ["2", "Иванов И. И.", "14", "", "10.02.2025", "в", "017-01-02", "", "", "отклонено", "20.02.2025", ""],
      ]),
    )!;
    const requests = evaluateRequestLog(log, { calendar, today, registerIds: null }).requests;
    const bytes = await writeLayoutToBuffer(requestLogWorkbookLayout(requests, { calendar, years: [2025] }));
    const { writeFileSync } = await import("fs");
    writeFileSync(join(dir, "requests.xlsx"), bytes);

    written.push(
      ...["template.xlsx", "template-empty.xlsx", "approved.xlsx", "draft.xlsx", "merged.xlsx", "requests.xlsx"].map((file) => join(dir, file)),
      ...readdirSync(join(dir, "units")).map((file) => join(dir, "units", file)),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the merge report names every rule by its Russian title", async () => {
    const texts = (await workbookTexts(join(dir, "merged.xlsx"))).map((entry) => entry.text);
    for (const title of ["Не заполнена обязательная графа", "Процесс не из типового перечня", "Повторяющийся идентификатор"]) {
      expect(texts).toContain(title);
    }
  });

  test("no rule code, API term or stray Latin word in any sheet, validation message, header or footer", async () => {
    expect(written.length).toBeGreaterThan(6);
    const offenders: string[] = [];
    for (const file of written) {
      for (const { where, text } of await workbookTexts(file)) {
        const found = offence(text);
        if (found) offenders.push(`${where}: «${text.slice(0, 80)}»: ${found}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test("no rule code, API term or stray Latin word in the pane's strings", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles("src/taskpane/strings")) {
      for (const text of paneLiterals(file)) {
        const found = /[а-яё]/i.test(text) ? offence(text) : null;
        if (found) offenders.push(`${file}: «${text.slice(0, 80)}»: ${found}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test("the scan itself catches what it must", () => {
    expect(offence("Правило: duplicate-id")).toMatch(/rule code/);
    expect(offence("нужен ExcelApi 1.9")).toMatch(/API term/);
    expect(offence("Обращений к Excel (sync): 2")).toMatch(/API term/);
    expect(offence("событие onChanged")).toMatch(/API term/);
    expect(offence("Сохраните файл .xlsx или CSV для Excel")).toBeNull();
    expect(offence("Строка 5, графа 3: заполните")).toBeNull();
  });
});
