/**
 * `reestr appendix FILE -o OUT --order-number N --order-date YYYY-MM-DD [--agency-genitive TEXT] [--appendix-number K]
 * [--paper A4|A3] [--draft] [--typical-list]` — the contract is in docs/cli.md.
 *
 * OUT is a copy of FILE (every sheet kept) with the sheets this command writes put in or replaced: «Приложение к приказу»,
 * «Сводка», optionally «Типовой перечень», and — when the appendix is final — the hidden «_Утвержденный реестр».
 * The copy is made part by part (`layout-in-place.ts`): the user's other parts are carried over as they were, so a
 * workbook of any size the reader accepts gets its appendix, and nothing another program wrote into it is lost.
 */
import { DEFAULT_READ_LIMITS } from "../../adapters/xlsx/read-workbook";
import { readRegularFile } from "../../adapters/xlsx/read-workbook-file";
import { putLayoutSheets, startSelectedSheetCopies } from "../../adapters/xlsx/layout-in-place";
import { isoToRuDate } from "../../core/approval";
import { ORDER_FIELD_LABELS, planAppendix } from "../../core/appendix-plan";
import type { PaperSize } from "../../core/layout/appendix";
import { parseArgs } from "../args";
import { checkOutput, writeOutputBeside } from "../file-safety";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, resolvePath, UsageError, type CliCommand } from "../io";
import { fileProblemLine, readWorkbookInput } from "../register-input";
import { readWorkbookSettings } from "../../core/settings-sources";
import { AGENCY_FLAG_SPECS, AGENCY_FLAG_USAGE, applyAgencyFlags, hasAgencyFlags } from "../settings-flags";
import { issueLine } from "./validate";

const USAGE = [
  "reestr appendix FILE -o OUT --order-number N --order-date YYYY-MM-DD [--agency NAME] [--agency-genitive TEXT]",
  '               [--agency-code CODE] [--units "A; B"] [--appendix-number K] [--paper A4|A3] [--draft] [--typical-list]',
  "",
  "Формирует приложение к приказу об утверждении реестра: лист «Приложение к приказу» (реквизиты приказа справа вверху,",
  "заголовок, 15 граф формы с нумерацией, строки по направлениям деятельности; альбомная ориентация, все графы в ширину",
  "страницы, заголовок граф на каждой странице, номера страниц) и лист «Сводка».",
  "OUT — копия книги FILE со всеми ее листами; листы приложения и сводки заменяются, остальные не меняются.",
  "Флаги органа дополняют настройки книги и сохраняются в OUT (лист «Справочники»); книга без настроек получает их.",
  "Если реестр без ошибок и реквизиты приказа указаны, реестр сохраняется как утвержденный на скрытом листе",
  "«_Утвержденный реестр» (с ним сравнивает следующее сведение файлов).",
  "",
  "  -o, --output OUT           куда записать книгу (.xlsx)",
  "  --order-number N           номер приказа",
  "  --order-date YYYY-MM-DD    дата приказа",
  ...AGENCY_FLAG_USAGE,
  "  --appendix-number K        номер приложения (по умолчанию — из настроек книги или 1)",
  "  --paper A4|A3              формат бумаги (по умолчанию — из настроек книги или A4)",
  "  --draft                    сформировать проект (отметка «ПРОЕКТ») даже при ошибках в реестре",
  "  --typical-list             добавить следующее приложение: типовой перечень процессов",
  "",
  "Код выхода: 0 — приложение сформировано; 1 — в реестре есть ошибки (без --draft приложение не формируется);",
  "2 — файл не прочитан, в нем нет реестра или неверный вызов.",
].join("\n");

/**
 * zlib level of the sheets written. A 50,000-row appendix is about 60 MB of sheet XML; deflating it was most of the
 * write: level 3 against 6 took about 0.8 s less CPU for a 6 % larger file (8.8 → 9.3 MB). Level 2 deflates these rows
 * about twice as fast as 3 (and faster than 1, whose longer output costs more to code) for ~3 % more bytes.
 */
const APPENDIX_DEFLATE_LEVEL = 2;

export const appendixCommand: CliCommand = {
  name: "appendix",
  summary: "сформировать приложение к приказу (печатный лист реестра), сводку и утвержденный реестр",
  usage: USAGE,

  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      flags: {
        output: { type: "string", short: "o" },
        "order-number": { type: "string" },
        "order-date": { type: "string" },
        ...AGENCY_FLAG_SPECS,
        "appendix-number": { type: "string" },
        paper: { type: "string" },
        draft: { type: "boolean" },
        "typical-list": { type: "boolean" },
      },
      positionals: { name: "FILE", min: 1, max: 1 },
    });
    const file = positionals[0];
    const out = flags.output;
    if (!out) throw new UsageError("не указан файл результата -o OUT");
    const paperText = flags.paper?.toUpperCase();
    if (paperText !== undefined && paperText !== "A4" && paperText !== "A3") throw new UsageError(`формат бумаги «${flags.paper}»: допустимы A4 и A3`);
    const paper = paperText as PaperSize | undefined;
    const draft = flags.draft;
    let orderDate: string | undefined;
    if (flags["order-date"] !== undefined) {
      orderDate = isoToRuDate(flags["order-date"]) ?? undefined;
      if (!orderDate) throw new UsageError(`дата приказа «${flags["order-date"]}» не в виде ГГГГ-ММ-ДД`);
    }
    if (!draft && !flags["order-number"]?.trim()) throw new UsageError("не указан номер приказа --order-number");
    if (!draft && !orderDate) throw new UsageError("не указана дата приказа --order-date");

    if (!(await checkOutput("appendix", out, [file], io))) return EXIT_FAILURE;
    // The bytes of FILE as they are on disk, read once: OUT is made from them part by part. Copying its selected sheet
    // (the register, which loses its tab mark in OUT) starts at once, on zlib's threads, while FILE is read and
    // checked on this one.
    const base = await readRegularFile(resolvePath(io, file), DEFAULT_READ_LIMITS.maxFileBytes);
    if (!base.ok) {
      io.stderr(fileProblemLine("appendix", file, base.message));
      return EXIT_FAILURE;
    }
    const copies = startSelectedSheetCopies(base.data);
    // The register's sheet is inflated once, for the copy and the reader.
    const read = await readWorkbookInput("appendix", file, io, { bytes: base.data, inflated: (compressed) => copies.inflated(compressed) });
    if (!read) return EXIT_FAILURE;
    const stored = readWorkbookSettings(read.sheets);
    for (const problem of stored?.problems ?? []) io.stderr(fileProblemLine("appendix", file, problem));
    const settings = applyAgencyFlags(read.settings, flags);
    const plan = planAppendix({
      sheets: read.sheets,
      settings,
      writeSettings: stored === null || hasAgencyFlags(flags),
      order: {
        orderNumber: flags["order-number"],
        orderDate,
        agencyGenitive: settings.agencyGenitive,
        appendixNumber: flags["appendix-number"],
      },
      paper,
      draft,
      includeTypicalList: flags["typical-list"],
    });
    if (!plan.ok) {
      if (plan.reason === "register-errors") {
        const lines = [
          `Файл: ${file}, лист «${plan.table.sheet}»: ошибок в реестре — ${plan.errors.length}. Приложение не сформировано.`,
          ...plan.errors.map((issue) => `  ${issueLine(issue)}`),
          "Исправьте ошибки или сформируйте проект: добавьте --draft.",
        ];
        io.stdout(lines.join("\n") + "\n");
        io.stderr(`reestr appendix: ${file}: в реестре есть ошибки (${plan.errors.length}), приложение не сформировано\n`);
        return EXIT_FINDINGS;
      }
      if (plan.reason === "missing-order") {
        const hints = plan.missing.map((field) => `${ORDER_FIELD_LABELS[field]} (${field === "agencyGenitive" ? "--agency-genitive" : field === "orderNumber" ? "--order-number" : "--order-date"})`);
        throw new UsageError(`не указаны реквизиты: ${hints.join(", ")}`);
      }
      io.stderr(fileProblemLine("appendix", file, plan.message.replace(/\.$/, "").replace(/^В/, "в")));
      return EXIT_FAILURE;
    }

    const patched = await putLayoutSheets(base.data, plan.layout, { level: APPENDIX_DEFLATE_LEVEL, copies });
    if (!patched.ok) {
      io.stderr(fileProblemLine("appendix", file, `приложение не записано: ${patched.message}`));
      return EXIT_FAILURE;
    }
    if (!(await writeOutputBeside("appendix", out, patched.chunks, io))) return EXIT_FAILURE;

    const rows = plan.summary.total;
    const lines = [
      `Приложение к приказу сформировано: ${out}, лист «${plan.layout.sheets[0].name}», строк реестра: ${rows}, бумага ${plan.paper}.`,
      plan.final
        ? `Реестр сохранен как утвержденный приказом от ${plan.order.orderDate} № ${plan.order.orderNumber} (скрытый лист «_Утвержденный реестр»).`
        : "Сформирован проект (отметка «ПРОЕКТ»): утвержденный реестр не сохранен.",
    ];
    if (plan.summary.actualization) lines.push(`Следующая актуализация — не позднее ${plan.summary.actualization.due}.`);
    const errorCount = plan.issues.filter((issue) => issue.severity === "error").length;
    if (errorCount) lines.push(`В реестре ошибок: ${errorCount} (проверьте: reestr validate ${file}).`);
    for (const warning of patched.warnings) lines.push(`Предупреждение: ${warning}`);
    io.stdout(lines.join("\n") + "\n");
    return EXIT_OK;
  },
};
