/**
 * The appendix as printed: LibreOffice (headless) turns the sheet into PDF; poppler's pdfinfo/pdftotext read it back.
 * Checked: landscape pages, the column titles and numbering repeated on every page, every register row present,
 * the order block and the title on page 1, page numbers in the footer — for a short and a multi-page register.
 */
import { execFileSync } from "child_process";
import { rmSync, writeFileSync } from "fs";
import { join } from "path";
import { writeLayoutToBuffer } from "../../src/adapters/xlsx/exceljs-writer";
import { planAppendix } from "../../src/core/appendix-plan";
import { convertWith, requireLibreOffice } from "../support/libreoffice";
import { validRows } from "../fixtures/register-data";
import { AGENCY_GENITIVE, registerSheets, rowWithError, tempDir } from "./helpers";
import type { SheetLayout } from "../../src/core/layout/types";

interface PdfReport {
  pages: number;
  sizes: { width: number; height: number }[];
  pageTexts: string[];
}

function readPdf(path: string): PdfReport {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", path], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const pageTexts: string[] = [];
  for (let page = 1; page <= pages; page++) {
    pageTexts.push(execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), path, "-"], { encoding: "utf8" }));
  }
  return { pages, sizes, pageTexts };
}

const collapse = (text: string) => text.replace(/\s+/g, " ");

async function appendixPdf(dir: string, name: string, layout: SheetLayout): Promise<PdfReport> {
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, await writeLayoutToBuffer({ sheets: [layout] }));
  const [pdf] = convertWith([xlsx], "pdf", dir);
  return readPdf(pdf);
}

function planFor(rows: string[][], options: { paper?: "A4" | "A3"; draft?: boolean } = {}) {
  const plan = planAppendix({
    sheets: registerSheets(rows, { agencyGenitive: AGENCY_GENITIVE }),
    order: { orderNumber: "7", orderDate: "15.01.2024", appendixNumber: "1" },
    ...options,
  });
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

const NUMBERING_LINE = /(^|\n)\s*1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s+9\s+10\s+11\s+12\s+13\s+14\s+15\s*(\n|$)/;

function expectPrintedAppendix(report: PdfReport, ids: string[], paperLongSide: number): void {
  expect(report.pages).toBe(report.sizes.length);
  for (const size of report.sizes) {
    expect(size.width).toBeGreaterThan(size.height); // landscape
    expect(Math.round(size.width)).toBe(paperLongSide);
  }
  // Page 1: the order block top right, then the title.
  const first = collapse(report.pageTexts[0]);
  expect(first).toContain("Приложение № 1");
  expect(first).toMatch(/к приказу Архивной службы Республики Северная Осетия-\s?Алания/);
  expect(first).toContain("от 15.01.2024 № 7");
  expect(first).toMatch(/Реестр межведомственных и внутриведомственных процессов Архивной службы Республики Северная Осетия-\s?Алания/);
  expect(first.indexOf("Приложение № 1")).toBeLessThan(first.indexOf("Реестр межведомственных"));
  // Every page: the column titles, their numbering on one line (all 15 columns one page wide), the page number.
  report.pageTexts.forEach((text, i) => {
    expect(collapse(text)).toContain("Идентификатор");
    expect(collapse(text)).toContain("Ответственный за");
    expect(text).toMatch(NUMBERING_LINE);
    expect(collapse(text)).toContain(`Страница ${i + 1} из ${report.pages}`);
  });
  // Every register row, each exactly once.
  const all = report.pageTexts.join("\n");
  for (const id of ids) expect(all.split(id).length - 1).toBe(1);
}

describe("appendix printed to PDF by LibreOffice", () => {
  beforeAll(() => requireLibreOffice({ python: false }));
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a short register: one landscape A4 page with the order block, title, header and every row", async () => {
    const rows = validRows(6);
    const plan = planFor(rows);
    const report = await appendixPdf(dir, "short", plan.layout.sheets[0]);
    expect(report.pages).toBe(1);
    expectPrintedAppendix(report, rows.map((row) => row[0]), 842);
    const text = collapse(report.pageTexts[0]);
    expect(text).toContain("1. Предоставление государственных услуг");
    expect(text).not.toContain("ПРОЕКТ");
  });

  test("120 rows: several pages, the header rows repeated on each, all rows present in order", async () => {
    const rows = validRows(120);
    const plan = planFor(rows);
    const report = await appendixPdf(dir, "long", plan.layout.sheets[0]);
    expect(report.pages).toBeGreaterThan(3);
    expectPrintedAppendix(report, rows.map((row) => row[0]), 842);
    // Direction headings in the typical list's order, each once.
    const all = collapse(report.pageTexts.join("\n"));
    const headings = ["1. Предоставление", "2. Государственный контроль", "3. Рассмотрение обращений", "4. Обеспечение доступа", "5. Организация отношений"];
    const positions = headings.map((heading) => all.indexOf(heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Within a direction by process code: 1.2 after every 1.1, 1.10 never before 1.9.
    expect(all.lastIndexOf("017-1.1-")).toBeLessThan(all.indexOf("017-1.2-"));
    expect(all.lastIndexOf("017-1.9-")).toBeLessThan(all.indexOf("017-2.1-"));
  }, 120_000);

  test("A3 paper on request", async () => {
    const rows = validRows(10);
    const report = await appendixPdf(dir, "a3", planFor(rows, { paper: "A3" }).layout.sheets[0]);
    expectPrintedAppendix(report, rows.map((row) => row[0]), 1191);
  });

  test("a draft of a register with errors is marked «ПРОЕКТ» on the sheet and on every page", async () => {
    const rows = [...validRows(40), rowWithError(40)];
    const plan = planFor(rows, { draft: true });
    expect(plan.final).toBe(false);
    const report = await appendixPdf(dir, "draft", plan.layout.sheets[0]);
    expect(report.pageTexts[0]).toContain("ПРОЕКТ");
    report.pageTexts.forEach((text) => expect(collapse(text)).toMatch(/ПРОЕКТ\. Страница \d+ из \d+/));
    expectPrintedAppendix(report, rows.map((row) => row[0]), 842);
  }, 120_000);
});
