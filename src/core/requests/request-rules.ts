/**
 * Checking the request log and computing each request's due date by the production calendar: the received date + 10
 * working days (clause 3.10). The due date on the sheet is never trusted; a typed one that differs is reported.
 */
import { isoToDayNumber, REQUEST_TERM_WORKING_DAYS, type ProductionCalendar } from "../calendar/working-days";
import { matchKey } from "../text";
import { GROUND_LETTERS, parseStatus, REQUEST_COLUMN_BY_KEY, type ChangeRequest, type RequestColumnKey, type RequestLog } from "./request-log";

export type RequestIssueCode =
  | "missing-received"
  | "not-a-date"
  | "received-in-future"
  | "unknown-ground"
  | "unknown-status"
  | "unknown-process-id"
  | "missing-process-ids"
  | "missing-initiator"
  | "decision-before-request"
  | "missing-decision-date"
  | "informed-before-decision"
  | "rejected-without-reason"
  | "due-differs"
  | "calendar-not-loaded";

export interface RequestIssue {
  row: number;
  /** The sheet's column (1-based). */
  column: number;
  code: RequestIssueCode;
  severity: "error" | "warning";
  message: string;
}

export interface EvaluatedRequest extends ChangeRequest {
  /** ISO; null when the received date is missing or not a date. */
  due: string | null;
  /** A day counted lies in a year whose production calendar is not loaded. */
  approximate: boolean;
  open: boolean;
  /** Open requests only: working days after today up to the due date (negative when overdue). */
  workingDaysLeft: number | null;
  overdue: boolean;
  /** Open, not overdue, due within 2 working days. */
  dueSoon: boolean;
}

export interface RequestCheckOptions {
  calendar: ProductionCalendar;
  /** ISO */
  today: string;
  /** The register's IDs (matchKey'd or as typed); null when no register is at hand — IDs are then not checked. */
  registerIds?: ReadonlySet<string> | null;
}

export const DUE_SOON_WORKING_DAYS = 2;

function ruDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export function evaluateRequestLog(log: RequestLog, options: RequestCheckOptions): { requests: EvaluatedRequest[]; issues: RequestIssue[] } {
  const { calendar, today } = options;
  const registerKeys = options.registerIds ? new Set([...options.registerIds].map(matchKey)) : null;
  const issues: RequestIssue[] = [];
  const columnOf = (key: RequestColumnKey) => log.columns[key] ?? REQUEST_COLUMN_BY_KEY[key].index;
  const add = (request: ChangeRequest, key: RequestColumnKey, code: RequestIssueCode, severity: RequestIssue["severity"], text: string) =>
    issues.push({ row: request.row, column: columnOf(key), code, severity, message: `Строка ${request.row}: ${text}` });
  const notADate = (request: ChangeRequest, key: RequestColumnKey) => {
    const raw = request.raw[key] ?? "";
    if (raw !== "" && request[key as "memoDate"] === null) add(request, key, "not-a-date", "error", `«${raw}» в графе «${REQUEST_COLUMN_BY_KEY[key].title}» — не дата; нужна дата в виде ДД.ММ.ГГГГ.`);
  };
  const todayDay = isoToDayNumber(today) ?? 0;

  const requests = log.requests.map((request): EvaluatedRequest => {
    for (const key of ["memoDate", "decisionDate", "informedDate"] as const) notADate(request, key);
    if (request.initiator === "") add(request, "initiator", "missing-initiator", "error", "не указан инициатор (подразделение или сотрудник).");
    if (request.raw.ground && !request.ground) add(request, "ground", "unknown-ground", "error", `основание «${request.raw.ground}» не распознано; допустимы ${GROUND_LETTERS.join(", ")} (п. 8 порядка).`);
    else if (!request.ground) add(request, "ground", "unknown-ground", "warning", "не указано основание (а, б, в или г).");
    if (request.raw.status && !parseStatus(request.raw.status)) add(request, "status", "unknown-status", "error", `статус «${request.raw.status}» не распознан; допустимы «на рассмотрении», «учтено», «отклонено».`);

    if (request.processIds.length === 0) {
      if (request.ground !== "г") add(request, "processIds", "missing-process-ids", "warning", "не указаны идентификаторы процессов, которых касается обращение.");
    } else if (registerKeys) {
      const missing = request.processIds.filter((id) => !registerKeys.has(matchKey(id)));
      // A new process (ground «г») has no ID in the register yet: that is expected, not an error.
      if (missing.length && request.ground !== "г")
        add(request, "processIds", "unknown-process-id", "error", `${missing.length === 1 ? "идентификатора" : "идентификаторов"} ${missing.map((id) => `«${id}»`).join(", ")} нет в реестре.`);
    }

    let due: string | null = null;
    let approximate = false;
    if (request.received === null) {
      if ((request.raw.received ?? "") === "") add(request, "received", "missing-received", "error", "не указана дата поступления — срок рассмотрения не рассчитать.");
      else add(request, "received", "not-a-date", "error", `«${request.raw.received}» в графе «Дата поступления» — не дата; нужна дата в виде ДД.ММ.ГГГГ.`);
    } else {
      if ((isoToDayNumber(request.received) ?? 0) > todayDay) add(request, "received", "received-in-future", "error", `дата поступления ${ruDate(request.received)} позже сегодняшней.`);
      const computed = calendar.dueDate(request.received, REQUEST_TERM_WORKING_DAYS);
      due = computed.due;
      approximate = computed.approximate;
      if (approximate)
        add(request, "due", "calendar-not-loaded", "warning", `производственный календарь на ${due.slice(0, 4)} год не загружен: срок ${ruDate(due)} рассчитан по выходным и праздникам ст. 112 ТК РФ и может сдвинуться.`);
      if (request.typedDue && request.typedDue !== due)
        add(request, "due", "due-differs", "warning", `в графе «Срок рассмотрения» указано ${ruDate(request.typedDue)}, по производственному календарю срок — ${ruDate(due)}.`);
      else if (!request.typedDue && request.raw.due) notADate(request, "due");
      const earliest = [request.received, request.memoDate].filter((date): date is string => date !== null).sort()[0];
      if (request.decisionDate && request.decisionDate < earliest)
        add(request, "decisionDate", "decision-before-request", "error", `дата решения ${ruDate(request.decisionDate)} раньше поступления обращения ${ruDate(earliest)}.`);
    }
    if (request.status !== "на рассмотрении" && !request.decisionDate && !request.raw.decisionDate)
      add(request, "decisionDate", "missing-decision-date", "warning", `статус «${request.status}», но не указана дата решения.`);
    if (request.status === "отклонено" && request.rejectionReason === "")
      add(request, "rejectionReason", "rejected-without-reason", "warning", "обращение отклонено, но причина не указана — ее нужно сообщить инициатору.");
    if (request.informedDate && request.decisionDate && request.informedDate < request.decisionDate)
      add(request, "informedDate", "informed-before-decision", "error", `инициатор проинформирован ${ruDate(request.informedDate)}, раньше решения ${ruDate(request.decisionDate)}.`);

    const open = request.status === "на рассмотрении";
    const workingDaysLeft = open && due ? calendar.workingDaysLeft(today, due) : null;
    const overdue = open && due !== null && due < today;
    const dueSoon = open && due !== null && !overdue && (workingDaysLeft ?? Infinity) <= DUE_SOON_WORKING_DAYS;
    return { ...request, due, approximate, open, workingDaysLeft, overdue, dueSoon };
  });
  return { requests, issues };
}

/** Overdue first, then due soon, then by due date; requests without a due date last; the sheet's order breaks ties. */
export function byUrgency(a: EvaluatedRequest, b: EvaluatedRequest): number {
  const rank = (request: EvaluatedRequest) => (request.overdue ? 0 : request.dueSoon ? 1 : request.due ? 2 : 3);
  return rank(a) - rank(b) || (a.due ?? "9999").localeCompare(b.due ?? "9999") || a.row - b.row;
}
