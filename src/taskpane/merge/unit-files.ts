/**
 * The units' files in the pane: planned by the core from the workbook's sheets, written by the xlsx writer (ExcelJS,
 * loaded on first use in its own chunk) and packed into one stored .zip the browser downloads — a pane cannot write a
 * folder.
 */
import type { SheetText } from "../../core/register-types";
import { distributionSource, planDistribution, roundUnits, UNIT_COLUMN, type UnitFilePlan } from "../../core/collection/distribute";
import { matchKey } from "../../core/text";
import { zipStored } from "../../adapters/xlsx/zip-store";
import { collection as t } from "../strings/collection";

type Writer = typeof import("../../adapters/xlsx/exceljs-writer");
let writerLoading: Promise<Writer> | null = null;

function loadWriter(): Promise<Writer> {
  writerLoading ??= import(/* webpackChunkName: "xlsx-writer" */ "../../adapters/xlsx/exceljs-writer");
  return writerLoading;
}

export type UnitFilesResult =
  | { ok: true; zip: Uint8Array; files: UnitFilePlan[]; sourceText: string }
  | { ok: false; message: string };

/** The units a round would go to, with their rows, for the pane's choice (nothing is written). */
export function roundUnitChoices(sheets: SheetText[]): { ok: true; units: { unit: string; rows: number }[] } | { ok: false; message: string } {
  const source = distributionSource(sheets);
  if (!source) return { ok: false, message: t.noRegister };
  const units = roundUnits(source.settings, source.table);
  if (units.length === 0) return { ok: false, message: t.noUnitsInWorkbook };
  return {
    ok: true,
    units: units.map((unit) => ({
      unit,
      rows: source.table.rows.filter((row) => matchKey(row.cells[UNIT_COLUMN - 1] ?? "") === matchKey(unit)).length,
    })),
  };
}

export async function buildUnitFilesZip(
  sheets: SheetText[],
  issued: string,
  due: string,
  units?: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<UnitFilesResult> {
  const source = distributionSource(sheets);
  if (!source) return { ok: false, message: t.noRegister };
  const plan = planDistribution({ source, issued, due, units });
  if (!plan.ok) return plan;
  const writer = await loadWriter();
  const entries = [];
  for (const file of plan.files) {
    onProgress?.(entries.length, plan.files.length);
    entries.push({ name: file.fileName, data: await writer.writeLayoutToBuffer(file.layout) });
  }
  return { ok: true, zip: zipStored(entries), files: plan.files, sourceText: plan.sourceText };
}

/** Hands the bytes to the browser as a download. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type = "application/zip"): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some hosts start reading the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
