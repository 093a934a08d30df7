import { ProductionCalendar } from "../../src/core/calendar/working-days";
import { buildDueSummary } from "../../src/core/due-summary";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import type { SheetText } from "../../src/core/register-types";
import { appendRequest, decideRequest, dueDateOfDraft, requestsSatisfiedByChanges, unknownLogColumns, validateRequestDraft, type RequestDraft } from "../../src/core/requests/request-edit";
import { readRequestLog } from "../../src/core/requests/request-log";
import { checkRequestsInSheets, registerChangesOfSheets } from "../../src/core/requests/request-report";
import { registerSheets } from "../appendix/helpers";
import { validRows } from "../fixtures/register-data";
import { handTypedLog } from "./request-log.test-helpers";

const ids = validRows(3).map((row) => row[0]);
const draft = (change: Partial<RequestDraft> = {}): RequestDraft => ({
  initiator: "Отдел кадров",
  memoNumber: "12",
  memoDate: "2025-04-25",
  received: "2025-04-28",
  ground: "б",
  processIds: [ids[0]],
  summary: "Уточнить результат",
  ...change,
});
const context = { today: "2025-05-06", registerIds: new Set(ids) };

function approvedSheet(rows: string[][]): SheetText {
  return {
    name: "_Утвержденный реестр",
    rows: [["Утвержденный реестр процессов"], ["Номер приказа", "7"], ["Дата приказа", "15.10.2024"], ["Строк в реестре", String(rows.length)], [], REGISTER_COLUMNS.map((column) => column.title), ...rows],
  };
}

describe("registering a request from the pane", () => {
  it("accepts a complete draft and shows its due date before it is registered", () => {
    expect(validateRequestDraft(draft(), context)).toEqual({});
    expect(dueDateOfDraft(draft(), new ProductionCalendar())).toEqual({ due: "2025-05-16", approximate: false });
  });

  it("a message at each field: no received date, a date in the future, IDs not in the register, a memo dated after receipt", () => {
    expect(validateRequestDraft(draft({ received: "", initiator: " " }), context)).toEqual({
      received: "Укажите дату поступления — от нее считается срок рассмотрения.",
      initiator: "Укажите инициатора: подразделение или сотрудника.",
    });
    expect(validateRequestDraft(draft({ received: "2025-05-07", memoDate: "" }), context).received).toBe("Дата поступления не может быть позже сегодняшней.");
    expect(validateRequestDraft(draft({ processIds: [ids[0], "017-99-99"] }), context).processIds).toBe("Нет в реестре: 017-99-99.");
    expect(validateRequestDraft(draft({ memoDate: "2025-04-29" }), context).memoDate).toMatch(/позже дня поступления/);
    // A new process (ground «г») has no ID yet.
    expect(validateRequestDraft(draft({ ground: "г", processIds: [] }), context)).toEqual({});
  });

  it("appends the next number and decides a request with today's date, keeping everything else", () => {
    const log = readRequestLog(handTypedLog([["7", "Юридический отдел", "3", "", "01.04.2025", "а", ids[1], "", "", "", "", ""]]))!;
    const appended = appendRequest(log.requests, draft(), 5);
    expect(appended.map((request) => [request.number, request.initiator, request.status])).toEqual([
      ["7", "Юридический отдел", "на рассмотрении"],
      ["8", "Отдел кадров", "на рассмотрении"],
    ]);
    const rejected = decideRequest(appended[1], "отклонено", "2025-05-06", "процесс уже описан");
    expect(rejected).toMatchObject({ status: "отклонено", decisionDate: "2025-05-06", rejectionReason: "процесс уже описан", summary: "Уточнить результат" });
  });

  it("a log with columns the add-in does not know is not rewritten (their names are given)", () => {
    const sheet = handTypedLog([]);
    sheet.rows[2] = [...sheet.rows[2], "Исполнитель"];
    expect(unknownLogColumns(sheet.rows[2], readRequestLog(sheet)!)).toEqual(["Исполнитель"]);
    expect(unknownLogColumns(handTypedLog([]).rows[2], readRequestLog(handTypedLog([]))!)).toEqual([]);
  });
});

describe("a change of the register satisfies an open request with the same ground", () => {
  const approved = validRows(3);
  const current = validRows(3).map((row) => [...row]);
  current[0][11] = "Архивная справка с приложением копий"; // content (б) of the first process
  const log = handTypedLog([
    ["1", "Отдел кадров", "12", "", "28.04.2025", "б", ids[0], "", "", "", "", ""],
    ["2", "Отдел кадров", "13", "", "28.04.2025", "а", ids[0], "", "", "", "", ""],
    ["3", "Отдел кадров", "14", "", "28.04.2025", "б", ids[1], "", "", "", "", ""],
  ]);
  const sheets = [...registerSheets(current, { orderDate: "15.10.2024" }), approvedSheet(approved), log];

  it("offers the request whose process changed with its ground only", () => {
    const changes = registerChangesOfSheets(sheets)!;
    expect(changes.map((change) => [change.id, change.grounds])).toEqual([[ids[0], ["content"]]]);
    const report = checkRequestsInSheets(sheets, "2025-05-06");
    if (!report.ok) throw new Error(report.message);
    expect(requestsSatisfiedByChanges(report.requests, changes).map(({ request, ids: matched }) => [request.row, matched])).toEqual([[4, [ids[0]]]]);
  });

  it("the status summary says whether anything changed since the approval («изменений нет»)", () => {
    expect(buildDueSummary(sheets, "2025-05-06").actualization?.changed).toBe(true);
    const unchanged = [...registerSheets(approved, { orderDate: "15.10.2024" }), approvedSheet(approved)];
    const summary = buildDueSummary(unchanged, "2025-05-06");
    expect(summary.actualization).toMatchObject({ changed: false, overdue: false, due: "2025-04-15" });
  });
});
