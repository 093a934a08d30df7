/** The pane's .zip of unit files (read back by our reader and by Python's zipfile) and the saved date inside a workbook. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { crc32, zipStored } from "../../../src/adapters/xlsx/zip-store";
import { readZipDirectory } from "../../../src/adapters/xlsx/zip-directory";
import { workbookSavedDate } from "../../../src/adapters/xlsx/saved-date";

test("stored entries with Cyrillic names open in another program, bytes and CRCs intact", () => {
  const files = [
    { name: "Отдел кадров.xlsx", data: new TextEncoder().encode("первый файл") },
    { name: "Сектор «Учет» _ склад.xlsx", data: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256) },
    { name: "пустой.xlsx", data: new Uint8Array(0) },
  ];
  const zip = zipStored(files, new Date(2026, 11, 1, 10, 30));
  const directory = readZipDirectory(zip);
  expect(directory?.entries.map((entry) => [entry.name, entry.method, entry.uncompressedSize])).toEqual(files.map((file) => [file.name, 0, file.data.length]));
  expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-zip-store-"));
  const file = path.join(dir, "files.zip");
  fs.writeFileSync(file, zip);
  const script = "import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps([z.testzip(), [(i.filename, i.file_size, list(i.date_time)) for i in z.infolist()]]))";
  const result = spawnSync("python3", ["-c", script, file], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(result.status).toBe(0);
  const [bad, entries] = JSON.parse(result.stdout);
  expect(bad).toBeNull();
  expect(entries).toEqual(files.map((entry) => [entry.name, entry.data.length, [2026, 12, 1, 10, 30, 0]]));
});

test("the date a workbook was saved, as its program recorded it", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Лист");
  workbook.modified = new Date(Date.UTC(2026, 11, 16, 8));
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  expect(await workbookSavedDate(bytes)).toBe("16.12.2026");
  expect(await workbookSavedDate(zipStored([{ name: "x.txt", data: new Uint8Array(1) }]))).toBeNull();
  expect(await workbookSavedDate(new TextEncoder().encode("не архив"))).toBeNull();
});
