/**
 * `reestr status FILE [--json] [--today YYYY-MM-DD]`: every due date of the cycle in one place — the next actualization,
 * the open change requests with the nearest due dates, units that have not sent their files in a running collection round.
 */
import { buildDueSummary, type DueSummary } from "../../core/due-summary";
import { pendingUnitsOfSheets } from "../../core/collection/round-record";
import { calendarOfSheets } from "../../core/requests/request-report";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, type CliCommand } from "../io";
import { parseFileJsonToday, readSheetsOrSay, requestJson, requestLine, ruDate } from "./requests";

const USAGE = [
  "reestr status FILE [--json] [--today YYYY-MM-DD]",
  "",
  "Все сроки цикла ведения реестра: следующая актуализация (не реже раза в шесть месяцев при наличии изменений, п. 3.11),",
  "открытые обращения об изменении реестра с ближайшими сроками (п. 3.10), подразделения, не приславшие файлы в идущем сборе.",
  "",
  "  --json              вывести результат одним объектом JSON",
  "  --today YYYY-MM-DD  считать на эту дату (по умолчанию — сегодня)",
  "",
  "Код выхода: 0 — ничего не просрочено; 1 — что-то просрочено; 2 — файл не прочитан или неверный вызов.",
].join("\n");

export function statusJson(file: string, summary: DueSummary) {
  return {
    file,
    today: summary.today,
    actualization: summary.actualization,
    requests: summary.requests ? { ...summary.requests, nearest: summary.requests.nearest.map(requestJson) } : null,
    requestsProblem: summary.requestsProblem,
    collection: summary.collection,
    overdue: summary.anyOverdue,
  };
}

export function statusLines(summary: DueSummary): string[] {
  const lines: string[] = [];
  const actualization = summary.actualization;
  if (!actualization) lines.push("Актуализация: дата утверждения реестра не указана (настройки «Дата приказа» или «Дата последней актуализации»).");
  else if (actualization.changed === false) lines.push(`Актуализация: изменений нет с ${ruDate(actualization.since)} — актуализировать нечего (п. 3.11 «при наличии изменений»); плановый срок ${ruDate(actualization.due)}.`);
  else
    lines.push(
      `Актуализация: ${actualization.overdue ? "ПРОСРОЧЕНА, срок был" : "не позднее"} ${ruDate(actualization.due)} (шесть месяцев после ${ruDate(actualization.since)})` +
        (actualization.changed ? "; в реестре есть изменения" : ""),
    );
  if (summary.requests) {
    const { open, overdue, dueSoon, nearest } = summary.requests;
    lines.push(`Обращения: открытых ${open}, просрочено ${overdue}, срок в ближайшие 2 рабочих дня ${dueSoon}.`);
    lines.push(...nearest.map((request) => `  ${requestLine(request)}`));
  } else {
    lines.push(`Обращения: ${summary.requestsProblem ?? "журнала обращений в книге нет"}.`);
  }
  if (summary.collection) {
    const { units, due } = summary.collection;
    lines.push(units.length ? `Сбор сведений${due ? ` (срок ${ruDate(due)})` : ""}: не прислали файлы — ${units.join("; ")}.` : "Сбор сведений: все подразделения прислали файлы.");
  }
  return lines;
}

export const statusCommand: CliCommand = {
  name: "status",
  summary: "все сроки цикла: актуализация, обращения, сбор сведений",
  usage: USAGE,

  async run(argv, io) {
    const { file, json, today } = parseFileJsonToday(argv);
    const sheets = await readSheetsOrSay("status", file, io);
    if (!sheets) return EXIT_FAILURE;
    for (const problem of calendarOfSheets(sheets).problems) io.stderr(`reestr status: ${file}: настройки: ${problem}\n`);
    const summary = buildDueSummary(sheets, today, pendingUnitsOfSheets);
    if (json) io.stdout(JSON.stringify(statusJson(file, summary)) + "\n");
    else io.stdout([`Файл: ${file}, на ${ruDate(today)}`, ...statusLines(summary)].join("\n") + "\n");
    return summary.anyOverdue ? EXIT_FINDINGS : EXIT_OK;
  },
};
