/**
 * The running collection round as the coordinator's workbook remembers it: when it started, the due date, its units and
 * which of them have submitted. It lives on a very hidden sheet beside the stamp's («_…» sheets are skipped by the
 * register finder), written when the round is started (the units' files are prepared) and updated by every merge that
 * includes units' files. A merge of stamped files also rebuilds it from the stamps when the workbook has none, so
 * `reestr status` and the pane's «Сроки» can tell who is still missing.
 */
import type { SheetText } from "../register-types";
import type { LayoutValue, SheetLayout } from "../layout/types";
import { parseRuDate } from "../approval";
import { cleanText, matchKey } from "../text";
import type { CollectionStamp } from "./stamp";
import type { UnitReport } from "./round";

export const ROUND_SHEET_NAME = "_Сбор сведений";

const MARKER = "Сбор сведений от подразделений (записан надстройкой «Реестр процессов»)";
const LABELS = { id: "Номер сбора", started: "Дата начала", due: "Срок представления" } as const;
const UNITS_HEADER = ["Подразделение", "Дата представления", "Файл"] as const;

export interface RoundUnitRecord {
  unit: string;
  /** dd.mm.yyyy the unit's file was merged (or received), "" while missing. */
  submitted: string;
  /** The file that was merged, "" while missing. */
  file: string;
}

export interface RoundRecord {
  /** «СБ-20261204», «СБ-20261204-2» for a second round started that day. */
  id: string;
  /** dd.mm.yyyy */
  started: string;
  /** dd.mm.yyyy or "". */
  due: string;
  units: RoundUnitRecord[];
}

function ruToIso(ru: string): string {
  const date = parseRuDate(ru);
  if (!date) return "";
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/** A new round; its id follows the previous round's when both start the same day. */
export function startRoundRecord(options: { started: string; due: string; units: readonly string[]; previous?: RoundRecord | null }): RoundRecord {
  const base = `СБ-${ruToIso(options.started).replace(/-/g, "")}`;
  let id = base;
  const previousId = options.previous?.id ?? "";
  if (previousId === base || previousId.startsWith(`${base}-`)) {
    const n = previousId === base ? 1 : Number(previousId.slice(base.length + 1)) || 1;
    id = `${base}-${n + 1}`;
  }
  const seen = new Set<string>();
  const units: RoundUnitRecord[] = [];
  for (const name of options.units) {
    const unit = cleanText(name ?? "");
    const key = matchKey(unit);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    units.push({ unit, submitted: "", file: "" });
  }
  return { id, started: options.started, due: options.due, units };
}

/** The round the stamps of merged files describe (the first stamp's issue date, due date and units). */
export function roundRecordFromStamps(stamps: readonly (CollectionStamp | null)[]): RoundRecord | null {
  const first = stamps.find((stamp): stamp is CollectionStamp => stamp !== null && stamp.roundUnits.length > 0);
  if (!first || !parseRuDate(first.issued)) return null;
  return startRoundRecord({ started: first.issued, due: first.due, units: first.roundUnits });
}

/**
 * Marks the units a merge included (submitted, late or duplicate in the merge's assessment) as submitted on `date`.
 * A unit already marked keeps its first date; units of the merge outside the round are not added.
 */
export function markSubmitted(record: RoundRecord, reports: readonly UnitReport[], date: string): RoundRecord {
  const included = new Map<string, UnitReport>();
  for (const report of reports) if (report.status !== "missing") included.set(matchKey(report.unit), report);
  return {
    ...record,
    units: record.units.map((entry) => {
      if (entry.submitted !== "") return entry;
      const report = included.get(matchKey(entry.unit));
      return report ? { unit: entry.unit, submitted: date, file: report.files[report.files.length - 1] ?? "" } : entry;
    }),
  };
}

/** The record's cells, row by row (the sheet's layout and the command line's in-place writer both use them). */
export function roundRecordRows(record: RoundRecord): string[][] {
  return [
    [MARKER, "", ""],
    [LABELS.id, record.id, ""],
    [LABELS.started, record.started, ""],
    [LABELS.due, record.due, ""],
    ["", "", ""],
    [...UNITS_HEADER],
    ...record.units.map((entry) => [entry.unit, entry.submitted, entry.file]),
  ];
}

export const ROUND_SHEET_WIDTHS = [40, 20, 40];

/** The very hidden record sheet; every value is text. */
export function buildRoundRecordSheet(record: RoundRecord): SheetLayout {
  const values = roundRecordRows(record).map((cells) => cells.map((cell): LayoutValue => (cell === "" ? null : cell)));
  return {
    name: ROUND_SHEET_NAME,
    visibility: "veryHidden",
    columns: ROUND_SHEET_WIDTHS.map((width, i) => ({ index: i + 1, width, numberFormat: "@" })),
    blocks: [{ row: 1, col: 1, values, style: { numberFormat: "@" } }],
  };
}

export type RoundRecordReading = { kind: "none" } | { kind: "record"; record: RoundRecord; problems: string[] } | { kind: "damaged"; message: string };

/**
 * Reads the record with the register's tolerance (case, ё/е and spaces in the labels, rows moved down, dates as
 * dd.mm.yyyy text). A date that is not a date is reported and left empty.
 */
export function readRoundRecord(sheets: readonly SheetText[]): RoundRecordReading {
  const sheet = sheets.find((candidate) => matchKey(candidate?.name ?? "") === matchKey(ROUND_SHEET_NAME));
  if (!sheet) return { kind: "none" };
  const rows = sheet.rows ?? [];
  const markerRow = rows.findIndex((row) => matchKey(row?.[0] ?? "") === matchKey(MARKER));
  if (markerRow < 0) return { kind: "damaged", message: `лист «${ROUND_SHEET_NAME}» поврежден: сведения о сборе не прочитаны` };
  const values = new Map<string, string>();
  let unitsFrom = -1;
  for (let r = markerRow + 1; r < rows.length; r++) {
    const key = matchKey(rows[r]?.[0] ?? "");
    if (key === matchKey(UNITS_HEADER[0])) {
      unitsFrom = r + 1;
      break;
    }
    if (key !== "" && !values.has(key)) values.set(key, cleanText(rows[r]?.[1] ?? ""));
  }
  const get = (label: string) => values.get(matchKey(label)) ?? "";
  const problems: string[] = [];
  const date = (label: string, text: string) => {
    if (text === "" || parseRuDate(text)) return text;
    problems.push(`«${label}» на листе «${ROUND_SHEET_NAME}»: «${text}» не является датой ДД.ММ.ГГГГ`);
    return "";
  };
  const started = date(LABELS.started, get(LABELS.started));
  const due = date(LABELS.due, get(LABELS.due));
  const units: RoundUnitRecord[] = [];
  const seen = new Set<string>();
  if (unitsFrom > 0) {
    for (let r = unitsFrom; r < rows.length; r++) {
      const unit = cleanText(rows[r]?.[0] ?? "");
      const key = matchKey(unit);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      units.push({ unit, submitted: date(`${UNITS_HEADER[1]} (${unit})`, cleanText(rows[r]?.[1] ?? "")), file: cleanText(rows[r]?.[2] ?? "") });
    }
  }
  return { kind: "record", problems, record: { id: get(LABELS.id), started, due, units } };
}

export interface PendingUnits {
  /** Units that have not submitted, in the round's order. */
  units: string[];
  /** ISO due date, or null when none was set. */
  due: string | null;
  round: string;
  /** ISO start date, or null. */
  started: string | null;
  /** Some unit is still missing after the due date. */
  overdue: boolean;
}

/** The units still missing in the workbook's recorded round (an empty list once all submitted); null when no round is recorded. */
export function pendingUnitsOfSheets(sheets: readonly SheetText[], todayIso: string): PendingUnits | null {
  const reading = readRoundRecord(sheets);
  if (reading.kind !== "record") return null;
  const { record } = reading;
  const units = record.units.filter((entry) => entry.submitted === "").map((entry) => entry.unit);
  const due = record.due ? ruToIso(record.due) : "";
  return {
    units,
    due: due || null,
    round: record.id,
    started: record.started ? ruToIso(record.started) || null : null,
    overdue: units.length > 0 && due !== "" && due < todayIso,
  };
}

/**
 * The round after a merge: the recorded one (else the one the merged files' stamps describe) with the units the merge
 * included marked as submitted on `date`. Null when there is neither a record nor a stamped file.
 */
export function roundAfterMerge(
  recorded: RoundRecord | null | undefined,
  stamps: readonly (CollectionStamp | null)[],
  reports: readonly UnitReport[],
  date: string,
): RoundRecord | null {
  const round = recorded ?? roundRecordFromStamps(stamps);
  return round ? markSubmitted(round, reports, date) : null;
}
