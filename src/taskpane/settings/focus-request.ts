/** Another section asks the settings to open at a field (e.g. the fix list: «задайте код органа»). */
let pending: string | null = null;

export const SETTINGS_FIELD_ID_PREFIX = "settings-field-";

export function requestSettingsFocus(field: string): void {
  pending = field;
}

/** The field asked for, once: the settings section focuses it after it has read the workbook. */
export function takeSettingsFocus(): string | null {
  const field = pending;
  pending = null;
  return field;
}
