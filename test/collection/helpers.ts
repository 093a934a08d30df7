/** Shared pieces of the collection-round tests: a small agency, its approved register, layouts read back as text. */
import type { SheetText } from "../../src/core/register-types";
import type { WorkbookLayout } from "../../src/core/layout/types";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { isFormulaValue } from "../../src/core/layout/cells";
import type { DistributionSource } from "../../src/core/collection/distribute";
import { validCells } from "../merge/helpers";
import { table, row } from "../merge/helpers";
import { writeLayoutToBuffer } from "../../src/adapters/xlsx/exceljs-writer";
import { buildApprovedRegisterLayout } from "../../src/core/approval";
import { buildTemplateLayout } from "../../src/core/layout/template";

export const UNITS = ["Отдел кадров", "Юридический отдел", "Отдел информатизации", "Архивный отдел"];

export const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  agencyName: "Архивная служба",
  agencyGenitive: "Архивной службы",
  agencyCode: "017",
  coordinator: "Иванова И. И., каб. 12",
  units: UNITS,
};

/** Two approved rows per unit: «017-1.1-0N» with N counting across the register. */
export function approvedRows(): string[][] {
  const rows: string[][] = [];
  UNITS.forEach((unit, u) => {
    for (let k = 0; k < 2; k++) rows.push(validCells(`017-1.1-${String(u * 2 + k + 1).padStart(2, "0")}`, { 7: unit }));
  });
  return rows;
}

/** The coordinator's workbook as .xlsx bytes: the working register and, hidden, the register approved by order № 7. */
export async function coordinatorWorkbook(): Promise<Buffer> {
  const rows = approvedRows();
  const layout = buildTemplateLayout(SETTINGS, {
    title: true,
    dataBlocks: [{ row: 5, col: 1, values: rows, style: { numberFormat: "@" } }],
    emptyRowsFrom: 5 + rows.length,
    dataRows: 50,
  });
  layout.sheets.push(buildApprovedRegisterLayout({ rows, orderNumber: "7", orderDate: "15.01.2026" }));
  return Buffer.from(await writeLayoutToBuffer(layout));
}

export function approvedSource(): DistributionSource {
  return {
    table: table(approvedRows().map((cells, index) => row(7 + index, cells))),
    approved: { orderNumber: "7", orderDate: "15.01.2026" },
    settings: SETTINGS,
  };
}

/** A layout as a reader would see it: every block's values as text. */
export function layoutToSheets(layout: WorkbookLayout): SheetText[] {
  return layout.sheets.map((sheet) => {
    const rows: string[][] = [];
    for (const block of sheet.blocks) {
      block.values.forEach((values, r) => {
        const target = (rows[block.row - 1 + r] ??= []);
        values.forEach((value, c) => {
          target[block.col - 1 + c] = value === null ? "" : isFormulaValue(value) ? "" : String(value);
        });
      });
    }
    for (let r = 0; r < rows.length; r++) rows[r] = Array.from({ length: rows[r]?.length ?? 0 }, (_, c) => rows[r]?.[c] ?? "");
    return { name: sheet.name, rows };
  });
}
