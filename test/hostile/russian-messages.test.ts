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
import { CLI_LATIN_WORDS, foreignWords as foreignWordsOf } from "../support/latin-words";

const ROOT = path.join(__dirname, "..", "..");
const SOURCE_DIRS = ["src/cli", "src/core", "src/adapters/xlsx"];


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

function foreignWords(text: string): string[] {
  return foreignWordsOf(text, CLI_LATIN_WORDS);
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
