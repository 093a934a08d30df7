/**
 * The documents that close the cycle, as data a writer turns into .docx (or the pane shows as text):
 * the notice to unit heads that the register was approved and where it is published (clause 3.11 «доводит до сведения»),
 * a reply to each initiator whose request was decided and not yet informed (3.10 «сообщает инициатору»), and the draft
 * of the approving order with the register as its appendix table.
 */
import { findWorkingRegister, settingsOfSheets } from "../appendix-plan";
import { readApprovedRegister } from "../approval";
import { REGISTER_COLUMNS } from "../columns";
import { cycleSettingsFromSheets } from "../cycle-settings";
import type { SheetText } from "../register-types";
import { REQUEST_GROUNDS, type ChangeRequest } from "../requests/request-log";
import { checkRequestsInSheets } from "../requests/request-report";
import { SETTINGS_SHEET_NAME } from "../settings";
import { checkTemplate, DEFAULT_TEMPLATES, fillTemplate, type TemplateKind } from "./templates";

export interface DocumentTable {
  headers: string[];
  rows: string[][];
  paper: "A4" | "A3";
  /** Above the table, e.g. «Приложение 1 к приказу». */
  caption: string;
}

export interface CycleDocument {
  /** Without extension; safe for file systems. */
  fileName: string;
  title: string;
  /** Body paragraphs after the title. */
  paragraphs: string[];
  table?: DocumentTable;
}

export type DocumentsResult = { ok: true; documents: CycleDocument[] } | { ok: false; message: string };

const ruDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "");

function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\n\r\t]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 120);
}

function templateOf(sheets: readonly SheetText[], kind: TemplateKind): { template: string } | { problem: string } {
  const settings = cycleSettingsFromSheets(sheets, SETTINGS_SHEET_NAME);
  const template = settings.templates[kind] ?? DEFAULT_TEMPLATES[kind];
  const problems = checkTemplate(kind, template);
  const names = { notice: "извещения подразделениям", reply: "ответа инициатору", order: "приказа" } as const;
  return problems.length ? { problem: `шаблон ${names[kind]} в настройках: ${problems.join("; ")}` } : { template };
}

function toDocument(fileName: string, lines: string[], table?: DocumentTable): CycleDocument {
  const [title, ...paragraphs] = lines;
  return { fileName: safeFileName(fileName), title: title ?? "", paragraphs, table };
}

/** The notice and the replies; refused when the register has not been approved (the appendix not built as final). */
export function buildNotices(sheets: readonly SheetText[], today: string): DocumentsResult {
  const approved = readApprovedRegister(sheets);
  if (!approved) return { ok: false, message: "в книге нет утвержденного реестра: сначала сформируйте приложение к приказу окончательно (с номером и датой приказа)" };
  const settings = settingsOfSheets(sheets);
  const cycle = cycleSettingsFromSheets(sheets, SETTINGS_SHEET_NAME);
  const notice = templateOf(sheets, "notice");
  if ("problem" in notice) return { ok: false, message: notice.problem };
  const documents: CycleDocument[] = [
    toDocument(
      "Извещение подразделениям об утверждении реестра",
      fillTemplate(notice.template, {
        орган: settings.agencyGenitive,
        номер_приказа: approved.orderNumber,
        дата_приказа: approved.orderDate,
        место_публикации: cycle.publicationPlace,
        ответственный: settings.coordinator,
        строк: String(approved.table.rows.length),
      }),
    ),
  ];
  const report = checkRequestsInSheets(sheets, today);
  if (report.ok) {
    const reply = templateOf(sheets, "reply");
    if ("problem" in reply) return { ok: false, message: reply.problem };
    for (const request of decidedNotInformed(report.requests)) documents.push(replyDocument(request, reply.template, settings.coordinator, settings.agencyGenitive));
  }
  return { ok: true, documents };
}

/** Requests decided (учтено / отклонено) whose initiator has not been informed yet. */
export function decidedNotInformed(requests: readonly ChangeRequest[]): ChangeRequest[] {
  return requests.filter((request) => request.status !== "на рассмотрении" && !request.informedDate);
}

function replyDocument(request: ChangeRequest, template: string, coordinator: string, agency: string): CycleDocument {
  const lines = fillTemplate(template, {
    инициатор: request.initiator,
    номер_записки: request.memoNumber,
    дата_записки: ruDate(request.memoDate),
    дата_поступления: ruDate(request.received),
    основание: request.ground ? `${request.ground}) ${REQUEST_GROUNDS[request.ground]}` : "",
    процессы: request.processIds.join("; ") || "новый процесс",
    содержание: request.summary,
    решение: request.status === "учтено" ? "изменения внесены в реестр процессов" : "обращение отклонено",
    дата_решения: ruDate(request.decisionDate),
    причина: request.status === "отклонено" && request.rejectionReason ? `Причина: ${request.rejectionReason}.` : "",
    ответственный: coordinator,
    орган: agency,
  });
  return toDocument(`Ответ инициатору — ${request.initiator || "строка " + request.row} (строка ${request.row})`, lines);
}

/** The order draft with the working register as its appendix table. */
export function buildOrderDraft(sheets: readonly SheetText[]): DocumentsResult {
  const table = findWorkingRegister(sheets);
  if (!table) return { ok: false, message: "в книге не найден реестр процессов" };
  const settings = settingsOfSheets(sheets);
  const order = templateOf(sheets, "order");
  if ("problem" in order) return { ok: false, message: order.problem };
  const appendixNumber = settings.appendixNumber || "1";
  const lines = fillTemplate(order.template, { орган: settings.agencyGenitive, ответственный: settings.coordinator, номер_приложения: appendixNumber });
  const rows = table.rows.map((row) => REGISTER_COLUMNS.map((_, i) => row.cells[i] ?? "")).filter((cells) => cells.some((cell) => cell !== ""));
  return {
    ok: true,
    documents: [
      toDocument("Проект приказа об утверждении реестра", lines, {
        headers: REGISTER_COLUMNS.map((column) => column.title),
        rows,
        paper: settings.appendixPaper ?? "A4",
        caption: `Приложение ${appendixNumber} к приказу ${settings.agencyGenitive ? settings.agencyGenitive + " " : ""}от ____ № ____`,
      }),
    ],
  };
}

/** A document as plain text for the pane's copy button. */
export function documentText(document: CycleDocument): string {
  return [document.title, "", ...document.paragraphs].join("\n");
}
