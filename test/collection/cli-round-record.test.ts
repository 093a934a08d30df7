/**
 * The round recorded in the coordinator's workbook through the command line, on real files: `reestr distribute --record`
 * patches the register workbook (one sheet «Сбор сведений», nothing else changes; valid OOXML; LibreOffice reopens it and
 * keeps the record), `reestr status` lists every unit as missing, a merge of two units' files marks them, and the
 * consolidated workbook's status lists the other two — overdue after the due date (exit 1).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-workbook-file";
import { readZipDirectory, entryData } from "../../src/adapters/xlsx/zip-directory";
import { ruDateToIso, todayText } from "../../src/core/approval";
import { findRegister } from "../../src/core/read-register";
import { readRoundRecord } from "../../src/core/collection/round-record";
import { ROUND_SHEET_NAME } from "../../src/core/sheet-names";
import { convertWith, sofficeAvailable } from "../support/libreoffice";
import { expectValidXlsx } from "../support/ooxml-check";
import { approvedRows, coordinatorWorkbook, UNITS } from "./helpers";
import { runReestr } from "../support/reestr-process";

const ROOT = path.join(__dirname, "..", "..");

const reestr = runReestr;

function sha(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every part of a package unpacked, by name. */
function unpacked(file: string): Map<string, string> {
  const data = new Uint8Array(fs.readFileSync(file));
  const parts = new Map<string, string>();
  for (const entry of readZipDirectory(data)!.entries) {
    const raw = entryData(data, entry)!;
    parts.set(entry.name, (entry.method === 8 ? require("zlib").inflateRawSync(raw) : Buffer.from(raw)).toString("utf8"));
  }
  return parts;
}

/** Today as the CLI counts it. */
const todayIso = () => ruDateToIso(todayText())!;

let dir: string;

beforeAll(async () => {
  require(path.join(ROOT, "scripts", "build-cli.cjs")).buildSync();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "reestr-round-record-"));
  fs.writeFileSync(path.join(dir, "реестр.xlsx"), await coordinatorWorkbook());
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("reestr distribute --record, reestr status, reestr merge", () => {
  test("without --record the register is only read", () => {
    const before = sha(path.join(dir, "реестр.xlsx"));
    const run = reestr(["distribute", "реестр.xlsx", "-o", "без-записи"], dir);
    expect(run.status).toBe(0);
    expect(sha(path.join(dir, "реестр.xlsx"))).toBe(before);
    const status = reestr(["status", "реестр.xlsx", "--json", "--today", todayIso()], dir);
    expect(JSON.parse(status.stdout).collection).toBeNull();
  });

  test("the round is recorded, listed by status, marked by a merge, and overdue after its due date", async () => {
    const register = path.join(dir, "реестр.xlsx");
    const before = unpacked(register);
    const run = reestr(["distribute", "реестр.xlsx", "-o", "сбор", "--due", "2099-12-31", "--record"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Сбор записан в реестр.xlsx (лист «Сбор сведений»)");

    // One sheet added; every other part unpacks to what it was, except the three that list the sheets.
    const after = unpacked(register);
    const changed = [...after.keys()].filter((name) => before.get(name) !== after.get(name));
    const added = changed.filter((name) => name.startsWith("xl/worksheets/"));
    expect(added).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)]);
    expect(before.has(added[0])).toBe(false);
    expect(changed.filter((name) => name !== added[0]).sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"]);
    expect(after.get("xl/workbook.xml")).toMatch(/<sheet name="Сбор сведений" sheetId="\d+" r:id="rId\d+"\/>/);
    await expectValidXlsx(fs.readFileSync(register), "reestr distribute --record");

    const read = await readWorkbookFile(register);
    if (!read.ok) throw new Error(read.message);
    expect(findRegister(read.sheets)?.rows).toHaveLength(approvedRows().length);
    expect(readRoundRecord(read.sheets)).toEqual({ issued: todayText(), due: "31.12.2099", units: UNITS.map((unit) => ({ unit, submitted: false })) });

    const status = reestr(["status", "реестр.xlsx", "--json", "--today", todayIso()], dir);
    expect(status.status).toBe(0);
    const json = JSON.parse(status.stdout);
    expect(Object.keys(json)).toEqual(["file", "today", "actualization", "requests", "requestsProblem", "collection", "overdue"]);
    expect(json.collection).toEqual({ units: UNITS, due: "2099-12-31" });
    const lines = reestr(["status", "реестр.xlsx", "--today", todayIso()], dir);
    for (const unit of UNITS) expect(lines.stdout).toContain(unit);

    // Two units answer; the consolidated workbook carries the round with them marked.
    const merge = reestr(["merge", `сбор/${UNITS[0]}.xlsx`, `сбор/${UNITS[2]}.xlsx`, "--previous", "реестр.xlsx", "-o", "свод.xlsx"], dir);
    expect(merge.status).toBe(0);
    const consolidated = reestr(["status", "свод.xlsx", "--json", "--today", todayIso()], dir);
    expect(JSON.parse(consolidated.stdout).collection?.units).toEqual([UNITS[1], UNITS[3]]);
    const late = reestr(["status", "реестр.xlsx", "--json", "--today", "2100-01-04"], dir);
    expect(late.status).toBe(1);
    expect(JSON.parse(late.stdout)).toMatchObject({ collection: { units: UNITS }, overdue: true });
    await expectValidXlsx(fs.readFileSync(path.join(dir, "свод.xlsx")), "reestr merge with the round");

    // A second round replaces the record (one sheet).
    const second = reestr(["distribute", "реестр.xlsx", "-o", "сбор-2", "--units", UNITS[0], "--record"], dir);
    expect(second.status).toBe(0);
    const again = unpacked(register);
    expect([...(again.get("xl/workbook.xml") ?? "").matchAll(/Сбор сведений/g)]).toHaveLength(1);
    const reread = await readWorkbookFile(register);
    if (!reread.ok) throw new Error(reread.message);
    expect(readRoundRecord(reread.sheets)).toEqual({ issued: todayText(), due: "", units: [{ unit: UNITS[0], submitted: false }] });
    await expectValidXlsx(fs.readFileSync(register), "reestr distribute --record, second round");
  }, 180_000);

  test("LibreOffice reopens the patched workbook and keeps the record", async () => {
    if (!sofficeAvailable()) return;
    const out = path.join(dir, "lo");
    fs.mkdirSync(out, { recursive: true });
    const [converted] = convertWith([path.join(dir, "реестр.xlsx")], "xlsx", out);
    const read = await readWorkbookFile(converted);
    if (!read.ok) throw new Error(read.message);
    expect(read.sheets.some((sheet) => sheet.name === ROUND_SHEET_NAME)).toBe(true);
    expect(readRoundRecord(read.sheets)?.units).toHaveLength(1);
    expect(findRegister(read.sheets)?.rows).toHaveLength(approvedRows().length);
  }, 180_000);

  test("a register that cannot be patched is left as it was: one line, exit 2", () => {
    const locked = path.join(dir, "только-чтение");
    fs.mkdirSync(locked);
    fs.copyFileSync(path.join(dir, "реестр.xlsx"), path.join(locked, "реестр.xlsx"));
    fs.chmodSync(locked, 0o555);
    try {
      if (process.getuid?.() === 0) return; // root writes anywhere
      const before = sha(path.join(locked, "реестр.xlsx"));
      const run = reestr(["distribute", "только-чтение/реестр.xlsx", "-o", "сбор-3", "--record"], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^reestr distribute: только-чтение\/реестр\.xlsx: сбор не записан в книгу: нет прав на запись/);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(sha(path.join(locked, "реестр.xlsx"))).toBe(before);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });
});
