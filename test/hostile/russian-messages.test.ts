/**
 * Every message the CLI can print is Russian: all string literals with Cyrillic in the code the CLI runs (src/cli,
 * src/core, src/adapters/xlsx) are collected and their Latin words checked against a short list of names a Russian
 * text may carry (commands, flags, formats, product names). English library messages never reach the user: the
 * readers translate them, and the CLI's last resort prints a Russian line.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { runCli } from "../../src/cli/cli";
import { COMMANDS } from "../../src/cli/commands";
import type { CliIO } from "../../src/cli/io";

const ROOT = path.join(__dirname, "..", "..");
const SOURCE_DIRS = ["src/cli", "src/core", "src/adapters/xlsx"];

/** Latin words a Russian message may hold: names of commands, flags, formats and programs. */
const ALLOWED = new Set(
  [
    // the program, its commands and flags
    "reestr", "validate", "merge", "publish", "appendix", "template", "help", "upgrade", "summary",
    "output", "previous", "json", "working", "format", "order", "number", "date", "agency", "genitive", "code",
    "units", "paper", "draft", "typical", "list", "version", "fix", "sheet", "settings", "debug", "REESTR_DEBUG",
    "distribute", "requests", "status", "notices", "due", "force", "today", "only", "issues", "DIR", "record",
    // the ID scheme's placeholders ({agency}-{process}-{nn}) and Excel's function names in the sheets' formulas
    "process", "nn", "OR",
    "FILE", "OUT", "APPROVED", "TEXT", "CODE", "YYYY", "MM", "DD", "N", "K", "A", "B", "C", "h", "v", "o",
    // formats, standards, programs
    "csv", "html", "xlsx", "xls", "xlsb", "xlsm", "ods", "CSV", "HTML", "XML", "JSON", "PDF", "RTF", "ZIP", "DTD",
    "DOCTYPE", "FIFO", "BOM", "UTF", "CRLF", "Excel", "Word", "PowerPoint", "LibreOffice", "OpenDocument", "Open",
    "SDK", "Strict", "Office", "OWASP", "ID", "ISO", "A4", "A3", "XFD", "A1", "R7", "ECMA", "ExcelJS", "NAME",
    // Excel's header and footer codes (&P: page number)
    "P",
    // the sources a data file was checked against, and the .docx format of the cycle's documents
    "python", "holidays", "docx",
  ].map((word) => word.toLowerCase()),
);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The literal text of every string and template in the file (placeholders left out). */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" "));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Latin words outside the list, in a text the user may read (it has Cyrillic). */
function foreignWords(text: string): string[] {
  if (!/[а-яё]/i.test(text)) return [];
  // File and part names («xl/workbook.xml», «render-layout.ts») are names, not words.
  const withoutNames = text.replace(/[\w./-]*[\w-]\.(?:xml|xlsx|ts|rels)\b/g, " ");
  return (withoutNames.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((word) => !ALLOWED.has(word.toLowerCase()));
}

describe("every message the CLI can print is Russian", () => {
  test("string literals with Cyrillic carry no Latin words outside the allowed list", () => {
    const offenders: string[] = [];
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(dir)) {
        for (const text of literals(file)) {
          const words = foreignWords(text);
          if (words.length) offenders.push(`${file}: «${text.slice(0, 80)}»: ${[...new Set(words)].join(", ")}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  test("the last resort for an unexpected error is a Russian line, never the library's English", async () => {
    const err: string[] = [];
    const io: CliIO = { stdout: () => undefined, stderr: (t) => void err.push(t), cwd: ROOT, env: {} };
    const command = COMMANDS[0];
    const original = command.run;
    command.run = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'richText')");
    };
    try {
      expect(await runCli([command.name], io)).toBe(2);
    } finally {
      command.run = original;
    }
    expect(err.join("")).toMatch(/^reestr: [^a-z\n]*[а-яё][^\n]*\n$/i);
    expect(err.join("")).not.toMatch(/Cannot|richText/);
  });
});
