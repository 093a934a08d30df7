/** The administrator's facts as label/value pairs (pure, no Fluent). */
import { EDIT_EVENTS_API } from "../adapters/office/validation";
import { MINIMUM_EXCEL_API, compareApiVersions } from "../adapters/office/host";
import type { PaneEnvironment } from "./environment";
import { shell } from "./strings/shell";
import type { PaneThemeKind } from "./theme-kind";

export interface AdminFact {
  label: string;
  value: string;
  testId?: string;
}

/** The facts as label/value pairs (pure, for tests and for the fold). */
export function adminFacts(environment: PaneEnvironment, theme: PaneThemeKind): AdminFact[] {
  const t = shell.admin;
  const level = environment.apiLevel;
  const known = Boolean(level);
  const enough = known && compareApiVersions(level, MINIMUM_EXCEL_API) >= 0;
  const facts: AdminFact[] = [
    { label: t.host, value: t.hostKinds[environment.kind] },
    { label: t.apiLevel, value: known ? `Excel API ${level}` : t.apiUnknown, testId: "api-level" },
    { label: t.apiMinimum, value: `Excel API ${MINIMUM_EXCEL_API} (Office 2019) — ${known ? (enough ? t.apiOk : t.apiTooOld) : t.apiUnknown}` },
    { label: t.editEvents, value: known && compareApiVersions(level, EDIT_EVENTS_API) >= 0 ? t.yes : t.no },
    { label: t.theme, value: t.themeKinds[theme] },
  ];
  if (environment.platform) facts.splice(1, 0, { label: t.platform, value: environment.platform });
  return facts;
}

