/**
 * Working-day arithmetic by the Russian production calendar: weekends, art. 112 holidays with their automatic moves,
 * the decrees' transfers (production-calendar-data.ts) and the agency's own overrides from the settings.
 * Dates are ISO "YYYY-MM-DD" strings; arithmetic is on UTC day numbers, so no time zone can shift a date.
 */
import { ART_112_HOLIDAYS, CALENDAR_YEARS, HOLIDAYS_WITHOUT_AUTOMATIC_MOVE, type CalendarYearData } from "./production-calendar-data";

const DAY_MS = 86_400_000;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" → UTC day number, or null when it is not a calendar date. */
export function isoToDayNumber(iso: string): number | null {
  const match = ISO_PATTERN.exec(iso ?? "");
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / DAY_MS);
}

export function dayNumberToIso(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function requireDay(iso: string): number {
  const day = isoToDayNumber(iso);
  if (day === null) throw new RangeError(`Not a date: ${iso}`);
  return day;
}

function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The agency's additions: regional days off, a decree not yet in the data. */
export interface CalendarOverrides {
  nonWorking: string[];
  working: string[];
  /** Years whose transfers the coordinator entered by hand and vouches for: not marked approximate. */
  confirmedYears: number[];
}

export const NO_OVERRIDES: CalendarOverrides = { nonWorking: [], working: [], confirmedYears: [] };

interface YearDays {
  nonWorking: Set<number>;
  workingWeekends: Set<number>;
}

export interface DueDate {
  /** The day counting starts from: the received date, or the next working day when it was received on a day off. */
  registered: string;
  due: string;
  /** A day counted lies in a year whose calendar is not loaded (art. 112 and weekends only). */
  approximate: boolean;
}

/** Clause 3.10: «в течение 10 рабочих дней». */
export const REQUEST_TERM_WORKING_DAYS = 10;

export class ProductionCalendar {
  private readonly dataByYear = new Map<number, CalendarYearData>();
  private readonly years = new Map<number, YearDays>();
  private readonly overrideNonWorking: Set<number>;
  private readonly overrideWorking: Set<number>;

  constructor(
    data: readonly CalendarYearData[] = CALENDAR_YEARS,
    private readonly overrides: CalendarOverrides = NO_OVERRIDES,
  ) {
    for (const entry of data) this.dataByYear.set(entry.year, entry);
    this.overrideNonWorking = new Set(overrides.nonWorking.map(requireDay));
    this.overrideWorking = new Set(overrides.working.map(requireDay));
  }

  /** The decree data for a year, when the data holds it. */
  yearData(year: number): CalendarYearData | undefined {
    return this.dataByYear.get(year);
  }

  /** True when the year's transfers are known: a checked decree, or the coordinator's own confirmed entries. */
  isYearLoaded(year: number): boolean {
    return this.dataByYear.get(year)?.verified === true || this.overrides.confirmedYears.includes(year);
  }

  isWorkingDay(iso: string): boolean {
    return this.isWorkingDayNumber(requireDay(iso));
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.overrideWorking.has(day)) return true;
    if (this.overrideNonWorking.has(day)) return false;
    const year = new Date(day * DAY_MS).getUTCFullYear();
    const days = this.yearDays(year);
    if (days.workingWeekends.has(day)) return true;
    return !isWeekend(day) && !days.nonWorking.has(day);
  }

  private yearDays(year: number): YearDays {
    const cached = this.years.get(year);
    if (cached) return cached;
    const data = this.dataByYear.get(year);
    const transfers = data?.transfers ?? [];
    const holidays = ART_112_HOLIDAYS.map(({ month, day }) => requireDay(isoOf(year, month, day)));
    const holidaySet = new Set(holidays);
    const transferredFrom = new Set(transfers.map((transfer) => requireDay(transfer.from)));
    const nonWorking = new Set<number>(holidays);
    for (const transfer of transfers) nonWorking.add(requireDay(transfer.to));
    const workingWeekends = new Set<number>();
    for (const from of transferredFrom) if (isWeekend(from) && !holidaySet.has(from)) workingWeekends.add(from);

    const noAutomaticMove = new Set(HOLIDAYS_WITHOUT_AUTOMATIC_MOVE.map(({ month, day }) => requireDay(isoOf(year, month, day))));
    const isFree = (day: number) => !workingWeekends.has(day) && (isWeekend(day) || nonWorking.has(day));
    for (const holiday of [...holidays].sort((a, b) => a - b)) {
      // A decree that names the weekend as a transfer's source has already placed that day off elsewhere.
      if (!isWeekend(holiday) || noAutomaticMove.has(holiday) || transferredFrom.has(holiday)) continue;
      let next = holiday + 1;
      while (isFree(next)) next++;
      nonWorking.add(next);
    }
    const days = { nonWorking, workingWeekends };
    this.years.set(year, days);
    return days;
  }

  /** The received date itself, or the next working day when the request came on a day off. */
  registrationDay(receivedIso: string): string {
    let day = requireDay(receivedIso);
    while (!this.isWorkingDayNumber(day)) day++;
    return dayNumberToIso(day);
  }

  /**
   * The due date of a request: the registration day is not counted, the n-th working day after it is the due date.
   * Approximate when any day from the received date to the due date lies in a year that is not loaded.
   */
  dueDate(receivedIso: string, workingDays: number = REQUEST_TERM_WORKING_DAYS): DueDate {
    const registered = this.registrationDay(receivedIso);
    let day = requireDay(registered);
    for (let counted = 0; counted < workingDays; ) {
      day++;
      if (this.isWorkingDayNumber(day)) counted++;
    }
    const due = dayNumberToIso(day);
    return { registered, due, approximate: !this.yearsLoaded(receivedIso, due) };
  }

  /** Every year from `fromIso` to `toIso` (either order) is loaded. */
  yearsLoaded(fromIso: string, toIso: string): boolean {
    const [a, b] = [Number(fromIso.slice(0, 4)), Number(toIso.slice(0, 4))];
    for (let year = Math.min(a, b); year <= Math.max(a, b); year++) if (!this.isYearLoaded(year)) return false;
    return true;
  }

  /**
   * Working days left until `dueIso` as seen on `todayIso`: the working days after today up to and including the due
   * date; 0 on the due date; negative when overdue (minus the working days after the due date up to today — 0 on the
   * weekend right after it, so overdue is decided by the dates, not by this count).
   */
  workingDaysLeft(todayIso: string, dueIso: string): number {
    const today = requireDay(todayIso);
    const due = requireDay(dueIso);
    if (today === due) return 0;
    const [from, to, sign] = today < due ? [today, due, 1] : [due, today, -1];
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.isWorkingDayNumber(day)) count++;
    return sign * count;
  }

  /** Working days in a year, for checking the data against the published figures. */
  workingDaysInYear(year: number): number {
    let count = 0;
    const first = requireDay(isoOf(year, 1, 1));
    const last = requireDay(isoOf(year, 12, 31));
    for (let day = first; day <= last; day++) if (this.isWorkingDayNumber(day)) count++;
    return count;
  }
}
