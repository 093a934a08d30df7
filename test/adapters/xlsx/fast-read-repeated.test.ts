/**
 * Small package parts that repeat from file to file are inflated, decoded and parsed once (fast-read-repeated.ts). The
 * memory is by content: a file whose part differs in one byte, or whose directory states another size for the same
 * bytes, is read afresh, and reading files one after another gives what reading each alone gives.
 */
import { deflateRawSync } from "node:zlib";
import { RepeatedParses, RepeatedParts } from "../../../src/adapters/xlsx/fast-read-repeated";
import { readWorkbookData } from "../../../src/adapters/xlsx/read-workbook";
import { inflateOnThisThread } from "../../../src/adapters/xlsx/read-workbook-file";
import { ZipWriter } from "../../../src/adapters/xlsx/zip-writer";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A minimal workbook: one sheet per entry (name, part, cell A1's inline text). */
async function workbook(sheets: { name: string; part: string; text: string }[]): Promise<Uint8Array> {
  const zip = new ZipWriter(6);
  const types = sheets.map((sheet) => `<Override PartName="/xl/${sheet.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  await zip.add("[Content_Types].xml", [`${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types}</Types>`]);
  await zip.add("_rels/.rels", [`${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  await zip.add("xl/workbook.xml", [`${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`]);
  await zip.add("xl/_rels/workbook.xml.rels", [`${HEAD}<Relationships xmlns="${PKG}">${sheets.map((sheet, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${sheet.part}"/>`).join("")}</Relationships>`]);
  for (const sheet of sheets) {
    await zip.add(`xl/${sheet.part}`, [`${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${sheet.text}</t></is></c></row></sheetData></worksheet>`]);
  }
  return zip.finish(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]);
}

async function sheetsOf(data: Uint8Array): Promise<{ name: string; a1: string }[]> {
  const read = await readWorkbookData(data, "книга.xlsx", undefined, inflateOnThisThread);
  if (!read.ok) throw new Error(read.message);
  return read.sheets.map((sheet) => ({ name: sheet.name, a1: sheet.rows[0]?.[0] ?? "" }));
}

describe("parts repeated from file to file", () => {
  test("files read one after another give what each gives alone, whatever they share", async () => {
    const a = await workbook([{ name: "Реестр", part: "worksheets/sheet1.xml", text: "первый" }]);
    const sameParts = await workbook([{ name: "Реестр", part: "worksheets/sheet1.xml", text: "второй" }]);
    const otherName = await workbook([{ name: "Реестр2", part: "worksheets/sheet1.xml", text: "третий" }]);
    const otherTarget = await workbook([{ name: "Реестр", part: "worksheets/лист.xml", text: "четвертый" }]);
    const twoSheets = await workbook([
      { name: "Реестр", part: "worksheets/sheet1.xml", text: "пятый" },
      { name: "Справочники", part: "worksheets/sheet2.xml", text: "шестой" },
    ]);
    const expected = [
      [{ name: "Реестр", a1: "первый" }],
      [{ name: "Реестр", a1: "второй" }],
      [{ name: "Реестр2", a1: "третий" }],
      [{ name: "Реестр", a1: "четвертый" }],
      [{ name: "Реестр", a1: "пятый" }, { name: "Справочники", a1: "шестой" }],
    ];
    const files = [a, sameParts, otherName, otherTarget, twoSheets];
    for (let round = 0; round < 2; round++) {
      for (let index = 0; index < files.length; index++) expect(await sheetsOf(files[index])).toEqual(expected[index]);
    }
  });

  test("the memory of part bytes: equal bytes and size only", () => {
    const parts = new RepeatedParts<string>();
    const bytes = deflateRawSync(Buffer.from("<Relationships/>"));
    parts.remember(bytes, 8, 16, 0x1234, "один");
    expect(parts.get(Uint8Array.from(bytes), 8, 16, 0x1234)).toBe("один");
    const changed = Uint8Array.from(bytes);
    changed[changed.length - 1] ^= 1;
    expect(parts.get(changed, 8, 16, 0x1234)).toBeUndefined();
    // The same bytes under another declared size are another part: its size is still to be checked.
    expect(parts.get(bytes, 8, 17, 0x1234)).toBeUndefined();
    expect(parts.get(bytes, 0, 16, 0x1234)).toBeUndefined();
    // Large parts are not remembered.
    const large = new Uint8Array(20 * 1024);
    parts.remember(large, 0, large.length, 1, "большой");
    expect(parts.get(large, 0, large.length, 1)).toBeUndefined();
  });

  test("the memory of part bytes keeps a copy, not a view into the file", () => {
    const parts = new RepeatedParts<string>();
    const file = Buffer.from("....<xml/>....");
    const view = file.subarray(4, 10);
    parts.remember(view, 0, 6, 7, "xml");
    file.fill(0);
    expect(parts.get(Buffer.from("<xml/>"), 0, 6, 7)).toBe("xml");
  });

  test("a parse is made once per key; one that throws is not remembered", () => {
    const parses = new RepeatedParses<number[]>();
    let made = 0;
    const first = parses.get("ключ", () => [++made]);
    expect(parses.get("ключ", () => [++made])).toBe(first);
    expect(made).toBe(1);
    expect(() => parses.get("плохой", () => { throw new Error("не разобрать"); })).toThrow("не разобрать");
    expect(parses.get("плохой", () => [++made])).toEqual([2]);
  });
});
