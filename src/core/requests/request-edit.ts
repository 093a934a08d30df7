/**
 * Changing the log from the pane: registering a request (checked field by field, in Russian), deciding one, and finding
 * the open requests that a change of the register has already satisfied (a merge or a fix changed a process the request
 * names, with the request's ground).
 */
import { isoToDayNumber, type ProductionCalendar } from "../calendar/working-days";
import { GROUND_LETTERS as CHANGE_GROUND_LETTERS, type RegisterChange } from "../changes";
import { cleanText, headerKey, matchKey } from "../text";
import { evaluateRequestLog, type EvaluatedRequest } from "./request-rules";
import { REQUEST_COLUMNS, type ChangeRequest, type RequestGround, type RequestLog, type RequestStatus } from "./request-log";

export interface RequestDraft {
  initiator: string;
  memoNumber: string;
  /** ISO or "" */
  memoDate: string;
  /** ISO or "" */
  received: string;
  ground: RequestGround | "";
  processIds: string[];
  summary: string;
}

export type DraftField = keyof RequestDraft;

export interface DraftContext {
  today: string;
  /** The register's IDs; null when there is no register (IDs are then not checked). */
  registerIds: ReadonlySet<string> | null;
}

/** A Russian message per field that cannot be accepted; empty when the draft can be registered. */
export function validateRequestDraft(draft: RequestDraft, context: DraftContext): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {};
  const today = isoToDayNumber(context.today) ?? 0;
  if (cleanText(draft.initiator) === "") errors.initiator = "Укажите инициатора: подразделение или сотрудника.";
  if (draft.received === "") errors.received = "Укажите дату поступления — от нее считается срок рассмотрения.";
  else if (isoToDayNumber(draft.received) === null) errors.received = "Дата поступления — не дата.";
  else if (isoToDayNumber(draft.received)! > today) errors.received = "Дата поступления не может быть позже сегодняшней.";
  if (draft.memoDate !== "") {
    if (isoToDayNumber(draft.memoDate) === null) errors.memoDate = "Дата служебной записки — не дата.";
    else if (draft.received !== "" && draft.memoDate > draft.received) errors.memoDate = "Служебная записка не может быть датирована позже дня поступления.";
  }
  if (draft.ground === "") errors.ground = "Выберите основание: а, б, в или г.";
  const ids = draft.processIds.map(cleanText).filter((id) => id !== "");
  if (ids.length === 0 && draft.ground !== "г") errors.processIds = "Укажите процессы, которых касается обращение.";
  if (ids.length && context.registerIds && draft.ground !== "г") {
    const known = new Set([...context.registerIds].map(matchKey));
    const missing = ids.filter((id) => !known.has(matchKey(id)));
    if (missing.length) errors.processIds = `Нет в реестре: ${missing.join("; ")}.`;
  }
  return errors;
}

/** The log with the draft appended as the next numbered request (the sheet row is where it will be written). */
export function appendRequest(requests: readonly ChangeRequest[], draft: RequestDraft, nextRow: number): ChangeRequest[] {
  const numbers = requests.map((request) => Number(request.number)).filter((n) => Number.isInteger(n));
  const number = String((numbers.length ? Math.max(...numbers) : requests.length) + 1);
  const added: ChangeRequest = {
    row: nextRow,
    number,
    initiator: cleanText(draft.initiator),
    memoNumber: cleanText(draft.memoNumber),
    memoDate: draft.memoDate || null,
    received: draft.received || null,
    ground: draft.ground || null,
    processIds: draft.processIds.map(cleanText).filter((id) => id !== ""),
    summary: cleanText(draft.summary),
    typedDue: null,
    status: "на рассмотрении",
    decisionDate: null,
    informedDate: null,
    rejectionReason: "",
    raw: {},
  };
  return [...requests, added];
}

/** The request decided today (or informed today), everything else kept. */
export function decideRequest(request: ChangeRequest, status: Exclude<RequestStatus, "на рассмотрении">, today: string, reason = ""): ChangeRequest {
  return { ...request, status, decisionDate: request.decisionDate ?? today, rejectionReason: status === "отклонено" ? cleanText(reason) : request.rejectionReason };
}

export function markInformed(request: ChangeRequest, today: string): ChangeRequest {
  return { ...request, informedDate: today };
}

export interface SatisfiedRequest {
  request: ChangeRequest;
  /** The IDs the request names that the register changed with the request's ground. */
  ids: string[];
}

/** Open requests naming a process the register changed with the request's own ground (а–г). */
export function requestsSatisfiedByChanges(requests: readonly ChangeRequest[], changes: readonly RegisterChange[]): SatisfiedRequest[] {
  const lettersById = new Map<string, Set<string>>();
  for (const change of changes) lettersById.set(matchKey(change.id), new Set(change.grounds.map((ground) => CHANGE_GROUND_LETTERS[ground])));
  const result: SatisfiedRequest[] = [];
  for (const request of requests) {
    if (request.status !== "на рассмотрении" || !request.ground) continue;
    const ids = request.processIds.filter((id) => lettersById.get(matchKey(id))?.has(request.ground!));
    if (ids.length) result.push({ request, ids });
  }
  return result;
}

/** Column titles on the log sheet that the add-in does not know: rewriting the sheet would lose them. */
export function unknownLogColumns(headerCells: readonly string[], log: Pick<RequestLog, "columns">): string[] {
  const known = new Set(Object.values(log.columns));
  const ours = new Set([...REQUEST_COLUMNS.map((column) => headerKey(column.title)), ...["Статусы", "Основания", "Нерабочие дни"].map(headerKey)]);
  return headerCells
    .map((cell, i) => ({ title: cleanText(cell ?? ""), column: i + 1 }))
    .filter(({ title, column }) => title !== "" && !known.has(column) && !ours.has(headerKey(title)))
    .map(({ title }) => title);
}

export function dueDateOfDraft(draft: RequestDraft, calendar: ProductionCalendar): { due: string; approximate: boolean } | null {
  if (draft.received === "" || isoToDayNumber(draft.received) === null) return null;
  const { due, approximate } = calendar.dueDate(draft.received);
  return { due, approximate };
}

/** The requests as they will stand on the sheet we write (rows from the first data row), evaluated again. */
export function evaluateForSheet(
  requests: readonly ChangeRequest[],
  options: { calendar: ProductionCalendar; today: string; registerIds: ReadonlySet<string> | null; firstDataRow: number },
): EvaluatedRequest[] {
  const placed = requests.map((request, i) => ({ ...request, row: options.firstDataRow + i, typedDue: null }));
  const columns = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column.key, column.index]));
  return evaluateRequestLog({ sheet: "", headerRow: options.firstDataRow - 1, columns, requests: placed }, options).requests;
}
