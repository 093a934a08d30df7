/**
 * `reestr distribute REGISTER.xlsx -o DIR [--due YYYY-MM-DD] [--units "A; B"] [--force]` — the collection round's first
 * step: one stamped workbook per unit in DIR, never over an existing file unless --force.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readWorkbookFile } from "../../adapters/xlsx/read-workbook-file";
import { writeLayoutToBuffer } from "../../adapters/xlsx/exceljs-writer";
import { isoToRuDate } from "../../core/approval";
import { distributionSource, planDistribution } from "../../core/collection/distribute";
import { parseArgs } from "../args";
import { EXIT_FAILURE, EXIT_OK, oneLineMessage, resolvePath, UsageError, type CliCommand, type CliIO } from "../io";
import { todayText } from "../../core/approval";
import { splitUnits } from "../settings-flags";

const USAGE = [
  'reestr distribute REGISTER.xlsx -o DIR [--due YYYY-MM-DD] [--units "A; B"] [--force]',
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

  const outDir = resolvePath(io, dir);
  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (error) {
    io.stderr(`reestr distribute: ${dir}: папку не удалось создать: ${oneLineMessage(error)}\n`);
    return EXIT_FAILURE;
  }
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
      const bytes = await writeLayoutToBuffer(unitFile.layout);
      // "wx" refuses an existing file atomically: a unit's returned file in DIR is never overwritten by accident.
      await fs.writeFile(target, bytes, { flag: flags.force ? "w" : "wx" });
      lines.push(`  ✓ ${shown}: «${unitFile.unit}», строк ${unitFile.rows}`);
    } catch (error) {
      failed = true;
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      const reason = code === "EEXIST" ? "файл уже есть (добавьте --force, чтобы заменить)" : `не удалось записать файл: ${oneLineMessage(error)}`;
      io.stderr(`reestr distribute: ${shown}: ${reason}\n`);
    }
  }
  lines.push(`Файлов: ${plan.files.length}. Разошлите их подразделениям; присланные сведите командой reestr merge --previous.`);
  io.stdout(lines.join("\n") + "\n");
  return failed ? EXIT_FAILURE : EXIT_OK;
}

export const distributeCommand: CliCommand = {
  name: "distribute",
  summary: "подготовить файлы подразделениям для сбора сведений (со штампом и сроком)",
  usage: USAGE,
  run,
};
