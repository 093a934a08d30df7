/**
 * «Журнал обращений» through Office.js on the simulator, at ExcelApi 1.8 (Office 2019) and the newest level: round trips
 * counted (writing ≤ 3 and the same for 3 and 600 requests), read back through the pane's own read, nothing else touched.
 */
import { createExcelSimulator, NEWEST_API_VERSION } from "../../src/simulator";
import { readRequestWorkbook, writeRequestLog } from "../../src/adapters/office/request-log";
import { ProductionCalendar } from "../../src/core/calendar/working-days";
import { readRequestLog } from "../../src/core/requests/request-log";
import { evaluateRequestLog, type EvaluatedRequest } from "../../src/core/requests/request-rules";
import { registerSheetRows } from "../appendix/helpers";
import { validRows } from "../fixtures/register-data";
import { handTypedLog } from "./request-log.test-helpers";

const calendar = new ProductionCalendar();
const TODAY = "2025-05-14";
const ids = validRows(3).map((row) => row[0]);

function requests(count: number): EvaluatedRequest[] {
  const rows = Array.from({ length: count }, (_, i) => [
    String(i + 1),
    i % 2 ? "Юридический отдел" : "Отдел кадров",
    String(100 + i),
    "",
    i % 3 ? "28.04.2025" : "05.05.2025",
    ["а", "б", "в"][i % 3],
    ids[i % 3],
    `Обращение ${i + 1}: уточнить «результат» =SUM(A1)`,
    "",
    i % 5 === 4 ? "учтено" : "",
    i % 5 === 4 ? "12.05.2025" : "",
    "",
  ]);
  return evaluateRequestLog(readRequestLog(handTypedLog(rows))!, { calendar, today: TODAY, registerIds: null }).requests;
}

describe.each(["1.8", NEWEST_API_VERSION])("ExcelApi %s", (apiVersion) => {
  async function writeAndRead(count: number) {
    const sim = createExcelSimulator({ apiVersion });
    await sim.Excel.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.add("Реестр процессов");
      const rows = registerSheetRows(validRows(3));
      sheet.getRangeByIndexes(0, 0, rows.length, 15).values = rows.map((row) => Array.from({ length: 15 }, (_, i) => row[i] ?? ""));
      await context.sync();
    });
    const first = await sim.Excel.run((context: Excel.RequestContext) => readRequestWorkbook(context, TODAY, { apiLevel: apiVersion }));
    expect(first.report.ok).toBe(false);
    const written = requests(count);
    const before = sim.stats.syncs - sim.stats.releases;
    const report = await sim.Excel.run((context: Excel.RequestContext) =>
      writeRequestLog(context, written, { calendar, apiLevel: apiVersion, known: first.known, years: [2025] }),
    );
    // Round trips of the write itself: office.js's closing release message (Excel.run ending) is not one of them.
    const writeSyncs = sim.stats.syncs - sim.stats.releases - before;
    const back = await sim.Excel.run((context: Excel.RequestContext) => readRequestWorkbook(context, TODAY, { apiLevel: apiVersion }));
    return { sim, report, writeSyncs, written, back };
  }

  test("writing the log takes at most 3 round trips, the same for 3 and 600 requests", async () => {
    const small = await writeAndRead(3);
    const large = await writeAndRead(600);
    // The read before it already knows the sheets and names: one sync applies the whole layout.
    expect(small.report.syncs).toBe(1);
    // Reading it back: the sheet list, then the sheets' text in one request (a small log needs no more).
    expect(small.back.syncs).toBeLessThanOrEqual(3);
    expect(large.back.syncs).toBe(small.back.syncs);
    expect(small.writeSyncs).toBe(small.report.syncs);
    expect(large.report.syncs).toBe(small.report.syncs);
  });

  test("read back through the pane's read: the same requests and due dates, text kept as text, the register's IDs checked", async () => {
    const { back, written } = await writeAndRead(7);
    if (!back.report.ok) throw new Error(back.report.message);
    const pick = (list: EvaluatedRequest[]) => list.map((r) => [r.initiator, r.memoNumber, r.received, r.ground, r.processIds, r.summary, r.status, r.decisionDate, r.due]);
    expect(pick(back.report.requests)).toEqual(pick(written));
    expect(back.report.requests[0].summary).toBe("Обращение 1: уточнить «результат» =SUM(A1)");
    expect(back.report.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(back.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(["Реестр процессов", "Журнал обращений"]));
  });
});
