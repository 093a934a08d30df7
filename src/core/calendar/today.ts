/** Today as the coordinator's own calendar shows it (local time zone), ISO "YYYY-MM-DD". */
export function localTodayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
