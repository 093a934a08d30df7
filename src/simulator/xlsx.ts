/**
 * Saving the simulated workbook as .xlsx and loading one, through ExcelJS (imported lazily so the playground
 * bundle keeps it in its own chunk). Written the same way as `adapters/xlsx/exceljs-writer.ts` writes files, so a
 * layout rendered through the simulator and one written directly give the same workbook.
 *
 * Not carried by ExcelJS, so not saved: charts, sheet-scoped names, names whose formula is not a plain range,
 * headers/footers other than the default ones, hidden state of gridlines.
 */
import type ExcelJSNamespace from "exceljs";
import { type Box, MAX_COLUMNS, MAX_ROWS, columnIndex, formatBox, parseBox, splitSheet } from "./address";
import { type BorderSpec, type CellStyle, DEFAULT_STYLE, type SimSheet, SimWorkbook, defaultPageLayout } from "./model";
import { dateSerial } from "./values";
import { columnWidthChars, columnWidthPoints } from "../excel-facts/excel-geometry";
import { printAreaForExcelJs } from "../excel-facts/exceljs-conventions";

type ExcelJS = typeof ExcelJSNamespace;

async function loadExcelJs(): Promise<ExcelJS> {
  const mod = (await import("exceljs")) as unknown as { default?: ExcelJS } & ExcelJS;
  return mod.default ?? mod;
}

const PAPER_CODES: Record<string, number> = { Letter: 1, LetterSmall: 2, Tabloid: 3, Ledger: 4, Legal: 5, Statement: 6, Executive: 7, A3: 8, A4: 9, A4Small: 10, A5: 11, B4: 12, B5: 13 };
const HORIZONTAL_OUT: Record<string, string | undefined> = { General: undefined, Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify", CenterAcrossSelection: "centerContinuous", Distributed: "distributed" };
const VERTICAL_OUT: Record<string, string | undefined> = { Top: "top", Center: "middle", Bottom: undefined, Justify: "justify", Distributed: "distributed" };
const OPERATORS_OUT: Record<string, string> = { Between: "between", NotBetween: "notBetween", EqualTo: "equal", NotEqualTo: "notEqual", GreaterThan: "greaterThan", LessThan: "lessThan", GreaterThanOrEqualTo: "greaterThanOrEqual", LessThanOrEqualTo: "lessThanOrEqual" };
const RULE_TYPES_OUT: Record<string, string> = { wholeNumber: "whole", decimal: "decimal", textLength: "textLength", date: "date", time: "time" };

function invert(map: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) if (value) result[value] = key;
  return result;
}

function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

function fromArgb(color: { argb?: string } | undefined): string | undefined {
  const value = color?.argb;
  return value && /^[0-9A-F]{8}$/i.test(value) ? `#${value.slice(2).toUpperCase()}` : undefined;
}

function borderOut(spec: BorderSpec | undefined): Partial<ExcelJSNamespace.Border> | undefined {
  if (!spec || spec.style === "None") return undefined;
  const heavy = spec.weight === "Medium" || spec.weight === "Thick";
  const styles: Record<string, string> = {
    Continuous: spec.weight === "Hairline" ? "hair" : spec.weight === "Medium" ? "medium" : spec.weight === "Thick" ? "thick" : "thin",
    Dash: heavy ? "mediumDashed" : "dashed",
    Dot: "dotted",
    Double: "double",
    DashDot: heavy ? "mediumDashDot" : "dashDot",
    DashDotDot: heavy ? "mediumDashDotDot" : "dashDotDot",
    SlantDashDot: "slantDashDot",
  };
  return { style: styles[spec.style] as ExcelJSNamespace.BorderStyle, color: { argb: argb(spec.color) } };
}

function borderIn(border: Partial<ExcelJSNamespace.Border> | undefined): BorderSpec | undefined {
  if (!border?.style) return undefined;
  const map: Record<string, [string, string]> = {
    hair: ["Continuous", "Hairline"], thin: ["Continuous", "Thin"], medium: ["Continuous", "Medium"], thick: ["Continuous", "Thick"],
    dashed: ["Dash", "Thin"], mediumDashed: ["Dash", "Medium"], dotted: ["Dot", "Thin"], double: ["Double", "Thick"],
    dashDot: ["DashDot", "Thin"], mediumDashDot: ["DashDot", "Medium"], dashDotDot: ["DashDotDot", "Thin"], mediumDashDotDot: ["DashDotDot", "Medium"], slantDashDot: ["SlantDashDot", "Medium"],
  };
  const [style, weight] = map[border.style] ?? ["Continuous", "Thin"];
  return { style, weight, color: fromArgb(border.color as { argb?: string }) ?? "#000000" };
}

/** ExcelJS style for a simulator style; only what differs from Excel's defaults, as the file renderer writes it. */
function styleOut(style: CellStyle, numFmt: string): Partial<ExcelJSNamespace.Style> {
  const result: Partial<ExcelJSNamespace.Style> = {};
  if (numFmt !== "General") result.numFmt = numFmt;
  const font: Partial<ExcelJSNamespace.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontName !== DEFAULT_STYLE.fontName) font.name = style.fontName;
  if (style.fontSize !== DEFAULT_STYLE.fontSize) font.size = style.fontSize;
  if (style.fontColor !== DEFAULT_STYLE.fontColor) font.color = { argb: argb(style.fontColor) };
  if (style.underline !== "None") font.underline = style.underline === "Double" ? "double" : true;
  if (Object.keys(font).length) result.font = font;
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJSNamespace.Alignment> = {};
  if (style.wrap) alignment.wrapText = true;
  const horizontal = HORIZONTAL_OUT[style.horizontal];
  if (horizontal) alignment.horizontal = horizontal as ExcelJSNamespace.Alignment["horizontal"];
  const vertical = VERTICAL_OUT[style.vertical];
  if (vertical) alignment.vertical = vertical as ExcelJSNamespace.Alignment["vertical"];
  if (Object.keys(alignment).length) result.alignment = alignment;
  const border: Partial<ExcelJSNamespace.Borders> = {};
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const out = borderOut(style[side]);
    if (out) border[side] = out as ExcelJSNamespace.Border;
  }
  if (Object.keys(border).length) result.border = border;
  return result;
}

function styleIn(style: Partial<ExcelJSNamespace.Style> | undefined): CellStyle {
  const result: CellStyle = { ...DEFAULT_STYLE };
  if (!style) return result;
  const font = style.font;
  if (font) {
    if (font.bold) result.bold = true;
    if (font.italic) result.italic = true;
    if (font.name) result.fontName = font.name;
    if (font.size) result.fontSize = font.size;
    const color = fromArgb(font.color as { argb?: string });
    if (color) result.fontColor = color;
    if (font.underline) result.underline = font.underline === "double" ? "Double" : "Single";
  }
  const fill = style.fill as ExcelJSNamespace.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") result.fill = fromArgb(fill.fgColor as { argb?: string }) ?? null;
  if (style.alignment) {
    if (style.alignment.wrapText) result.wrap = true;
    if (style.alignment.horizontal) result.horizontal = invert(HORIZONTAL_OUT)[style.alignment.horizontal] ?? "General";
    if (style.alignment.vertical) result.vertical = invert(VERTICAL_OUT)[style.alignment.vertical] ?? "Bottom";
  }
  if (style.border) {
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const spec = borderIn(style.border[side]);
      if (spec) result[side] = spec;
    }
  }
  return result;
}

function headerFooterText(left: string, center: string, right: string): string | undefined {
  const text = (left ? `&L${left}` : "") + (center ? `&C${center}` : "") + (right ? `&R${right}` : "");
  return text || undefined;
}

function splitHeaderFooter(text: string | undefined): { left: string; center: string; right: string } {
  const parts = { left: "", center: "", right: "" };
  if (!text) return parts;
  let current: keyof typeof parts = "center";
  const tokens = text.split(/(&[LCR])/);
  for (const token of tokens) {
    if (token === "&L") current = "left";
    else if (token === "&C") current = "center";
    else if (token === "&R") current = "right";
    else parts[current] += token;
  }
  return parts;
}

/** Boxes for a file: whole columns are spelled out as rows 1…1048576. */
function fileRef(box: Box): string {
  return formatBox(box.r0 === 0 && box.r1 === MAX_ROWS - 1 ? { ...box, r1: MAX_ROWS - 1 } : box).replace(/^([A-Z]+):([A-Z]+)$/, `$11:$2${MAX_ROWS}`);
}

function writeSheet(workbook: SimWorkbook, sheet: SimSheet, target: ExcelJSNamespace.Worksheet): void {
  const styles = workbook.styles;
  const cache = new Map<string, Partial<ExcelJSNamespace.Style>>();
  const styleFor = (id: number, numFmt: string) => {
    const key = `${id}|${numFmt}`;
    let style = cache.get(key);
    if (!style) cache.set(key, (style = styleOut(styles.get(id), numFmt)));
    return style;
  };

  const columns = new Set<number>([...sheet.columnWidths.keys(), ...sheet.columnFormats.keys(), ...sheet.columnStyles.keys(), ...sheet.hiddenColumns]);
  for (const c of [...columns].sort((a, b) => a - b)) {
    if (c >= 16384) continue;
    const column = target.getColumn(c + 1);
    const width = sheet.columnWidths.get(c);
    if (width !== undefined) column.width = columnWidthChars(width);
    const styleId = sheet.columnStyles.get(c) ?? 0;
    const numFmt = sheet.columnFormats.get(c) ?? "General";
    if (styleId !== 0 || numFmt !== "General") column.style = styleFor(styleId, numFmt) as ExcelJSNamespace.Style;
    if (sheet.hiddenColumns.has(c)) column.hidden = true;
  }
  if (sheet.standardColumnWidth !== 48) target.properties.defaultColWidth = columnWidthChars(sheet.standardColumnWidth);
  if (sheet.standardRowHeight !== 15) target.properties.defaultRowHeight = sheet.standardRowHeight;

  sheet.rows.forEach((rowData, r) => {
    if (!rowData) return;
    const row = target.getRow(r + 1);
    const width = Math.max(rowData.v.length, rowData.f?.length ?? 0, rowData.nf?.length ?? 0, rowData.s?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const value = rowData.v[c];
      const formula = rowData.f?.[c];
      const hasFormat = rowData.nf?.[c] !== undefined || rowData.s?.[c] !== undefined;
      if (value === undefined && formula === undefined && !hasFormat) continue;
      const cell = row.getCell(c + 1);
      const style = styleFor(sheet.styleIdAt(r, c), sheet.numberFormatAt(r, c));
      cell.style = style as ExcelJSNamespace.Style;
      if (formula !== undefined) cell.value = { formula: formula.slice(1) } as ExcelJSNamespace.CellFormulaValue;
      else if (value !== undefined) cell.value = value;
    }
  });
  for (const [r, height] of sheet.rowHeights) target.getRow(r + 1).height = height;
  for (const r of sheet.hiddenRows) if (r < 100_000) target.getRow(r + 1).hidden = true;
  for (const box of sheet.mergeBoxes) target.mergeCells(formatBox(box));

  const validations = (target as unknown as { dataValidations: { add(address: string, rule: ExcelJSNamespace.DataValidation): void } }).dataValidations;
  for (const entry of sheet.validationEntries) {
    const kind = Object.keys(entry.rule)[0] as keyof typeof entry.rule | undefined;
    if (!kind) continue;
    const common = {
      allowBlank: entry.ignoreBlanks,
      showErrorMessage: entry.errorAlert.showAlert,
      errorStyle: entry.errorAlert.style.toLowerCase(),
      errorTitle: entry.errorAlert.title || undefined,
      error: entry.errorAlert.message || undefined,
      showInputMessage: entry.prompt.showPrompt,
      promptTitle: entry.prompt.title || undefined,
      prompt: entry.prompt.message || undefined,
    };
    let rule: ExcelJSNamespace.DataValidation;
    if (kind === "list") {
      const source = entry.rule.list!.source;
      rule = { type: "list", formulae: [source.startsWith("=") ? source.slice(1) : `"${source}"`], ...common } as ExcelJSNamespace.DataValidation;
    } else if (kind === "custom") {
      rule = { type: "custom", formulae: [entry.rule.custom!.formula.replace(/^=/, "")], ...common } as ExcelJSNamespace.DataValidation;
    } else {
      const body = entry.rule[kind] as { formula1: string | number; formula2?: string | number; operator: string };
      const formulae = [body.formula1, body.formula2].filter((f) => f !== undefined).map((f) => (typeof f === "string" ? f.replace(/^=/, "") : f));
      rule = { type: RULE_TYPES_OUT[kind], operator: OPERATORS_OUT[body.operator], formulae, ...common } as ExcelJSNamespace.DataValidation;
    }
    for (const box of entry.boxes) {
      const key = box.r0 === box.r1 && box.c0 === box.c1 ? formatBox(box) : fileRef(box);
      validations.add(key, rule);
    }
  }

  const cfCount = sheet.conditionalFormatEntries.length;
  sheet.conditionalFormatEntries.forEach((entry, index) => {
    if (entry.type !== "Custom" || !entry.formula) return;
    const style: Partial<ExcelJSNamespace.Style> = {};
    if (entry.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(entry.fill) }, bgColor: { argb: argb(entry.fill) } };
    const font: Partial<ExcelJSNamespace.Font> = {};
    if (entry.fontColor) font.color = { argb: argb(entry.fontColor) };
    if (entry.bold !== null) font.bold = entry.bold;
    if (entry.italic !== null) font.italic = entry.italic;
    if (Object.keys(font).length) style.font = font;
    target.addConditionalFormatting({
      ref: entry.boxes.map(fileRef).join(" "),
      // Excel's priority 0 is the first rule; files count from 1. Newest-first order is kept.
      rules: [{ type: "expression", priority: index + 1, formulae: [entry.formula.replace(/^=/, "")], style, stopIfTrue: entry.stopIfTrue } as ExcelJSNamespace.ConditionalFormattingRule],
    });
  });
  void cfCount;

  if (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) {
    const { rows, columns } = sheet.freeze;
    const topLeft = formatBox({ r0: rows, c0: columns, r1: rows, c1: columns });
    target.views = [{ state: "frozen", xSplit: columns, ySplit: rows, topLeftCell: topLeft, activeCell: topLeft }];
  }

  const page = sheet.pageLayout;
  const defaults = defaultPageLayout(workbook.culture);
  const setup: Partial<ExcelJSNamespace.PageSetup> = {};
  if (page.orientation !== defaults.orientation) setup.orientation = page.orientation.toLowerCase() as "landscape" | "portrait";
  if (page.paperSize !== defaults.paperSize && PAPER_CODES[page.paperSize]) setup.paperSize = PAPER_CODES[page.paperSize] as ExcelJSNamespace.PaperSize;
  if (page.zoom.horizontalFitToPages !== undefined || page.zoom.verticalFitToPages !== undefined) {
    Object.assign(setup, { fitToPage: true, fitToWidth: page.zoom.horizontalFitToPages ?? 0, fitToHeight: page.zoom.verticalFitToPages ?? 0 });
  } else if (page.zoom.scale !== undefined && page.zoom.scale !== 100) setup.scale = page.zoom.scale;
  if (page.printTitleRows) setup.printTitlesRow = page.printTitleRows.replace(/\$/g, "");
  if (page.printTitleColumns) setup.printTitlesColumn = page.printTitleColumns.replace(/\$/g, "");
  if (page.printArea) setup.printArea = page.printArea.split(",").map(printAreaForExcelJs).join(",");
  if (JSON.stringify(page.margins) !== JSON.stringify(defaults.margins)) {
    const inches = (points: number) => Math.round((points / 72) * 1000) / 1000;
    const m = page.margins;
    setup.margins = { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right), header: inches(m.header), footer: inches(m.footer) };
  }
  if (page.centerHorizontally) setup.horizontalCentered = true;
  if (page.centerVertically) setup.verticalCentered = true;
  if (page.printGridlines) setup.showGridLines = true;
  if (page.blackAndWhite) setup.blackAndWhite = true;
  if (page.draftMode) setup.draft = true;
  if (Object.keys(setup).length) target.pageSetup = { ...target.pageSetup, ...setup };
  const hf = page.headersFooters;
  const oddHeader = headerFooterText(hf.leftHeader, hf.centerHeader, hf.rightHeader);
  const oddFooter = headerFooterText(hf.leftFooter, hf.centerFooter, hf.rightFooter);
  if (oddHeader || oddFooter) target.headerFooter = { ...target.headerFooter, ...(oddHeader ? { oddHeader } : {}), ...(oddFooter ? { oddFooter } : {}) };
  if (sheet.tabColor) target.properties.tabColor = { argb: argb(sheet.tabColor) };
}

export async function saveWorkbook(workbook: SimWorkbook): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const file = new ExcelJS.Workbook();
  const states = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;
  for (const sheet of workbook.sheets) {
    const target = file.addWorksheet(sheet.name);
    writeSheet(workbook, sheet, target);
    target.state = states[sheet.visibility];
  }
  for (const entry of workbook.nameEntries) {
    if (entry.scope) continue;
    const body = entry.formula.replace(/^=/, "");
    const { sheet, reference } = splitSheet(body);
    if (sheet === undefined || !parseBox(reference) || !workbook.findSheet(sheet)) continue;
    file.definedNames.add(body, entry.name);
  }
  const activeIndex = Math.max(0, workbook.sheets.indexOf(workbook.activeSheet));
  file.worksheets.forEach((sheet, i) => {
    const views = sheet.views.length ? sheet.views : [{ state: "normal" } as ExcelJSNamespace.WorksheetView];
    sheet.views = views.map((view) => ({ ...view, tabSelected: i === activeIndex }));
  });
  const firstVisible = Math.max(0, workbook.sheets.findIndex((s) => s.visibility === "Visible"));
  file.views = [{ x: 0, y: 0, width: 28800, height: 17000, firstSheet: firstVisible, activeTab: activeIndex, visibility: "visible" }];
  const buffer = await file.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

// ---- loading ---------------------------------------------------------------------------------------------------------

function cellInput(value: ExcelJSNamespace.CellValue): { value: string | number | boolean | null; formula?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return { value };
  if (value instanceof Date) {
    const serial = dateSerial(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    const time = (value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds()) / 86400;
    return { value: (serial ?? 0) + time };
  }
  const object = value as unknown as Record<string, unknown>;
  if ("formula" in object || "sharedFormula" in object) {
    const result = object.result as ExcelJSNamespace.CellValue;
    const cached = result === undefined || result === null ? 0 : cellInput(result).value;
    return { value: cached, formula: `=${String(object.formula ?? object.sharedFormula)}` };
  }
  if ("richText" in object) return { value: (object.richText as { text: string }[]).map((p) => p.text).join("") };
  if ("text" in object) return { value: String(object.text) };
  if ("error" in object) return { value: String(object.error) };
  return { value: String(value) };
}

function boxesOf(addresses: string[]): Box[] {
  const cells = addresses.map((a) => parseBox(a)).filter((b): b is Box => b !== null);
  if (cells.length === 0) return [];
  const bound = cells.reduce((acc, b) => ({ r0: Math.min(acc.r0, b.r0), c0: Math.min(acc.c0, b.c0), r1: Math.max(acc.r1, b.r1), c1: Math.max(acc.c1, b.c1) }));
  if ((bound.r1 - bound.r0 + 1) * (bound.c1 - bound.c0 + 1) === cells.length) return [bound];
  // Not a rectangle: one box per column run.
  const byColumn = new Map<number, number[]>();
  for (const b of cells) byColumn.set(b.c0, [...(byColumn.get(b.c0) ?? []), b.r0]);
  const boxes: Box[] = [];
  for (const [c, rows] of byColumn) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
        boxes.push({ r0: start, r1: rows[i - 1], c0: c, c1: c });
        start = rows[i];
      }
    }
  }
  return boxes;
}

function readSheet(workbook: SimWorkbook, sheet: SimSheet, source: ExcelJSNamespace.Worksheet): void {
  const styles = workbook.styles;
  const columns = (source as unknown as { _columns?: ExcelJSNamespace.Column[] })._columns ?? [];
  columns.forEach((column, i) => {
    if (!column) return;
    if (column.width !== undefined) sheet.columnWidths.set(i, columnWidthPoints(column.width));
    if (column.hidden) sheet.hiddenColumns.add(i);
    const style = column.style as Partial<ExcelJSNamespace.Style> | undefined;
    if (style && Object.keys(style).length) {
      if (style.numFmt) sheet.columnFormats.set(i, style.numFmt);
      const id = styles.id(styleIn(style));
      if (id !== 0) sheet.columnStyles.set(i, id);
    }
  });
  source.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.height !== undefined && row.height !== null && (row as unknown as { customHeight?: boolean }).customHeight !== false) sheet.rowHeights.set(r, row.height);
    if (row.hidden) sheet.hiddenRows.add(r);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.type === 1 /* Merge */ && cell.master !== cell) return;
      const input = cellInput(cell.value);
      if (input.value !== null || input.formula) sheet.setValue(r, c, input.value, input.formula);
      const style = cell.style as Partial<ExcelJSNamespace.Style> | undefined;
      if (style) {
        if (style.numFmt && style.numFmt !== sheet.numberFormatAt(r, c)) sheet.setCellNumberFormat(r, c, style.numFmt);
        const id = styles.id(styleIn(style));
        if (id !== sheet.styleIdAt(r, c)) sheet.patchStyle({ r0: r, c0: c, r1: r, c1: c }, `load:${id}`, () => ({ ...styles.get(id) }));
      }
    });
  });
  const merges = ((source.model as unknown as { merges?: string[] }).merges ?? []).map((m) => parseBox(m)).filter((b): b is Box => b !== null);
  sheet.mergeBoxes = merges;

  const dvModel = (source as unknown as { dataValidations: { model: Record<string, ExcelJSNamespace.DataValidation | undefined> } }).dataValidations.model;
  const groups = new Map<ExcelJSNamespace.DataValidation, string[]>();
  for (const [address, rule] of Object.entries(dvModel)) {
    if (!rule) continue;
    groups.set(rule, [...(groups.get(rule) ?? []), address.replace(/^range:/, "")]);
  }
  for (const [rule, addresses] of groups) {
    const boxes = addresses.flatMap((a) => (a.includes(":") ? [parseBox(a)].filter((b): b is Box => b !== null) : boxesOf([a])));
    const merged = addresses.some((a) => a.includes(":")) ? boxes : boxesOf(addresses);
    const formula = (value: unknown) => (typeof value === "string" ? (value.startsWith('"') ? value.slice(1, -1) : `=${value}`) : value);
    const operator = invert(OPERATORS_OUT)[(rule as { operator?: string }).operator ?? "between"] ?? "Between";
    const kind = invert(RULE_TYPES_OUT)[rule.type];
    const formulae = (rule.formulae ?? []) as unknown[];
    const simRule =
      rule.type === "list"
        ? { list: { inCellDropDown: true, source: String(formula(formulae[0])) } }
        : rule.type === "custom"
          ? { custom: { formula: `=${formulae[0]}` } }
          : kind
            ? { [kind]: { formula1: formula(formulae[0]) as string | number, formula2: formula(formulae[1]) as string | number | undefined, operator } }
            : {};
    sheet.validationEntries.push({
      boxes: merged,
      rule: simRule,
      errorAlert: { showAlert: rule.showErrorMessage ?? false, style: ({ stop: "Stop", warning: "Warning", information: "Information" } as Record<string, string>)[rule.errorStyle ?? "stop"] ?? "Stop", title: rule.errorTitle ?? "", message: rule.error ?? "" },
      prompt: { showPrompt: rule.showInputMessage ?? false, title: rule.promptTitle ?? "", message: rule.prompt ?? "" },
      ignoreBlanks: rule.allowBlank ?? false,
    });
  }

  const cfs = (source as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[]; style?: Partial<ExcelJSNamespace.Style>; stopIfTrue?: boolean }[] }[] }).conditionalFormattings ?? [];
  let id = 1;
  for (const cf of cfs) {
    const boxes = cf.ref.split(/\s+/).map((a) => parseBox(a)).filter((b): b is Box => b !== null);
    for (const rule of cf.rules) {
      if (rule.type !== "expression") continue;
      const fill = rule.style?.fill as ExcelJSNamespace.FillPattern | undefined;
      sheet.conditionalFormatEntries.push({
        id: `loaded-${id++}`,
        boxes,
        type: "Custom",
        formula: `=${rule.formulae?.[0] ?? ""}`,
        fill: fromArgb((fill?.bgColor ?? fill?.fgColor) as { argb?: string }) ?? null,
        fontColor: fromArgb(rule.style?.font?.color as { argb?: string }) ?? null,
        bold: rule.style?.font?.bold ?? null,
        italic: rule.style?.font?.italic ?? null,
        stopIfTrue: Boolean(rule.stopIfTrue),
      });
    }
  }

  const view = source.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  const setup = source.pageSetup;
  const page = sheet.pageLayout;
  if (setup.orientation) page.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  const paper = Object.entries(PAPER_CODES).find(([, code]) => code === setup.paperSize);
  if (paper) page.paperSize = paper[0];
  if (setup.fitToPage) page.zoom = { horizontalFitToPages: setup.fitToWidth ?? 1, verticalFitToPages: setup.fitToHeight ?? 1 };
  else if (setup.scale) page.zoom = { scale: setup.scale };
  if (setup.printTitlesRow) page.printTitleRows = setup.printTitlesRow.split(":").map((p) => `$${p.replace(/\$/g, "")}`).join(":");
  if (setup.printArea) {
    page.printArea = setup.printArea
      .split(",")
      .map((a) => parseBox(a.replace(/\$/g, "")))
      .filter((b): b is Box => b !== null)
      .map((b) => formatBox(b, true))
      .join(",");
  }
  if (setup.margins) {
    const m = setup.margins;
    page.margins = { top: m.top * 72, bottom: m.bottom * 72, left: m.left * 72, right: m.right * 72, header: m.header * 72, footer: m.footer * 72 };
  }
  const header = splitHeaderFooter(source.headerFooter?.oddHeader);
  const footer = splitHeaderFooter(source.headerFooter?.oddFooter);
  page.headersFooters = { leftHeader: header.left, centerHeader: header.center, rightHeader: header.right, leftFooter: footer.left, centerFooter: footer.center, rightFooter: footer.right };
  const tab = fromArgb(source.properties.tabColor as { argb?: string } | undefined);
  if (tab) sheet.tabColor = tab;
  const states = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
  sheet.visibility = states[source.state] ?? "Visible";
}

/** Replaces the model's content with the workbook in `data`. */
export async function loadWorkbook(workbook: SimWorkbook, data: Uint8Array | ArrayBuffer): Promise<void> {
  const ExcelJS = await loadExcelJs();
  const file = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await file.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  workbook.sheets = [];
  workbook.nameEntries = [];
  for (const source of file.worksheets) {
    const sheet = workbook.addSheet(source.name);
    readSheet(workbook, sheet, source);
  }
  if (workbook.sheets.length === 0) workbook.addSheet("Sheet1");
  for (const defined of file.definedNames.model) {
    if (defined.name.startsWith("_xlnm")) continue;
    const range = defined.ranges[0];
    if (range) workbook.nameEntries.push({ name: defined.name, formula: `=${range}`, comment: "", visible: true, scope: null });
  }
  const activeTab = file.views?.[0]?.activeTab ?? 0;
  const active = workbook.sheets[activeTab];
  workbook.activeSheet = active && active.visibility === "Visible" ? active : workbook.sheets.find((s) => s.visibility === "Visible") ?? workbook.sheets[0];
  workbook.changed();
}

export { MAX_COLUMNS, columnIndex };
