/**
 * The summary for the head and the coordinator: processes by direction × reengineering status, the share of digital
 * processes, processes per responsible unit and the next actualization date (clause 3.11).
 */
import type { RegisterCatalog } from "./catalog";
import type { ActualizationDue, RuDate } from "./approval";
import { nextActualization, todayRuDate } from "./approval";
import { groupRowsByDirection, UNGROUPED_DIRECTION_HEADING, type AppendixGroup } from "./layout/appendix";
import { cleanText } from "./text";
import { canonicalValue, DIGITAL_KIND } from "./vocabularies";

export const STATUS_NOT_SET = "Не указан";
export const STATUS_OTHER = "Иное значение";
export const UNIT_NOT_SET = "Не указан";

export interface DirectionSummary {
  /** "" for rows whose direction could not be determined. */
  code: string;
  /** «1. Предоставление государственных услуг» */
  label: string;
  /** Counts per status, in the order of `RegisterSummary.statuses`. */
  counts: number[];
  total: number;
}

export interface RegisterSummary {
  total: number;
  /** Column titles of the direction × status table: the vocabulary's statuses, then «Иное значение», «Не указан» when met. */
  statuses: string[];
  directions: DirectionSummary[];
  /** Per status, over all directions. */
  statusTotals: number[];
  digital: {
    digital: number;
    nonDigital: number;
    /** Rows whose kind (column 14) is empty or not in the vocabulary. */
    unspecified: number;
    /** Digital processes among all processes, percent with one decimal. */
    sharePercent: number;
  };
  /** Most processes first, then by name. */
  units: { unit: string; count: number }[];
  actualization: ActualizationDue | null;
}

export interface SummaryOptions {
  /** Order date of the approved register and the settings' last actualization date (dd.mm.yyyy); the latest counts. */
  approvalDates?: readonly (string | null | undefined)[];
  today?: RuDate;
  /** `groupRowsByDirection(rows, catalog)` when the caller already has it (the appendix groups the same rows). */
  groups?: readonly AppendixGroup[];
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export function summarizeRegister(
  rows: readonly (readonly string[])[],
  catalog: RegisterCatalog,
  options: SummaryOptions = {},
): RegisterSummary {
  const groups = options.groups ?? groupRowsByDirection(rows, catalog);
  const statusIndex = new Map(catalog.statuses.map((status, i) => [status, i]));
  const otherIndex = catalog.statuses.length;
  const notSetIndex = catalog.statuses.length + 1;
  const statusCache = new Map<string, number>();
  const statusColumn = (text: string): number => {
    let index = statusCache.get(text);
    if (index === undefined) {
      const canonical = text === "" ? null : canonicalValue(text, catalog.statuses);
      index = text === "" ? notSetIndex : canonical !== null ? (statusIndex.get(canonical) ?? otherIndex) : otherIndex;
      statusCache.set(text, index);
    }
    return index;
  };
  // An agency may rename the kinds; the first one stands for «Цифровой» then.
  const digitalKind = canonicalValue(DIGITAL_KIND, catalog.kinds) ?? catalog.kinds[0];
  const kindCache = new Map<string, string | null>();
  const kindOf = (text: string): string | null => {
    let kind = kindCache.get(text);
    if (kind === undefined) kindCache.set(text, (kind = canonicalValue(text, catalog.kinds)));
    return kind;
  };
  const width = catalog.statuses.length + 2;
  const statusTotals = new Array<number>(width).fill(0);
  const unitCounts = new Map<string, number>();
  let total = 0;
  let digital = 0;
  let nonDigital = 0;

  const directions: DirectionSummary[] = groups.map((group) => {
    const counts = new Array<number>(width).fill(0);
    for (const cells of group.rows) {
      const column = statusColumn(cells[7]);
      counts[column]++;
      statusTotals[column]++;
      const kind = cells[13] ? kindOf(cells[13]) : null;
      if (kind === digitalKind) digital++;
      else if (kind !== null) nonDigital++;
      const unit = cleanText(cells[6]) || UNIT_NOT_SET;
      unitCounts.set(unit, (unitCounts.get(unit) ?? 0) + 1);
      total++;
    }
    return {
      code: group.directionCode,
      label: group.directionCode ? group.heading : UNGROUPED_DIRECTION_HEADING,
      counts,
      total: group.rows.length,
    };
  });

  // Columns for «Иное значение» and «Не указан» only when some row needs them.
  const keep = statusTotals.map((count, i) => i < catalog.statuses.length || count > 0);
  const pick = <T>(values: T[]) => values.filter((_, i) => keep[i]);
  const allStatuses = [...catalog.statuses, STATUS_OTHER, STATUS_NOT_SET];

  const units = [...unitCounts]
    .map(([unit, count]) => ({ unit, count }))
    .sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, "ru"));

  return {
    total,
    statuses: pick(allStatuses),
    directions: directions.map((direction) => ({ ...direction, counts: pick(direction.counts) })),
    statusTotals: pick(statusTotals),
    digital: { digital, nonDigital, unspecified: total - digital - nonDigital, sharePercent: percent(digital, total) },
    units,
    actualization: nextActualization(options.approvalDates ?? [], options.today ?? todayRuDate()),
  };
}
