import { buildCatalog } from "../../src/core/catalog";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { mergeRegisters } from "../../src/core/merge";
import { detectChanges } from "../../src/core/changes";
import {
  CHANGE_LOG_SHEET_NAME,
  MERGED_FIRST_DATA_ROW,
  MERGED_HEADER_ROW,
  MERGED_SHEET_NAME,
  MERGE_REPORT_SHEET_NAME,
  mergeWorkbookLayout,
} from "../../src/core/layout/merge-sheets";
import type { CellBlock, SheetLayout } from "../../src/core/layout/types";
import { row, table, validCells } from "./helpers";

const catalog = buildCatalog(DEFAULT_SETTINGS);

/** The sheet's cells as a map "row:col" → value, blocks flattened. */
function cellsOf(sheet: SheetLayout): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  sheet.blocks.forEach((block: CellBlock) =>
    block.values.forEach((values, r) => values.forEach((value, c) => cells.set(`${block.row + r}:${block.col + c}`, value))),
  );
  return cells;
}

function allText(sheet: SheetLayout): string {
  return [...cellsOf(sheet).values()].filter((value) => typeof value === "string").join("\n");
}

describe("merge sheets layout", () => {
  const result = mergeRegisters(
    [
      { file: "a.xlsx", result: { ok: true, table: table([row(5, validCells("104", { 12: "=SUM(A1)" })), row(6, validCells("X-2"))]) } },
      { file: "b.xlsx", result: { ok: true, table: table([row(3, validCells("X-2")), row(4, validCells("X-9", { 8: "??" }))], { extraTitles: ["Примечание"] }) } },
      { file: "bad.xlsx", result: { ok: false, message: "файл защищён паролем" } },
    ],
    catalog,
  );

  test("consolidated sheet: header, numbering, the 15 columns as text, then provenance and extra columns", () => {
    const layout = mergeWorkbookLayout(result, { date: "01.02.2025" });
    expect(layout.sheets.map((sheet) => sheet.name)).toEqual([MERGED_SHEET_NAME, MERGE_REPORT_SHEET_NAME]);
    expect(layout.activeSheet).toBe(MERGED_SHEET_NAME);
    const sheet = layout.sheets[0];
    const cells = cellsOf(sheet);
    expect(cells.get(`${MERGED_HEADER_ROW}:1`)).toBe("Идентификатор процесса*");
    expect(cells.get(`${MERGED_HEADER_ROW}:16`)).toBe("Исходный файл");
    expect(cells.get(`${MERGED_HEADER_ROW}:17`)).toBe("Строка в файле");
    expect(cells.get(`${MERGED_HEADER_ROW}:18`)).toBe("Примечание");
    expect(cells.get(`${MERGED_HEADER_ROW + 1}:15`)).toBe(15);
    const ids = result.rows.map((_, index) => cells.get(`${MERGED_FIRST_DATA_ROW + index}:1`));
    expect(ids).toEqual(result.rows.map((r) => r.cells[0]));
    // Submitted values are literal strings: the renderers write them as text, never as formulas or numbers.
    const idRow = result.rows.findIndex((r) => r.cells[0] === "104");
    expect(cells.get(`${MERGED_FIRST_DATA_ROW + idRow}:1`)).toBe("104");
    expect(cells.get(`${MERGED_FIRST_DATA_ROW + idRow}:12`)).toBe("=SUM(A1)");
    expect(cells.get(`${MERGED_FIRST_DATA_ROW + idRow}:16`)).toBe("a.xlsx");
    expect(cells.get(`${MERGED_FIRST_DATA_ROW + idRow}:17`)).toBe(5);
    expect(sheet.columns?.filter((column) => column.index <= 16).every((column) => column.numberFormat === "@")).toBe(true);
    expect(sheet.freeze).toEqual({ rows: MERGED_HEADER_ROW + 1, columns: 1 });
  });

  test("report sheet lists every file, the merged duplicate and every issue with file and row", () => {
    const layout = mergeWorkbookLayout(result, { date: "01.02.2025" });
    const text = allText(layout.sheets[1]);
    expect(text).toContain("bad.xlsx");
    expect(text).toContain("файл защищён паролем");
    expect(text).toContain("не прочитан");
    expect(text).toContain("Объединенные дубликаты");
    const cells = [...cellsOf(layout.sheets[1]).entries()];
    const statusIssue = result.issues.find((issue) => issue.code === "invalid-value" && issue.column === 8)!;
    expect(statusIssue).toBeDefined();
    const messageCell = cells.find(([, value]) => value === statusIssue.message)!;
    const [rowNumber] = messageCell[0].split(":");
    expect(cellsOf(layout.sheets[1]).get(`${rowNumber}:1`)).toBe("b.xlsx");
    expect(cellsOf(layout.sheets[1]).get(`${rowNumber}:2`)).toBe(4);
  });

  test("change log: one row per changed column with old and new values, grounds as letters", () => {
    const previous = [validCells("X-2", { 15: "РПГУ", 7: "Старый отдел" }), validCells("OLD-1")];
    const changes = detectChanges(previous, result.rows.map((r) => r.cells), catalog);
    const layout = mergeWorkbookLayout(result, {
      date: "01.02.2025",
      changeLog: { changes, previousRows: previous, description: "приказ от 15.01.2024 № 7" },
    });
    expect(layout.sheets.map((sheet) => sheet.name)).toContain(CHANGE_LOG_SHEET_NAME);
    const log = layout.sheets.find((sheet) => sheet.name === CHANGE_LOG_SHEET_NAME)!;
    const rows = log.blocks.flatMap((block) => block.values.map((values) => values));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(["X-2", "а, б) изменение формы процесса; изменение содержания процесса", "7. Ответственный за процесс", "Старый отдел", "Отдел использования документов"]),
        expect.arrayContaining(["X-2", null, "15. Точка размещения в цифровом виде (ЕПГУ, РПГУ, сайт ведомства)", "РПГУ", "ЕПГУ"]),
        expect.arrayContaining(["OLD-1", "в) прекращение выполнения процесса"]),
        expect.arrayContaining(["104", "г) возникновение нового процесса"]),
      ]),
    );
    expect(allText(log)).toContain("приказ от 15.01.2024 № 7");
  });
});
