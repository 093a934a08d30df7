/**
 * «Сведение файлов» in the playground: the user picks three units' files (a good one, one with an exact duplicate and a
 * conflicting ID, a broken one), sees each file's status, writes the merge into the simulated workbook, and a second
 * merge asks before replacing. Every source row is accounted for: in the consolidated sheet or as a merged duplicate.
 */
import ExcelJS from "exceljs";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import { MERGED_FIRST_DATA_ROW, MERGED_SHEET_NAME, MERGE_REPORT_SHEET_NAME } from "../../src/core/layout/merge-sheets";
import { validRow } from "../fixtures/register-data";
import { externalRequests, startPlayground, type Playground } from "./harness";

jest.setTimeout(300_000);

const HEADER = REGISTER_COLUMNS.map((column) => (column.mandatory ? `${column.title}*` : column.title));

/** A valid row of the typical list with the given ID (a number is written as a number cell). */
function withId(index: number, id: string | number): ExcelJS.CellValue[] {
  const cells: ExcelJS.CellValue[] = validRow(index);
  cells[0] = id;
  return cells;
}

async function workbookBytes(sheetName: string, rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((cells) => sheet.addRow(cells));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** File name → [sheet row, ID] of its data rows. */
const SOURCE_ROWS: Record<string, [number, string][]> = {
  "отдел-кадров.xlsx": [
    [3, "104"],
    [4, "017-1.1-01"],
    [5, "=SUM(A1:A3)"],
  ],
  "юридический-отдел.xlsx": [
    [2, "017-1.1-01"],
    [3, "104"],
    [4, "017-2.1-05"],
  ],
};

async function unitFiles(): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  // A title row, then the form; a numeric ID typed as a number; an ID that looks like a formula.
  const good = await workbookBytes("Реестр отдела кадров", [
    ["Реестр процессов отдела кадров"],
    HEADER,
    withId(0, 104),
    withId(1, "017-1.1-01"),
    withId(2, "=SUM(A1:A3)"),
  ]);
  // Row 2 is identical to отдел-кадров row 4 (merged once); row 3 has ID 104 with other content (conflict).
  const conflicting = await workbookBytes("Реестр", [
    HEADER,
    withId(1, "017-1.1-01"),
    withId(3, "104"),
    withId(4, "017-2.1-05"),
  ]);
  return [
    { name: "отдел-кадров.xlsx", mimeType: XLSX_TYPE, buffer: good },
    { name: "юридический-отдел.xlsx", mimeType: XLSX_TYPE, buffer: conflicting },
    { name: "сломанный.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.from("это не книга Excel, а текст с расширением .xlsx") },
  ];
}

interface WrittenMerge {
  sheets: string[];
  provenance: [string, string, string][];
  report: string;
}

async function readWritten(playground: Playground): Promise<WrittenMerge> {
  return playground.sim(
    (sim, arg: { merged: string; report: string; first: number }) => {
      const merged = sim.workbook.sheet(arg.merged);
      const provenance: [string, string, string][] = [];
      for (let r = arg.first; merged.textAt(r - 1, 0) !== ""; r++) {
        provenance.push([merged.textAt(r - 1, 0), merged.textAt(r - 1, 15), merged.textAt(r - 1, 16)]);
      }
      const report = sim.workbook.sheet(arg.report);
      const used = report.usedRange(true);
      const text = used ? report.texts(used).map((cells: string[]) => cells.join("\t")).join("\n") : "";
      return { sheets: sim.workbook.sheets.map((sheet: { name: string }) => sheet.name), provenance, report: text };
    },
    { merged: MERGED_SHEET_NAME, report: MERGE_REPORT_SHEET_NAME, first: MERGED_FIRST_DATA_ROW },
  );
}

describe("merging units' files in the playground", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground();
  });

  afterAll(async () => {
    await playground?.close();
  });

  test("three files: each file's status, then the consolidated register and the report with every row accounted for", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Сведение файлов", exact: true }).click();
    // Two drop zones, each with its visible title.
    await page.getByRole("group", { name: "Файлы подразделений" }).waitFor();
    await page.getByRole("group", { name: "Утвержденный реестр (для оснований изменений)" }).waitFor();
    await page.locator("#merge-files-input").setInputFiles(await unitFiles());
    await page.getByText("Прочитано файлов: 3 из 3").waitFor({ timeout: 60_000 });
    const list = page.getByTestId("merge-file-list");
    const item = (name: string) => list.locator("li").filter({ hasText: name });
    await item("отдел-кадров.xlsx").getByText("3 строки, лист «Реестр отдела кадров»").waitFor();
    await item("юридический-отдел.xlsx").getByText("3 строки, лист «Реестр»").waitFor();
    await item("сломанный.xlsx").getByText(/^не прочитан: .+/).waitFor();

    await page.getByRole("button", { name: "Свести и записать в книгу" }).click();
    await page.getByText("Сведение записано в книгу").waitFor({ timeout: 60_000 });
    await page.getByText(/Сводный реестр: 5 строк из 2 файлов; объединено полных дубликатов: 1\./).waitFor();
    await page.getByText(/Не прочитан 1 файл — причины в отчете/).waitFor();

    const written = await readWritten(playground);
    expect(written.sheets).toEqual(expect.arrayContaining([MERGED_SHEET_NAME, MERGE_REPORT_SHEET_NAME]));
    // Every source row: written with its file and row, or merged into an identical row (the report lists it).
    const kept = new Set(written.provenance.map(([, file, row]) => `${file}:${row}`));
    expect(written.provenance).toHaveLength(5);
    for (const [file, rows] of Object.entries(SOURCE_ROWS)) {
      for (const [row, id] of rows) {
        if (kept.has(`${file}:${row}`)) expect(written.provenance).toContainEqual([id, file, String(row)]);
        else expect(written.report).toMatch(new RegExp(`${file}\\t${row}\\t`));
      }
    }
    expect(written.report).toMatch(/юридический-отдел\.xlsx\t2\tотдел-кадров\.xlsx\t4\t/);
    // The ID typed as a number and the formula-looking ID are text; the conflict on 104 is flagged, naming both files.
    expect(written.provenance.filter(([id]) => id === "104").map(([, file]) => file).sort()).toEqual(["отдел-кадров.xlsx", "юридический-отдел.xlsx"]);
    expect(written.provenance.map(([id]) => id)).toContain("=SUM(A1:A3)");
    expect(written.report).toContain("Повторяющийся идентификатор");
    expect(written.report).toMatch(/сломанный\.xlsx\tне прочитан/);
    const formulaCell = await playground.sim(
      (sim, arg: { merged: string; first: number }) => {
        const sheet = sim.workbook.sheet(arg.merged);
        for (let r = arg.first; ; r++) if (sheet.cell(r, 1).text === "=SUM(A1:A3)") return sheet.cell(r, 1);
      },
      { merged: MERGED_SHEET_NAME, first: MERGED_FIRST_DATA_ROW },
    );
    expect(formulaCell).toMatchObject({ value: "=SUM(A1:A3)", formula: null, numberFormat: "@" });
    await page.getByTestId("sheet-tab").filter({ hasText: MERGED_SHEET_NAME }).waitFor();
    await playground.screenshot("merge-written");
    // Focus is on the result's heading; the report sheet opens from its link.
    await page.waitForFunction(() => document.activeElement?.tagName === "H3" && document.activeElement.textContent === "Результат");
    await page.getByTestId("merge-sheet-links").getByRole("button", { name: `Открыть лист «${MERGE_REPORT_SHEET_NAME}»` }).click();
    await page.waitForFunction((name) => (window as any).__sim.workbook.activeSheet.name === name, MERGE_REPORT_SHEET_NAME);
  });

  test("a second merge asks before replacing; cancel keeps the sheets, confirm replaces them", async () => {
    const { page } = playground;
    const before = await readWritten(playground);
    await page.getByRole("button", { name: "Убрать «юридический-отдел.xlsx» из списка" }).click();
    await page.getByRole("button", { name: "Свести и записать в книгу" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Заменить прежнее сведение?").waitFor({ timeout: 30_000 });
    await dialog.getByText(`«${MERGED_SHEET_NAME}», «${MERGE_REPORT_SHEET_NAME}»`, { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Отмена" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await readWritten(playground)).toEqual(before);

    await page.getByRole("button", { name: "Свести и записать в книгу" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Заменить" }).click();
    await page.getByText(/Сводный реестр: 3 строки из 1 файла/).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.activeElement?.textContent === "Результат");
    const after = await readWritten(playground);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.provenance.map(([, file]) => file)).toEqual(["отдел-кадров.xlsx", "отдел-кадров.xlsx", "отдел-кадров.xlsx"]);
    expect(after.report).not.toContain("юридический-отдел.xlsx");
  });

  test("nothing left the machine and the page raised no errors", () => {
    expect(externalRequests(playground.requests)).toEqual([]);
    expect(playground.pageErrors).toEqual([]);
  });
});
