/** `reestr publish FILE --format csv|html -o OUT` — the register for the agency's site (seed 004, item 7). */
import { buildCatalog } from "../../core/catalog";
import { findWorkingRegister, resolveOrder } from "../../core/appendix-plan";
import { readApprovedRegister } from "../../core/approval";
import { publishRegister, type PublishFormat } from "../../core/publish";
import { parseArgs } from "../args";
import { checkOutput, writeOutput } from "../file-safety";
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from "../io";
import { fileProblemLine, NO_REGISTER_MESSAGE, readWorkbookInput } from "../register-input";
import { readWorkbookSettings } from "../../core/settings-sources";
import { AGENCY_FLAG_SPECS, AGENCY_FLAG_USAGE, applyAgencyFlags } from "../settings-flags";

const USAGE = [
  'reestr publish FILE --format csv|html -o OUT [--working] [--agency NAME] [--agency-genitive TEXT] [--agency-code CODE] [--units "A; B"]',
  "",
  "Выгружает реестр из книги FILE для размещения на официальном сайте:",
  "  csv  — UTF-8 с BOM, разделитель «;», строки CRLF (открывается в Excel с русскими настройками): первая строка —",
  "         заголовок реестра с наименованием органа, вторая — реквизиты приказа, третья — заголовки 15 граф;",
  "  html — самостоятельная страница: заголовок с наименованием органа, таблица с заголовками граф и реквизитами",
  "         приказа в подписи («Приложение № k к приказу {органа} от … № …»).",
  "Строки — в порядке приложения к приказу (по направлениям, кодам процессов и идентификаторам).",
  "Выгружается утвержденный реестр (скрытый лист «_Утвержденный реестр», с реквизитами его приказа), а если его нет —",
  "рабочий реестр книги с реквизитами приказа из настроек.",
  "",
  "  --format csv|html          формат выгрузки",
  "  -o, --output OUT           куда записать файл",
  "  --working                  выгрузить рабочий реестр, даже если в книге есть утвержденный",
  ...AGENCY_FLAG_USAGE,
  "",
  "Код выхода: 0 — файл записан; 2 — книга не прочитана, в ней нет реестра или неверный вызов.",
].join("\n");

export const publishCommand: CliCommand = {
  name: "publish",
  summary: "выгрузить реестр для сайта ведомства (CSV или HTML)",
  usage: USAGE,

  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      flags: {
        format: { type: "string" },
        output: { type: "string", short: "o" },
        working: { type: "boolean" },
        ...AGENCY_FLAG_SPECS,
      },
      positionals: { name: "FILE", min: 1, max: 1 },
    });
    const file = positionals[0];
    const format = flags.format?.toLowerCase();
    if (!format) throw new UsageError("не указан формат --format csv|html");
    if (format !== "csv" && format !== "html") throw new UsageError(`формат «${flags.format}»: допустимы csv и html`);
    if (!flags.output) throw new UsageError("не указан файл результата -o OUT");

    if (!(await checkOutput("publish", flags.output, [file], io))) return EXIT_FAILURE;
    const read = await readWorkbookInput("publish", file, io);
    if (!read) return EXIT_FAILURE;
    for (const problem of readWorkbookSettings(read.sheets)?.problems ?? []) io.stderr(fileProblemLine("publish", file, problem));
    const settings = applyAgencyFlags(read.settings, flags);
    const approved = flags.working ? null : readApprovedRegister(read.sheets);
    const table = approved ? approved.table : findWorkingRegister(read.sheets);
    if (!table) {
      io.stderr(fileProblemLine("publish", file, NO_REGISTER_MESSAGE));
      return EXIT_FAILURE;
    }
    const order = resolveOrder(settings, approved ? { orderNumber: approved.orderNumber, orderDate: approved.orderDate } : {});
    const text = publishRegister(format as PublishFormat, {
      rows: table.rows.map((row) => row.cells),
      catalog: buildCatalog(settings),
      order,
      agencyName: settings.agencyName,
    });
    if (!settings.agencyGenitive && !settings.agencyName) {
      io.stderr(`reestr publish: ${file}: в настройках книги не указан орган — в заголовке его нет (задайте --agency-genitive)\n`);
    }
    if (!(await writeOutput("publish", flags.output, text, io))) return EXIT_FAILURE;
    const which = approved ? `утвержденный приказом от ${approved.orderDate} № ${approved.orderNumber}` : "рабочий";
    io.stdout(`Реестр (${which}) выгружен в ${format.toUpperCase()}, строк: ${table.rows.length}: ${flags.output}\n`);
    return EXIT_OK;
  },
};
