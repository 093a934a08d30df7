/**
 * Merging 200 unit files × 100 rows written in each writer's dialect — Excel-like (shared strings, styles), LibreOffice
 * (its own conversion of the same files), openpyxl-like (inline strings, Cyrillic as numeric character references, &#1048;)
 * and ExcelJS's own — against, in the same rounds: (a) ExcelJS only opening the same files and (f) the floor, inflating
 * every sheet and the shared strings and scanning their cells, nothing more. Each in its own Node process, rounds
 * alternating, medians; peak RSS of the merge and of (a).
 * Goals: merge ≤ 0.5 × (a) and peak memory ≤ (a)'s, for every dialect. Run: `npm run bench -- merge-dialects`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeLayoutLean } from "../src/adapters/xlsx/lean-writer";
import { readWorkbookFile } from "../src/adapters/xlsx/read-workbook-file";
import { ZipWriter } from "../src/adapters/xlsx/zip-writer";
import { convertWith } from "../test/support/libreoffice";
import type { BenchResult } from "./index";
import { OPEN_ONLY_SCRIPT, RSS_PRELOAD, findRoot, makeFiles, median, timed, type Timing } from "./merge.bench";
import { runWhenMain } from "./support/run-directly";

const ROUNDS = 3;
const GOAL_RATIO = 0.5;
const DIALECTS = ["Excel-like", "LibreOffice", "openpyxl-like", "ExcelJS"] as const;
type Dialect = (typeof DIALECTS)[number];

/** (f): inflate every sheet and the shared strings of each file and walk their cells; the least any reader must do. */
const FLOOR_SCRIPT = `
const fs = require("fs"), zlib = require("zlib");
const files = fs.readFileSync(0, "utf8").split("\\n").filter(Boolean);
let cells = 0;
for (const file of files) {
  const data = fs.readFileSync(file);
  let end = data.length - 22;
  while (end > 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  let at = data.readUInt32LE(end + 16);
  const count = data.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = data.readUInt16LE(at + 10), size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28), extra = data.readUInt16LE(at + 30), comment = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    if (!/^xl\\/(worksheets\\/sheet\\d+|sharedStrings)\\.xml$/.test(name)) continue;
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + size);
    const xml = method === 8 ? zlib.inflateRawSync(raw) : raw;
    const text = xml.toString("utf8");
    for (let p = text.indexOf("<c ") ; p >= 0; p = text.indexOf("<c ", p + 3)) cells++;
    for (let p = text.indexOf("<si>"); p >= 0; p = text.indexOf("<si>", p + 4)) cells++;
  }
}
if (cells === 0) { console.error("no cells"); process.exit(2); }
`;

/** Sheet XML as openpyxl writes it in our reports: inline strings, every non-ASCII character as &#N;. */
function ncr(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (code > 127) out += `&#${code};`;
    else out += ch;
  }
  return out;
}

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function writeOpenpyxlLike(rows: string[][], target: string): Promise<void> {
  const zip = new ZipWriter(6);
  const sheetRows = rows.map((row, r) => {
    const cells = row
      .map((value, c) => (value === "" ? "" : `<c r="${letters(c + 1)}${r + 1}" t="inlineStr"><is><t>${ncr(value)}</t></is></c>`))
      .join("");
    return `<row r="${r + 1}">${cells}</row>`;
  });
  const head = '<?xml version="1.0" encoding="utf-8"?>';
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  await zip.add("xl/worksheets/sheet1.xml", [`${head}<worksheet xmlns="${main}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/></sheetPr><dimension ref="A1:O${rows.length}"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>`, ...sheetRows, '</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>']);
  await zip.add("xl/styles.xml", [`${head}<styleSheet xmlns="${main}"><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles></styleSheet>`]);
  await zip.add("xl/workbook.xml", [`${head}<workbook xmlns="${main}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets><sheet xmlns:r="${rel}" name="&#1056;&#1077;&#1077;&#1089;&#1090;&#1088; &#1087;&#1088;&#1086;&#1094;&#1077;&#1089;&#1089;&#1086;&#1074;" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`]);
  await zip.add("xl/_rels/workbook.xml.rels", [`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`]);
  await zip.add("_rels/.rels", [`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  await zip.add("[Content_Types].xml", [`${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`]);
  fs.writeFileSync(target, zip.finish(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]));
}

/** The same 200 files in every dialect, made once and kept in the temp directory. */
async function dialectFiles(base: string): Promise<Record<Dialect, string[]>> {
  const excelJs = await makeFiles(base);
  const result = { ExcelJS: excelJs } as Record<Dialect, string[]>;
  const dirOf = (dialect: string) => {
    const dir = path.join(base, dialect);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  const excelDir = dirOf("excel-like");
  const openpyxlDir = dirOf("openpyxl-like");
  result["Excel-like"] = [];
  result["openpyxl-like"] = [];
  for (const file of excelJs) {
    const excelTarget = path.join(excelDir, path.basename(file));
    const openpyxlTarget = path.join(openpyxlDir, path.basename(file));
    result["Excel-like"].push(excelTarget);
    result["openpyxl-like"].push(openpyxlTarget);
    if (fs.existsSync(excelTarget) && fs.existsSync(openpyxlTarget)) continue;
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(`${file}: ${read.message}`);
    const rows = read.sheets[0].rows;
    const layout = { sheets: [{ name: read.sheets[0].name, blocks: [{ row: 1, col: 1, values: rows.map((row) => row.map((cell) => (cell === "" ? null : cell))) }] }] };
    fs.writeFileSync(excelTarget, (await writeLayoutLean(layout)).bytes);
    await writeOpenpyxlLike(rows, openpyxlTarget);
  }
  const libreDir = dirOf("libreoffice");
  result.LibreOffice = excelJs.map((file) => path.join(libreDir, path.basename(file)));
  const missing = excelJs.filter((file, i) => !fs.existsSync(result.LibreOffice[i]));
  if (missing.length) convertWith(missing, "xlsx", libreDir);
  return result;
}

export async function run(): Promise<BenchResult[]> {
  const root = findRoot();
  const base = path.join(os.tmpdir(), "reestr-merge-bench-200x100");
  fs.mkdirSync(base, { recursive: true });
  const files = await dialectFiles(base);
  require(path.join(root, "scripts", "build-cli.cjs")).buildSync();
  const preload = path.join(base, "report-rss.cjs");
  fs.writeFileSync(preload, RSS_PRELOAD);
  const out = path.join(base, "merged-dialect.xlsx");
  const results: BenchResult[] = [];
  for (const dialect of DIALECTS) {
    const list = files[dialect];
    const cli = () => timed(process.execPath, ["-r", preload, path.join(root, "bin", "reestr.js"), "merge", ...list, "-o", out, "--json"], { cwd: root });
    const openOnly = () => timed(process.execPath, ["-r", preload, "-e", OPEN_ONLY_SCRIPT], { cwd: root, input: list.join("\n") });
    const floor = () => timed(process.execPath, ["-r", preload, "-e", FLOOR_SCRIPT], { cwd: root, input: list.join("\n") });
    cli();
    const runs: Record<"cli" | "open" | "floor", Timing[]> = { cli: [], open: [], floor: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.open.push(openOnly());
      runs.floor.push(floor());
      runs.cli.push(cli());
    }
    const ms = (key: keyof typeof runs) => median(runs[key].map((t) => t.ms));
    const peak = (key: keyof typeof runs) => Math.round(Math.max(...runs[key].map((t) => t.rssMb)));
    const ratio = ms("cli") / ms("open");
    results.push(
      { name: `${dialect}: merge CLI, 200 × 100 (медиана ${ROUNDS})`, value: Math.round(ms("cli")), unit: "ms" },
      { name: `${dialect}: (a) ExcelJS только открывает`, value: Math.round(ms("open")), unit: "ms" },
      { name: `${dialect}: (f) пол — распаковать и пройти ячейки`, value: Math.round(ms("floor")), unit: "ms" },
      { name: `${dialect}: merge CLI / (a)`, value: Math.round(ratio * 100) / 100, unit: "×", goal: `≤ ${GOAL_RATIO}`, ok: ratio <= GOAL_RATIO },
      { name: `${dialect}: merge CLI / (f)`, value: Math.round((ms("cli") / ms("floor")) * 100) / 100, unit: "×" },
      { name: `${dialect}: пиковая память merge CLI (≤ (a): ${peak("open")} MB)`, value: peak("cli"), unit: "MB", goal: `≤ ${peak("open")}`, ok: peak("cli") <= peak("open") },
    );
  }
  return results;
}

runWhenMain(module, run);
