/**
 * The OOXML checker itself (test/support/ooxml-check.ts): it passes a valid workbook and reports, with the part's name,
 * what desktop Excel would repair — elements out of schema order, a part without a content type, a dangling relationship,
 * sheet names equal but for case, a defined name on a missing sheet, wrong shared-string counts — and it applies markup
 * compatibility first, as Excel does.
 */
import { makeZip, type ZipEntryInput } from "../fixtures/zip";
import { spawnSync } from "node:child_process";
import { checkXlsx, checkXlsxWithXmllint, expectValidXlsx } from "../support/ooxml-check";
import { applyMarkupCompatibility } from "../support/ooxml/markup-compat";
import { referencedSheets } from "../support/ooxml/package-checks";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const SHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}" ` +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">' +
  '<dimension ref="A1:B2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
  '<cols><col min="1" max="1" width="20" customWidth="1"/></cols>' +
  '<sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> текст </t></is></c></row>' +
  '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>2</v></c></row></sheetData>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

interface Options {
  sheet?: string;
  sheetNames?: string[];
  definedNames?: string;
  sst?: string;
  contentTypes?: (xml: string) => string;
  workbookRels?: (xml: string) => string;
}

function workbook(options: Options = {}): Buffer {
  const names = options.sheetNames ?? ["Лист1"];
  const sheetFiles: ZipEntryInput[] = names.map((_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: options.sheet ?? SHEET }));
  let contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${SML}.sheet.main+xml"/>` +
    names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SML}.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${SML}.sharedStrings+xml"/>` +
    "</Types>";
  if (options.contentTypes) contentTypes = options.contentTypes(contentTypes);
  let workbookRels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">` +
    names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${names.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    "</Relationships>";
  if (options.workbookRels) workbookRels = options.workbookRels(workbookRels);
  return makeZip([
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets>${options.definedNames ?? ""}</workbook>`,
    },
    { name: "xl/_rels/workbook.xml.rels", data: workbookRels },
    ...sheetFiles,
    { name: "xl/sharedStrings.xml", data: options.sst ?? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${2 * names.length}" uniqueCount="1"><si><t>Процесс</t></si></sst>` },
  ]);
}

test("a valid workbook (Excel's ignorable attributes and xml:space included) has no problems", async () => {
  expect(await checkXlsx(workbook())).toEqual([]);
  await expect(expectValidXlsx(workbook({ sheetNames: ["Реестр", "Сводка"], definedNames: "<definedNames><definedName name=\"Итог\">'Сводка'!$A$1:$B$2</definedName></definedNames>" }))).resolves.toBeUndefined();
});

test("<cols> moved after <sheetData> in a valid sheet is reported with the part and the schema's message", async () => {
  const cols = '<cols><col min="1" max="1" width="20" customWidth="1"/></cols>';
  const moved = SHEET.replace(cols, "").replace("</sheetData>", `</sheetData>${cols}`);
  const problems = await checkXlsx(workbook({ sheet: moved }));
  expect(problems.length).toBeGreaterThan(0);
  expect(problems[0]).toMatch(/^xl\/worksheets\/sheet1\.xml: line \d+: Element '\{[^}]+\}cols': This element is not expected/);
  await expect(expectValidXlsx(workbook({ sheet: moved }), "moved cols")).rejects.toThrow(/moved cols is not valid Office Open XML[\s\S]*xl\/worksheets\/sheet1\.xml: .*cols/);
});

test("xmllint --nonet, the fallback validator, agrees: the valid workbook passes, the moved <cols> is reported", async () => {
  if (spawnSync("xmllint", ["--version"]).status !== 0) {
    console.warn("xmllint not installed (apt-get install libxml2-utils); comparison skipped");
    return;
  }
  expect(await checkXlsxWithXmllint(workbook())).toEqual([]);
  const cols = '<cols><col min="1" max="1" width="20" customWidth="1"/></cols>';
  const moved = SHEET.replace(cols, "").replace("</sheetData>", `</sheetData>${cols}`);
  const problems = await checkXlsxWithXmllint(workbook({ sheet: moved }));
  expect(problems.join("\n")).toMatch(/^xl\/worksheets\/sheet1\.xml: .*cols.*This element is not expected/m);
});

test("a bad enumeration and an unknown attribute are reported", async () => {
  const bad = SHEET.replace("<pageMargins", '<pageSetup orientation="Landscape"/><pageMargins').replace('<c r="B2">', '<c r="B2" colour="red">');
  // pageSetup must follow pageMargins: put it in the right place so only the two value errors remain.
  const ordered = bad.replace('<pageSetup orientation="Landscape"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>', '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="Landscape"/>');
  const problems = await checkXlsx(workbook({ sheet: ordered }));
  expect(problems.join("\n")).toMatch(/sheet1\.xml: .*orientation.*Landscape/);
  expect(problems.join("\n")).toMatch(/sheet1\.xml: .*colour.*not allowed/);
});

test("a part without a content type and a dangling relationship are reported", async () => {
  const noType = workbook({ contentTypes: (xml) => xml.replace(/<Override PartName="\/xl\/sharedStrings.xml"[^>]*\/>/, "").replace('<Default Extension="xml" ContentType="application/xml"/>', "") });
  const problems = await checkXlsx(noType);
  expect(problems).toContain("xl/sharedStrings.xml: no content type in [Content_Types].xml (no Override, no Default for its extension)");

  const dangling = workbook({ workbookRels: (xml) => xml.replace("</Relationships>", `<Relationship Id="rId9" Type="${REL}/styles" Target="styles.xml"/></Relationships>`) });
  expect(await checkXlsx(dangling)).toContain("xl/_rels/workbook.xml.rels: relationship rId9 (styles) targets styles.xml, which is not in the package");

  const overrideWithoutPart = workbook({ contentTypes: (xml) => xml.replace("</Types>", `<Override PartName="/xl/styles.xml" ContentType="${SML}.styles+xml"/></Types>`) });
  expect(await checkXlsx(overrideWithoutPart)).toContain("[Content_Types].xml: Override for /xl/styles.xml, which is not in the package");
});

test("sheet names equal but for case, a defined name on a missing sheet and wrong shared-string counts are reported", async () => {
  const problems = await checkXlsx(
    workbook({
      sheetNames: ["Реестр", "РЕЕСТР"],
      definedNames: "<definedNames><definedName name=\"Список\">'Старый лист'!$A$1:$A$5</definedName><definedName name=\"_xlnm.Print_Area\" localSheetId=\"4\">Реестр!$A$1:$B$2</definedName></definedNames>",
      sst: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="3" uniqueCount="2"><si><t>Процесс</t></si></sst>`,
    }),
  );
  expect(problems).toEqual(
    expect.arrayContaining([
      "xl/workbook.xml: sheet names «Реестр» and «РЕЕСТР» differ only in case (Excel treats them as one)",
      "xl/workbook.xml: defined name Список refers to sheet «Старый лист», which does not exist",
      "xl/workbook.xml: defined name _xlnm.Print_Area has localSheetId 4, but the workbook has 2 sheets",
      "xl/sharedStrings.xml: uniqueCount=\"2\" but the table holds 1 strings",
      "xl/sharedStrings.xml: count=\"3\" but the sheets have 4 shared-string cells",
    ]),
  );
});

test("markup compatibility: ignorable namespaces and mc:Choice dropped, mc:Fallback unwrapped, xml:space off <t> only", () => {
  const xml =
    '<worksheet xmlns="m" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="urn:x14ac" xmlns:xr="urn:xr" mc:Ignorable="x14ac xr" xr:uid="{1}">' +
    '<row x14ac:dyDescent="0.25"><c><is><t xml:space="preserve"> a </t></is></c></row>' +
    '<mc:AlternateContent><mc:Choice Requires="x14ac"><new/></mc:Choice><mc:Fallback><old a="1"/></mc:Fallback></mc:AlternateContent>' +
    '<x14ac:extra><inner/></x14ac:extra><p xml:space="preserve"/></worksheet>';
  expect(applyMarkupCompatibility(xml)).toBe(
    '<worksheet xmlns="m" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="urn:x14ac" xmlns:xr="urn:xr">' +
      '<row><c><is><t> a </t></is></c></row><old a="1"/><p xml:space="preserve"/></worksheet>',
  );
});

test("sheet references in defined names: quoted, plain, and not inside string literals", () => {
  expect(referencedSheets("'Реестр процессов'!$A$7:$A$100,Справочники!$B:$B")).toEqual(["Реестр процессов", "Справочники"]);
  expect(referencedSheets("'It''s'!A1&\"Нет!A1\"")).toEqual(["It's"]);
});
