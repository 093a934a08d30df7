/** `reestr validate FILE [--json]`: finds the register in a workbook and checks it against the rules (contract: docs/cli.md). */
import { buildCatalog } from "../../core/catalog";
import { REGISTER_COLUMNS } from "../../core/columns";
import type { RegisterIssue, RegisterTable } from "../../core/register-types";
import { summarizeIssues, validateRegister } from "../../core/rules";
import { parseArgs } from "../args";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, type CliCommand } from "../io";
import { fileProblemLine, readRegisterInput } from "../register-input";

export interface ValidateJson {
  file: string;
  sheet: string;
  headerRow: number;
  rows: number;
  issues: Pick<RegisterIssue, "row" | "column" | "code" | "severity" | "message">[];
}

export const validateCommand: CliCommand = {
  name: "validate",
  summary: "проверить реестр в книге .xlsx по правилам формы и типового перечня",
  usage: [
    "reestr validate FILE [--json]",
    "",
    "Находит реестр на любом листе книги FILE (.xlsx) по строке заголовков и проверяет каждую строку:",
    "обязательные графы, процесс из типового перечня, значения справочников, повторы идентификаторов,",
    "группу процессов, связи с другими процессами, точку размещения цифровых процессов.",
    "Настройки ведомства берутся с листа «Справочники» книги, если он есть.",
    "",
    "  --json    вывести результат одним объектом JSON:",
    '            {"file","sheet","headerRow","rows","issues":[{"row","column","code","severity","message"}]}',
    "",
    "Код выхода: 0 — ошибок нет (предупреждения допустимы), 1 — найдены ошибки,",
    "2 — файл не прочитан или в нем нет реестра.",
  ].join("\n"),

  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      flags: { json: { type: "boolean" } },
      positionals: { name: "FILE", min: 1, max: 1 },
    });
    const file = positionals[0];
    const input = await readRegisterInput(file, io);
    if (!input.ok) {
      io.stderr(fileProblemLine("validate", file, input.message));
      return EXIT_FAILURE;
    }
    // A setting that cannot be used is said once on stderr (stdout and --json keep their contract); its default applies.
    for (const problem of input.settingsProblems) io.stderr(fileProblemLine("validate", file, problem));
    const issues = validateRegister(input.table, buildCatalog(input.settings));
    const { errors } = summarizeIssues(issues);
    if (flags.json) io.stdout(JSON.stringify(validateJson(file, input.table, issues)) + "\n");
    else io.stdout(validateReport(file, input.table, issues));
    return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

export function validateJson(file: string, table: RegisterTable, issues: readonly RegisterIssue[]): ValidateJson {
  return {
    file,
    sheet: table.sheet,
    headerRow: table.headerRow,
    rows: table.rows.length,
    issues: issues.map(({ row, column, code, severity, message }) => ({ row, column, code, severity, message })),
  };
}

/** The human report: where the register is, what was checked, the column mapping problems, then every issue. */
export function validateReport(file: string, table: RegisterTable, issues: readonly RegisterIssue[]): string {
  const { errors, warnings } = summarizeIssues(issues);
  const lines: string[] = [
    `Файл: ${file}`,
    `Лист: «${table.sheet}», строка заголовков: ${table.headerRow}`,
    `Проверено строк: ${table.rows.length}`,
  ];
  if (table.missingColumns.length > 0) {
    lines.push(`Нет граф: ${table.missingColumns.map((number) => `${number} «${REGISTER_COLUMNS[number - 1].title}»`).join(", ")}`);
  }
  if (table.extraColumns.length > 0) {
    const extras = table.extraColumns.map((extra) => `${columnLetter(extra.sheetColumn)} «${oneLine(extra.title)}»`);
    lines.push(`Лишние графы (сохраняются, не проверяются): ${extras.join(", ")}`);
  }
  lines.push(`Ошибок: ${errors}, предупреждений: ${warnings}`);

  const section = (title: string, severity: RegisterIssue["severity"]) => {
    const selected = issues.filter((issue) => issue.severity === severity);
    if (selected.length === 0) return;
    lines.push("", `${title}:`);
    for (const issue of selected) lines.push(`  ${issueLine(issue)}`);
  };
  section("Ошибки", "error");
  section("Предупреждения", "warning");

  lines.push(
    "",
    errors > 0
      ? `Итог: найдены ошибки (${errors}) — реестр нужно исправить.`
      : warnings > 0
        ? "Итог: ошибок нет, есть предупреждения."
        : "Итог: ошибок и предупреждений нет.",
  );
  return lines.join("\n") + "\n";
}

/** «Строка 12, графа 8 «Статус процесса (статус реинжиниринга)»: …» — the column is named once, at the start. */
export function issueLine(issue: RegisterIssue): string {
  const title = REGISTER_COLUMNS[issue.column - 1]?.title ?? "";
  const label = `графа ${issue.column} «${title}»`;
  const message = oneLine(issue.message).replace(` (${label})`, "");
  return `Строка ${issue.row}, ${label}: ${message}`;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
