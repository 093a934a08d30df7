/**
 * ExcelJS writes text into XML as it is, so a control character in a cell (read from a unit's file, or typed into a
 * flag) would make a part Excel refuses. Before an ExcelJS workbook is written, its text loses those characters, as
 * in every other file we write (core/control-characters.ts).
 */
import type ExcelJS from "exceljs";
import { withoutControlCharacters } from "../../core/control-characters";

function cleanValue(value: ExcelJS.CellValue): ExcelJS.CellValue | undefined {
  if (typeof value === "string") {
    const clean = withoutControlCharacters(value);
    return clean === value ? undefined : clean;
  }
  if (!value || typeof value !== "object" || value instanceof Date) return undefined;
  let changed = false;
  const copy = { ...(value as unknown as Record<string, unknown>) };
  if ("richText" in value && Array.isArray(value.richText)) {
    copy.richText = value.richText.map((run) => {
      const text = withoutControlCharacters(run.text ?? "");
      if (text === run.text) return run;
      changed = true;
      return { ...run, text };
    });
  }
  for (const key of ["text", "hyperlink", "formula", "sharedFormula", "result", "error"] as const) {
    const field = copy[key];
    if (typeof field === "string") {
      const clean = withoutControlCharacters(field);
      if (clean !== field) {
        copy[key] = clean;
        changed = true;
      }
    } else if (field && typeof field === "object" && key !== "error") {
      const inner = cleanValue(field as ExcelJS.CellValue);
      if (inner !== undefined) {
        copy[key] = inner;
        changed = true;
      }
    }
  }
  return changed ? (copy as unknown as ExcelJS.CellValue) : undefined;
}

/** Removes control characters from every cell, sheet name, note, validation list and header/footer of `workbook`. */
export function removeControlCharacters(workbook: ExcelJS.Workbook): void {
  for (const worksheet of workbook.worksheets) {
    const name = withoutControlCharacters(worksheet.name);
    if (name !== worksheet.name && name.trim() !== "") worksheet.name = name;
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const clean = cleanValue(cell.value);
        if (clean !== undefined) cell.value = clean;
        const note = (cell as unknown as { note?: unknown }).note;
        if (typeof note === "string" && withoutControlCharacters(note) !== note) cell.note = withoutControlCharacters(note);
      });
    });
    const validations = (worksheet as unknown as { dataValidations?: { model?: Record<string, { formulae?: unknown[]; prompt?: string; error?: string; promptTitle?: string; errorTitle?: string }> } })
      .dataValidations?.model;
    for (const validation of Object.values(validations ?? {})) {
      if (!validation) continue;
      if (Array.isArray(validation.formulae)) validation.formulae = validation.formulae.map((item) => (typeof item === "string" ? withoutControlCharacters(item) : item));
      for (const key of ["prompt", "error", "promptTitle", "errorTitle"] as const) {
        if (typeof validation[key] === "string") validation[key] = withoutControlCharacters(validation[key]);
      }
    }
    const headerFooter = worksheet.headerFooter as unknown as Record<string, unknown> | undefined;
    for (const key of Object.keys(headerFooter ?? {})) {
      if (typeof headerFooter![key] === "string") headerFooter![key] = withoutControlCharacters(headerFooter![key] as string);
    }
  }
}
