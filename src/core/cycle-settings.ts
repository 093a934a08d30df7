/**
 * The cycle's own settings (the production calendar's overrides), kept as extra pairs in the same «Параметр | Значение»
 * block as the register settings. `settingsFromPairs` ignores parameters it does not know, so these live beside it
 * without touching its schema.
 */
import * as z from "zod/mini";
import type { SheetText } from "./register-types";
import { findSettingsPairs, normalizeDateText } from "./settings";
import type { CalendarOverrides } from "./calendar/working-days";
import { cleanText, matchKey } from "./text";
import { ruDateToIso } from "./approval";
import type { TemplateKind } from "./documents/templates";

export const CALENDAR_SETTING_TITLES = {
  nonWorking: "Нерабочие дни (дополнительно к календарю)",
  working: "Рабочие дни (дополнительно к календарю)",
  confirmedYears: "Годы календаря, сверенные вручную",
} as const;

const ALIASES: Record<keyof typeof CALENDAR_SETTING_TITLES, string[]> = {
  nonWorking: ["Нерабочие дни", "Дополнительные нерабочие дни", "Региональные выходные"],
  working: ["Рабочие дни", "Дополнительные рабочие дни"],
  confirmedYears: ["Годы календаря", "Сверенные годы календаря"],
};

const CalendarOverridesSchema = z.object({
  nonWorking: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  working: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  confirmedYears: z.array(z.int().check(z.gte(1991), z.lte(2100))),
});

export const DOCUMENT_SETTING_TITLES = {
  notice: "Шаблон извещения подразделениям",
  reply: "Шаблон ответа инициатору",
  order: "Шаблон приказа",
  publicationPlace: "Место публикации реестра",
} as const;

export interface CycleSettings {
  calendar: CalendarOverrides;
  /** Templates typed in the settings (absent: the defaults); checked by `checkTemplate` where they are used. */
  templates: Partial<Record<TemplateKind, string>>;
  publicationPlace: string;
  /** One Russian sentence per value that could not be used; the rest of the settings still apply. */
  problems: string[];
}

const DOCUMENT_KEY_TO_FIELD = new Map<string, keyof typeof DOCUMENT_SETTING_TITLES>(
  (Object.keys(DOCUMENT_SETTING_TITLES) as (keyof typeof DOCUMENT_SETTING_TITLES)[]).map((field) => [matchKey(DOCUMENT_SETTING_TITLES[field]), field]),
);

const KEY_TO_FIELD = new Map<string, keyof typeof CALENDAR_SETTING_TITLES>();
for (const field of Object.keys(CALENDAR_SETTING_TITLES) as (keyof typeof CALENDAR_SETTING_TITLES)[]) {
  KEY_TO_FIELD.set(matchKey(CALENDAR_SETTING_TITLES[field]), field);
  for (const alias of ALIASES[field]) KEY_TO_FIELD.set(matchKey(alias), field);
}

function splitItems(raw: string): string[] {
  return raw
    .split(/[;\n\r]/)
    .map(cleanText)
    .filter((item) => item !== "");
}

/** dd.mm.yyyy or yyyy-mm-dd → ISO, or null. */
export function anyDateToIso(text: string): string | null {
  return ruDateToIso(normalizeDateText(text));
}

export function cycleSettingsFromPairs(pairs: readonly (readonly [string, string])[]): CycleSettings {
  const calendar: CalendarOverrides = { nonWorking: [], working: [], confirmedYears: [] };
  const problems: string[] = [];
  const templates: Partial<Record<TemplateKind, string>> = {};
  let publicationPlace = "";
  for (const [key, value] of pairs ?? []) {
    const documentField = DOCUMENT_KEY_TO_FIELD.get(matchKey(String(key ?? "")));
    if (documentField === "publicationPlace") publicationPlace = cleanText(String(value ?? ""));
    else if (documentField && String(value ?? "").trim() !== "") templates[documentField] = String(value).replace(/\r\n?/g, "\n");
    const field = KEY_TO_FIELD.get(matchKey(String(key ?? "")));
    if (!field) continue;
    const title = CALENDAR_SETTING_TITLES[field];
    for (const item of splitItems(String(value ?? ""))) {
      if (field === "confirmedYears") {
        const year = /^\d{4}$/.test(item) ? Number(item) : NaN;
        if (Number.isInteger(year) && year >= 1991 && year <= 2100) calendar.confirmedYears.push(year);
        else problems.push(`«${item}» в параметре «${title}» — не год; укажите год четырьмя цифрами, например 2027.`);
        continue;
      }
      const iso = anyDateToIso(item);
      if (iso) calendar[field].push(iso);
      else problems.push(`«${item}» в параметре «${title}» — не дата; укажите даты в виде ДД.ММ.ГГГГ через «;».`);
    }
  }
  const checked = CalendarOverridesSchema.safeParse(calendar);
  return { calendar: checked.success ? checked.data : { nonWorking: [], working: [], confirmedYears: [] }, problems, templates, publicationPlace };
}

export function cycleSettingsFromSheets(sheets: readonly SheetText[], settingsSheetName: string): CycleSettings {
  const sheet = sheets.find((candidate) => matchKey(candidate.name) === matchKey(settingsSheetName));
  return cycleSettingsFromPairs(sheet ? findSettingsPairs(sheet) : []);
}

export type CycleField = keyof typeof CALENDAR_SETTING_TITLES | keyof typeof DOCUMENT_SETTING_TITLES;

/** The cycle's field a parameter name stands for (titles and aliases, tolerant of case and ё), or null. */
export function cycleFieldOfKey(key: string): CycleField | null {
  const matched = matchKey(String(key ?? ""));
  return DOCUMENT_KEY_TO_FIELD.get(matched) ?? KEY_TO_FIELD.get(matched) ?? null;
}

/** The parameter name a field is written under. */
export function cycleFieldTitle(field: CycleField): string {
  return field in CALENDAR_SETTING_TITLES
    ? CALENDAR_SETTING_TITLES[field as keyof typeof CALENDAR_SETTING_TITLES]
    : DOCUMENT_SETTING_TITLES[field as keyof typeof DOCUMENT_SETTING_TITLES];
}
