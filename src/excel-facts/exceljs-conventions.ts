/** ExcelJS's conventions that both writers over ExcelJS follow: the file adapter's exceljs-writer.ts and the simulator's save. */

/** "A1:O120" → "A$1:O$120": ExcelJS prefixes "$" to each part's column itself; this makes the rows absolute too. */
export function printAreaForExcelJs(area: string): string {
  return area
    .replace(/\$/g, "")
    .split(":")
    .map((part) => part.replace(/^([A-Za-z]+)(\d+)$/, "$1$$$2"))
    .join(":");
}
