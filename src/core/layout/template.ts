/**
 * The register template: the sheet «Реестр процессов» in the form of Приложение 1 with dropdowns that refer to
 * the named lists of the reference sheet, marks for empty mandatory cells, and the reference sheet itself.
 * Pure data; `adapters/office/render-layout.ts` and `adapters/xlsx/exceljs-writer.ts` apply it.
 */
import { buildCatalog } from "../catalog";
import { COLUMN_COUNT, REGISTER_COLUMNS, columnByKey, columnTitleWithMark } from "../columns";
import type { Settings } from "../settings";
import { GENERIC_AGENCY_GENITIVE } from "../typical-list";
import { columnLetters } from "./cells";
import { LIST_NAMES, buildReferenceSheet } from "./reference-sheet";
import type { CellBlock, ColumnSpec, ConditionalFormatSpec, LayoutValue, ListValidation, WorkbookLayout } from "./types";

import { REGISTER_SHEET_NAME } from "../sheet-names";

export { REGISTER_SHEET_NAME };

/** Rows prepared with dropdowns and marks below the numbering row. */
export const DEFAULT_TEMPLATE_DATA_ROWS = 2000;

/** A fresh template: title in row 1, a note in row 2, the header in row 3, numbering in row 4, data from row 5. */
export const TEMPLATE_HEADER_ROW = 3;

const LAST_REGISTER_LETTER = columnLetters(COLUMN_COUNT);

export const HEADER_STYLE = {
  bold: true,
  wrap: true,
  horizontal: "center" as const,
  vertical: "center" as const,
  border: true,
  fill: "#DDEBF7",
};
const NUMBERING_STYLE = { border: true, horizontal: "center" as const, fontSize: 9, fill: "#F2F2F2" };
export const DATA_STYLE = { border: true, wrap: true, vertical: "top" as const };

/** Marks for an empty mandatory cell in a row that has data (Excel's "bad" red). */
export const MISSING_FILL = "#FFC7CE";
export const MISSING_FONT = "#9C0006";

export interface TemplateLayoutOptions {
  /** Rows below the numbering row that get dropdowns and marks. */
  dataRows?: number;
  sheetName?: string;
  /** 1-based row of the column titles; the numbering row follows it. */
  headerRow?: number;
  /** Write the title and the note above the header (a fresh template; an upgrade keeps the user's rows above). */
  title?: boolean;
  /** Titles of the user's extra columns, kept right of column 15. */
  extraColumns?: string[];
  /** Texts of the numbering row under the extra columns (an upgrade keeps what was there). */
  extraNumbering?: string[];
  /** User data an upgrade moves into place; written in the same request as the rest. */
  dataBlocks?: CellBlock[];
  /** First row from which empty bordered rows may be written (below any user data); default: the first data row. */
  emptyRowsFrom?: number;
}

export interface TemplateGeometry {
  sheetName: string;
  headerRow: number;
  numberingRow: number;
  firstDataRow: number;
  lastDataRow: number;
}

export function templateGeometry(options: TemplateLayoutOptions = {}): TemplateGeometry {
  const headerRow = options.headerRow ?? TEMPLATE_HEADER_ROW;
  const dataRows = Math.max(1, options.dataRows ?? DEFAULT_TEMPLATE_DATA_ROWS);
  return {
    sheetName: options.sheetName ?? REGISTER_SHEET_NAME,
    headerRow,
    numberingRow: headerRow + 1,
    firstDataRow: headerRow + 2,
    lastDataRow: headerRow + 1 + dataRows,
  };
}

function letterOf(key: Parameters<typeof columnByKey>[0]): string {
  return columnLetters(columnByKey(key).number);
}

/**
 * The process dropdown: all processes while column 5 is empty, otherwise only the chosen direction's (the typical list is
 * sorted by direction, so they are one contiguous run of `Процессы`).
 */
export function processListSource(firstDataRow: number): string {
  const direction = `$${letterOf("group")}${firstDataRow}`;
  const { processes, processDirections } = LIST_NAMES;
  return `=IF(${direction}="",${processes},OFFSET(${processes},MATCH(${direction},${processDirections},0)-1,0,COUNTIF(${processDirections},${direction}),1))`;
}

/**
 * Clients are people (order 2.5б; the other region's п. 3в): the internal one works for the agency or another executive
 * body of the region, the external one is a citizen or an organisation dealing with the agency.
 */
export const CLIENT_PROMPT =
  "Внешний — гражданин или организация, обращающиеся в орган. Внутренний — сотрудник органа или иного исполнительного органа власти региона (госслужащий, работник).";

function columnRange(key: Parameters<typeof columnByKey>[0], geometry: TemplateGeometry): string {
  const letter = letterOf(key);
  return `${letter}${geometry.firstDataRow}:${letter}${geometry.lastDataRow}`;
}

export function templateValidations(geometry: TemplateGeometry): ListValidation[] {
  const range = (key: Parameters<typeof columnByKey>[0]) => columnRange(key, geometry);
  return [
    {
      range: range("group"),
      source: `=${LIST_NAMES.directions}`,
      errorStyle: "stop",
      promptTitle: "Группа процессов",
      promptMessage: "Выберите направление деятельности из типового перечня. От него зависит список процессов в графе 6.",
      errorTitle: "Нет в списке",
      errorMessage: "Выберите направление деятельности из списка.",
    },
    {
      range: range("process"),
      source: processListSource(geometry.firstDataRow),
      errorStyle: "stop",
      promptTitle: "Наименование процесса",
      promptMessage:
        "Выберите процесс из типового перечня. Если в графе 5 выбрано направление, в списке только его процессы; графа пуста — все 38.",
      errorTitle: "Нет в типовом перечне",
      errorMessage: "Выберите процесс из списка (типовой перечень, приложение 2 к приказу).",
    },
    {
      range: range("owner"),
      source: `=${LIST_NAMES.units}`,
      errorStyle: "warning",
      promptTitle: "Ответственный за процесс",
      promptMessage: "Выберите структурное подразделение или впишите свое (список — в настройках надстройки).",
      errorTitle: "Подразделения нет в списке",
      errorMessage: "Такого подразделения нет в настройках. Оставить значение?",
    },
    {
      range: range("status"),
      source: `=${LIST_NAMES.statuses}`,
      errorStyle: "stop",
      promptTitle: "Статус процесса",
      promptMessage: "Выберите статус реинжиниринга из списка.",
      errorTitle: "Нет в списке",
      errorMessage: "Статус процесса выбирается только из списка.",
    },
    {
      range: range("client"),
      source: `=${LIST_NAMES.clients}`,
      errorStyle: "warning",
      promptTitle: "Клиент",
      promptMessage: CLIENT_PROMPT,
      errorTitle: "Нет в списке",
      errorMessage: "Такого значения нет в списке. Оставить его?",
    },
    {
      range: range("kind"),
      source: `=${LIST_NAMES.kinds}`,
      errorStyle: "warning",
      promptTitle: "Вид процесса",
      promptMessage: "Цифровой или не цифровой.",
      errorTitle: "Нет в списке",
      errorMessage: "Такого значения нет в списке. Оставить его?",
    },
    {
      range: range("placement"),
      source: `=${LIST_NAMES.placements}`,
      errorStyle: "warning",
      promptTitle: "Точка размещения",
      promptMessage: "Выберите из списка. Несколько точек впишите через запятую или точку с запятой, например: ЕПГУ; РПГУ.",
      errorTitle: "Несколько значений?",
      errorMessage: "Значения нет в списке. Несколько точек размещения перечисляйте через «;». Оставить?",
    },
  ];
}

/** One rule per mandatory column: the cell is empty while its row (columns 1–15) has anything. */
export function templateConditionalFormats(geometry: TemplateGeometry): ConditionalFormatSpec[] {
  const row = geometry.firstDataRow;
  return REGISTER_COLUMNS.filter((column) => column.mandatory).map((column) => {
    const letter = columnLetters(column.number);
    return {
      range: `${letter}${row}:${letter}${geometry.lastDataRow}`,
      formula: `=AND(COUNTA($A${row}:$${LAST_REGISTER_LETTER}${row})>0,$${letter}${row}="")`,
      fill: MISSING_FILL,
      fontColor: MISSING_FONT,
    };
  });
}

export function templateTitle(settings: Settings): string {
  const agency = settings.agencyGenitive.trim() || GENERIC_AGENCY_GENITIVE;
  return `Реестр межведомственных и внутриведомственных процессов ${agency}`;
}

export const TEMPLATE_NOTE =
  "Графы со знаком «*» обязательны (п. 3.5 порядка). Графы 5–9, 14, 15 заполняются из выпадающих списков; процесс в графе 6 — из типового перечня выбранного направления.";

/** The template: the register sheet and the very hidden reference sheet with its names. */
export function buildTemplateLayout(settings: Settings, options: TemplateLayoutOptions = {}): WorkbookLayout {
  const geometry = templateGeometry(options);
  const catalog = buildCatalog(settings);
  const reference = buildReferenceSheet(settings, catalog);
  const extras = options.extraColumns ?? [];

  const columns: ColumnSpec[] = REGISTER_COLUMNS.map((column) => ({ index: column.number, width: column.width, numberFormat: "@" }));
  extras.forEach((_, i) => columns.push({ index: COLUMN_COUNT + 1 + i, width: 20 }));

  const blocks: CellBlock[] = [];
  const merges: string[] = [];
  if (options.title && geometry.headerRow >= 3) {
    blocks.push({ row: 1, col: 1, values: [[templateTitle(settings)]], style: { bold: true, fontSize: 14, horizontal: "center", wrap: true } });
    blocks.push({ row: 2, col: 1, values: [[TEMPLATE_NOTE]], style: { italic: true, fontSize: 9, wrap: true, fontColor: "#595959" } });
    merges.push(`A1:${LAST_REGISTER_LETTER}1`, `A2:${LAST_REGISTER_LETTER}2`);
  }
  const header: LayoutValue[] = [...REGISTER_COLUMNS.map(columnTitleWithMark), ...extras];
  blocks.push({ row: geometry.headerRow, col: 1, values: [header], style: HEADER_STYLE });
  const numbering: LayoutValue[] = [
    ...REGISTER_COLUMNS.map((column) => column.number),
    ...extras.map((_, i) => options.extraNumbering?.[i] ?? ""),
  ];
  blocks.push({ row: geometry.numberingRow, col: 1, values: [numbering], style: NUMBERING_STYLE });
  blocks.push(...(options.dataBlocks ?? []));
  const emptyFrom = Math.max(geometry.firstDataRow, options.emptyRowsFrom ?? geometry.firstDataRow);
  if (emptyFrom <= geometry.lastDataRow) {
    const emptyRow = (): LayoutValue[] => new Array(COLUMN_COUNT).fill(null);
    blocks.push({
      row: emptyFrom,
      col: 1,
      values: Array.from({ length: geometry.lastDataRow - emptyFrom + 1 }, emptyRow),
      style: { ...DATA_STYLE, numberFormat: "@" },
    });
  }

  return {
    activeSheet: geometry.sheetName,
    sheets: [
      {
        name: geometry.sheetName,
        tabColor: "#1F4E79",
        columns,
        rows: [{ index: geometry.headerRow, height: 75 }],
        blocks,
        merges,
        validations: templateValidations(geometry),
        conditionalFormats: templateConditionalFormats(geometry),
        freeze: { rows: geometry.numberingRow },
        print: {
          orientation: "landscape",
          paper: "A3",
          fitToWidth: true,
          titleRows: { first: geometry.headerRow, last: geometry.numberingRow },
          footerCenter: "Страница &P из &N",
        },
      },
      reference.sheet,
    ],
    names: reference.names,
  };
}

