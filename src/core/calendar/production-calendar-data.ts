/**
 * The Russian production calendar as data: the Labor Code's art. 112 holidays and, per year, the government decree that
 * transfers days off. Each year below was checked against the decree's published text (the list of transfers) and the
 * published count of working days in a five-day week. A year without a checked decree is counted by art. 112 alone and
 * every date computed in it is marked approximate.
 *
 * Dates are ISO "YYYY-MM-DD".
 */

/** Art. 112 part 1: the non-working holidays (month, day). */
export const ART_112_HOLIDAYS: readonly { month: number; day: number; name: string }[] = [
  { month: 1, day: 1, name: "Новогодние каникулы" },
  { month: 1, day: 2, name: "Новогодние каникулы" },
  { month: 1, day: 3, name: "Новогодние каникулы" },
  { month: 1, day: 4, name: "Новогодние каникулы" },
  { month: 1, day: 5, name: "Новогодние каникулы" },
  { month: 1, day: 6, name: "Новогодние каникулы" },
  { month: 1, day: 7, name: "Рождество Христово" },
  { month: 1, day: 8, name: "Новогодние каникулы" },
  { month: 2, day: 23, name: "День защитника Отечества" },
  { month: 3, day: 8, name: "Международный женский день" },
  { month: 5, day: 1, name: "Праздник Весны и Труда" },
  { month: 5, day: 9, name: "День Победы" },
  { month: 6, day: 12, name: "День России" },
  { month: 11, day: 4, name: "День народного единства" },
];

/**
 * Art. 112 part 2: a weekend that falls on a holiday moves to the next working day after it — except the holidays of
 * paragraphs 2 and 3 of part 1 (1–6 and 8 January), whose weekends the government distributes by its decree.
 */
export const HOLIDAYS_WITHOUT_AUTOMATIC_MOVE: readonly { month: number; day: number }[] = [1, 2, 3, 4, 5, 6, 8].map((day) => ({ month: 1, day }));

/** «с субботы 27 апреля на понедельник 29 апреля»: `from` becomes a working day (unless it is a holiday), `to` a day off. */
export interface DayOffTransfer {
  from: string;
  to: string;
}

export interface CalendarYearData {
  year: number;
  /** The decree as it is cited, or null when none was checked. */
  decree: string | null;
  /** True when `transfers` were checked against the decree's text. */
  verified: boolean;
  transfers: DayOffTransfer[];
  /** Working days of a five-day week as published; the tests recount them from the rules and the transfers. */
  publishedWorkingDays?: number;
  /** Where the text was checked and what is not known. */
  note: string;
}

export const CALENDAR_YEARS: readonly CalendarYearData[] = [
  {
    year: 2024,
    decree: "Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»",
    verified: true,
    transfers: [
      { from: "2024-01-06", to: "2024-05-10" },
      { from: "2024-01-07", to: "2024-12-31" },
      { from: "2024-04-27", to: "2024-04-29" },
      { from: "2024-11-02", to: "2024-04-30" },
      { from: "2024-12-28", to: "2024-12-30" },
    ],
    publishedWorkingDays: 248,
    note: "Сверено с текстом постановления (КонтурНорматив); дни отдыха: 1–8 января, 23–25 февраля, 8–10 марта, 28 апреля – 1 мая, 9–12 мая, 12 июня, 3–4 ноября, 29–31 декабря.",
  },
  {
    year: 2025,
    decree: "Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»",
    verified: true,
    transfers: [
      { from: "2025-01-04", to: "2025-05-02" },
      { from: "2025-01-05", to: "2025-12-31" },
      { from: "2025-02-23", to: "2025-05-08" },
      { from: "2025-03-08", to: "2025-06-13" },
      { from: "2025-11-01", to: "2025-11-03" },
    ],
    publishedWorkingDays: 247,
    note: "Сверено с сообщением Правительства о постановлении и с python-holidays; выходные 23 февраля и 8 марта перенесены постановлением на 8 мая и 13 июня, поэтому 24 февраля и 10 марта — рабочие дни.",
  },
  {
    year: 2026,
    decree: "Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»",
    verified: true,
    transfers: [
      { from: "2026-01-03", to: "2026-01-09" },
      { from: "2026-01-04", to: "2026-12-31" },
    ],
    publishedWorkingDays: 247,
    note: "Сверено с сообщением Правительства о постановлении и разъяснением Роструда; 9 марта и 11 мая — выходные по ст. 112 (8 марта и 9 мая приходятся на воскресенье и субботу).",
  },
  {
    year: 2027,
    decree: null,
    verified: false,
    transfers: [],
    note:
      "Постановление о переносе выходных дней в 2027 году не сверено: его текста нет в доступных нам источниках. " +
      "Год считается по ст. 112 ТК РФ (праздники и перенос выходного, совпавшего с праздником), даты помечаются как приблизительные. " +
      "Переносы можно внести в настройках («Нерабочие дни», «Рабочие дни», «Годы календаря, сверенные вручную»).",
  },
];
