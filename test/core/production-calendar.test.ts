import { CALENDAR_YEARS } from "../../src/core/calendar/production-calendar-data";
import { ProductionCalendar } from "../../src/core/calendar/working-days";

const calendar = new ProductionCalendar();

describe("production calendar data", () => {
  it.each(CALENDAR_YEARS.filter((year) => year.publishedWorkingDays !== undefined))("$year: working days recounted from art. 112 and the decree = published $publishedWorkingDays", (year) => {
    expect(calendar.workingDaysInYear(year.year)).toBe(year.publishedWorkingDays);
  });

  it("names the decree of every verified year and says when a year is not verified", () => {
    for (const year of CALENDAR_YEARS) {
      if (year.verified) expect(year.decree).toMatch(/^Постановление Правительства РФ от \d{2}\.\d{2}\.\d{4} № \d+/);
      else expect(year.note).toMatch(/не сверено/);
    }
    expect(CALENDAR_YEARS.map((year) => year.year)).toEqual([2024, 2025, 2026, 2027]);
  });

  it.each([
    ["2024-04-27", true, "working Saturday (decree 1314)"],
    ["2024-04-29", false, "transferred day off"],
    ["2024-12-28", true, "working Saturday"],
    ["2024-12-31", false, "from 7 January"],
    ["2025-02-24", true, "23 February's weekend was moved by the decree to 8 May, not to the next Monday"],
    ["2025-03-10", true, "8 March's weekend was moved to 13 June"],
    ["2025-05-08", false, "from 23 February"],
    ["2025-06-13", false, "from 8 March"],
    ["2025-11-01", true, "working Saturday"],
    ["2025-11-03", false, "from 1 November"],
    ["2026-01-09", false, "from 3 January (decree 1466)"],
    ["2026-03-09", false, "art. 112: 8 March is a Sunday"],
    ["2026-05-11", false, "art. 112: 9 May is a Saturday"],
    ["2026-12-31", false, "from 4 January"],
    ["2026-11-04", false, "holiday"],
    ["2026-11-05", true, "ordinary Thursday"],
  ])("%s working: %s (%s)", (iso, working) => {
    expect(calendar.isWorkingDay(iso)).toBe(working);
  });
});

describe("10 working days after the received date", () => {
  it("2024-12-25: across the New Year holidays, the working Saturday 28 December counted", () => {
    expect(calendar.dueDate("2024-12-25")).toEqual({ registered: "2024-12-25", due: "2025-01-17", approximate: false });
  });

  it("2025-04-28: the May holidays 1–4 and 8–11", () => {
    expect(calendar.dueDate("2025-04-28")).toEqual({ registered: "2025-04-28", due: "2025-05-16", approximate: false });
  });

  it("2025-10-30: the working Saturday 1 November and the days off 3–4 November", () => {
    expect(calendar.dueDate("2025-10-30")).toEqual({ registered: "2025-10-30", due: "2025-11-14", approximate: false });
  });

  it("2026-12-28: 31 December off by decree 1466, January 2027 by art. 112 only — approximate", () => {
    expect(calendar.dueDate("2026-12-28")).toEqual({ registered: "2026-12-28", due: "2027-01-20", approximate: true });
  });

  it("a request received on a day off is registered on the next working day, which is not counted", () => {
    // Saturday 3 May 2025 → registered Monday 5 May; 6, 7, 12–16, 19, 20, 21 May.
    expect(calendar.dueDate("2025-05-03")).toEqual({ registered: "2025-05-05", due: "2025-05-21", approximate: false });
  });

  it("a year outside the data is counted by weekends and art. 112 and marked approximate", () => {
    const due = calendar.dueDate("2030-03-01");
    expect(due.approximate).toBe(true);
    // 8 March 2030 is a Friday (a holiday): 4–7, 11–15, 18 March.
    expect(due.due).toBe("2030-03-18");
  });

  it("overrides from the settings: a regional day off, and a year the coordinator confirmed", () => {
    const withOverrides = new ProductionCalendar(undefined, { nonWorking: ["2026-04-28"], working: [], confirmedYears: [2027] });
    expect(withOverrides.isWorkingDay("2026-04-28")).toBe(false);
    // 28–30 April, 4–8, 12, 13 May (11 May is off: 9 May falls on a Saturday); the regional day off adds one.
    expect(withOverrides.dueDate("2026-04-27").due).toBe("2026-05-14");
    expect(calendar.dueDate("2026-04-27").due).toBe("2026-05-13");
    expect(withOverrides.dueDate("2026-12-28").approximate).toBe(false);
    const workingSaturday = new ProductionCalendar(undefined, { nonWorking: [], working: ["2027-01-09"], confirmedYears: [] });
    expect(workingSaturday.isWorkingDay("2027-01-09")).toBe(true);
  });
});

describe("working days left", () => {
  it("counts the working days after today up to the due date, negative when overdue", () => {
    expect(calendar.workingDaysLeft("2025-05-07", "2025-05-16")).toBe(5);
    expect(calendar.workingDaysLeft("2025-05-16", "2025-05-16")).toBe(0);
    expect(calendar.workingDaysLeft("2025-05-20", "2025-05-16")).toBe(-2);
    expect(calendar.workingDaysLeft("2025-05-17", "2025-05-16")).toBe(-0);
  });
});
