/**
 * `reestr requests FILE [--json] [--today YYYY-MM-DD]`: the open change requests of the log «Журнал обращений» with their
 * due dates (10 working days by the production calendar) and working days left.
 */
import { readWorkbookFile } from "../../adapters/xlsx/read-workbook-file";
import { checkRequestsInSheets, type RequestReport } from "../../core/requests/request-report";
import type { EvaluatedRequest } from "../../core/requests/request-rules";
import { byUrgency } from "../../core/requests/request-rules";
import { localTodayIso } from "../../core/calendar/today";
import { parseArgs } from "../args";
import type { SheetText } from "../../core/register-types";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, resolvePath, UsageError, type CliCommand, type CliIO } from "../io";
import { fileProblemLine } from "../register-input";

const USAGE = [
  "reestr requests FILE [--json] [--today YYYY-MM-DD]",
  "",
  "Показывает открытые обращения об изменении реестра (лист «Журнал обращений»): срок рассмотрения — 10 рабочих дней",
  "после дня поступления по производственному календарю (п. 3.10), сколько рабочих дней осталось, что просрочено.",
  "Срок всегда рассчитывается заново; если в графе «Срок рассмотрения» указан другой, это сообщается.",
  "",
  "  --json              вывести результат одним объектом JSON: {file, sheet, today, requests: [...], issues: [...]}",
  "  --today YYYY-MM-DD  считать на эту дату (по умолчанию — сегодня)",
  "",
  "Код выхода: 0 — просроченных нет; 1 — есть просроченные обращения;",
  "2 — файл не прочитан, в нем нет листа «Журнал обращений» или неверный вызов.",
].join("\n");

export { localTodayIso };

export function parseTodayFlag(value: string | undefined): string {
  if (value === undefined) return localTodayIso();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value.trim()) throw new UsageError(`дата --today «${value}» не в виде ГГГГ-ММ-ДД`);
  return value.trim();
}

export function ruDate(iso: string | null): string {
  return iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "—";
}

export interface RequestJson {
  row: number;
  initiator: string;
  memoNumber: string;
  memoDate: string | null;
  received: string | null;
  ground: string | null;
  processIds: string[];
  status: string;
  due: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  approximate: boolean;
}

export function requestJson(request: EvaluatedRequest): RequestJson {
  return {
    row: request.row,
    initiator: request.initiator,
    memoNumber: request.memoNumber,
    memoDate: request.memoDate,
    received: request.received,
    ground: request.ground,
    processIds: request.processIds,
    status: request.status,
    due: request.due,
    workingDaysLeft: request.workingDaysLeft,
    overdue: request.overdue,
    approximate: request.approximate,
  };
}

/** «просрочено на 2 раб. дн.», «срок сегодня», «осталось 3 раб. дн.». */
export function daysLeftText(request: EvaluatedRequest): string {
  if (!request.due) return "срок не рассчитан";
  const left = request.workingDaysLeft ?? 0;
  const approximate = request.approximate ? " (приблизительно: календарь на этот год не загружен)" : "";
  if (request.overdue) return `просрочено${left < 0 ? ` на ${-left} раб. дн.` : ""}, срок был ${ruDate(request.due)}${approximate}`;
  if (left === 0) return `срок сегодня, ${ruDate(request.due)}${approximate}`;
  return `осталось ${left} раб. дн., срок ${ruDate(request.due)}${approximate}`;
}

export function requestLine(request: EvaluatedRequest): string {
  const memo = request.memoNumber ? `служебная записка № ${request.memoNumber}${request.memoDate ? ` от ${ruDate(request.memoDate)}` : ""}` : "";
  const parts = [request.initiator || "инициатор не указан", memo, request.processIds.length ? `процессы: ${request.processIds.join("; ")}` : ""].filter(Boolean);
  return `строка ${request.row}: ${daysLeftText(request)} — ${parts.join(", ")}`;
}

/** `FILE [--json] [--today YYYY-MM-DD]`, the arguments of the cycle's reporting commands. */
export function parseFileJsonToday(argv: string[]): { file: string; json: boolean; today: string } {
  const { flags, positionals } = parseArgs(argv, {
    flags: { json: { type: "boolean" }, today: { type: "string" } },
    positionals: { name: "FILE", min: 1, max: 1 },
  });
  return { file: positionals[0], json: flags.json === true, today: parseTodayFlag(flags.today) };
}

/** FILE's sheets; when it cannot be read, prints the command's one line and gives null. */
export async function readSheetsOrSay(command: string, file: string, io: CliIO): Promise<SheetText[] | null> {
  const read = await readWorkbookFile(resolvePath(io, file));
  if (read.ok) return read.sheets;
  io.stderr(fileProblemLine(command, file, read.message));
  return null;
}

/** Reads FILE and checks its log; prints the one line and gives null when it cannot. */
export async function readRequestReport(command: string, file: string, io: CliIO, today: string): Promise<Extract<RequestReport, { ok: true }> | null> {
  const sheets = await readSheetsOrSay(command, file, io);
  if (!sheets) return null;
  const report = checkRequestsInSheets(sheets, today);
  if (!report.ok) {
    io.stderr(fileProblemLine(command, file, report.message));
    return null;
  }
  for (const problem of report.calendarProblems) io.stderr(`reestr ${command}: ${file}: настройки: ${problem}\n`);
  return report;
}

export const requestsCommand: CliCommand = {
  name: "requests",
  summary: "открытые обращения об изменении реестра, сроки рассмотрения (10 рабочих дней) и просрочки",
  usage: USAGE,

  async run(argv, io) {
    const { file, json, today } = parseFileJsonToday(argv);
    const report = await readRequestReport("requests", file, io, today);
    if (!report) return EXIT_FAILURE;
    const open = report.requests.filter((request) => request.open);
    const overdue = open.filter((request) => request.overdue);
    if (json) {
      io.stdout(
        JSON.stringify({
          file,
          sheet: report.log.sheet,
          today,
          requests: open.map(requestJson),
          issues: report.issues.map(({ row, column, code, severity, message }) => ({ row, column, code, severity, message })),
        }) + "\n",
      );
    } else {
      const lines = [
        `Файл: ${file}, лист «${report.log.sheet}», на ${ruDate(today)}`,
        `Открытых обращений: ${open.length}, просрочено: ${overdue.length}, срок в ближайшие 2 рабочих дня: ${open.filter((request) => request.dueSoon).length}`,
        ...[...open].sort(byUrgency).map((request) => `  ${requestLine(request)}`),
      ];
      if (report.issues.length) lines.push(`Замечания (${report.issues.length}):`, ...report.issues.map((issue) => `  ${issue.severity === "error" ? "ошибка" : "предупреждение"}: ${issue.message}`));
      io.stdout(lines.join("\n") + "\n");
    }
    return overdue.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
