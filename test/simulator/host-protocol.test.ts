/** The host under office.js's own client: what the client sends, and what the host refuses as Excel documents it. */
import { CLIENT_BUILDS, NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";

type Ctx = Excel.RequestContext;

/** Runs one write on Sheet1 and syncs. */
function onSheet1(sim: ReturnType<typeof createExcelSimulator>) {
  return (write: (sheet: Excel.Worksheet) => void) =>
    sim.Excel.run(async (context: Ctx) => {
      write(context.workbook.worksheets.getItem("Sheet1"));
      await context.sync();
    });
}

describe.each(CLIENT_BUILDS)("office.js %s client", (client) => {
  test("a 2,000-row write is split by office.js into chunks of about 1,500 cells, one message", async () => {
    const sim = createExcelSimulator({ client, apiVersion: "1.8" });
    sim.recordRequests = true;
    const values = Array.from({ length: 2000 }, (_, i) => [i, `строка ${i}`, "x"]);
    await sim.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2000").values = values;
      await context.sync();
    });
    const body = JSON.parse(sim.requestLog[0]) as { Actions: { ActionType: number; Name: string; ArgumentInfo?: { Arguments?: unknown[][] } }[] };
    const writes = body.Actions.filter((a) => a.ActionType === 4 && a.Name === "Values");
    // 1,500 cells / 3 columns = 500 rows per chunk (setRangePropertiesInBulk in office.js).
    expect(writes.map((a) => (a.ArgumentInfo!.Arguments![0] as unknown[]).length)).toEqual([500, 500, 500, 500]);
    expect(body.Actions.some((a) => a.Name === "_ValidateArraySize")).toBe(true);
    expect(sim.workbook.sheet("Sheet1").cell(2000, 2).value).toBe("строка 1999");
    expect(sim.stats.syncs - sim.stats.releases).toBe(1);
  });

  test("an API above the host's level: office.js sends it, the host refuses it with ApiNotFound at sync", async () => {
    // office.js 1.1.110 reads CommonUtility._doApiNotSupportedCheck, which stays false (the build sets the flag on
    // Utility), so the check at the call never fires: the request goes out and Excel's host answers.
    const sim = createExcelSimulator({ client, apiVersion: "1.8" });
    expect(sim.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(sim.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    await expect(
      sim.Excel.run(async (context: Ctx) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["до"]];
        sheet.pageLayout.orientation = "Landscape";
        sheet.getRange("A2").values = [["после"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: expect.stringContaining("orientation") } });
    expect(sim.workbook.sheet("Sheet1").cell(1, 1).value).toBe("до");
    expect(sim.workbook.sheet("Sheet1").cell(2, 1).value).toBeNull();
    // With office.js's own check switched on, the call itself throws and nothing is sent.
    const checking = createExcelSimulator({ client, apiVersion: "1.8", apiCheckAtCall: true });
    await expect(
      checking.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: expect.stringMatching(/pageLayout/i) } });
    expect(checking.stats.syncs).toBe(0);
    const newest = createExcelSimulator({ client, apiVersion: NEWEST_API_VERSION });
    expect(newest.Office.context.requirements.isSetSupported("ExcelApi", NEWEST_API_VERSION)).toBe(true);
  });

  test("whole-column writes: a scalar numberFormat or values are refused, a 1×1 numberFormat array applies", async () => {
    const sim = createExcelSimulator({ client });
    const attempt = onSheet1(sim);
    await expect(attempt((sheet) => (sheet.getRange("A:A").numberFormat = "@" as unknown as string[][]))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((sheet) => (sheet.getRange("B:B").values = [["x"]]))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((sheet) => (sheet.getRange("3:3").formulas = "=1" as unknown as string[][]))).rejects.toMatchObject({ code: "InvalidArgument" });
    await attempt((sheet) => (sheet.getRange("A:A").numberFormat = [["@"]]));
    expect(sim.workbook.sheet("Sheet1").cell(500, 1).numberFormat).toBe("@");
  });

  test("formulas are parsed: English names and «,» only; Russian syntax refused in cells, conditional formats and list sources", async () => {
    const sim = createExcelSimulator({ client });
    const attempt = onSheet1(sim);
    await attempt((sheet) => (sheet.getRange("A1").formulas = [['=IF(AND(B1<>"",C1<>""),COUNTIF(B:B,B1),"")']]));
    expect(sim.workbook.sheet("Sheet1").cell(1, 1).formula).toBe('=IF(AND(B1<>"",C1<>""),COUNTIF(B:B,B1),"")');
    await expect(attempt((sheet) => (sheet.getRange("A2").formulas = [["=И(B1;C1)"]]))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((sheet) => (sheet.getRange("A3").values = [["=AND(B1,C1"]]))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((sheet) => (sheet.getRange("A4").values = [["=NOSUCHFN(1)"]]))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      attempt((sheet) => {
        const format = sheet.getRange("A1:A9").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        format.custom.rule.formula = "=И($B1=\"\";$C1=\"\")";
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((sheet) => (sheet.getRange("D1:D9").dataValidation.rule = { list: { inCellDropDown: true, source: "=СМЕЩ(A1;0;0;5)" } }))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    // Text-formatted cells keep «=…» as text: nothing to parse.
    await attempt((sheet) => {
      sheet.getRange("E1").numberFormat = [["@"]];
      sheet.getRange("E1").values = [["=И(1;2)"]];
    });
    expect(sim.workbook.sheet("Sheet1").cell(1, 5).value).toBe("=И(1;2)");
  });

  test("a very hidden sheet cannot be deleted; name text ≤ 255; values = null refused", async () => {
    const sim = createExcelSimulator({ client });
    const attempt = (batch: (context: Ctx) => void) =>
      sim.Excel.run(async (context: Ctx) => {
        batch(context);
        await context.sync();
      });
    await attempt((context) => (context.workbook.worksheets.add("Служебный").visibility = "VeryHidden"));
    await expect(attempt((context) => context.workbook.worksheets.getItem("Служебный").delete())).rejects.toMatchObject({ code: "GeneralException" });
    expect(sim.workbook.findSheet("Служебный")).toBeDefined();
    await attempt((context) => void context.workbook.names.add("Короткий", `="${"я".repeat(255)}"`));
    await expect(attempt((context) => void context.workbook.names.add("Длинный", `="${"я".repeat(256)}"`))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((context) => (context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = null as unknown as unknown[][]))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  test("payload is measured on what office.js sends and receives", async () => {
    const sim = createExcelSimulator({ client });
    await sim.Excel.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.values = [["проц", 1], [2, 3]];
      range.load("values");
      await context.sync();
    });
    expect(sim.stats.largestRequestBytes).toBeGreaterThan(100);
    expect(sim.stats.responseBytes).toBeGreaterThan(20);
  });
});

test("a message the host does not model fails loudly, naming what was asked", async () => {
  const sim = createExcelSimulator();
  await expect(
    sim.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").getCellProperties({ format: { font: { bold: true } } });
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "NotImplemented", message: expect.stringContaining("Range.getCellProperties") });
  // A raw message with an action type office.js never sends.
  const sent = JSON.stringify({ Actions: [{ Id: 1, ActionType: 99, Name: "Frobnicate", ObjectPathId: 1 }], ObjectPaths: { 1: { Id: 1, ObjectPathType: 1, Name: "" } } });
  const reply = sim.hostRequest(sent);
  if (reply.status !== "succeeded") throw new Error("the host refused the whole message");
  const body = JSON.parse(reply.body) as { Error: { Code: string; Message: string } };
  expect(body.Error.Code).toBe("NotImplemented");
  expect(body.Error.Message).toContain("actions of type 99");
});
