/**
 * «Журнал обращений» written by the file renderer: read back by our reader (nothing lost), reopened by LibreOffice
 * (dates as real dates, dropdowns, the conditional highlighting evaluated on today's date), and checked by `reestr requests`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeLayoutToBuffer } from "../../src/adapters/xlsx/exceljs-writer";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-workbook-file";
import { dayNumberToIso, isoToDayNumber, ProductionCalendar } from "../../src/core/calendar/working-days";
import { requestLogWorkbookLayout, REQUEST_LOG_FIRST_DATA_ROW } from "../../src/core/layout/request-log-sheet";
import { findRequestLogSheet, readRequestLog } from "../../src/core/requests/request-log";
import { evaluateRequestLog } from "../../src/core/requests/request-rules";
import { localTodayIso } from "../../src/cli/commands/requests";
import { closeLibreOffice, inspectWithLibreOffice, sofficeAvailable, toExcelSeparators } from "../support/libreoffice";
import { handTypedLog } from "./request-log.test-helpers";
import { expectValidXlsx } from "../support/ooxml-check";

const dir = mkdtempSync(join(tmpdir(), "reestr-request-log-"));
afterAll(() => {
  closeLibreOffice();
  rmSync(dir, { recursive: true, force: true });
});

const calendar = new ProductionCalendar();
const today = localTodayIso();
const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const daysAgo = (n: number) => dayNumberToIso(isoToDayNumber(today)! - n);

/** The latest received date whose due date is within 2 working days of today (and not before it). */
function receivedDueSoon(): string {
  for (let back = 0; back < 40; back++) {
    const received = daysAgo(back);
    const due = calendar.dueDate(received).due;
    if (due >= today && calendar.workingDaysLeft(today, due) <= 2) return received;
  }
  throw new Error("no received date gives a due date within 2 working days");
}

/** One overdue request, one received today (due in 10 working days), one decided, one due within 2 working days. */
function sampleRequests() {
  const log = readRequestLog(
    handTypedLog([
      ["1", "Отдел кадров", "12", ru(daysAgo(40)), ru(daysAgo(30)), "б", "017-01-01", "Уточнить результат процесса", "", "", "", ""],
      ["2", "Юридический отдел «Право»", "=13", "", ru(today), "г — возникновение нового процесса", "", "Новый процесс: ответы на запросы", "", "на рассмотрении", "", ""],
      ["3", "Иванов И. И.", "14", "", ru(daysAgo(20)), "в", "017-01-02", "", "", "отклонено", ru(daysAgo(10)), ru(daysAgo(9))],
      ["4", "Отдел кадров", "15", "", ru(receivedDueSoon()), "а", "017-01-03", "", "", "", "", ""],
    ]),
  )!;
  return evaluateRequestLog(log, { calendar, today, registerIds: null }).requests;
}

describe("the log sheet written to .xlsx", () => {
  const path = join(dir, "log.xlsx");
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeLayoutToBuffer(requestLogWorkbookLayout(sampleRequests(), { calendar, years: [Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))] }));
    writeFileSync(path, bytes);
  });

  test("every part is valid against the ECMA-376 schemas and the package checks", async () => {
    await expectValidXlsx(bytes, "«Журнал обращений»");
  });

  test("read back: every request as written, text kept as text («=13» is not a formula)", async () => {
    const read = await readWorkbookFile(path);
    if (!read.ok) throw new Error(read.message);
    const log = readRequestLog(findRequestLogSheet(read.sheets)!)!;
    const again = evaluateRequestLog(log, { calendar, today, registerIds: null }).requests;
    const pick = (requests: ReturnType<typeof sampleRequests>) =>
      requests.map((r) => [r.initiator, r.memoNumber, r.memoDate, r.received, r.ground, r.processIds, r.summary, r.status, r.decisionDate, r.informedDate, r.due]);
    expect(pick(again)).toEqual(pick(sampleRequests()));
    expect(again.map((r) => r.typedDue)).toEqual(sampleRequests().map((r) => r.due));
    expect(log.headerRow).toBe(REQUEST_LOG_FIRST_DATA_ROW - 1);
  });

  (sofficeAvailable() ? test : test.skip)("LibreOffice: dates are real dates, the dropdowns use the names, overdue and due-soon formulas evaluate on today", async () => {
    const first = REQUEST_LOG_FIRST_DATA_ROW;
    const dueSoon = (row: number) => `AND(OR($J${row}="на рассмотрении",$J${row}=""),ISNUMBER($I${row}),$I${row}>=TODAY(),NETWORKDAYS(TODAY()+1,$I${row},Нерабочие_дни)<=2)`;
    const overdue = (row: number) => `AND(OR($J${row}="на рассмотрении",$J${row}=""),ISNUMBER($I${row}),$I${row}<TODAY())`;
    const inspection = await inspectWithLibreOffice(path, {
      cells: { "Журнал обращений": `A1:M${first + 2}` },
      probeCells: { "Журнал обращений": [`J${first}`, `F${first}`] },
      evaluate: [
        ...[0, 1, 2, 3].map((i) => ({ sheet: "Журнал обращений", cell: `Z${first + i}`, formula: `=${toExcelSeparators(overdue(first + i))}` })),
        ...[0, 1, 2, 3].map((i) => ({ sheet: "Журнал обращений", cell: `AA${first + i}`, formula: `=${toExcelSeparators(dueSoon(first + i))}` })),
      ],
    });
    const cells = inspection.cells["Журнал обращений"];
    expect(cells[first - 1][4]).toMatchObject({ type: "number", text: ru(daysAgo(30)) });
    expect(cells[first][2]).toMatchObject({ type: "text", text: "=13" });
    expect(inspection.evaluations.map((evaluation) => evaluation.error)).toEqual(Array(8).fill(null));
    // Overdue: the first request only; due soon: the fourth only (the one received today has 10 working days left).
    expect(inspection.evaluations.map((evaluation) => evaluation.value)).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    const probes = inspection.probes["Журнал обращений"];
    expect(probes[`J${first}`].validation?.formula1).toMatch(/Статусы_обращений/);
    const formats = inspection.sheets.find((sheet) => sheet.name === "Журнал обращений")!.conditionalFormats;
    expect(formats.map((format) => [format.ranges, format.entries[0].backColor])).toEqual([
      [[`A${first}:M${first + 4 + 199}`], "#F4CCCC"],
      [[`A${first}:M${first + 4 + 199}`], "#FFF2CC"],
    ]);
    expect(Object.keys(inspection.namedRanges)).toEqual(expect.arrayContaining(["Статусы_обращений", "Основания_изменений", "Нерабочие_дни"]));
  });
});
