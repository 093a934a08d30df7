import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderWorkbookLayoutWithReport, writeLayoutToBuffer } from "../../src/adapters/xlsx/exceljs-writer";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import { DEFAULT_SETTINGS, findSettingsPairs, settingsFromPairs, type Settings } from "../../src/core/settings";
import { DEFAULT_DIRECTIONS } from "../../src/core/typical-list";
import { columnLetters } from "../../src/core/layout/cells";
import { LIST_NAMES, REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { REGISTER_SHEET_NAME, buildTemplateLayout, templateGeometry } from "../../src/core/layout/template";
import { closeLibreOffice, toExcelSeparators } from "../support/libreoffice";
import { DROPDOWN_COLUMNS, inspectTemplate } from "./lo-checks";

const workDir = mkdtempSync(join(tmpdir(), "reestr-template-"));
afterAll(closeLibreOffice);

const AGENCY: Settings = {
  ...DEFAULT_SETTINGS,
  agencyName: "Архивная служба Республики Северная Осетия-Алания",
  agencyGenitive: "Архивной службы Республики Северная Осетия-Алания",
  agencyCode: "017",
  units: ["Отдел формирования архивного фонда", "Отдел использования документов; и публикации"],
};

describe("template layout (pure)", () => {
  const layout = buildTemplateLayout(AGENCY, { title: true, dataRows: 100 });
  const [register, reference] = layout.sheets;
  const g = templateGeometry({ dataRows: 100 });

  test("header of the form with mandatory marks, numbering 1–15, frozen below it, text columns", () => {
    const header = register.blocks.find((b) => b.row === g.headerRow)!;
    expect(header.values[0]).toEqual(REGISTER_COLUMNS.map((c) => (c.mandatory ? `${c.title}*` : c.title)));
    expect(header.values[0].filter((t) => String(t).endsWith("*"))).toHaveLength(5);
    expect(header.style).toMatchObject({ bold: true, wrap: true, border: true });
    const numbering = register.blocks.find((b) => b.row === g.numberingRow)!;
    expect(numbering.values[0]).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(register.freeze).toEqual({ rows: g.numberingRow });
    expect(register.columns!.filter((c) => c.index <= 15).every((c) => c.numberFormat === "@" && c.width! > 10)).toBe(true);
    expect(register.name).toBe(REGISTER_SHEET_NAME);
  });

  test("every dropdown refers to a workbook name, none is an inline list", () => {
    const names = new Set(layout.names!.map((n) => n.name));
    for (const validation of register.validations!) {
      expect(validation.source).not.toMatch(/"[^"]+;|,"/);
      const referenced = [...validation.source.matchAll(/[А-Яа-яЁё]+/g)].map((m) => m[0]);
      expect(referenced.length).toBeGreaterThan(0);
      for (const name of referenced) expect(names).toContain(name);
      expect(validation.range).toMatch(new RegExp(`^[A-O]${g.firstDataRow}:[A-O]${g.lastDataRow}$`));
    }
    expect(register.validations!.map((v) => v.range[0])).toEqual(["E", "F", "G", "H", "I", "N", "O"]);
  });

  test("reference sheet: very hidden, the 38 processes grouped by direction with agency wording, settings readable back", () => {
    expect(reference.name).toBe(REFERENCE_SHEET_NAME);
    expect(reference.visibility).toBe("veryHidden");
    const typical = reference.blocks.find((b) => b.row === 2 && b.col === 1)!;
    expect(typical.values).toHaveLength(38);
    const directions = typical.values.map((r) => r[1]);
    const firstIndex = (d: string) => directions.indexOf(d);
    DEFAULT_DIRECTIONS.forEach((d, i) => {
      if (i > 0) expect(firstIndex(d.name)).toBeGreaterThan(firstIndex(DEFAULT_DIRECTIONS[i - 1].name));
    });
    expect(typical.values.find((r) => r[0] === "2.4")![2]).toContain("Архивной службы Республики Северная Осетия-Алания");
    expect(typical.values.find((r) => r[0] === "1.1")![2]).toBe("1.1. Информирование о предоставлении государственной услуги");
    // The settings block round-trips through the text a reader would see.
    const rows: string[][] = [];
    for (const block of reference.blocks)
      block.values.forEach((values, r) =>
        values.forEach((v, c) => {
          (rows[block.row - 1 + r] ??= [])[block.col - 1 + c] = v === null ? "" : String(v);
        }),
      );
    const dense = rows.map((r) => Array.from(r ?? [], (v) => v ?? ""));
    expect(settingsFromPairs(findSettingsPairs({ name: REFERENCE_SHEET_NAME, rows: dense }))).toMatchObject({
      agencyGenitive: AGENCY.agencyGenitive,
      agencyCode: "017",
      units: ["Отдел формирования архивного фонда", "Отдел использования документов", "и публикации"],
    });
  });

  test("without units the unit list still is a valid one-cell range", () => {
    const units = buildTemplateLayout(DEFAULT_SETTINGS).names!.find((n) => n.name === LIST_NAMES.units)!;
    expect(units.ref).toBe(`'${REFERENCE_SHEET_NAME}'!$L$2:$L$2`);
  });

  test("marks for empty mandatory cells: one rule per mandatory column over the data rows", () => {
    expect(register.conditionalFormats!.map((c) => c.range)).toEqual(
      REGISTER_COLUMNS.filter((c) => c.mandatory).map((c) => `${columnLetters(c.number)}${g.firstDataRow}:${columnLetters(c.number)}${g.lastDataRow}`),
    );
    expect(register.conditionalFormats![0].formula).toBe(`=AND(COUNTA($A${g.firstDataRow}:$O${g.firstDataRow})>0,$A${g.firstDataRow}="")`);
  });

  test("the file renderer applies it without cutting any prompt", () => {
    expect(renderWorkbookLayoutWithReport(buildTemplateLayout(AGENCY)).report.warnings).toEqual([]);
  });
});

describe("template file in LibreOffice", () => {
  test("dropdowns on the right columns, the process list resolves to 38 / a direction's processes, marks survive, reference hidden", async () => {
    const path = join(workDir, "template.xlsx");
    writeFileSync(path, await writeLayoutToBuffer(buildTemplateLayout(AGENCY, { title: true })));
    const facts = await inspectTemplate(path);
    expect(facts.allProcesses).toBe(38);
    expect(facts.direction1Processes).toBe(9);
    expect(facts.direction4Processes).toBe(2);
    const { inspection } = facts;
    expect(inspection.sheets.map((s) => [s.name, s.visible])).toEqual([
      [REGISTER_SHEET_NAME, true],
      [REFERENCE_SHEET_NAME, false],
    ]);
    const g = templateGeometry();
    const probes = inspection.probes[REGISTER_SHEET_NAME];
    for (const [column, expected] of Object.entries(DROPDOWN_COLUMNS)) {
      const probe = probes[`${columnLetters(Number(column))}${g.firstDataRow}`];
      expect(probe.validation).toMatchObject({ type: "list", formula1: expected.name, errorStyle: expected.errorStyle, showInputMessage: true });
    }
    expect(toExcelSeparators(probes[`F${g.firstDataRow}`].validation!.formula1)).toContain("OFFSET(Процессы,MATCH($E");
    expect(probes[`A${g.firstDataRow}`].validation).toBeNull();
    const marked = REGISTER_COLUMNS.filter((c) => probes[`${columnLetters(c.number)}${g.firstDataRow}`].conditionalEntries.length > 0).map((c) => c.number);
    expect(marked).toEqual([1, 3, 6, 7, 8]);
    const register = inspection.sheets[0];
    expect(register.conditionalFormats.every((c) => c.entries[0].backColor === "#FFC7CE")).toBe(true);
    expect(inspection.namedRanges[LIST_NAMES.processes]).toBe(`$${REFERENCE_SHEET_NAME}.$C$2:$C$39`);
    expect(inspection.frozen).toMatchObject({ active: true, splitRow: g.numberingRow });
    const cells = inspection.cells[REGISTER_SHEET_NAME];
    expect(cells[g.headerRow - 1][0].text).toBe("Идентификатор процесса*");
    expect(cells[g.numberingRow - 1].slice(0, 15).map((c) => c.text)).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
  });
});
