/**
 * Reading the agency's settings from the reference sheet: a module of its own so the pane's start (the first-run check)
 * loads this read without the template, validation and layout code that saving settings needs.
 */
import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME as REFERENCE_SHEET_NAME, findSettingsPairs, settingsFromPairs, type Settings } from "../../core/settings";
import { REGISTER_SHEET_NAME } from "../../core/sheet-names";

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
