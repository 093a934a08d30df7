/** The check's mark records and grid plans (core/check-marks.ts), as data. */
import {
  MARK_ERROR,
  MARK_WARNING,
  isSheetEquipped,
  markedSheetFormula,
  nextMarkedSheetName,
  parseMarkedSheets,
  planMarkWrites,
  type CellMark,
} from "../../src/core/check-marks";

test("a record reads back whether the host gives the text or the formula, quotes in the sheet name included", () => {
  const sheet = 'Реестр "2025"';
  const formula = markedSheetFormula(sheet, 5);
  expect(formula).toBe('="5|Реестр ""2025"""');
  const records = parseMarkedSheets([
    { name: "_ОтметкиПроверки_1", value: formula },
    { name: "_ОтметкиПроверки_2", value: "4|Сводный реестр" },
    { name: "Чужое_имя", value: "1|Лист1" },
    { name: "_ОтметкиПроверки_x", value: "не запись" },
  ]);
  expect(records).toEqual([
    { name: "_ОтметкиПроверки_1", sheet, firstDataRow: 5 },
    { name: "_ОтметкиПроверки_2", sheet: "Сводный реестр", firstDataRow: 4 },
  ]);
  expect(nextMarkedSheetName(records)).toBe("_ОтметкиПроверки_3");
  // Formats that start higher cover a register whose data starts lower; not the other way round.
  expect(isSheetEquipped(records, "сводный РЕЕСТР", 6)).toBe(true);
  expect(isSheetEquipped(records, "Сводный реестр", 3)).toBe(false);
});

test("grid writes: scattered marks go as runs, marks on most rows as one dense rectangle split by bytes", () => {
  const scattered: CellMark[] = [
    { row: 5, sheetColumn: 0, mark: MARK_ERROR },
    { row: 6, sheetColumn: 0, mark: MARK_WARNING },
    { row: 900, sheetColumn: 7, mark: MARK_ERROR },
  ];
  const runs = planMarkWrites(scattered, 4_000_000);
  expect(runs.mode).toBe("runs");
  expect(runs.requests).toHaveLength(1);
  expect(runs.requests[0].map((block) => [block.address, block.values])).toEqual([
    ["A5:A6", [[MARK_ERROR], [MARK_WARNING]]],
    ["H900:H900", [[MARK_ERROR]]],
  ]);

  const everyRow: CellMark[] = [];
  for (let row = 5; row < 5005; row++) everyRow.push({ row, sheetColumn: row % 2 ? 2 : 4, mark: MARK_ERROR });
  everyRow.sort((a, b) => a.sheetColumn - b.sheetColumn || a.row - b.row);
  const dense = planMarkWrites(everyRow, 20_000);
  expect(dense.mode).toBe("dense");
  const blocks = dense.requests.flat();
  expect(blocks[0].address.startsWith("C5:E")).toBe(true);
  expect(blocks.every((block) => block.bytes <= 20_000)).toBe(true);
  expect(dense.requests.length).toBeGreaterThan(1);
  // Every mark lands in exactly one block, at its place.
  const written = new Map<string, number | string>();
  for (const block of blocks) {
    const [, , top] = /^([A-Z]+)(\d+):/.exec(block.address)!;
    block.values.forEach((values, r) => values.forEach((value, c) => written.set(`${Number(top) + r}:${2 + c}`, value)));
  }
  expect(everyRow.every((mark) => written.get(`${mark.row}:${mark.sheetColumn}`) === mark.mark)).toBe(true);
  expect([...written.values()].filter((value) => value !== "")).toHaveLength(everyRow.length);
});
