/**
 * The template through Office.js on the simulator, at ExcelApi 1.8 (Office 2019) and at the newest level: syncs, the
 * conversion of an existing sheet (no data lost, idempotent), settings, the change handler, and the saved workbook
 * checked in LibreOffice.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSheetsTextWithReport } from "../../src/adapters/office/read-sheets";
import { readSettings, saveSettings } from "../../src/adapters/office/settings";
import { attachProcessAutofill, createOrUpgradeTemplate, type TemplateResult } from "../../src/adapters/office/template";
import { REGISTER_COLUMNS, columnTitleWithMark } from "../../src/core/columns";
import { LIST_NAMES, REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { REGISTER_SHEET_NAME, templateGeometry } from "../../src/core/layout/template";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { SheetText } from "../../src/core/register-types";
import { typicalProcesses } from "../../src/core/typical-list";
import { NEWEST_API_VERSION, createExcelSimulator } from "../../src/simulator";
import { closeLibreOffice } from "../support/libreoffice";
import { inspectTemplate } from "./lo-checks";

const NEWEST = NEWEST_API_VERSION;
const LEVELS = ["1.8", NEWEST] as const;
const workDir = mkdtempSync(join(tmpdir(), "reestr-template-office-"));
afterAll(closeLibreOffice);

type Sim = ReturnType<typeof createExcelSimulator>;

function run<T>(sim: Sim, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.Excel.run(batch as never) as Promise<T>;
}

async function allText(sim: Sim): Promise<SheetText[]> {
  return (await run(sim, (context) => readSheetsTextWithReport(context, { includeHidden: true }))).sheets;
}

function rulesOf(sim: Sim) {
  return sim.workbook.sheets.map((sheet) => ({
    name: sheet.name,
    visibility: sheet.visibility,
    validations: sheet.validations,
    conditionalFormats: sheet.conditionalFormats,
    merges: sheet.merges,
  }));
}

/** A unit's own sheet: a title row, «№ п/п» first, columns out of order, a note column, IDs typed as numbers. */
async function fillMessySheet(sim: Sim): Promise<void> {
  await run(sim, async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.name = "Реестр отдела";
    sheet.getRange("A1").values = [["Реестр процессов отдела комплектования"]];
    sheet.getRange("A3:G3").values = [["№ п/п", "Наименование процесса", "Идентификатор процесса", "Статус", "Наименование услуги, функции, сервиса", "Ответственный", "Примечание"]];
    sheet.getRange("A4:G6").values = [
      [1, "1.1. Информирование о предоставлении государственной услуги", 1.1, "Идет исследование", "Выдача архивных справок", "Отдел А", "срочно"],
      [2, "Прием и регистрация запроса заявителя", 104, "Сертифицирован", "Выдача архивных справок", "Отдел Б", ""],
      [3, "2.4. Предоставление информации из архива", "017.04.001", "Сертифицирован", "Исполнение запросов", "Отдел А", "проверить"],
    ];
    sheet.getRange("I7").values = [["забытая ячейка"]];
    await context.sync();
  });
}

describe.each(LEVELS)("template on the simulator at ExcelApi %s", (level) => {
  test("a new template: ≤ 3 syncs, the form, named lists, very hidden reference sheet; newer APIs noted, not failed", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    const result = await run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: level }));
    expect(result.mode).toBe("created");
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(sim.stats.syncs).toBeLessThanOrEqual(3);
    const register = sim.workbook.sheet(REGISTER_SHEET_NAME);
    expect(sim.workbook.sheet(REFERENCE_SHEET_NAME).visibility).toBe("VeryHidden");
    expect(sim.workbook.names.map((n) => n.name)).toEqual(expect.arrayContaining(Object.values(LIST_NAMES)));
    expect(register.validations.map((v) => v.address.replace(/\d+/g, ""))).toEqual(expect.arrayContaining(["E:E", "F:F", "G:G", "H:H", "I:I", "N:N", "O:O"]));
    expect(register.conditionalFormats).toHaveLength(5);
    const [text] = (await allText(sim)).filter((s) => s.name === REGISTER_SHEET_NAME);
    const g = templateGeometry();
    expect(text.rows[g.headerRow - 1].slice(0, 15)).toEqual(REGISTER_COLUMNS.map(columnTitleWithMark));
    if (level === "1.8") expect(result.skipped.join(" ")).toMatch(/Параметры печати/);
    else expect(result.skipped).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test("converting a unit's sheet: ≤ 3 syncs, nothing lost, IDs stay as shown, running again changes nothing", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    await fillMessySheet(sim);
    const before = (await allText(sim)).find((s) => s.name === "Реестр отдела")!;
    sim.stats.reset();
    const first = await run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: level }));
    expect(first.mode).toBe("upgraded");
    expect(first.renamedFrom).toBe("Реестр отдела");
    expect(first.syncs).toBeLessThanOrEqual(3);
    expect(sim.stats.syncs).toBeLessThanOrEqual(3);
    expect(first.notes.join(" ")).toMatch(/Собственные столбцы сохранены справа от графы 15/);
    const after = (await allText(sim)).find((s) => s.name === REGISTER_SHEET_NAME)!;
    expect(after.rows[0][0]).toBe("Реестр процессов отдела комплектования");
    expect(after.rows[4].slice(0, 8)).toEqual([
      "1.1",
      "",
      "Выдача архивных справок",
      "",
      "",
      "1.1. Информирование о предоставлении государственной услуги",
      "Отдел А",
      "Идет исследование",
    ]);
    expect(after.rows[5][0]).toBe("104");
    expect(after.rows[6][0]).toBe("017.04.001");
    expect(after.rows[4].slice(15, 17)).toEqual(["1", "срочно"]);
    const texts = (sheet: SheetText, from: number) => sheet.rows.slice(from).flat().filter((t) => t.trim() !== "").sort();
    expect(texts(after, 4)).toEqual(texts(before, 3));

    const snapshot = { text: await allText(sim), rules: rulesOf(sim), names: sim.workbook.names };
    sim.stats.reset();
    const second: TemplateResult = await run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: level }));
    expect(second.mode).toBe("refreshed");
    expect(second.syncs).toBeLessThanOrEqual(3);
    expect({ text: await allText(sim), rules: rulesOf(sim), names: sim.workbook.names }).toEqual(snapshot);
  });

  test("a sheet named like ours that holds something else is refused, untouched", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.name = REGISTER_SHEET_NAME;
      sheet.getRange("A1:B2").values = [["Список дел", "Срок"], ["Позвонить", "пятница"]];
      await context.sync();
    });
    const before = await allText(sim);
    await expect(run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: level }))).rejects.toThrow(/таблица реестра на нем не найдена/);
    expect(await allText(sim)).toEqual(before);
  });

  test("settings saved to the workbook: process names follow the agency, units feed column 7, read back the same", async () => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: level }));
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      agencyName: "Архивная служба Республики Северная Осетия-Алания",
      agencyGenitive: "Архивной службы Республики Северная Осетия-Алания",
      agencyCode: "017",
      units: ["Отдел комплектования", "Отдел использования"],
    };
    sim.stats.reset();
    const saved = await run(sim, (context) => saveSettings(context, settings, { apiLevel: level }));
    expect(saved.kind).toBe("template");
    expect(sim.stats.syncs).toBeLessThanOrEqual(4);
    const read = await run(sim, (context) => readSettings(context));
    expect(read).toMatchObject({ stored: true, hasTemplate: true, settings: { agencyGenitive: settings.agencyGenitive, agencyCode: "017", units: settings.units } });
    const reference = (await allText(sim)).find((s) => s.name === REFERENCE_SHEET_NAME)!;
    const label24 = `2.4. ${typicalProcesses(settings.agencyGenitive).find((p) => p.code === "2.4")!.name}`;
    expect(reference.rows.some((row) => row[2] === label24)).toBe(true);
    expect(sim.workbook.names.find((n) => n.name === LIST_NAMES.units)!.formula).toMatch(/\$L\$2:\$L\$3$/);
  });
});

test("picking a process fills column 5 and proposes column 10 (change event, ExcelApi 1.7+)", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.8" });
  const created = await run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: "1.8" }));
  const filled: number[] = [];
  const handle = await run(sim, (context) =>
    attachProcessAutofill(context, {
      run: (batch) => run(sim, batch),
      settings: created.settings,
      firstDataRow: created.firstDataRow,
      apiLevel: "1.8",
      onFilled: (changes) => filled.push(...changes.map((c) => c.row)),
    }),
  );
  expect(handle.attached).toBe(true);
  const row = created.firstDataRow;
  const process = typicalProcesses()[9];
  await run(sim, async (context) => {
    const sheet = context.workbook.worksheets.getItem(REGISTER_SHEET_NAME);
    sheet.getRange(`F${row}`).values = [[`${process.code}. ${process.name}`]];
    sheet.getRange(`J${row + 1}`).values = [["своя ценность"]];
    sheet.getRange(`F${row + 1}`).values = [[`${process.code}. ${process.name}`]];
    await context.sync();
  });
  await sim.flushEvents?.();
  const text = (await allText(sim)).find((s) => s.name === REGISTER_SHEET_NAME)!;
  expect(text.rows[row - 1][4]).toBe("Государственный контроль (надзор)");
  expect(text.rows[row - 1][9]).toBe(process.value);
  expect(text.rows[row][9]).toBe("своя ценность");
  expect(filled).toContain(row);
  await handle.remove();
});

test("below ExcelApi 1.7 the change handler is skipped with a note", async () => {
  const sim = createExcelSimulator({ apiVersion: "1.6" });
  const handle = await run(sim, (context) =>
    attachProcessAutofill(context, { run: (batch) => run(sim, batch), settings: DEFAULT_SETTINGS, firstDataRow: 5, apiLevel: "1.6" }),
  );
  expect(handle).toMatchObject({ attached: false, note: expect.stringMatching(/требует более новой версии Excel/) });
});

describe("the simulator's saved workbook in LibreOffice", () => {
  test.each(LEVELS)("at ExcelApi %s: dropdowns, the dependent process list, marks, hidden reference sheet", async (level) => {
    const sim = createExcelSimulator({ apiVersion: level });
    await run(sim, (context) => createOrUpgradeTemplate(context, { apiLevel: level }));
    const path = join(workDir, `sim-${level}.xlsx`);
    writeFileSync(path, await sim.saveXlsx());
    const facts = await inspectTemplate(path);
    expect([facts.allProcesses, facts.direction1Processes, facts.direction4Processes]).toEqual([38, 9, 2]);
    const sheets = facts.inspection.sheets;
    expect(sheets.find((s) => s.name === REFERENCE_SHEET_NAME)!.visible).toBe(false);
    const register = sheets.find((s) => s.name === REGISTER_SHEET_NAME)!;
    expect(register.validations.map((v) => v.ranges.join(",").replace(/\d+/g, "")).sort()).toEqual(["E:E", "F:F", "G:G", "H:H", "I:I", "N:N", "O:O"]);
    expect(register.conditionalFormats).toHaveLength(5);
  });
});
