/** `reestr merge FILE... -o OUT [--previous APPROVED.xlsx] [--json]` — the contract is in docs/cli.md and docs/merge.md. */
import { promises as fs } from "fs";
import { workbookSavedDate } from "../../adapters/xlsx/saved-date";
import { DEFAULT_READ_LIMITS, readWorkbookData, type ReadWorkbookResult } from "../../adapters/xlsx/read-workbook";
import { fileSystemMessage, inflateOnThisThread, readRegularFile, readWorkbookFile } from "../../adapters/xlsx/read-workbook-file";
import { writeLayoutLean } from "../../adapters/xlsx/lean-writer";
import { REGISTER_COLUMNS } from "../../core/columns";
import { todayText } from "../../core/approval";
import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME, type Settings } from "../../core/settings";
import {
  readWorkbookSettings,
  resolveSettings,
  settingsResolutionLines,
  type SettingsOrigin,
  type SettingsResolution,
  type SettingsSource,
  type WorkbookSettings,
} from "../../core/settings-sources";
import type { RegisterTable, SheetText } from "../../core/register-types";
import { mergeTotals, registerFromSheets, type MergeInput, type MergeResult } from "../../core/merge";
import { TextInterner } from "../../core/merge-intern";
import { approvedRegisterFromSheets, groundLetters, GROUND_TITLES, type RegisterChange } from "../../core/changes";
import { planMerge } from "../../core/layout/merge-sheets";
import type { WorkbookLayout } from "../../core/layout/types";
import { readCollectionStamp } from "../../core/collection/stamp";
import { assessRound, unitsMissingFirst, UNIT_STATUS_TEXT, type UnitReport, type UnitStatus } from "../../core/collection/round";
import { normalizedRows } from "../../core/changes";
import { buildCatalog } from "../../core/catalog";
import { cleanText } from "../../core/text";
import { parseArgs } from "../args";
import { checkOutput, writeBeside, writeFailureMessage } from "../file-safety";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, resolvePath, UsageError, type CliCommand, type CliIO } from "../io";

const USAGE = [
  "reestr merge FILE... -o OUT [--previous APPROVED.xlsx] [--settings SETTINGS.xlsx] [--json]",
  "reestr merge --units-only DIR [--previous APPROVED.xlsx] [--json]",
  "",
  "Сводит реестры, присланные подразделениями, в одну книгу OUT: лист «Сводный реестр» (15 граф, затем исходный файл и",
  "строка), лист «Отчет о сведении» (файлы, объединенные дубликаты, замечания) и, с --previous, «Журнал изменений»",
  "относительно утвержденного реестра (основания а–г: форма, содержание, прекращение, новый процесс).",
  "",
  "  -o, --output OUT      куда записать сводную книгу (.xlsx)",
  "  --previous FILE       утвержденный реестр для сравнения (из скрытого листа «_Утвержденный реестр», если он есть)",
  "  --settings FILE       книга, чьи настройки органа (лист «Справочники») взять в сводную книгу",
  "",
  "Настройки органа (наименование, код, подразделения, статусы и другие списки, процессы органа) переносятся в сводную",
  "книгу: из --settings, иначе из --previous, иначе из сводимых файлов. Если файлы расходятся, списки объединяются, а",
  "отчет называет параметр, файлы с каждым значением и взятое значение.",
  "  --json                вывести результат одним JSON-объектом",
  "  --units-only DIR      только «кто прислал»: подразделения и их файлы в папке DIR, без сведения",
  "",
  "Файл, подготовленный командой reestr distribute, узнается по скрытому штампу, иной — по графе 7. Для каждого",
  "подразделения: представлен, с опозданием (файл сохранен после срока), не представлен, представлен дважды (принят файл с",
  "более поздним штампом). С --previous строки подразделений, не приславших файл, переносятся из утвержденного реестра",
  "без изменений и не считаются изменениями.",
  "",
  "Код выхода: 0 — все файлы прочитаны, ошибок нет; 1 — в сводном реестре есть ошибки; 2 — файл не прочитан или неверный вызов.",
  "В случаях 1 и 2 OUT все равно записывается, если прочитан хотя бы один файл.",
].join("\n");

/** The JSON printed with --json; key names are part of the contract (see README). */
export interface MergeJson {
  inputs: { file: string; status: "ok" | "error"; rows: number; message: string }[];
  rows: number;
  duplicatesMerged: number;
  issues: { file: string; row: number; column: number; code: string; severity: string; message: string }[];
  changes: { id: string; grounds: string[]; columns: { column: number; old: string; new: string }[] }[];
  settings: {
    origin: SettingsOrigin;
    from: string | null;
    conflicts: { parameter: string; title: string; values: { value: string; files: string[] }[]; used: string }[];
  };
  units: UnitJson[];
}

export interface UnitJson {
  unit: string;
  status: UnitStatus;
  files: string[];
  rows: number;
}

export function unitsJson(units: readonly UnitReport[] | undefined): UnitJson[] {
  return (units ?? []).map((unit) => ({ unit: unit.unit, status: unit.status, files: [...unit.files], rows: unit.rows }));
}

export function mergeJson(result: MergeResult, changes: readonly RegisterChange[], resolution: SettingsResolution): MergeJson {
  return {
    inputs: result.inputs.map((input) => ({ file: input.file, status: input.status, rows: input.rows, message: input.message })),
    rows: result.rows.length,
    duplicatesMerged: result.duplicatesMerged,
    issues: result.issues.map((issue) => ({
      file: issue.file,
      row: issue.row,
      column: issue.column,
      code: issue.code,
      severity: issue.severity,
      message: issue.message,
    })),
    changes: changes.map((change) => ({
      id: change.id,
      grounds: [...change.grounds],
      columns: change.columns.map((column) => ({ column: column.column, old: column.old, new: column.new })),
    })),
    settings: {
      origin: resolution.origin,
      from: resolution.from,
      conflicts: resolution.conflicts.map((conflict) => ({
        parameter: conflict.field,
        title: conflict.title,
        values: conflict.values.map((entry) => ({ value: entry.value, files: [...entry.files] })),
        used: conflict.used,
      })),
    },
    units: unitsJson(result.units),
  };
}

interface PreviousRegister {
  table: RegisterTable;
  description: string;
  settings: WorkbookSettings | null;
}

async function readPrevious(file: string, io: CliIO): Promise<{ ok: true; previous: PreviousRegister } | { ok: false; message: string }> {
  const read = await readWorkbookFile(resolvePath(io, file));
  if (!read.ok) return { ok: false, message: read.message };
  const approved = approvedRegisterFromSheets(read.sheets);
  if (!approved) {
    return { ok: false, message: "в книге не найден утвержденный реестр: нет ни листа «_Утвержденный реестр», ни листа с реестром" };
  }
  return {
    ok: true,
    previous: { table: approved.table, description: `${file}, ${approved.description}`, settings: readWorkbookSettings(read.sheets) },
  };
}

/** `written`: OUT when it was written; `failure`: where and why writing it failed. */
function textReport(
  result: MergeResult,
  changes: readonly RegisterChange[],
  out: { written: string | null; failure: string | null },
  previous: string | null,
  resolution: SettingsResolution,
): string {
  const totals = mergeTotals(result);
  const lines: string[] = [...unitLines(result.units)];
  lines.push(`Сведение реестров: файлов ${result.inputs.length}, прочитано ${totals.filesRead}, не прочитано ${totals.filesFailed}.`);
  for (const input of result.inputs) {
    if (input.status === "error") {
      lines.push(`  ✗ ${input.file}: ${input.message}`);
      continue;
    }
    const details = [`лист «${input.sheet}», строк ${input.rows}`];
    if (input.duplicatesMerged > 0) details.push(`объединено дубликатов ${input.duplicatesMerged}`);
    if (input.message) details.push(input.message);
    lines.push(`  ✓ ${input.file}: ${details.join("; ")}`);
  }
  lines.push(
    `Сводный реестр: строк ${totals.rows} (прочитано строк ${totals.rowsRead}, объединено полных дубликатов ${totals.duplicatesMerged}).`,
  );
  lines.push(`Ошибок: ${totals.errors}, предупреждений: ${totals.warnings}.`);
  for (const issue of result.issues) {
    const title = REGISTER_COLUMNS[issue.column - 1]?.title ?? "";
    const level = issue.severity === "error" ? "ошибка" : "предупреждение";
    lines.push(`  ${issue.file}, строка ${issue.row}, графа ${issue.column} «${title}» (${level}): ${issue.message}`);
  }
  if (previous !== null) {
    lines.push(`Изменения относительно утвержденного реестра (${previous}): ${changes.length}.`);
    for (const change of changes) {
      const columns = change.columns.length > 0 ? `; графы ${change.columns.map((column) => column.column).join(", ")}` : "";
      lines.push(`  ${change.id}: ${groundLetters(change.grounds)}) ${change.grounds.map((g) => GROUND_TITLES[g]).join("; ")}${columns}`);
    }
  }
  lines.push(...settingsResolutionLines(resolution));
  if (out.written) lines.push(`Записано: ${out.written}`);
  else if (out.failure) lines.push(`Сводная книга не записана: ${out.failure}.`);
  else lines.push("Сводная книга не записана: не прочитан ни один файл.");
  return lines.join("\n") + "\n";
}

/** «Подразделения: …» lines, the missing ones first; none when no unit is known. */
function unitLines(units: readonly UnitReport[] | undefined): string[] {
  if (!units || units.length === 0) return [];
  const missing = units.filter((unit) => unit.status === "missing").length;
  const lines = [`Подразделения: ${units.length}, представили файл ${units.length - missing}, не представили ${missing}.`];
  for (const unit of unitsMissingFirst(units)) {
    const mark = unit.status === "missing" ? "✗" : unit.status === "submitted" ? "✓" : "!";
    const details = [UNIT_STATUS_TEXT[unit.status]];
    if (unit.files.length > 0) details.push(unit.files.join(", "));
    if (unit.status === "missing" && unit.rows > 0) details.push(`строк перенесено из утвержденного реестра: ${unit.rows}`);
    else if (unit.status !== "missing") details.push(`строк ${unit.rows}`);
    details.push(...unit.notes);
    lines.push(`  ${mark} ${unit.unit}: ${details.join("; ")}`);
  }
  return lines;
}

/**
 * The day a unit's file was last saved: the date its program recorded inside it, else the file's date on disk
 * (dd.mm.yyyy). Used by `--units-only`, which reads the file again for it.
 */
async function receivedDate(file: string): Promise<string | undefined> {
  try {
    return await savedOrModified(await fs.readFile(file), (await fs.stat(file)).mtime);
  } catch {
    return undefined;
  }
}

async function savedOrModified(data: Uint8Array, modified: Date): Promise<string | undefined> {
  try {
    // core.xml (at most 1 MB, usually 1 KB) on this thread: the pool's round trip cost more than the work, per file.
    return (await workbookSavedDate(data, inflateOnThisThread)) ?? todayText(modified);
  } catch {
    return undefined;
  }
}

/**
 * A unit's file read once: its sheets, and for a file read, the day it was received (see `receivedDate`). Its shared
 * strings are interned as they are read: their cells then hold the merge's own copies. Every part is inflated on this
 * thread, one file after another: zlib's pool was only waited for (the next file's parts could not start before this
 * one was merged), and its threads' memory came on top — 200 files from `reestr distribute` (630 KB sheets) took
 * 2.01–2.05 s and 134–150 MB through the pool, 1.74–1.85 s and 102–130 MB here.
 */
async function readUnitFile(file: string, texts: TextInterner): Promise<{ read: ReadWorkbookResult; received?: string }> {
  const bytes = await readRegularFile(file, DEFAULT_READ_LIMITS.maxFileBytes);
  if (!bytes.ok) return { read: bytes };
  const read = await readWorkbookData(bytes.data, file, DEFAULT_READ_LIMITS, inflateOnThisThread, (text) => texts.intern(text));
  return { read, received: read.ok ? await savedOrModified(bytes.data, bytes.modified) : undefined };
}

/**
 * zlib level of the consolidated workbook. Its sheet XML is very repetitive (20,000 rows: 13 MB → 1.50 MB at level 1,
 * 1.35 MB at 2, 1.2 MB at 6); levels 1 and 2 deflate it equally fast (~25–30 ms), 3 twice as slow, and level 6 cost
 * some 160 ms more CPU, on a thread the command then waited for.
 */
const MERGE_DEFLATE_LEVEL = 2;

/**
 * The consolidated workbook is written by the lean writer (sheet XML straight from the layout, zlib on its own thread):
 * ExcelJS took longer to write 20,000 rows than to read the 200 files they came from.
 */
async function writeMergedWorkbook(layout: WorkbookLayout): Promise<Buffer[]> {
  return (await writeLayoutLean(layout, { level: MERGE_DEFLATE_LEVEL })).chunks;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    flags: {
      output: { type: "string", short: "o" },
      previous: { type: "string" },
      settings: { type: "string" },
      json: { type: "boolean" },
      "units-only": { type: "boolean" },
    },
    positionals: { name: "FILE", min: 1 },
  });
  if (args.flags["units-only"]) return unitsOnly(args.positionals, args.flags, io);
  const out = args.flags.output;
  if (!out) throw new UsageError("не указан файл результата: -o OUT");

  const inputFiles = [args.flags.previous, args.flags.settings].reduce<string[]>((all, file) => (file === undefined ? all : [...all, file]), [...args.positionals]);
  if (!(await checkOutput("merge", out, inputFiles, io))) return EXIT_FAILURE;
  // Read first: a settings file that cannot be used stops the merge before any work (its settings would be guessed).
  let explicit: SettingsSource | null = null;
  if (args.flags.settings !== undefined) {
    const file = args.flags.settings;
    const read = await readWorkbookFile(resolvePath(io, file));
    if (!read.ok) {
      io.stderr(`reestr merge: --settings ${file}: ${read.message}\n`);
      return EXIT_FAILURE;
    }
    const found = readWorkbookSettings(read.sheets);
    if (!found) {
      io.stderr(`reestr merge: --settings ${file}: в книге нет настроек органа (лист «${SETTINGS_SHEET_NAME}» с блоком «Параметр | Значение»)\n`);
      return EXIT_FAILURE;
    }
    for (const problem of found.problems) io.stderr(`reestr merge: --settings ${file}: ${problem}\n`);
    explicit = { file, settings: found.settings };
  }

  const inputs: MergeInput[] = [];
  const inputSettings: SettingsSource[] = [];
  // The tables of all files are kept until the merge: their texts once each, not once per file.
  const texts = new TextInterner();
  const files = args.positionals;
  for (let index = 0; index < files.length; index++) {
    const file = files[index];
    const { read, received } = await readUnitFile(resolvePath(io, file), texts);
    if (!read.ok) {
      inputs.push({ file, result: { ok: false, reason: read.reason, message: read.message } });
      continue;
    }
    const sheets: SheetText[] = read.sheets;
    const found = readWorkbookSettings(sheets);
    if (found) {
      for (const problem of found.problems) io.stderr(`reestr merge: ${file}: ${problem}\n`);
      inputSettings.push({ file, settings: found.settings });
    }
    const register = registerFromSheets(sheets);
    if (register.ok) texts.internTable(register.table);
    inputs.push({ file, result: register, stamp: readCollectionStamp(sheets), received });
  }

  let previous: PreviousRegister | null = null;
  let previousFailed = false;
  if (args.flags.previous !== undefined) {
    const read = await readPrevious(args.flags.previous, io);
    if (read.ok) previous = read.previous;
    else {
      previousFailed = true;
      io.stderr(`reestr merge: --previous ${args.flags.previous}: ${read.message}\n`);
    }
  }

  if (previous?.settings) for (const problem of previous.settings.problems) io.stderr(`reestr merge: --previous ${args.flags.previous}: ${problem}\n`);
  const resolution = resolveSettings({
    explicit,
    previous: previous?.settings ? { file: args.flags.previous!, settings: previous.settings.settings } : null,
    inputs: inputSettings,
    defaults: DEFAULT_SETTINGS,
  });
  const { result, changes, layout } = planMerge({
    inputs,
    settings: resolution.settings,
    previous,
    date: todayText(),
    settingsResolution: resolution,
    writeSettings: true,
  });
  // The units' tables live on only in the consolidated rows: let them go before the workbook is written.
  inputs.length = 0;

  for (const input of result.inputs) {
    if (input.status === "error") io.stderr(`reestr merge: ${input.file}: ${input.message}\n`);
  }
  const totals = mergeTotals(result);
  let written: string | null = null;
  let writeFailure: string | null = null;
  if (totals.filesRead > 0) {
    try {
      // Written beside OUT and renamed over it: a failed write leaves an OUT that was there as it was.
      await writeBeside(resolvePath(io, out), await writeMergedWorkbook(layout));
      written = out;
    } catch (error) {
      writeFailure = writeFailureMessage(error);
      io.stderr(`reestr merge: ${out}: ${writeFailure}\n`);
    }
  } else {
    io.stderr("reestr merge: не прочитан ни один файл, сводная книга не записана\n");
  }

  if (args.flags.json) io.stdout(JSON.stringify(mergeJson(result, changes, resolution)) + "\n");
  else io.stdout(textReport(result, changes, { written, failure: writeFailure === null ? null : `${out}: ${writeFailure}` }, previous ? previous.description : null, resolution));

  if (totals.filesFailed > 0 || previousFailed || writeFailure !== null) return EXIT_FAILURE;
  return totals.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * `--units-only DIR`: who has sent a file, without merging or writing anything — every .xlsx in DIR is read once (the
 * lean reader) and matched to its unit by its stamp, else by column 7.
 */
async function unitsOnly(positionals: string[], flags: { previous?: string; json?: boolean; output?: string }, io: CliIO): Promise<number> {
  if (positionals.length !== 1) throw new UsageError("после --units-only укажите одну папку с файлами подразделений");
  if (flags.output !== undefined) throw new UsageError("--units-only ничего не записывает: уберите -o");
  const dir = positionals[0];
  let names: string[];
  try {
    const stat = await fs.stat(resolvePath(io, dir));
    if (!stat.isDirectory()) throw new UsageError(`«${dir}» — не папка: после --units-only укажите папку с файлами подразделений`);
    names = (await fs.readdir(resolvePath(io, dir))).filter((name) => /\.(xlsx|xlsm)$/i.test(name) && !name.startsWith("~$")).sort((a, b) => a.localeCompare(b, "ru"));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr(`reestr merge: ${dir}: папка не прочитана: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "папка не найдена" : fileSystemMessage(error)}\n`);
    return EXIT_FAILURE;
  }
  let settings: Settings | null = null;
  let previous: PreviousRegister | null = null;
  let failed = false;
  if (flags.previous !== undefined) {
    const read = await readPrevious(flags.previous, io);
    if (read.ok) previous = read.previous;
    else {
      failed = true;
      io.stderr(`reestr merge: --previous ${flags.previous}: ${read.message}\n`);
    }
  }
  const inputs: { file: string; table: RegisterTable | null; stamp: ReturnType<typeof readCollectionStamp>; received?: string; message: string }[] = [];
  for (const name of names) {
    const file = `${dir.replace(/[\\/]+$/, "")}/${name}`;
    const read = await readWorkbookFile(resolvePath(io, file));
    if (!read.ok) {
      failed = true;
      io.stderr(`reestr merge: ${file}: ${read.message}\n`);
      inputs.push({ file: name, table: null, stamp: { kind: "none" }, message: read.message });
      continue;
    }
    settings ??= readWorkbookSettings(read.sheets)?.settings ?? null;
    const register = registerFromSheets(read.sheets);
    inputs.push({
      file: name,
      table: register.ok ? register.table : null,
      stamp: readCollectionStamp(read.sheets),
      received: await receivedDate(resolvePath(io, file)),
      message: register.ok ? "" : register.message,
    });
    if (!register.ok) {
      failed = true;
      io.stderr(`reestr merge: ${file}: ${register.message}\n`);
    }
  }
  const chosen = previous?.settings?.settings ?? settings ?? DEFAULT_SETTINGS;
  const previousRows = previous ? normalizedRows(previous.table, buildCatalog(chosen)) : undefined;
  const round = assessRound(inputs, { units: chosen.units, agency: { name: chosen.agencyName, code: chosen.agencyCode }, previousRows });
  if (flags.json) {
    const json = {
      inputs: inputs.map((input, index) => ({
        file: input.file,
        status: input.table ? "ok" : "error",
        rows: input.table ? input.table.rows.filter((row) => row.cells.some((cell) => cleanText(cell) !== "")).length : 0,
        message: [input.message, ...(round.inputNotes.get(index) ?? [])].filter(Boolean).join("; "),
      })),
      units: unitsJson(round.units),
    };
    io.stdout(JSON.stringify(json) + "\n");
  } else {
    const lines = unitLines(round.units);
    if (lines.length === 0) lines.push("Подразделения не определены: в папке нет файлов со штампом или графой 7.");
    lines.push(`Файлов в папке «${dir}»: ${names.length}.`);
    io.stdout(lines.join("\n") + "\n");
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

export const mergeCommand: CliCommand = {
  name: "merge",
  summary: "свести реестры подразделений в одну книгу, с отчетом и журналом изменений",
  usage: USAGE,
  run,
};
