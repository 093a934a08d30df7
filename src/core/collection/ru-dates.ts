/** The order of dd.mm.yyyy dates, as stamps, round records and merge reports write them. */
import { parseRuDate } from "../approval";

/** Compares two dd.mm.yyyy dates (both valid); negative when a is earlier. */
export function compareRuDates(a: string, b: string): number {
  const x = parseRuDate(a);
  const y = parseRuDate(b);
  if (!x || !y) return 0;
  return x.year - y.year || x.month - y.month || x.day - y.day;
}
