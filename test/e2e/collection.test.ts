/**
 * The collection round in the playground: the coordinator's workbook holds the approved register; «Подготовить файлы
 * подразделениям» downloads one .zip (opened here), two units send their files back edited, and the pane shows who did not
 * answer — through «Кто прислал» and in the merge result, the missing units on top.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import { writeLayoutToBuffer } from "../../src/adapters/xlsx/exceljs-writer";
import { readWorkbookData } from "../../src/adapters/xlsx/read-workbook";
import { readZipDirectory } from "../../src/adapters/xlsx/zip-directory";
import { buildApprovedRegisterLayout } from "../../src/core/approval";
import { readCollectionStamp } from "../../src/core/collection/stamp";
import { buildTemplateLayout } from "../../src/core/layout/template";
import { MERGED_FIRST_DATA_ROW, MERGED_SHEET_NAME } from "../../src/core/layout/merge-sheets";
import { validCells } from "../merge/helpers";
import { approvedRows, SETTINGS, UNITS } from "../collection/helpers";
import { externalRequests, startPlayground, type Playground } from "./harness";

jest.setTimeout(300_000);

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function unzipStored(zip: Uint8Array): Map<string, Uint8Array> {
  const directory = readZipDirectory(zip);
  if (!directory) throw new Error("the download is not a zip");
  const files = new Map<string, Uint8Array>();
  for (const entry of directory.entries) {
    const view = new DataView(zip.buffer, zip.byteOffset + entry.localHeaderOffset);
    const start = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
    files.set(entry.name, zip.slice(start, start + entry.compressedSize));
  }
  return files;
}

async function coordinatorWorkbook(): Promise<string> {
  const rows = approvedRows();
  const layout = buildTemplateLayout(SETTINGS, { title: true, dataRows: 30, dataBlocks: [{ row: 5, col: 1, values: rows }], emptyRowsFrom: 5 + rows.length });
  layout.sheets.push(buildApprovedRegisterLayout({ rows, orderNumber: "7", orderDate: "15.01.2026" }));
  return Buffer.from(await writeLayoutToBuffer(layout)).toString("base64");
}

describe("the collection round in the playground", () => {
  let playground: Playground;
  let files: Map<string, Uint8Array>;

  beforeAll(async () => {
    playground = await startPlayground();
    await playground.sim(async (sim, base64: string) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      await sim.loadXlsx(bytes);
    }, await coordinatorWorkbook());
  });

  afterAll(async () => {
    await playground?.close();
  });

  test("«Подготовить файлы подразделениям» downloads one .zip with a stamped file per unit", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Сведение файлов", exact: true }).click();
    await page.getByLabel("Срок представления").fill("2099-12-31");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Подготовить файлы подразделениям" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Файлы подразделений \d{2}\.\d{2}\.\d{4}\.zip$/);
    const zipPath = await download.path();
    files = unzipStored(new Uint8Array(fs.readFileSync(zipPath!)));
    expect([...files.keys()]).toEqual(UNITS.map((unit) => `${unit}.xlsx`));
    await page.getByText("Подготовлено 4 файла: архив скачан").waitFor({ timeout: 60_000 });
    for (const unit of UNITS) {
      const read = await readWorkbookData(files.get(`${unit}.xlsx`)!, unit);
      if (!read.ok) throw new Error(read.message);
      expect(readCollectionStamp(read.sheets)).toMatchObject({ kind: "stamp", stamp: { unit, due: "31.12.2099", source: { orderNumber: "7" } } });
    }
    // The round is recorded in the workbook, and «Сроки» names every unit until its file comes back.
    await page.getByText(/Сбор записан на лист «Сбор сведений»/).waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "Сроки", exact: true }).click();
    await page.getByTestId("due-collection").getByText(`Не прислали файлы (срок 31.12.2099): ${UNITS.join("; ")}.`).waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "Сведение файлов", exact: true }).click();
    await playground.screenshot("collection-prepared");
  });

  test("two units answer: «Кто прислал» and the merge show the two missing units on top", async () => {
    const { page } = playground;
    const edited = async (name: string, change: (sheet: ExcelJS.Worksheet) => void) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(files.get(name)!) as never);
      change(workbook.getWorksheet("Реестр процессов")!);
      return { name, mimeType: XLSX_TYPE, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
    };
    const answers = [
      await edited("Отдел кадров.xlsx", (sheet) => (sheet.getCell("J7").value = "Осведомленность о сроках")),
      await edited("Юридический отдел.xlsx", (sheet) => (sheet.getRow(9).values = validCells("017-1.1-20", { 7: "Юридический отдел" }))),
    ];
    await page.locator("#merge-files-input").setInputFiles(answers);
    await page.getByText("Прочитано файлов: 2 из 2").waitFor({ timeout: 60_000 });

    await page.getByRole("button", { name: "Кто прислал" }).click();
    const who = page.getByTestId("merge-notice").first();
    await who.getByText("Не прислали 2 из 4 подразделений").waitFor({ timeout: 30_000 });
    const whoLines = await who.locator("li").allTextContents();
    expect(whoLines.slice(0, 2)).toEqual(["Отдел информатизации — не представлен", "Архивный отдел — не представлен"]);
    expect(whoLines[2]).toBe("Отдел кадров — представлен; Отдел кадров.xlsx");

    await page.getByRole("button", { name: "Свести и записать в книгу" }).click();
    await page.getByText("Сведение записано в книгу").waitFor({ timeout: 60_000 });
    const lines = await page.getByTestId("merge-notice").first().locator("li").allTextContents();
    expect(lines.slice(0, 2)).toEqual([
      "Отдел информатизации — не представлен; 2 строки перенесены из утвержденного реестра без изменений",
      "Архивный отдел — не представлен; 2 строки перенесены из утвержденного реестра без изменений",
    ]);
    await page.getByText(/Изменений относительно утвержденного реестра \(приказ от 15\.01\.2026 № 7\): 2/).waitFor();
    const provenance = await playground.sim(
      (sim, arg: { merged: string; first: number }) => {
        const sheet = sim.workbook.sheet(arg.merged);
        const rows: string[] = [];
        for (let r = arg.first; sheet.textAt(r - 1, 0) !== ""; r++) rows.push(sheet.textAt(r - 1, 15));
        return rows;
      },
      { merged: MERGED_SHEET_NAME, first: MERGED_FIRST_DATA_ROW },
    );
    expect(provenance.filter((file) => file.startsWith("не представлено"))).toHaveLength(4);
    await playground.screenshot("collection-merged");
    await page.getByRole("tab", { name: "Сроки", exact: true }).click();
    await page.getByTestId("due-collection").getByText("Не прислали файлы (срок 31.12.2099): Отдел информатизации; Архивный отдел.").waitFor({ timeout: 30_000 });
    await page.getByTestId("due-collection").getByRole("button", { name: "Открыть «Сведение файлов»" }).click();
    await page.getByRole("button", { name: "Подготовить файлы подразделениям" }).waitFor();
  });

  test("«Выбрать подразделения…»: only the units left ticked get a file", async () => {
    const { page } = playground;
    await page.getByRole("button", { name: "Выбрать подразделения…" }).click();
    const group = page.getByRole("group", { name: "Кому готовить файлы" });
    await group.getByText("Отдел кадров (2 строки)").waitFor({ timeout: 30_000 });
    for (const unit of ["Отдел кадров", "Архивный отдел"]) {
      const box = group.getByRole("checkbox", { name: `${unit} (2 строки)`, exact: true });
      await box.uncheck();
      expect(await box.isChecked()).toBe(false);
    }
    const states = await group.getByRole("checkbox").evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked));
    expect(states).toEqual([false, true, true, false]);
    await playground.screenshot("collection-choose-units");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Подготовить файлы подразделениям" }).click();
    const zip = unzipStored(new Uint8Array(fs.readFileSync((await (await downloading).path())!)));
    expect([...zip.keys()]).toEqual(["Юридический отдел.xlsx", "Отдел информатизации.xlsx"]);
  });

  test("nothing left the machine and the page raised no errors", () => {
    expect(externalRequests(playground.requests)).toEqual([]);
    expect(playground.pageErrors).toEqual([]);
  });
});
