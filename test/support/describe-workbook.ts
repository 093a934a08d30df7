/**
 * Everything a reader sees in a workbook as ExcelJS reads it back — sheet by sheet, cell by cell (value, type, format,
 * font, fill, border, alignment), widths, heights, merges, view, print settings, rule by rule (dropdowns, conditional
 * formats), names, active tab — for comparing two writers' renderings of one layout.
 */
import ExcelJS from "exceljs";

/** Everything a reader sees, cell by cell, as ExcelJS reads it back. */
export function describeWorkbook(workbook: ExcelJS.Workbook, only?: readonly string[]): unknown {
  const sheets = workbook.worksheets.filter((sheet) => !only || only.includes(sheet.name)).map((sheet) => {
    const cells: string[] = [];
    const heights: string[] = [];
    sheet.eachRow({ includeEmpty: true }, (sheetRow, rowNumber) => {
      if (sheetRow.height) heights.push(`${rowNumber}:${sheetRow.height}`);
      sheetRow.eachCell({ includeEmpty: true }, (cell) => {
        const font = cell.style.font ?? {};
        const value = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : cell.type === ExcelJS.ValueType.Merge ? "merge" : JSON.stringify(cell.value);
        cells.push(
          [
            cell.address,
            cell.type,
            value,
            cell.numFmt ?? "General",
            `${font.bold ? "b" : ""}${font.italic ? "i" : ""}${font.size ?? 11}${font.name ?? "Calibri"}${font.color?.argb ?? ""}`,
            JSON.stringify((cell.style.fill as ExcelJS.FillPattern | undefined)?.fgColor ?? null),
            Object.keys(cell.style.border ?? {}).sort().join(),
            JSON.stringify(cell.style.alignment ?? {}),
          ].join("|"),
        );
      });
    });
    const columns = Array.from({ length: Math.max(sheet.columnCount, 17) }, (_, i) => {
      const column = sheet.getColumn(i + 1);
      return `${column.width ?? ""}|${column.numFmt ?? ""}|${column.hidden ? "hidden" : ""}`;
    });
    const view = sheet.views[0] as ExcelJS.WorksheetView & { xSplit?: number; ySplit?: number; topLeftCell?: string };
    const setup = sheet.pageSetup;
    return {
      name: sheet.name,
      state: sheet.state,
      tabColor: sheet.properties.tabColor ?? null,
      cells,
      heights,
      columns,
      merges: [...((sheet.model as unknown as { merges: string[] }).merges ?? [])].sort(),
      view: { state: view?.state, xSplit: view?.xSplit ?? 0, ySplit: view?.ySplit ?? 0, topLeftCell: view?.topLeftCell, tabSelected: Boolean((view as { tabSelected?: boolean } | undefined)?.tabSelected) },
      // ExcelJS writes a default page setup on every sheet; the lean writer only when the layout has one.
      page: setup.printArea || setup.printTitlesRow || setup.fitToPage
        ? { orientation: setup.orientation, paperSize: setup.paperSize, fitToPage: setup.fitToPage, fitToWidth: setup.fitToWidth, fitToHeight: setup.fitToHeight, printArea: setup.printArea, printTitlesRow: setup.printTitlesRow, margins: setup.margins }
        : null,
      footer: sheet.headerFooter?.oddFooter ?? null,
      // Rule by rule: every dropdown (range, source, texts, error style) and every conditional format with its look.
      validations: (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model,
      conditionalFormats: (sheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
    };
  });
  return {
    sheets,
    names: workbook.definedNames.model.map((name) => `${name.name}=${name.ranges.join()}`).sort(),
    activeTab: workbook.views[0]?.activeTab,
    firstSheet: workbook.views[0]?.firstSheet,
  };
}

