/**
 * «Приложение к приказу» from the pane in the playground (simulated Excel at the newest level): the template, a few rows
 * pasted in, the order details typed, the appendix built and checked in the simulated workbook; then a row with an error:
 * the pane lists it and refuses, and builds only a draft marked «ПРОЕКТ». Screenshots go to test-artifacts/.
 */
import { REGISTER_COLUMNS, columnTitleWithMark } from "../../src/core/columns";
import { APPENDIX_ROWS, APPENDIX_SHEET_NAME, DRAFT_MARK } from "../../src/core/layout/appendix";
import { REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { REGISTER_SHEET_NAME, templateGeometry } from "../../src/core/layout/template";
import { validRows } from "../fixtures/register-data";
import { externalRequests, startPlayground, type Playground } from "./harness";

jest.setTimeout(300_000);

const AGENCY = "Архивной службы Республики Северная Осетия-Алания";
const GEOMETRY = templateGeometry();
/** Four rows over two directions; placements kept to one item each, as the dropdown offers them. */
const ROWS = [0, 1, 9, 10].map((index) => {
  const row = validRows(index + 1)[index];
  row[14] = row[13] === "Цифровой" ? "ЕПГУ" : "";
  return row;
});

interface SheetDump {
  exists: boolean;
  rows: string[][];
  printTitleRows: string | null;
  orientation: string;
}

describe("the appendix from the pane (playground)", () => {
  let playground: Playground;

  const section = () => playground.page.locator('[data-section="appendix"]');

  /** The appendix sheet as text (rows 1…n, columns A…O) and its print settings, read from window.__sim. */
  const appendixSheet = () =>
    playground.sim((sim, name: string) => {
      const sheet = sim.workbook.findSheet(name);
      if (!sheet) return { exists: false, rows: [], printTitleRows: null, orientation: "" };
      const used = sheet.usedRange(true) as string;
      return {
        exists: true,
        rows: sheet.texts(`A1:O${used.split(":")[1].replace(/\D/g, "")}`),
        printTitleRows: sheet.pageLayout.printTitleRows,
        orientation: sheet.pageLayout.orientation,
      };
    }, APPENDIX_SHEET_NAME) as Promise<SheetDump>;

  beforeAll(async () => {
    playground = await startPlayground();
    const { page } = playground;
    await page.getByRole("tab", { name: "Шаблон", exact: true }).click();
    await page.getByRole("button", { name: "Создать реестр по шаблону" }).click();
    await page.getByText(`Лист «${REGISTER_SHEET_NAME}» создан по шаблону.`).waitFor({ timeout: 60_000 });
    const pasted = await playground.sim(
      (sim, arg: { sheet: string; address: string; rows: string[][] }) => sim.userEdit(arg.sheet, arg.address, arg.rows, { paste: true }),
      { sheet: REGISTER_SHEET_NAME, address: `A${GEOMETRY.firstDataRow}:O${GEOMETRY.firstDataRow + ROWS.length - 1}`, rows: ROWS },
    );
    expect(pasted).toMatchObject({ accepted: true });
  });

  afterAll(async () => {
    await playground?.close();
  });

  test("order details typed, the appendix built: order block, title, column titles, rows grouped by direction", async () => {
    const { page } = playground;
    await page.getByRole("tab", { name: "Приложение к приказу", exact: true }).click();
    await section().getByText("Утвержденного реестра в книге пока нет", { exact: false }).waitFor({ timeout: 30_000 });
    await section().getByLabel("Номер приказа", { exact: true }).fill("7");
    await section().getByLabel("Дата приказа (ДД.ММ.ГГГГ)").fill("15.01.2024");
    await section().getByLabel("Наименование органа в родительном падеже").fill(AGENCY);
    await section().getByLabel("Номер приложения").fill("1");
    await section().getByRole("button", { name: "Утвердить…" }).click();
    // The confirmation names the order before anything is saved as approved.
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Реестр будет сохранен как утвержденный приказом от 15.01.2024 № 7.", { exact: false }).waitFor({ timeout: 30_000 });
    await dialog.getByRole("button", { name: "Утвердить", exact: true }).click();
    await section().getByText(/^Приложение сформировано: 4 строки реестра\. Реестр сохранен как утвержденный приказом от 15\.01\.2024 № 7/).waitFor({ timeout: 60_000 });
    await section().getByText("Утвержден приказом от 15.01.2024 № 7.").waitFor({ timeout: 30_000 });

    const sheet = await appendixSheet();
    expect(sheet.exists).toBe(true);
    expect(sheet.rows.slice(0, 3).map((row) => row[11])).toEqual(["Приложение № 1", `к приказу ${AGENCY}`, "от 15.01.2024 № 7"]);
    expect(sheet.rows[APPENDIX_ROWS.title - 1][0]).toBe(`Реестр межведомственных и внутриведомственных процессов ${AGENCY}`);
    expect(sheet.rows[APPENDIX_ROWS.columnTitles - 1]).toEqual(REGISTER_COLUMNS.map(columnTitleWithMark));
    expect(sheet.rows[APPENDIX_ROWS.numbering - 1]).toEqual(REGISTER_COLUMNS.map((column) => String(column.number)));
    const body = sheet.rows.slice(APPENDIX_ROWS.firstData - 1).map((row) => row[0]);
    expect(body).toEqual([
      "1. Предоставление государственных услуг",
      ROWS[0][0],
      ROWS[1][0],
      "2. Государственный контроль (надзор)",
      ROWS[2][0],
      ROWS[3][0],
    ]);
    expect(sheet.rows.flat()).not.toContain(DRAFT_MARK);
    expect(sheet.orientation).toBe("Landscape");
    expect(sheet.printTitleRows).toBe(`$${APPENDIX_ROWS.columnTitles}:$${APPENDIX_ROWS.numbering}`);

    // The order details went into the workbook's settings with the appendix.
    const reference = await playground.sim((sim, name: string) => {
      const sheet = sim.workbook.sheet(name);
      // The «Параметр | Значение» block of the reference sheet: columns N:O.
      return (sheet.texts("N1:O40") as string[][]).map((row) => row.join(" | "));
    }, REFERENCE_SHEET_NAME);
    expect(reference).toEqual(expect.arrayContaining(["Номер приказа | 7", "Дата приказа | 15.01.2024"]));

    await page.getByTestId("sheet-tab").filter({ hasText: APPENDIX_SHEET_NAME }).click();
    await page.locator('[data-cell="L3"]').filter({ hasText: "от 15.01.2024 № 7" }).waitFor({ timeout: 30_000 });
    await playground.screenshot("appendix-built");
  });

  test("a row with an error: the pane lists it and refuses; only a draft marked «ПРОЕКТ» is built", async () => {
    const { page } = playground;
    const badRow = [...validRows(3)[2]];
    badRow[6] = "";
    badRow[14] = "";
    const badSheetRow = GEOMETRY.firstDataRow + ROWS.length;
    await playground.sim((sim, arg: { sheet: string; address: string; rows: string[][] }) => sim.userEdit(arg.sheet, arg.address, arg.rows, { paste: true }), {
      sheet: REGISTER_SHEET_NAME,
      address: `A${badSheetRow}:O${badSheetRow}`,
      rows: [badRow],
    });
    const before = await appendixSheet();

    await section().getByRole("button", { name: "Утвердить…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Утвердить", exact: true }).click();
    const refusal = section().getByText("В реестре есть ошибки (1) — реестр не утвержден");
    await refusal.waitFor({ timeout: 60_000 });
    // Focus goes to the result's heading (and so brings it into view below the form): a short pane must not hide the refusal.
    await page.waitForFunction(() => {
      const heading = document.activeElement;
      const box = heading?.getBoundingClientRect();
      return heading?.textContent === "Результат" && box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await section().getByText(`Ошибки на листе «${REGISTER_SHEET_NAME}»`, { exact: false }).waitFor();
    expect(await appendixSheet()).toEqual(before);
    // Each error is a link to its cell, as in «Проверка».
    await section().getByRole("button", { name: `Строка ${badSheetRow}, графа 7 «${REGISTER_COLUMNS[6].title}»` }).click();
    await page.waitForFunction(
      (row) => {
        const sheet = (window as any).__sim.workbook.activeSheet;
        return sheet.selection.r0 === row - 1 && sheet.selection.c0 === 6;
      },
      badSheetRow,
    );
    await playground.screenshot("appendix-refused");

    await section().getByRole("button", { name: "Сформировать проект" }).click();
    await section().getByText("Сформирован проект приложения (5 строк реестра) с отметкой «ПРОЕКТ». Утвержденный реестр не изменен.").waitFor({ timeout: 60_000 });
    const draft = await appendixSheet();
    expect(draft.rows[0][0]).toBe(DRAFT_MARK);
    expect(draft.rows.map((row) => row[0])).toContain(badRow[0]);
    // The approved register is still the one of order № 7.
    await section().getByText("Утвержден приказом от 15.01.2024 № 7.").waitFor();
    await page.locator('[data-cell="A1"]').filter({ hasText: DRAFT_MARK }).waitFor({ timeout: 30_000 });
    await playground.screenshot("appendix-draft");
  });

  test("nothing left the machine and the page raised no errors", () => {
    expect(externalRequests(playground.requests)).toEqual([]);
    expect(playground.pageErrors).toEqual([]);
  });
});
