import { ProductionCalendar } from "../../src/core/calendar/working-days";
import { buildDueSummary } from "../../src/core/due-summary";
import { parseGround, parseLogDate, parseStatus, readRequestLog, REQUEST_COLUMNS } from "../../src/core/requests/request-log";
import { byUrgency, evaluateRequestLog } from "../../src/core/requests/request-rules";
import { checkRequestsInSheets } from "../../src/core/requests/request-report";
import { registerSheets } from "../appendix/helpers";
import { validRows } from "../fixtures/register-data";
import { handTypedLog } from "./request-log.test-helpers";

const calendar = new ProductionCalendar();
const ids = validRows(3).map((row) => row[0]);

describe("reading a log", () => {
  it("finds the header below title rows, tolerates case and spaces, reads dates as text or serials", () => {
    const log = readRequestLog(
      handTypedLog([
        ["1", "Отдел кадров", "12", "27.04.2025", "28.04.2025", "б) изменение содержания", `${ids[0]}; ${ids[1]}`, "Уточнить результат", "", "", "", ""],
        ["2", "Иванов И. И.", "", "", "45960", "Г", "", "Новый процесс", "14.11.2025", "Отклонено: дублирует процесс", "31.10.2025", ""],
      ]),
    )!;
    expect(log.headerRow).toBe(3);
    expect(log.columns.rejectionReason).toBeUndefined();
    expect(log.requests.map((request) => [request.row, request.received, request.ground, request.processIds, request.status, request.rejectionReason])).toEqual([
      [4, "2025-04-28", "б", [ids[0], ids[1]], "на рассмотрении", ""],
      [5, "2025-10-30", "г", [], "отклонено", "дублирует процесс"],
    ]);
  });

  it("dates: text, ISO, long Russian dates, serials; anything else is not a date", () => {
    expect(["28.04.2025", "2025-04-28", "28 апреля 2025 г.", "«28» апреля 2025 года", "45775", "28.04.2025 0:00"].map(parseLogDate)).toEqual(Array(6).fill("2025-04-28"));
    expect(["31.02.2025", "28 апрель 2025", "вчера"].map(parseLogDate)).toEqual([null, null, null]);
  });

  it("grounds: the letter alone, with a bracket, with its words, or the words alone; statuses with their forms", () => {
    expect(["а", "А)", "a", "в — прекращение выполнения процесса", "возникновение нового процесса", "изменение формы"].map(parseGround)).toEqual(["а", "а", "а", "в", "г", "а"]);
    expect(parseGround("д")).toBeNull();
    expect(parseStatus("Учтено")?.status).toBe("учтено");
    expect(parseStatus("в работе")).toBeNull();
  });

  it("the columns are in the order of the issue, the reason of a refusal last", () => {
    expect(REQUEST_COLUMNS.map((column) => column.title)).toEqual([
      "№ п/п", "Инициатор", "Номер служебной записки", "Дата служебной записки", "Дата поступления", "Основание", "Идентификаторы процессов",
      "Содержание обращения", "Срок рассмотрения", "Статус", "Дата решения", "Дата информирования инициатора", "Причина отклонения",
    ]);
  });
});

describe("the rules", () => {
  const evaluate = (rows: string[][], today = "2025-05-14") =>
    evaluateRequestLog(readRequestLog(handTypedLog(rows))!, { calendar, today, registerIds: new Set(ids) });

  it("computes the due date and working days left; overdue and due soon; a typed due date that differs is reported", () => {
    const { requests, issues } = evaluate([
      ["1", "Отдел кадров", "12", "27.04.2025", "28.04.2025", "б", ids[0], "", "15.05.2025", "", "", ""],
      ["2", "Юридический отдел", "13", "", "24.04.2025", "а", ids[1], "", "", "на рассмотрении", "", ""],
      ["3", "Отдел кадров", "14", "", "05.05.2025", "в", ids[2], "", "", "", "", ""],
    ]);
    expect(requests.map((request) => [request.due, request.workingDaysLeft, request.overdue, request.dueSoon])).toEqual([
      ["2025-05-16", 2, false, true],
      ["2025-05-14", 0, false, true],
      ["2025-05-21", 5, false, false],
    ]);
    expect(issues).toEqual([expect.objectContaining({ row: 4, column: 9, code: "due-differs", severity: "warning" })]);
    expect(issues[0].message).toBe("Строка 4: в графе «Срок рассмотрения» указано 15.05.2025, по производственному календарю срок — 16.05.2025.");
    const late = evaluate([["1", "Отдел кадров", "12", "", "24.04.2025", "а", ids[1], "", "", "", "", ""]], "2025-05-15").requests[0];
    expect([late.overdue, late.workingDaysLeft]).toEqual([true, -1]);
    expect([...requests].sort(byUrgency).map((request) => request.row)).toEqual([5, 4, 6]);
  });

  it("bad input: no received date, a date in the future, IDs not in the register, a decision before the request, a refusal without a reason", () => {
    const { issues, requests } = evaluate([
      ["1", "Отдел кадров", "", "", "", "б", ids[0], "", "", "", "", ""],
      ["2", "Отдел кадров", "", "", "20.05.2025", "б", ids[0], "", "", "", "", ""],
      ["3", "Отдел кадров", "", "", "05.05.2025", "б", `${ids[0]}; 999-99-99`, "", "", "", "", ""],
      ["4", "Отдел кадров", "", "", "05.05.2025", "б", ids[0], "", "", "отклонено", "30.04.2025", ""],
      ["5", "Отдел кадров", "", "", "31.02.2025", "х", ids[0], "", "", "", "", ""],
      ["6", "Отдел кадров", "", "", "05.05.2025", "г", "017-НОВЫЙ-01", "", "", "", "", ""],
    ]);
    const codes = issues.map((issue) => [issue.row, issue.code]);
    expect(codes).toEqual([
      [4, "missing-received"],
      [5, "received-in-future"],
      [6, "unknown-process-id"],
      [7, "decision-before-request"],
      [7, "rejected-without-reason"],
      [8, "unknown-ground"],
      [8, "not-a-date"],
    ]);
    expect(issues.find((issue) => issue.code === "unknown-process-id")!.message).toBe("Строка 6: идентификатора «999-99-99» нет в реестре.");
    expect(issues.find((issue) => issue.code === "missing-received")!.message).toMatch(/не указана дата поступления/);
    // Nothing typed is lost: the raw cells stay with each request.
    expect(requests[4].raw.received).toBe("31.02.2025");
  });

  it("a due date in a year without a loaded calendar is approximate and says so", () => {
    const { requests, issues } = evaluate([["1", "Отдел кадров", "", "", "28.12.2026", "б", ids[0], "", "", "", "", ""]], "2026-12-29");
    expect([requests[0].due, requests[0].approximate]).toEqual(["2027-01-20", true]);
    expect(issues[0]).toMatchObject({ code: "calendar-not-loaded", severity: "warning" });
    expect(issues[0].message).toMatch(/календарь на 2027 год не загружен/);
  });
});

describe("the workbook: calendar overrides from the settings block, the status summary", () => {
  const logRows = [["1", "Отдел кадров", "12", "", "28.04.2025", "б", ids[0], "", "", "", "", ""]];

  it("a regional day off from the settings moves the due date; a value that is not a date is reported, not guessed", () => {
    const sheets = registerSheets(validRows(3));
    sheets[1].rows.push(["Нерабочие дни (дополнительно к календарю)", "13.05.2025; 31.02.2025"]);
    const report = checkRequestsInSheets([...sheets, handTypedLog(logRows)], "2025-05-06");
    if (!report.ok) throw new Error(report.message);
    expect(report.requests[0].due).toBe("2025-05-19");
    expect(report.calendarProblems).toEqual(["«31.02.2025» в параметре «Нерабочие дни (дополнительно к календарю)» — не дата; укажите даты в виде ДД.ММ.ГГГГ через «;»."]);
  });

  it("summary: the actualization six months after the approval, open requests, anything overdue", () => {
    const sheets = [...registerSheets(validRows(3), { orderDate: "15.10.2024" }), handTypedLog(logRows)];
    const early = buildDueSummary(sheets, "2025-04-10");
    expect(early.actualization).toMatchObject({ since: "2024-10-15", due: "2025-04-15", overdue: false, changed: null });
    expect(early.requests).toMatchObject({ open: 1, overdue: 0 });
    expect(early.anyOverdue).toBe(false);
    const late = buildDueSummary(sheets, "2025-05-20");
    expect(late.actualization?.overdue).toBe(true);
    expect(late.requests).toMatchObject({ open: 1, overdue: 1 });
    expect(late.requests!.nearest[0].row).toBe(4);
    expect(late.anyOverdue).toBe(true);
    expect(buildDueSummary(registerSheets(validRows(1)), "2025-05-20").requests).toBeNull();
  });

  it("units that have not submitted come from the collection round when one is running", () => {
    const sheets = registerSheets(validRows(1));
    const summary = buildDueSummary(sheets, "2025-05-20", () => ({ units: ["Отдел кадров"], due: "2025-05-19" }));
    expect(summary.collection).toEqual({ units: ["Отдел кадров"], due: "2025-05-19" });
    expect(summary.anyOverdue).toBe(true);
  });
});
