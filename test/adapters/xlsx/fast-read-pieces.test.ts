/**
 * A big worksheet's rows read in pieces (fast-read-pieces.ts) give exactly what reading the whole part gives, and
 * whatever the fast lane does not take sends the reader back to the whole part.
 */
import { readSheetsFast } from "../../../src/adapters/xlsx/fast-read";
import { sheetDataInPieces } from "../../../src/adapters/xlsx/fast-read-pieces";
import { parseWorksheet, RowPiecesNotTaken } from "../../../src/adapters/xlsx/fast-read-worksheet";
import { inflateRawWithStreams, readZipDirectory } from "../../../src/adapters/xlsx/zip-directory";
import { makeZip, minimalWorkbookEntries } from "../../fixtures/zip";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const OPTIONS = { sharedStrings: undefined, formats: undefined, date1904: false };

/** About 5 MB of rows (over the pieces' threshold), inline Cyrillic text in some of them; `odd` replaces row 9000. */
function rowsXml(odd?: string): string {
  const rows: string[] = [];
  for (let r = 1; r <= 12_000; r++) {
    if (r === 9000 && odd !== undefined) {
      rows.push(odd);
      continue;
    }
    let cells = "";
    for (let c = 0; c < 15; c++) {
      const ref = `${String.fromCharCode(65 + c)}${r}`;
      cells += c % 5 === 0 ? `<c r="${ref}" t="inlineStr"><is><t>Строка ${r} графа ${c + 1}</t></is></c>` : `<c r="${ref}"><v>${r * 100 + c}</v></c>`;
    }
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  return rows.join("");
}

/** A worksheet with a Cyrillic code name before its cells, a merge and a data validation with a Russian message after. */
function sheetXml(rows: string): string {
  return (
    `\uFEFF<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}><sheetPr codeName="Лист1"/><sheetData>${rows}</sheetData>` +
    '<mergeCells count="1"><mergeCell ref="A2:C3"/></mergeCells>' +
    '<dataValidations count="1"><dataValidation type="list" sqref="B1:B9" promptTitle="Подсказка" prompt="Выберите значение"><formula1>"да,нет"</formula1></dataValidation></dataValidations>' +
    "</worksheet>"
  );
}

function wholeRead(xml: string) {
  return parseWorksheet(xml.replace(/^\uFEFF/, ""), "Лист1", OPTIONS);
}

async function fastRead(xml: string) {
  const entries = minimalWorkbookEntries("").map((entry) => (entry.name === "xl/worksheets/sheet1.xml" ? { ...entry, data: xml } : entry));
  const data = new Uint8Array(makeZip(entries.map((entry) => ({ ...entry, deflate: true }))));
  return readSheetsFast(data, readZipDirectory(data)!, inflateRawWithStreams);
}

describe("a big sheet's rows in pieces", () => {
  test("are cut after whole rows and together are the part's rows", () => {
    const rows = rowsXml();
    const bytes = Buffer.from(sheetXml(rows), "utf8");
    const pieces = sheetDataInPieces(bytes)!;
    expect(pieces).not.toBeNull();
    const all = [...pieces.rows()];
    expect(all.length).toBeGreaterThan(3);
    for (const piece of all) expect(piece.endsWith("</row>")).toBe(true);
    expect(all.join("")).toBe(rows);
    expect(pieces.outside).toBe(sheetXml("").replace(/^\uFEFF/, ""));
  });

  test("give what the whole part gives (merges, Cyrillic before and after the cells, inline Cyrillic text)", async () => {
    const xml = sheetXml(rowsXml());
    // The pieces themselves are taken by the fast lane (no fall back to the whole part here)…
    const pieces = sheetDataInPieces(Buffer.from(xml, "utf8"))!;
    expect(parseWorksheet(pieces.outside, "Лист1", OPTIONS, pieces.rows())).toEqual(wholeRead(xml));
    // …and the reader gives the same.
    const sheets = await fastRead(xml);
    expect(sheets).toEqual([wholeRead(xml)]);
    // The merge A2:C3 shows only its top-left cell.
    expect(sheets![0].rows[1].slice(0, 4)).toEqual(["Строка 2 графа 1", "", "", "203"]);
    expect(sheets![0].rows[2].slice(0, 4)).toEqual(["", "", "", "303"]);
    expect(sheets![0].rows[0][5]).toBe("Строка 1 графа 6");
  });

  test("a row the fast lane does not take sends the reader to the whole part", async () => {
    const odd = '<row r="9000"><c r="A9000"><f>1+1</f><v>2</v></c><c r="B9000" t="inlineStr"><is><t><![CDATA[</row>]]></t></is></c></row>';
    const xml = sheetXml(rowsXml(odd));
    const bytes = Buffer.from(xml, "utf8");
    const pieces = sheetDataInPieces(bytes)!;
    expect(() => parseWorksheet(pieces.outside, "Лист1", OPTIONS, pieces.rows())).toThrow(RowPiecesNotTaken);
    const sheets = await fastRead(xml);
    expect(sheets).toEqual([wholeRead(xml)]);
    expect(sheets![0].rows[8999]).toEqual(["2", "</row>"]);
  });

  test("rows written with line breaks between them are read whole", async () => {
    const xml = sheetXml(rowsXml().replace(/<\/row>/g, "</row>\n"));
    expect(await fastRead(xml)).toEqual([wholeRead(xml)]);
  });

  test("small, UTF-16, prefixed or empty sheet data is decoded whole", () => {
    expect(sheetDataInPieces(Buffer.from(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')))).toBeNull();
    const big = rowsXml();
    expect(sheetDataInPieces(Buffer.from(sheetXml(big).replace(/<(\/?)sheetData>/g, "<$1x:sheetData>")))).toBeNull();
    expect(sheetDataInPieces(Buffer.from(`<worksheet ${MAIN}><sheetData/><!--${big}--></worksheet>`))).toBeNull();
    expect(sheetDataInPieces(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheetXml(big), "utf16le")]))).toBeNull();
  });
});
