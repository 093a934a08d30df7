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
import { DEFAULT_SETTINGS, SettingsSchema, findSettingsPairs, settingsFromPairs, type Settings } from "../../core/settings";
import { renderLayout, type RenderOptions } from "./render-layout";
import { createOrUpgradeTemplate, type TemplateResult } from "./template";

export interface ReadSettingsResult {
  settings: Settings;
  /** The workbook already holds a settings block. */
  stored: boolean;
  /** The register template sheet exists. */
  hasTemplate: boolean;
}

/** The settings block of the reference sheet (defaults when there is none): one sync to see the sheets, one to read it. */
export async function readSettings(context: Excel.RequestContext): Promise<ReadSettingsResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const has = (name: string) => worksheets.items.some((ws) => ws.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  const hasTemplate = has(REGISTER_SHEET_NAME);
  // Only an existing sheet is addressed: acting on a missing one would fail the request.
  if (!has(REFERENCE_SHEET_NAME)) return { settings: { ...DEFAULT_SETTINGS }, stored: false, hasTemplate };
  const used = worksheets.getItem(REFERENCE_SHEET_NAME).getUsedRangeOrNullObject(true);
  used.load("isNullObject,rowIndex,columnIndex,text");
  await context.sync();
  if (used.isNullObject) return { settings: { ...DEFAULT_SETTINGS }, stored: false, hasTemplate };
  const rows: string[][] = [];
  for (let r = 0; r < used.rowIndex; r++) rows.push([]);
  const leading = Array<string>(used.columnIndex).fill("");
  for (const row of used.text) rows.push(leading.concat(row));
  const pairs = findSettingsPairs({ name: REFERENCE_SHEET_NAME, rows });
  return { settings: settingsFromPairs(pairs), stored: pairs.length > 0, hasTemplate };
}

export type SaveSettingsResult =
  | { kind: "template"; template: TemplateResult }
  | { kind: "reference"; syncs: number; skipped: string[]; warnings: string[] };

/** Validates and saves `settings`; refreshes the template when there is one. */
export async function saveSettings(
  context: Excel.RequestContext,
  settings: Settings,
  options: Pick<RenderOptions, "supports" | "apiLevel"> & { hasTemplate?: boolean } = {},
): Promise<SaveSettingsResult> {
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) throw new Error(`Настройки не сохранены: ${parsed.error.issues[0]?.message ?? "неверное значение"}.`);
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
