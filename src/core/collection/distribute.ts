/**
 * Preparing the collection round (clause 3.11, «сбор сведений от начальников структурных подразделений»): one workbook
 * per unit, each a complete register template (dropdowns, marks, the source workbook's settings) holding that unit's rows
 * of the approved register — the working register while none is approved — with an instruction above the table and the
 * stamp that tells the merge who sent the file back.
 */
import type { RegisterTable, SheetText } from "../register-types";
import type { CellBlock, LayoutValue, WorkbookLayout } from "../layout/types";
import { readApprovedRegister } from "../approval";
import { findRegister } from "../read-register";
import { settingsFromSheets } from "../merge";
import { DEFAULT_SETTINGS, type Settings } from "../settings";
import { cleanText, matchKey } from "../text";
import { COLUMN_COUNT } from "../columns";
import { buildTemplateLayout, DATA_STYLE, DEFAULT_TEMPLATE_DATA_ROWS, templateGeometry } from "../layout/template";
import { columnLetters } from "../layout/cells";
import { buildStampSheet, compareRuDates, describeStampSource, type CollectionStamp, type StampSource } from "./stamp";

/** Column 7 «Ответственный за процесс»: the unit that owns the process (clause 3.7). */
export const UNIT_COLUMN = 7;

/** Rows of a unit file: title (1), note (2), instruction (3–4), header (5), numbering (6), data from 7. */
export const UNIT_FILE_HEADER_ROW = 5;
const INSTRUCTION_ROW = 3;
/** Empty rows with dropdowns below a unit's rows, so it can add processes. */
const SPARE_ROWS = 500;

export interface DistributionSource {
  table: RegisterTable;
  /** Null: the working register (no approved register in the workbook yet). */
  approved: StampSource | null;
  settings: Settings;
}

/** The register to hand out: the approved snapshot when the workbook keeps one, else its working register. */
export function distributionSource(sheets: readonly SheetText[]): DistributionSource | null {
  const settings = settingsFromSheets(sheets) ?? DEFAULT_SETTINGS;
  const approved = readApprovedRegister(sheets);
  if (approved) return { table: approved.table, approved: { orderNumber: approved.orderNumber, orderDate: approved.orderDate }, settings };
  const table = findRegister(sheets);
  return table ? { table, approved: null, settings } : null;
}

/** The units of the round: the settings' list, then units that appear only in column 7, in the order they appear. */
export function roundUnits(settings: Settings, table: RegisterTable | null): string[] {
  const seen = new Set<string>();
  const units: string[] = [];
  const add = (name: string) => {
    const text = cleanText(name ?? "");
    const key = matchKey(text);
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    units.push(text);
  };
  settings.units.forEach(add);
  for (const row of table?.rows ?? []) add(row.cells[UNIT_COLUMN - 1] ?? "");
  return units;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME_CHARS = 100;

/**
 * A file name every file system and the zip accept: characters Windows forbids and control characters become «_»,
 * trailing dots and spaces go, reserved device names get «_» in front, long names are cut. Null when nothing usable
 * is left.
 */
export function safeFileStem(unit: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what the file systems refuse
  let stem = cleanText(unit).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_");
  stem = stem.replace(/[. ]+$/g, "").replace(/^[. ]+/g, "");
  if (stem.length > MAX_NAME_CHARS) stem = stem.slice(0, MAX_NAME_CHARS).replace(/[. ]+$/g, "");
  if (stem.replace(/_/g, "") === "") return null;
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  return stem;
}

export interface UnitFilePlan {
  unit: string;
  /** «Отдел кадров.xlsx»; unique within the round (case ignored, as on Windows). */
  fileName: string;
  /** Said to the user when the name had to be changed for the file system. */
  fileNameNote: string | null;
  rows: number;
  stamp: CollectionStamp;
  layout: WorkbookLayout;
}

export interface DistributionRequest {
  source: DistributionSource;
  /** dd.mm.yyyy */
  issued: string;
  /** dd.mm.yyyy or "". */
  due: string;
  /** Only these units (names as typed; matched ignoring case, ё/е and spaces). Default: every unit of the round. */
  units?: readonly string[];
}

export type DistributionPlan = { ok: true; files: UnitFilePlan[]; units: string[]; sourceText: string } | { ok: false; message: string };

/** The instruction above a unit's table. */
export function unitInstruction(stamp: CollectionStamp): [string, string] {
  const whom = stamp.coordinator ? `ответственному за ведение реестра: ${stamp.coordinator}` : "ответственному за ведение реестра";
  const due = stamp.due ? `до ${stamp.due}` : "в установленный срок";
  return [
    `Файл подразделения «${stamp.unit}». Проверьте каждую строку своих процессов и исправьте устаревшие сведения; добавьте новые ` +
      "процессы в пустые строки ниже (графы со знаком «*» обязательны); удалите строки процессов, которые больше не выполняются. " +
      "Не меняйте идентификаторы существующих процессов; файл можно переименовать — подразделение узнается по скрытому штампу.",
    `Верните файл ${due} ${whom}. Выдан ${stamp.issued}; основа — ${describeStampSource(stamp.source)}.`,
  ];
}

/** Plans the round's files; the due date must not be before the issue date. */
export function planDistribution(request: DistributionRequest): DistributionPlan {
  const { source, issued, due } = request;
  if (due !== "" && compareRuDates(due, issued) < 0) {
    return { ok: false, message: `срок представления ${due} раньше даты выдачи ${issued}: укажите срок не раньше сегодняшнего дня` };
  }
  const all = roundUnits(source.settings, source.table);
  let chosen = all;
  if (request.units && request.units.length > 0) {
    const byKey = new Map(all.map((unit) => [matchKey(unit), unit]));
    chosen = [];
    const seen = new Set<string>();
    for (const name of request.units) {
      const key = matchKey(name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      chosen.push(byKey.get(key) ?? cleanText(name));
    }
  }
  if (chosen.length === 0) {
    return {
      ok: false,
      message: "не найдено ни одного подразделения: их нет ни в настройках (лист «Справочники»), ни в графе 7 реестра",
    };
  }
  const roundList = request.units && request.units.length > 0 ? chosen : all;
  const usedNames = new Set<string>();
  const files: UnitFilePlan[] = [];
  for (const unit of chosen) {
    let stem = safeFileStem(unit);
    let note: string | null = null;
    if (stem === null) {
      stem = `Подразделение ${files.length + 1}`;
      note = `название подразделения «${unit}» не годится для имени файла: файл назван «${stem}.xlsx»`;
    } else if (stem !== cleanText(unit)) {
      note = `в названии подразделения «${unit}» есть знаки, недопустимые в имени файла: файл назван «${stem}.xlsx»`;
    }
    let fileName = `${stem}.xlsx`;
    for (let n = 2; usedNames.has(fileName.toLocaleLowerCase()); n++) fileName = `${stem} (${n}).xlsx`;
    usedNames.add(fileName.toLocaleLowerCase());

    const key = matchKey(unit);
    const rows = source.table.rows
      .map((row) => Array.from({ length: COLUMN_COUNT }, (_, i) => cleanText(row.cells[i] ?? "")))
      .filter((cells) => cells.some((cell) => cell !== "") && matchKey(cells[UNIT_COLUMN - 1]) === key);
    const stamp: CollectionStamp = {
      unit,
      agencyName: source.settings.agencyName,
      agencyCode: source.settings.agencyCode,
      source: source.approved,
      issued,
      due,
      coordinator: source.settings.coordinator,
      roundUnits: roundList,
      ids: rows.map((cells) => cells[0]).filter((id) => id !== ""),
    };
    files.push({ unit, fileName, fileNameNote: note, rows: rows.length, stamp, layout: unitFileLayout(source.settings, rows, stamp) });
  }
  return { ok: true, files, units: chosen, sourceText: describeStampSource(source.approved) };
}

/** A complete register template with the unit's rows, the instruction above the table and the stamp sheet. */
export function unitFileLayout(settings: Settings, rows: readonly string[][], stamp: CollectionStamp): WorkbookLayout {
  const dataRows = Math.max(DEFAULT_TEMPLATE_DATA_ROWS, rows.length + SPARE_ROWS);
  const geometry = templateGeometry({ headerRow: UNIT_FILE_HEADER_ROW, dataRows });
  const dataBlocks: CellBlock[] = rows.length
    ? [
        {
          row: geometry.firstDataRow,
          col: 1,
          values: rows.map((cells) => cells.map((cell): LayoutValue => (cell === "" ? null : cell))),
          style: { ...DATA_STYLE, numberFormat: "@" },
        },
      ]
    : [];
  // The coordinator's own parameters (calendar, document templates) stay with the coordinator.
  const { otherPairs: _coordinatorOnly, ...unitSettings } = settings;
  const layout = buildTemplateLayout(unitSettings, {
    title: true,
    headerRow: UNIT_FILE_HEADER_ROW,
    dataRows,
    dataBlocks,
    emptyRowsFrom: geometry.firstDataRow + rows.length,
  });
  const register = layout.sheets[0];
  const last = columnLetters(COLUMN_COUNT);
  const [what, when] = unitInstruction(stamp);
  register.blocks.push(
    { row: INSTRUCTION_ROW, col: 1, values: [[what]], style: { wrap: true, fill: "#FFF2CC", vertical: "top" } },
    { row: INSTRUCTION_ROW + 1, col: 1, values: [[when]], style: { wrap: true, bold: true, fill: "#FFF2CC", vertical: "top" } },
  );
  register.merges = [...(register.merges ?? []), `A${INSTRUCTION_ROW}:${last}${INSTRUCTION_ROW}`, `A${INSTRUCTION_ROW + 1}:${last}${INSTRUCTION_ROW + 1}`];
  register.rows = [...(register.rows ?? []), { index: INSTRUCTION_ROW, height: 45 }, { index: INSTRUCTION_ROW + 1, height: 30 }];
  layout.sheets.push(buildStampSheet(stamp));
  return layout;
}
