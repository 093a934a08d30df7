/**
 * Who submitted: each input of a merge is matched to a unit by its stamp, else by the column 7 values of its rows, and
 * every unit of the round gets a status — submitted, late (received after the due date), missing, or duplicate (two
 * files; among stamped ones the later stamp wins and the other's rows are not merged). With an approved register, a
 * unit that did not submit keeps its approved rows unchanged: they are carried into the consolidated register.
 */
import type { CollectionStamp, StampReading } from "./stamp";
import { compareRuDates } from "./ru-dates";
import { UNIT_COLUMN } from "./distribute";
import type { RegisterTable } from "../register-types";
import { cleanText, matchKey } from "../text";
import { parseRuDate } from "../approval";
import type { UnitStatus } from "./unit-status";

// The statuses and their words are a module of their own: the due-date screen reads them without the round's logic.
export { UNIT_STATUS_TEXT, type UnitStatus } from "./unit-status";

export interface UnitReport {
  unit: string;
  status: UnitStatus;
  /** Files matched to the unit, in input order. */
  files: string[];
  /** Data rows the unit's merged file(s) hold (a column-7 match: its rows only); for a missing unit, approved rows carried over. */
  rows: number;
  /** How the files were matched; null for a missing unit. */
  match: "stamp" | "column7" | null;
  /** dd.mm.yyyy or "". */
  due: string;
  notes: string[];
}

/** What the round needs to know about one input. */
export interface RoundInput {
  file: string;
  /** The register read from it, or null when the file could not be read. */
  table: RegisterTable | null;
  stamp?: StampReading;
  /** dd.mm.yyyy the file was received (the file's modification date), when known. */
  received?: string;
}

export interface RowFlag {
  inputIndex: number;
  sheetRow: number;
  message: string;
}

export interface RoundAssessment {
  units: UnitReport[];
  /** Inputs whose rows are not merged: a later stamped file of the same unit replaces them (index → the winner's file). */
  superseded: Map<number, string>;
  /** Remarks per input (another agency's stamp, a replaced table, a stamp problem). */
  inputNotes: Map<number, string[]>;
  /** Rows of a stamped file that belong to another unit: merged, and flagged. */
  flags: RowFlag[];
  /** Keys (`matchKey`) of units with no file. */
  missing: Set<string>;
  /** The round's due date from the stamps (the first one found), or "". */
  due: string;
}

export const CARRIED_OVER_PROVENANCE = "не представлено — перенесено из утвержденного реестра";

export interface AssessOptions {
  /** The settings' units list. */
  units?: readonly string[];
  /** The merge's agency, to catch a stamp of another agency's register. */
  agency?: { name: string; code: string };
  /** The approved register's rows (15 cells): its units are units of the round. */
  previousRows?: readonly (readonly string[])[];
}

/** A data row's cleaned ID and unit (undefined where the row has no such cell), all the round looks at. */
interface DataRow {
  id: string | undefined;
  unit: string | undefined;
}

/**
 * The rows with any text, as their ID and unit: the merge cleans every cell again itself, so a cleaned copy of all
 * 15 cells of every row here was tens of thousands of arrays for the collector to copy.
 */
function dataRows(table: RegisterTable | null): DataRow[] {
  const result: DataRow[] = [];
  const unitIndex = UNIT_COLUMN - 1;
  const rows = table?.rows ?? [];
  for (let index = 0; index < rows.length; index++) {
    const cells = rows[index].cells;
    if (!hasText(cells)) continue;
    result.push({
      id: 0 in cells ? cleanText(cells[0] ?? "") : undefined,
      unit: unitIndex in cells ? cleanText(cells[unitIndex] ?? "") : undefined,
    });
  }
  return result;
}

/** Indexed, no callback: run over every row of every file of a round. */
function hasText(cells: readonly string[]): boolean {
  for (let index = 0; index < cells.length; index++) if (cleanText(cells[index] ?? "") !== "") return true;
  return false;
}

function sameAgency(stamp: CollectionStamp, agency: { name: string; code: string }): boolean {
  if (stamp.agencyCode !== "" && agency.code !== "") return matchKey(stamp.agencyCode) === matchKey(agency.code);
  if (stamp.agencyName !== "" && agency.name !== "") return matchKey(stamp.agencyName) === matchKey(agency.name);
  return true;
}

export function assessRound(inputs: readonly RoundInput[], options: AssessOptions = {}): RoundAssessment {
  const names = new Map<string, string>();
  const order: string[] = [];
  // Units repeat on every row of a file: each distinct text's key is made once (matchKey runs four regexes).
  const keys = new Map<string, string>();
  const keyOf = (text: string) => {
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = matchKey(text)));
    return key;
  };
  const addUnit = (name: string) => {
    const text = cleanText(name ?? "");
    const key = keyOf(text);
    if (key === "" || names.has(key)) return key;
    names.set(key, text);
    order.push(key);
    return key;
  };
  const stamps = inputs.map((input) => (input.stamp?.kind === "stamp" ? input.stamp.stamp : null));
  const firstStamp = stamps.find((stamp) => stamp !== null) ?? null;
  firstStamp?.roundUnits.forEach(addUnit);
  (options.units ?? []).forEach(addUnit);
  for (const cells of options.previousRows ?? []) addUnit(cells[UNIT_COLUMN - 1] ?? "");
  const roundDue = stamps.find((stamp) => stamp && stamp.due)?.due ?? "";

  const inputNotes = new Map<number, string[]>();
  const note = (index: number, text: string) => inputNotes.set(index, [...(inputNotes.get(index) ?? []), text]);
  const flags: RowFlag[] = [];
  /** unit key → matched inputs with the rows each holds for the unit. */
  const matched = new Map<string, { index: number; rows: number; stamped: boolean }[]>();
  const match = (key: string, index: number, rows: number, stamped: boolean) => {
    const list = matched.get(key) ?? [];
    list.push({ index, rows, stamped });
    matched.set(key, list);
  };

  inputs.forEach((input, index) => {
    if (!input.table) return;
    const rows = dataRows(input.table);
    const stamp = stamps[index];
    if (input.stamp?.kind === "damaged") note(index, input.stamp.message);
    if (input.stamp?.kind === "stamp") input.stamp.problems.forEach((problem) => note(index, problem));
    if (stamp) {
      const key = addUnit(stamp.unit);
      match(key, index, rows.length, true);
      if (options.agency && !sameAgency(stamp, options.agency)) {
        const theirs = [stamp.agencyName, stamp.agencyCode && `код ${stamp.agencyCode}`].filter(Boolean).join(", ");
        const ours = [options.agency.name, options.agency.code && `код ${options.agency.code}`].filter(Boolean).join(", ");
        note(index, `файл выдан для реестра другого органа (${theirs}), а сводится реестр ${ours ? `«${ours}»` : "этого органа"}: проверьте, тот ли файл прислан`);
      }
      const ids = new Set(stamp.ids);
      const present = rows.filter((row) => row.id !== "");
      if (ids.size > 0 && present.length > 0 && !present.some((row) => row.id !== undefined && ids.has(row.id))) {
        note(
          index,
          `ни одного из ${ids.size} выданных подразделению «${stamp.unit}» идентификаторов нет в файле — таблица заменена другим реестром? Строки сведены, проверьте их`,
        );
      }
      const foreign = input.table.rows.filter((row) => {
        const unit = cleanText(row.cells[UNIT_COLUMN - 1] ?? "");
        return unit !== "" && keyOf(unit) !== key;
      });
      for (const row of foreign) {
        flags.push({
          inputIndex: index,
          sheetRow: row.sheetRow,
          message: `Строка подразделения «${cleanText(row.cells[UNIT_COLUMN - 1])}» в файле, выданном подразделению «${stamp.unit}»: проверьте графу 7 и владельца процесса.`,
        });
      }
      if (foreign.length > 0) note(index, `строк других подразделений: ${foreign.length} (сведены, отмечены в замечаниях)`);
      return;
    }
    const counts = new Map<string, number>();
    for (const row of rows) {
      const unit = row.unit;
      if (unit === "") continue;
      const key = addUnit(unit as string);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) match(key, index, count, false);
  });

  const superseded = new Map<number, string>();
  const units: UnitReport[] = order.map((key) => {
    const list = matched.get(key) ?? [];
    const unit = names.get(key) ?? key;
    if (list.length === 0) return { unit, status: "missing", files: [], rows: 0, match: null, due: roundDue, notes: [] };
    const stamped = list.filter((entry) => entry.stamped);
    const notes: string[] = [];
    let counted = list;
    if (stamped.length > 1) {
      // The later stamp wins; equal stamps: the file saved later; then the file given later (picked or named later).
      const later = (a: string, b: string) => (parseRuDate(a) && parseRuDate(b) ? compareRuDates(b, a) : 0);
      const winner = stamped.reduce((best, entry) => {
        const byStamp = later(stamps[best.index]?.issued ?? "", stamps[entry.index]?.issued ?? "");
        const bySave = later(inputs[best.index].received ?? "", inputs[entry.index].received ?? "");
        return byStamp < 0 || (byStamp === 0 && bySave < 0) ? best : entry;
      });
      for (const entry of stamped) {
        if (entry === winner) continue;
        superseded.set(entry.index, inputs[winner.index].file);
        note(entry.index, `заменен более поздним файлом подразделения «${unit}»: «${inputs[winner.index].file}»; строки этого файла не сведены`);
      }
      counted = list.filter((entry) => !superseded.has(entry.index));
      notes.push(`принят файл «${inputs[winner.index].file}»`);
    }
    const stampOf = list.map((entry) => stamps[entry.index]).find((stamp) => stamp) ?? null;
    const due = stampOf?.due || roundDue;
    const late = due !== "" && counted.some((entry) => {
      const received = inputs[entry.index].received ?? "";
      return parseRuDate(received) !== null && compareRuDates(received, due) > 0;
    });
    if (late) notes.push(`получен после срока ${due}`);
    return {
      unit,
      status: list.length > 1 ? "duplicate" : late ? "late" : "submitted",
      files: list.map((entry) => inputs[entry.index].file),
      rows: counted.reduce((sum, entry) => sum + entry.rows, 0),
      match: stamped.length > 0 ? "stamp" : "column7",
      due,
      notes,
    };
  });

  return {
    units,
    superseded,
    inputNotes,
    flags,
    missing: new Set(units.filter((unit) => unit.status === "missing").map((unit) => matchKey(unit.unit))),
    due: roundDue,
  };
}

/** Missing units first, then the others in the round's order (the pane and the report show them so). */
export function unitsMissingFirst(units: readonly UnitReport[]): UnitReport[] {
  return [...units.filter((unit) => unit.status === "missing"), ...units.filter((unit) => unit.status !== "missing")];
}

/**
 * The units of a running round that have not sent a file: the round is told by its stamps (the units they list), the
 * files by their stamps or, unstamped, by the units in their column 7.
 */
export function missingUnits(
  round: readonly CollectionStamp[],
  files: readonly { stamp: CollectionStamp | null; rows?: readonly (readonly string[])[] }[],
): string[] {
  const units = round.flatMap((stamp) => [stamp.unit, ...stamp.roundUnits]);
  const inputs: RoundInput[] = files.map((file, index) => ({
    file: String(index),
    table: {
      sheet: "",
      headerRow: 0,
      columnMap: [],
      missingColumns: [],
      extraColumns: [],
      rows: (file.rows ?? []).map((cells, row) => ({ sheetRow: row + 1, cells: [...cells], extra: [] })),
    },
    stamp: file.stamp ? { kind: "stamp", stamp: file.stamp, problems: [] } : { kind: "none" },
  }));
  const roundKeys = new Set(units.map(matchKey));
  return assessRound(inputs, { units })
    .units.filter((unit) => unit.status === "missing" && roundKeys.has(matchKey(unit.unit)))
    .map((unit) => unit.unit);
}
