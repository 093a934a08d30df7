/**
 * The agency's settings in the workbook: read from and saved to the «Параметр | Значение» block of the reference sheet
 * «Справочники», so they travel with the file (the file adapter reads the same block).
 *
 * Saving rewrites the reference sheet and its named lists; when the register template exists it is refreshed too, so the
 * dropdowns and the typical list's agency-specific names follow the new settings (createOrUpgradeTemplate: 3 syncs).
 */
import { buildCatalog } from "../../core/catalog";
import { REFERENCE_SHEET_NAME, buildReferenceSheet } from "../../core/layout/reference-sheet";
import { REGISTER_SHEET_NAME } from "../../core/layout/template";
import type { SheetText } from "../../core/register-types";
import type { DefinedName, SheetLayout } from "../../core/layout/types";
import {
  DEFAULT_SETTINGS,
  settingsSchema,
  parseSettings,
  settingsBlockWrites,
  settingsProblems,
  type ScalarSettingsField,
  type Settings,
} from "../../core/settings";
import { sameSheetName } from "../../core/sheet-names";
import { renderLayout, type RenderOptions } from "./render-layout";
import { findWorkingRegister } from "../../core/appendix-plan";
import { planUnitRename, type UnitRename } from "../../core/unit-rename";
import { readSheetsTextWithReport } from "./read-sheets";
import { applyFix } from "./validation";
import { createOrUpgradeTemplate, type TemplateResult } from "./template";

export { readSettings, type ReadSettingsResult } from "./settings-read";

export type SaveSettingsResult =
  | { kind: "template"; template: TemplateResult }
  | { kind: "reference"; syncs: number; skipped: string[]; warnings: string[] };

/** Validates and saves `settings`; refreshes the template when there is one. */
export async function saveSettings(
  context: Excel.RequestContext,
  settings: Settings,
  options: Pick<RenderOptions, "supports" | "apiLevel"> & { hasTemplate?: boolean } = {},
): Promise<SaveSettingsResult> {
  const parsed = parseSettings(settings);
  if (!parsed.success) throw new Error(`Настройки не сохранены: ${parsed.error.issues[0]?.message ?? "неверное значение"}.`);
  const problem = settingsProblems(parsed.data)[0];
  if (problem) throw new Error(`Настройки не сохранены: ${problem.message}.`);
  if (options.hasTemplate) return { kind: "template", template: await createOrUpgradeTemplate(context, { settings: parsed.data, ...options }) };
  const worksheets = context.workbook.worksheets;
  const register = worksheets.getItemOrNullObject(REGISTER_SHEET_NAME);
  register.load("isNullObject");
  const reference = worksheets.getItemOrNullObject(REFERENCE_SHEET_NAME);
  reference.load("isNullObject");
  await context.sync();
  if (!register.isNullObject) {
    const template = await createOrUpgradeTemplate(context, { settings: parsed.data, supports: options.supports, apiLevel: options.apiLevel });
    return { kind: "template", template: { ...template, syncs: template.syncs + 1 } };
  }
  // Cleared first (the sheet is ours) so a shorter list or settings block leaves nothing stale behind.
  if (!reference.isNullObject) reference.getRange().clear("Contents");
  const { sheet, names } = buildReferenceSheet(parsed.data, buildCatalog(parsed.data));
  const report = await renderLayout(context, { sheets: [sheet], names }, { supports: options.supports, apiLevel: options.apiLevel });
  return { kind: "reference", syncs: 1 + report.syncs, skipped: report.skipped, warnings: report.warnings };
}

export type SettingsUpdate =
  /** The block's cells are queued (no sync made): `fields` changed. */
  | { kind: "cells"; fields: ScalarSettingsField[] }
  /** No reference sheet yet: render this one (with its named lists) in the caller's batch. */
  | { kind: "sheet"; fields: ScalarSettingsField[]; sheet: SheetLayout; names: DefinedName[] }
  /** A sheet of that name holds something else: left alone. */
  | { kind: "no-block"; fields: [] };

/**
 * A narrow update of a few plain fields (the order details the pane asks for): only their cells of the settings block
 * are queued, as text, so the caller's next sync carries them; the rest of the reference sheet and the template stay as
 * they are. `sheets` is the workbook as read (the reference sheet included).
 */
export function queueSettingsUpdate(
  context: Excel.RequestContext,
  sheets: readonly SheetText[],
  changes: Partial<Pick<Settings, ScalarSettingsField>>,
): SettingsUpdate {
  const reference = sheets.find((sheet) => sameSheetName(sheet.name, REFERENCE_SHEET_NAME));
  if (!reference) {
    const settings = settingsSchema().parse({ ...DEFAULT_SETTINGS, ...validChanges(changes) });
    const { sheet, names } = buildReferenceSheet(settings, buildCatalog(settings));
    return { kind: "sheet", fields: Object.keys(validChanges(changes)) as ScalarSettingsField[], sheet, names };
  }
  const writes = settingsBlockWrites(reference, changes);
  if (!writes) return { kind: "no-block", fields: [] };
  const worksheet = context.workbook.worksheets.getItem(reference.name);
  for (const write of writes) {
    const range = worksheet.getRangeByIndexes(write.row, write.column, 1, write.values.length);
    range.numberFormat = [write.values.map(() => "@")];
    range.values = [[...write.values]];
  }
  return { kind: "cells", fields: writes.map((write) => write.field) };
}

/** The changes each field's schema accepts (an unfinished date in a draft is not stored). */
function validChanges(changes: Partial<Pick<Settings, ScalarSettingsField>>): Partial<Settings> {
  const shape = settingsSchema().shape;
  return Object.fromEntries(Object.entries(changes).filter(([field, value]) => value !== undefined && shape[field as ScalarSettingsField].safeParse(value).success));
}

/** How many rows of column 7 name each renamed unit (for the pane's offer), from the register sheet as read. */
export async function renameUnitsInRegister(
  context: Excel.RequestContext,
  renames: readonly UnitRename[],
  options: { apply: boolean },
): Promise<{ rows: number; changed: number; skipped: number; sheet: string | null }> {
  const read = await readSheetsTextWithReport(context, { includeHidden: false });
  const table = findWorkingRegister(read.sheets);
  if (!table) return { rows: 0, changed: 0, skipped: 0, sheet: null };
  const changes = planUnitRename(table, renames);
  if (!options.apply || !changes.length) return { rows: changes.length, changed: 0, skipped: 0, sheet: table.sheet };
  // The cells are written only where they still hold what was read (applyFix skips edited ones).
  const applied = await applyFix(context, table.sheet, { changes });
  return { rows: changes.length, changed: applied.changed, skipped: applied.skipped, sheet: table.sheet };
}
