/** runExcel/describeOfficeError turn Office errors into one Russian sentence; host.ts finds the ExcelApi level. */
import { compareApiVersions, excelApiLevel, supportsExcelApi } from "../../src/adapters/office/host";
import { ExcelOperationError, describeOfficeError, runExcel } from "../../src/adapters/office/run";

const globals = globalThis as { Excel?: unknown; Office?: unknown };

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

function fakeOffice(level: number): void {
  globals.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= level,
      },
    },
  };
}

test("excelApiLevel probes isSetSupported up to the highest supported 1.x", () => {
  fakeOffice(8);
  expect(excelApiLevel()).toBe("1.8");
  expect(supportsExcelApi("1.8")).toBe(true);
  expect(supportsExcelApi("1.9")).toBe(false);
  fakeOffice(17);
  expect(excelApiLevel()).toBe("1.17");
});

test("outside Office there is no ExcelApi and nothing throws", () => {
  expect(excelApiLevel()).toBe("");
  expect(supportsExcelApi("1.1")).toBe(false);
  globals.Office = { context: { requirements: { isSetSupported: () => { throw new Error("not ready"); } } } };
  expect(supportsExcelApi("1.8")).toBe(false);
});

test("versions compare numerically (1.10 is newer than 1.9)", () => {
  expect(compareApiVersions("1.10", "1.9")).toBeGreaterThan(0);
  expect(compareApiVersions("1.8", "1.8")).toBe(0);
  expect(compareApiVersions("1.7", "1.8")).toBeLessThan(0);
});

test("Office error codes become Russian sentences with the error location", () => {
  const officeError = Object.assign(new Error("The requested resource doesn't exist."), {
    code: "ItemNotFound",
    debugInfo: { code: "ItemNotFound", errorLocation: "Worksheets.getItem" },
  });
  expect(describeOfficeError(officeError)).toBe("Нужный лист, диапазон или имя не найдены в книге. (Worksheets.getItem)");
  expect(describeOfficeError({ code: "SomethingNew" })).toBe("Ошибка Excel (SomethingNew). Повторите действие.");
  expect(describeOfficeError(new Error("Лист «Реестр» не найден"))).toBe("Лист «Реестр» не найден");
  expect(describeOfficeError(new TypeError("x is undefined"))).toBe("Не удалось выполнить действие в Excel. Повторите попытку.");
});

test("runExcel passes the batch's result through and wraps failures", async () => {
  const context = { marker: "ctx" };
  globals.Excel = { run: async (batch: (c: unknown) => Promise<unknown>) => batch(context) };
  await expect(runExcel(async (c) => (c as unknown as typeof context).marker)).resolves.toBe("ctx");

  globals.Excel = {
    run: async () => {
      throw Object.assign(new Error("Invalid argument"), { code: "InvalidArgument" });
    },
  };
  const failure = await runExcel(async () => 1).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ExcelOperationError);
  expect((failure as ExcelOperationError).code).toBe("InvalidArgument");
  expect((failure as ExcelOperationError).message).toBe("Excel отклонил значение или параметр операции.");
});

test("runExcel without Excel says so in Russian", async () => {
  await expect(runExcel(async () => 1)).rejects.toThrow("Excel недоступен");
});
