/**
 * `reestr notices FILE -o DIR [--today YYYY-MM-DD]` and `reestr order FILE -o ORDER.docx`: the documents that close the
 * cycle as .docx. The .docx writer (and its library) is loaded only when one of these commands runs.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { buildNotices, buildOrderDraft, type CycleDocument, type DocumentsResult } from "../../core/documents/cycle-documents";
import { parseArgs } from "../args";
import { checkOutput, makeOutputFolder, writeBeside, writeFailureMessage } from "../file-safety";
import { EXIT_FAILURE, EXIT_OK, resolvePath, UsageError, type CliCommand, type CliIO } from "../io";
import { fileProblemLine } from "../register-input";
import { parseTodayFlag, readSheetsOrSay } from "./requests";

async function writeDocuments(command: string, file: string, io: CliIO, result: DocumentsResult, target: (document: CycleDocument, index: number) => string): Promise<string[] | null> {
  if (!result.ok) {
    io.stderr(fileProblemLine(command, file, result.message));
    return null;
  }
  const { documentToDocx } = await import("../../adapters/docx/write-docx");
  const written: string[] = [];
  for (const [index, document] of result.documents.entries()) {
    const out = target(document, index);
    // The register itself, a folder or a pipe is never written over (`reestr order reg.xlsx -o reg.xlsx`).
    if (!(await checkOutput(command, out, [file], io))) return null;
    try {
      await fs.mkdir(path.dirname(resolvePath(io, out)), { recursive: true });
      // Beside and renamed over: a failed write leaves a document that was there as it was.
      await writeBeside(resolvePath(io, out), await documentToDocx(document));
    } catch (error) {
      io.stderr(`reestr ${command}: ${out}: ${writeFailureMessage(error)}\n`);
      return null;
    }
    written.push(out);
  }
  return written;
}

export const noticesCommand: CliCommand = {
  name: "notices",
  summary: "извещение подразделениям об утверждении реестра и ответы инициаторам обращений (.docx)",
  usage: [
    "reestr notices FILE -o DIR [--today YYYY-MM-DD]",
    "",
    "После утверждения реестра (приложение к приказу сформировано окончательно) пишет в папку DIR:",
    "извещение руководителям подразделений об утверждении реестра и месте его публикации (п. 3.11) и ответ каждому",
    "инициатору, чье обращение рассмотрено, но дата информирования еще не указана (п. 3.10). Тексты — шаблоны из настроек",
    "(«Шаблон извещения подразделениям», «Шаблон ответа инициатору», «Место публикации реестра») или встроенные.",
    "",
    "  -o, --output DIR    папка для файлов .docx",
    "  --today YYYY-MM-DD  дата для расчета сроков (по умолчанию — сегодня)",
    "",
    "Код выхода: 0 — документы записаны; 2 — файл не прочитан, реестр не утвержден, в шаблоне неизвестная подстановка",
    "или неверный вызов.",
  ].join("\n"),

  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      flags: { output: { type: "string", short: "o" }, today: { type: "string" } },
      positionals: { name: "FILE", min: 1, max: 1 },
    });
    const file = positionals[0];
    if (!flags.output) throw new UsageError("не указана папка для документов -o DIR");
    const today = parseTodayFlag(flags.today);
    const sheets = await readSheetsOrSay("notices", file, io);
    if (!sheets) return EXIT_FAILURE;
    const dir = flags.output;
    const notices = buildNotices(sheets, today);
    if (notices.ok && !(await makeOutputFolder("notices", dir, io))) return EXIT_FAILURE;
    const written = await writeDocuments("notices", file, io, notices, (document) => path.join(dir, `${document.fileName}.docx`));
    if (!written) return EXIT_FAILURE;
    io.stdout([`Записано документов: ${written.length}`, ...written.map((out) => `  ${out}`)].join("\n") + "\n");
    return EXIT_OK;
  },
};

export const orderCommand: CliCommand = {
  name: "order",
  summary: "проект приказа об утверждении реестра с таблицей реестра в приложении (.docx)",
  usage: [
    "reestr order FILE -o ORDER.docx",
    "",
    "Пишет проект приказа «Об утверждении реестра межведомственных и внутриведомственных процессов …»: пункты об",
    "утверждении реестра приложением, об ответственном за ведение реестра и о контроле, и само приложение — таблицу",
    "реестра (15 граф) в альбомном разделе A4 или A3 (из настроек). Текст — «Шаблон приказа» из настроек или встроенный;",
    "документ без бланка: его вставляют в бланк ведомства.",
    "",
    "  -o, --output ORDER.docx  куда записать проект",
    "",
    "Код выхода: 0 — проект записан; 2 — файл не прочитан, в нем нет реестра, в шаблоне неизвестная подстановка",
    "или неверный вызов.",
  ].join("\n"),

  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      flags: { output: { type: "string", short: "o" } },
      positionals: { name: "FILE", min: 1, max: 1 },
    });
    const file = positionals[0];
    const out = flags.output;
    if (!out) throw new UsageError("не указан файл проекта приказа -o ORDER.docx");
    const sheets = await readSheetsOrSay("order", file, io);
    if (!sheets) return EXIT_FAILURE;
    const written = await writeDocuments("order", file, io, buildOrderDraft(sheets), () => out);
    if (!written) return EXIT_FAILURE;
    io.stdout(`Проект приказа записан: ${out}\n`);
    return EXIT_OK;
  },
};
