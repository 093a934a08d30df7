/**
 * How a register cell names a process of the typical list or a direction: codes, the seed's own wordings, another
 * agency's name in the processes named after the agency.
 */
import { AGENCY, SEED_NAMES, processLabel, typicalProcessNames, type TypicalProcess } from "./typical-list-names";
import { matchKey } from "./text";

/** The seed's own spellings of direction names, accepted when reading column 5. */
export const DIRECTION_NAME_VARIANTS: Record<string, string[]> = {
  "Обеспечение доступа к информации о деятельности": [
    "Обеспечения доступа к информации о деятельности",
    "Обеспечение доступа к информации о деятельности органа власти",
  ],
  "Предоставление государственных услуг": ["Предоставление государственных услуг (функций)"],
};

/** The seed's own wordings where we corrected or completed a name; a register copied from the order still matches. */
const SEED_NAME_VARIANTS: Record<string, string[]> = {
  "1.4": [
    "Запрос и получение документов (сведений), необходимых для предоставления государственной услуги, в порядке",
    "Запрос и получение документов (сведений), необходимых для предоставления государственной услуги",
  ],
  "1.9": [
    "Досудебное обжалование решений и действий (бездействия) предоставляющего государственную услугу, а также его должностных лиц",
    "Досудебное (внесудебное) обжалование решений и действий (бездействия) органа, предоставляющего государственную услугу, а также его должностных лиц",
  ],
  "4.2": [`Предоставления информации о деятельности ${AGENCY}`],
  // Agencies often put their own name where the seed says «органа власти».
  "5.15": [`Организация клиентоцентричной корпоративной среды ${AGENCY}`],
};

/** A leading code such as "1.1.", "1.1", "5.15 " or "2.5." followed by the name. */
const LEADING_CODE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s*(?=\S)/;

/** Splits "1.1. Name" into code and name; the code is "" when the text has none. */
export function splitProcessCode(text: string): { code: string; name: string } {
  const trimmed = text.trim();
  const match = LEADING_CODE.exec(trimmed);
  if (!match) return { code: "", name: trimmed };
  return { code: match[1], name: trimmed.slice(match[0].length) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Seed templates (with `{agency}`) as patterns over matchKey, so any agency's wording of 2.4–2.6, 4.1, 4.2 matches. */
interface AgencyPattern {
  code: string;
  pattern: RegExp;
}

const AGENCY_TEMPLATES: { code: string; template: string }[] = [
  ...SEED_NAMES.filter(([, name]) => name.includes(AGENCY)).map(([code, name]) => ({ code, template: name })),
  ...Object.entries(SEED_NAME_VARIANTS).flatMap(([code, variants]) =>
    variants.filter((variant) => variant.includes(AGENCY)).map((template) => ({ code, template })),
  ),
];

function templatePattern(template: string): RegExp {
  const [before, after] = matchKey(template).split(matchKey(AGENCY));
  return new RegExp(`^${escapeRegExp(before)}.+${escapeRegExp(after)}$`);
}

const AGENCY_PATTERNS: AgencyPattern[] = AGENCY_TEMPLATES.map(({ code, template }) => ({
  code,
  pattern: templatePattern(template),
}));

interface ProcessMatcher {
  byKey: Map<string, TypicalProcess>;
  patterns: { pattern: RegExp; process: TypicalProcess }[];
}

const MATCHERS = new WeakMap<readonly TypicalProcess[], ProcessMatcher>();

function buildMatcher(processes: readonly TypicalProcess[]): ProcessMatcher {
  const byKey = new Map<string, TypicalProcess>();
  const add = (text: string, process: TypicalProcess) => {
    const key = matchKey(text);
    if (key && !byKey.has(key)) byKey.set(key, process);
  };
  for (const process of processes) {
    add(process.name, process);
    add(processLabel(process), process);
  }
  // Seed variants only for a process that still bears the default wording of its code.
  const defaultsByCode = new Map(typicalProcessNames().map((p) => [p.code, p]));
  const patterns: { pattern: RegExp; process: TypicalProcess }[] = [];
  for (const process of processes) {
    const ownPatterns = AGENCY_PATTERNS.filter((entry) => entry.code === process.code);
    const generic = defaultsByCode.get(process.code);
    const isDefaultShaped =
      (generic && matchKey(generic.name) === matchKey(process.name)) ||
      ownPatterns.some((entry) => entry.pattern.test(matchKey(process.name)));
    if (!isDefaultShaped) continue;
    for (const variant of SEED_NAME_VARIANTS[process.code] ?? []) {
      if (!variant.includes(AGENCY)) add(variant, process);
    }
    for (const entry of ownPatterns) patterns.push({ pattern: entry.pattern, process });
  }
  return { byKey, patterns };
}

function matcherFor(processes: readonly TypicalProcess[]): ProcessMatcher {
  let matcher = MATCHERS.get(processes);
  if (!matcher) {
    matcher = buildMatcher(processes);
    MATCHERS.set(processes, matcher);
  }
  return matcher;
}

/**
 * The process a column-6 value names, with or without its leading code, tolerant to case, ё/е, spaces and a trailing
 * period, and to another agency's name in the wording of 2.4–2.6, 4.1, 4.2. Null when it names none.
 */
export function findProcess(text: string, processes: readonly TypicalProcess[]): TypicalProcess | null {
  if (!text) return null;
  const matcher = matcherFor(processes);
  const whole = matchKey(text);
  if (!whole) return null;
  const direct = matcher.byKey.get(whole);
  if (direct) return direct;
  const { code, name } = splitProcessCode(text);
  const nameKey = code ? matchKey(name) : whole;
  if (code) {
    const byName = matcher.byKey.get(nameKey);
    if (byName) return byName;
  }
  for (const { pattern, process } of matcher.patterns) {
    if (pattern.test(nameKey)) return process;
  }
  return null;
}
