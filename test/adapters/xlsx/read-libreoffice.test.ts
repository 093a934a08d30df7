/** Reading real workbooks written by another program (LibreOffice from CSV) and finding the register in them. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookFile } from "../../../src/adapters/xlsx/read-workbook-file";
import { findRegister } from "../../../src/core/read-register";
import type { SheetText } from "../../../src/core/register-types";
import { REORDERED_COLUMNS, REORDERED_DATA_ROWS, writeRegisterFiles, type RegisterFiles } from "../../fixtures/register-files";

let files: RegisterFiles;
let tempDir: string;

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-read-lo-"));
  files = await writeRegisterFiles(tempDir);
}, 180_000);
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

async function sheetsOf(filePath: string): Promise<SheetText[]> {
  const result = await readWorkbookFile(filePath);
  if (!result.ok) throw new Error(result.message);
  return result.sheets;
}

describe("a register LibreOffice wrote from CSV", () => {
  it("reads numbers, a formula's cached value, dates, line breaks and Cyrillic as text", async () => {
    const [sheet] = await sheetsOf(files.loReordered);
    expect(sheet.name).toBe("lo-reordered");
    expect(sheet.rows[0]).toEqual(["Реестр межведомственных и внутриведомственных процессов"]);
    expect(sheet.rows[2]).toEqual([]);
    expect(sheet.rows[3][2]).toBe("Статус процесса\n(статус реинжиниринга)*");
    expect(sheet.rows[4].slice(0, 3)).toEqual(["6", "1", "8"]);
    // Column B holds the IDs: LibreOffice stored 104 as a number and =100+6 as a formula with its result.
    expect(sheet.rows.slice(5).map((row) => row[1] ?? "")).toEqual(["104", "105", "", "106", "1.10", "017.04.001"]);
    expect(sheet.rows[5][16]).toBe("15.01.2024");
    expect(sheet.rows[6][16]).toBe("03.02.2024");
    expect(sheet.rows[7]).toEqual([]);
  });

  it("finds the reordered register below its title rows, with extra columns and sheet row numbers", async () => {
    const table = findRegister(await sheetsOf(files.loReordered));
    expect(table).not.toBeNull();
    expect(table!.headerRow).toBe(4);
    expect(table!.columnMap).toEqual(
      Array.from({ length: 15 }, (_, index) => REORDERED_COLUMNS.indexOf(index + 1)),
    );
    expect(table!.missingColumns).toEqual([]);
    expect(table!.extraColumns.map((extra) => extra.title)).toEqual(["Примечание", "Дата внесения"]);
    expect(table!.rows.map((row) => row.sheetRow)).toEqual(REORDERED_DATA_ROWS);
    expect(table!.rows.map((row) => row.cells[0])).toEqual(["104", "105", "106", "1.10", "017.04.001"]);
    expect(table!.rows[0].extra).toEqual(["Проверено", "15.01.2024"]);
  });

  it("reports missing columns and finds nothing in a workbook without a register", async () => {
    const errorsTable = findRegister(await sheetsOf(files.loErrors));
    expect(errorsTable?.missingColumns).toEqual([2, 4]);
    expect(errorsTable?.headerRow).toBe(2);
    expect(findRegister(await sheetsOf(files.loNoRegister))).toBeNull();
  });
});
