#!/usr/bin/env node
/**
 * `npm run validate [-- file] [--site=DIR] [--json]`: checks an add-in manifest against the official XSDs
 * (no network) and the rules the XSD cannot express. Exit 0 valid, 1 invalid, 2 cannot run.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, validateManifestText } from "./manifest-tools.mjs";

const args = process.argv.slice(2);
const json = args.includes("--json");
const siteOption = args.find((arg) => arg.startsWith("--site="));
const file = path.resolve(args.find((arg) => !arg.startsWith("--")) ?? path.join(PROJECT_ROOT, "manifest.xml"));

try {
  const text = fs.readFileSync(file, "utf8");
  const siteRoot = siteOption ? path.resolve(siteOption.slice("--site=".length)) : path.dirname(file);
  const result = await validateManifestText(text, { fileLabel: file, siteRoot });
  if (json) {
    process.stdout.write(JSON.stringify({ file, ...result }) + "\n");
  } else {
    for (const error of [...result.xsdErrors, ...result.otherErrors]) {
      console.error(`${path.relative(process.cwd(), file) || file}:${error.line}: ${error.message}`);
    }
    console.log(
      result.valid
        ? `${file}: манифест корректен (XSD: ${result.engine}; значки и источник URL проверены) / manifest is valid`
        : `${file}: манифест НЕ корректен / manifest is invalid`,
    );
  }
  process.exit(result.valid ? 0 : 1);
} catch (error) {
  console.error(`Проверка манифеста невозможна: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
