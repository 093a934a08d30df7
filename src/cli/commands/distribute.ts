/**
 * `reestr distribute REGISTER.xlsx -o DIR [--due YYYY-MM-DD] [--units "A; B"] [--force]` — the collection round's first
 * step: one stamped workbook per unit in DIR, never over an existing file unless --force.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readWorkbookFile } from "../../adapters/xlsx/read-workbook-file";
import { writeLayoutLean } from "../../adapters/xlsx/lean-writer";
import { isoToRuDate } from "../../core/approval";
import { distributionSource, planDistribution } from "../../core/collection/distribute";
import { parseArgs } from "../args";
import { EXIT_FAILURE, EXIT_OK, resolvePath, UsageError, type CliCommand, type CliIO } from "../io";
import { todayText } from "../../core/approval";
import { splitUnits } from "../settings-flags";
import { makeOutputFolder, writeBeside, writeFailureMessage } from "../file-safety";
import { putTextSheet } from "../../adapters/xlsx/sheet-in-place";
import { roundRecordLayout } from "../../core/collection/round-record";
import { ROUND_SHEET_NAME } from "../../core/sheet-names";
import type { SheetLayout } from "../../core/layout/types";

const USAGE = [
  'reestr distribute REGISTER.xlsx -o DIR [--due YYYY-MM-DD] [--units "A; B"] [--force] [--record]',
  "",
  "Готовит сбор сведений (п. 3.11 порядка): в папку DIR — по книге на каждое подразделение («Отдел кадров.xlsx»). Каждая",
  "книга — полный шаблон реестра (выпадающие списки, подсветка, настройки органа) со строками подразделения из утвержденного",
  "реестра (из рабочего, пока утвержденного нет), с инструкцией над таблицей и скрытым штампом: подразделение, реестр-",
  "источник, дата выдачи, срок, выданные идентификаторы. По штампу reestr merge узнает, кто прислал файл.",
  "",
  "  -o, --output DIR       папка для файлов (создается, если ее нет)",
  "  --due YYYY-MM-DD       срок представления (не раньше сегодняшнего дня)",
  '  --units "A; B"         только эти подразделения (через «;»); по умолчанию — все из настроек и графы 7',
  "  --force                заменять файлы, которые уже есть в DIR",
  "  --record               записать сбор в исходную книгу (лист «Сбор сведений»; остальное в книге не меняется),",
  "                         чтобы reestr status показывал, кто еще не прислал файл",
  "",
  "Код выхода: 0 — все файлы записаны; 2 — книга не прочитана, неверный вызов или файл не записан (остальные записываются).",
].join("\n");

async function run(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, {
    flags: {
      output: { type: "string", short: "o" },
      due: { type: "string" },
      units: { type: "string" },
      force: { type: "boolean" },
      record: { type: "boolean" },
    },
    positionals: { name: "REGISTER.xlsx", min: 1, max: 1 },
  });
  const dir = flags.output;
  if (!dir?.trim()) throw new UsageError("не указана папка для файлов: -o DIR");
  const issued = todayText();
  let due = "";
  if (flags.due !== undefined) {
    const parsed = isoToRuDate(flags.due);
    if (!parsed) throw new UsageError(`срок «${flags.due}» не является датой ГГГГ-ММ-ДД`);
    due = parsed;
  }
  const units = flags.units !== undefined ? splitUnits(flags.units) : undefined;
  if (units && units.length === 0) throw new UsageError("--units: не указано ни одного подразделения");

  const file = positionals[0];
  const read = await readWorkbookFile(resolvePath(io, file));
  if (!read.ok) {
    io.stderr(`reestr distribute: ${file}: ${read.message}\n`);
    return EXIT_FAILURE;
  }
  const source = distributionSource(read.sheets);
  if (!source) {
    io.stderr(`reestr distribute: ${file}: в книге нет ни утвержденного реестра, ни листа с реестром\n`);
    return EXIT_FAILURE;
  }
  const plan = planDistribution({ source, issued, due, units });
  if (!plan.ok) {
    if (/раньше даты выдачи/.test(plan.message)) throw new UsageError(plan.message);
    io.stderr(`reestr distribute: ${file}: ${plan.message}\n`);
    return EXIT_FAILURE;
  }

  if (!(await makeOutputFolder("distribute", dir, io))) return EXIT_FAILURE;
  const outDir = resolvePath(io, dir);
  const inputPath = resolvePath(io, file);
  let failed = false;
  const lines = [`Сбор сведений: основа — ${plan.sourceText}; выдано ${issued}${due ? `, срок ${due}` : ""}.`];
  for (const unitFile of plan.files) {
    const target = path.join(outDir, unitFile.fileName);
    const shown = path.join(dir, unitFile.fileName);
    if (unitFile.fileNameNote) io.stderr(`reestr distribute: ${unitFile.fileNameNote}\n`);
    if (path.resolve(target) === inputPath) {
      failed = true;
      io.stderr(`reestr distribute: ${shown}: совпадает с исходной книгой, файл не записан (выберите другую папку)\n`);
      continue;
    }
    try {
      // The lean writer (as `reestr template`): the unit's file is the template with its rows, and ExcelJS is not loaded.
      const bytes = (await writeLayoutLean(unitFile.layout)).bytes;
      // "wx" refuses an existing file atomically: a unit's returned file in DIR is never overwritten by accident.
      await fs.writeFile(target, bytes, { flag: flags.force ? "w" : "wx" });
      lines.push(`  ✓ ${shown}: «${unitFile.unit}», строк ${unitFile.rows}`);
    } catch (error) {
      failed = true;
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      const reason = code === "EEXIST" ? "файл уже есть (добавьте --force, чтобы заменить)" : writeFailureMessage(error);
      io.stderr(`reestr distribute: ${shown}: ${reason}\n`);
    }
  }
  lines.push(`Файлов: ${plan.files.length}. Разошлите их подразделениям; присланные сведите командой reestr merge --previous.`);
  if (flags.record) {
    const recorded = await recordRound(inputPath, { issued, due, units: plan.files.map((unitFile) => unitFile.unit) });
    if (recorded === null) lines.push(`Сбор записан в ${file} (лист «${ROUND_SHEET_NAME}»): reestr status ${file} покажет, кто еще не прислал файл.`);
    else {
      failed = true;
      io.stderr(`reestr distribute: ${file}: сбор не записан в книгу: ${recorded}\n`);
    }
  }
  io.stdout(lines.join("\n") + "\n");
  return failed ? EXIT_FAILURE : EXIT_OK;
}

/** A layout's cells as text rows (the record is text only). */
function layoutRows(layout: SheetLayout): string[][] {
  const rows: string[][] = [];
  for (const block of layout.blocks) {
    block.values.forEach((values, r) => {
      const target = (rows[block.row - 1 + r] ??= []);
      values.forEach((value, c) => (target[block.col - 1 + c] = value === null || typeof value === "object" ? "" : String(value)));
    });
  }
  return Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? ""));
}

/**
 * Records the round in the register workbook itself — the one place `reestr status` and the pane look. The package is
 * patched (one sheet added or replaced, every other part kept as it was) and replaced atomically: written beside it,
 * then renamed over it, so a failure leaves the workbook untouched. Null when recorded, else why not.
 */
async function recordRound(filePath: string, round: { issued: string; due: string; units: string[] }): Promise<string | null> {
  const layout = roundRecordLayout(round);
  const widths = (layout.columns ?? []).map((column) => column.width ?? 10);
  try {
    const patched = await putTextSheet(await fs.readFile(filePath), { name: ROUND_SHEET_NAME, state: "visible", widths, rows: layoutRows(layout) });
    if (!patched.ok) return patched.message;
    await writeBeside(filePath, patched.bytes);
    return null;
  } catch (error) {
    return writeFailureMessage(error);
  }
}

export const distributeCommand: CliCommand = {
  name: "distribute",
  summary: "подготовить файлы подразделениям для сбора сведений (со штампом и сроком)",
  usage: USAGE,
  run,
};
