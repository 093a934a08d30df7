/** Settings count as empty when neither the agency nor any unit is named. */
export function settingsAreEmpty(settings: { agencyName: string; units: readonly unknown[] }): boolean {
  return settings.agencyName.trim() === "" && settings.units.length === 0;
}
