/**
 * The stamp of a unit's collection file: which unit it was issued to, from which register (approved order or draft), when,
 * by when it is due, the round's units and the IDs handed out. It lives on a very hidden sheet whose name starts with "_"
 * (the register finder skips such sheets): LibreOffice keeps the sheet and its cells on a round trip (it saves it as
 * merely hidden), Excel and Р7-Офис keep it as it is, and every reader we have (files and Office.js) already reads sheets.
 * docs/cycle.md says why this carrier and not a defined name or custom document properties.
 */
import type { SheetText } from "../register-types";
import type { CellBlock, LayoutValue, SheetLayout } from "../layout/types";
import { parseRuDate } from "../approval";
import { cleanText, matchKey } from "../text";
import { compareRuDates } from "./ru-dates";

export { compareRuDates };

export const STAMP_SHEET_NAME = "_Штамп сбора";

const MARKER = "Штамп файла подразделения (сбор сведений для реестра процессов)";
const IDS_HEADER = "Выданные идентификаторы";
const LIST_SEPARATOR = "; ";

export interface StampSource {
  /** Empty for a draft register («проект»). */
  orderNumber: string;
  /** dd.mm.yyyy; empty for a draft. */
  orderDate: string;
}

export interface CollectionStamp {
  unit: string;
  agencyName: string;
  agencyCode: string;
  /** The approved register the rows came from, or null when it was the working draft. */
  source: StampSource | null;
  /** dd.mm.yyyy */
  issued: string;
  /** dd.mm.yyyy, or "" when no due date was set. */
  due: string;
  /** Whom to send the file to (the settings' coordinator). */
  coordinator: string;
  /** Every unit of the round, so one returned file tells who else was asked. */
  roundUnits: string[];
  /** IDs of the rows handed out to this unit. */
  ids: string[];
}

const LABELS = {
  unit: "Подразделение",
  agencyName: "Наименование органа",
  agencyCode: "Код органа",
  source: "Реестр-источник",
  orderNumber: "Номер приказа",
  orderDate: "Дата приказа",
  issued: "Дата выдачи",
  due: "Срок представления",
  coordinator: "Кому направить",
  roundUnits: "Подразделения сбора",
  idCount: "Выдано идентификаторов",
} as const;

/** «приказ от 15.01.2024 № 7» or «проект реестра». */
export function describeStampSource(source: StampSource | null): string {
  return source ? `утвержденный реестр, приказ от ${source.orderDate} № ${source.orderNumber}` : "проект реестра (утвержденного еще нет)";
}

/** The very hidden stamp sheet. Every value is text. */
export function buildStampSheet(stamp: CollectionStamp): SheetLayout {
  const pairs: LayoutValue[][] = [
    [MARKER, null],
    [LABELS.unit, stamp.unit],
    [LABELS.agencyName, stamp.agencyName],
    [LABELS.agencyCode, stamp.agencyCode],
    [LABELS.source, describeStampSource(stamp.source)],
    [LABELS.orderNumber, stamp.source?.orderNumber ?? ""],
    [LABELS.orderDate, stamp.source?.orderDate ?? ""],
    [LABELS.issued, stamp.issued],
    [LABELS.due, stamp.due],
    [LABELS.coordinator, stamp.coordinator],
    [LABELS.roundUnits, stamp.roundUnits.join(LIST_SEPARATOR)],
    [LABELS.idCount, String(stamp.ids.length)],
  ];
  const blocks: CellBlock[] = [
    { row: 1, col: 1, values: pairs.map((pair) => pair.map((value) => (value === "" ? null : value))), style: { numberFormat: "@" } },
    { row: pairs.length + 2, col: 1, values: [[IDS_HEADER]], style: { bold: true } },
  ];
  if (stamp.ids.length > 0) {
    blocks.push({ row: pairs.length + 3, col: 1, values: stamp.ids.map((id) => [id]), style: { numberFormat: "@" } });
  }
  return {
    name: STAMP_SHEET_NAME,
    visibility: "veryHidden",
    columns: [
      { index: 1, width: 30, numberFormat: "@" },
      { index: 2, width: 60, numberFormat: "@" },
    ],
    blocks,
  };
}

export type StampReading =
  | { kind: "none" }
  | { kind: "stamp"; stamp: CollectionStamp; problems: string[] }
  /** The sheet is there but its marker or unit is gone: the file was tampered with. */
  | { kind: "damaged"; message: string };

/** The stamp of a workbook read as text; "none" for a file that never was a collection file. */
export function readCollectionStamp(sheets: readonly SheetText[]): StampReading {
  const sheet = sheets.find((candidate) => matchKey(candidate?.name ?? "") === matchKey(STAMP_SHEET_NAME));
  if (!sheet) return { kind: "none" };
  const rows = sheet.rows ?? [];
  if (matchKey(rows[0]?.[0] ?? "") !== matchKey(MARKER)) {
    return { kind: "damaged", message: `лист «${STAMP_SHEET_NAME}» поврежден: штамп не прочитан, подразделение определено по графе 7` };
  }
  const values = new Map<string, string>();
  let idsFrom = -1;
  for (let r = 1; r < rows.length; r++) {
    const key = matchKey(rows[r]?.[0] ?? "");
    if (key === matchKey(IDS_HEADER)) {
      idsFrom = r + 1;
      break;
    }
    if (key !== "" && !values.has(key)) values.set(key, cleanText(rows[r]?.[1] ?? ""));
  }
  const get = (label: string) => values.get(matchKey(label)) ?? "";
  const unit = get(LABELS.unit);
  if (unit === "") {
    return { kind: "damaged", message: `в штампе (лист «${STAMP_SHEET_NAME}») не указано подразделение: подразделение определено по графе 7` };
  }
  const ids: string[] = [];
  if (idsFrom > 0) {
    for (let r = idsFrom; r < rows.length; r++) {
      const id = cleanText(rows[r]?.[0] ?? "");
      if (id !== "") ids.push(id);
    }
  }
  const problems: string[] = [];
  let issued = get(LABELS.issued);
  let due = get(LABELS.due);
  if (issued !== "" && !parseRuDate(issued)) {
    problems.push(`дата выдачи в штампе «${issued}» не является датой`);
    issued = "";
  }
  if (due !== "" && !parseRuDate(due)) {
    problems.push(`срок представления в штампе «${due}» не является датой`);
    due = "";
  }
  if (issued !== "" && due !== "" && compareRuDates(due, issued) < 0) {
    problems.push(`срок представления в штампе (${due}) раньше даты выдачи (${issued}): срок не учитывается`);
    due = "";
  }
  const orderNumber = get(LABELS.orderNumber);
  const orderDate = get(LABELS.orderDate);
  return {
    kind: "stamp",
    problems,
    stamp: {
      unit,
      agencyName: get(LABELS.agencyName),
      agencyCode: get(LABELS.agencyCode),
      source: orderNumber !== "" || orderDate !== "" ? { orderNumber, orderDate } : null,
      issued,
      due,
      coordinator: get(LABELS.coordinator),
      roundUnits: get(LABELS.roundUnits)
        .split(/[;\n]/)
        .map(cleanText)
        .filter((name) => name !== ""),
      ids,
    },
  };
}
