/**
 * A realistic workbook layout for renderer tests: a register sheet with header, numbering row, freeze, print
 * settings, merges, dropdowns and conditional formats; a very hidden reference sheet with named lists.
 * Independent of the template builder so renderer tests don't move when the template changes.
 */
import type { LayoutValue, WorkbookLayout } from "../../src/core/layout/types";

export const REGISTER_SHEET = "Реестр процессов";
export const REFERENCE_SHEET = "Справочники";
export const NOTES_SHEET = "Заметки";

export const DIRECTIONS = ["Предоставление государственных услуг", "Контрольно-надзорная деятельность", "Обеспечивающие процессы"];

/** 38 processes spread over the three directions, sorted by direction as the OFFSET/MATCH source needs. */
export const PROCESSES: { direction: string; name: string }[] = Array.from({ length: 38 }, (_, i) => ({
  direction: DIRECTIONS[i < 15 ? 0 : i < 27 ? 1 : 2],
  name: `Процесс № ${String(i + 1).padStart(2, "0")} — ${i % 3 === 0 ? "межведомственный" : "внутриведомственный"} обмен сведениями`,
}));
export const PROCESS_COUNT_BY_DIRECTION = DIRECTIONS.map((d) => PROCESSES.filter((p) => p.direction === d).length);

export const STATUSES = ["Действует", "Реинжиниринг", "Прекращён"];

const titles = Array.from({ length: 15 }, (_, i) => `Колонка ${i + 1}${[1, 2, 5, 6, 8].includes(i + 1) ? " *" : ""}`);

export const TRICKY_TEXTS = ["=1+1", "1.10", "017.04.001", "01.02.2024", "+7 (495) 000-00-00", "1e5"];

export function buildFixtureLayout(dataRows = 3): WorkbookLayout {
  const dataValues: LayoutValue[][] = [];
  for (let r = 0; r < dataRows; r++) {
    const row: LayoutValue[] = Array.from({ length: 15 }, (_, c) => `Строка ${r + 1}, колонка ${c + 1}`);
    row[0] = TRICKY_TEXTS[r % TRICKY_TEXTS.length];
    row[1] = TRICKY_TEXTS[(r + 1) % TRICKY_TEXTS.length];
    row[2] = TRICKY_TEXTS[(r + 2) % TRICKY_TEXTS.length];
    row[4] = DIRECTIONS[r % 3];
    row[7] = STATUSES[r % 3];
    row[9] = r + 1.5;
    row[10] = null;
    dataValues.push(row);
  }
  const lastDataRow = 7 + 5000 - 1;
  const referenceRows: LayoutValue[][] = PROCESSES.map((p) => [p.direction, p.name]);
  return {
    activeSheet: REGISTER_SHEET,
    sheets: [
      {
        name: REGISTER_SHEET,
        tabColor: "#1F4E79",
        columns: Array.from({ length: 15 }, (_, i) => ({ index: i + 1, width: i === 5 ? 40 : 18, numberFormat: i === 9 ? undefined : "@" })),
        rows: [{ index: 2, height: 30 }],
        blocks: [
          { row: 1, col: 13, values: [["Приложение № 1"], ["к приказу Министерства"], ["от 15.01.2024 № 7"]], style: { fontName: "Times New Roman" } },
          { row: 2, col: 1, values: [["Реестр межведомственных и внутриведомственных процессов Министерства"]], style: { bold: true, fontSize: 14, horizontal: "center", wrap: true } },
          { row: 5, col: 1, values: [titles], style: { bold: true, wrap: true, border: true, horizontal: "center", vertical: "center", fill: "#DDEBF7" } },
          { row: 6, col: 1, values: [Array.from({ length: 15 }, (_, i) => i + 1)], style: { border: true, horizontal: "center", numberFormat: "0" } },
          { row: 7, col: 1, values: dataValues, style: { border: true, wrap: true, vertical: "top" } },
          { row: 7 + dataRows, col: 1, values: [[{ formula: "=COUNTA(A7:A" + (6 + dataRows) + ")" }, { formula: "ROWS(Процессы)" }]] },
        ],
        merges: ["A2:L2"],
        validations: [
          { range: `E7:E${lastDataRow}`, source: "=Направления", errorStyle: "stop", errorTitle: "Направление", errorMessage: "Выберите направление из списка.", promptTitle: "Направление", promptMessage: "Выберите направление деятельности." },
          {
            range: `F7:F${lastDataRow}`,
            source: "=IF($E7=\"\",Процессы,OFFSET(INDEX(Процессы,1),MATCH($E7,ПроцессыНаправления,0)-1,0,COUNTIF(ПроцессыНаправления,$E7),1))",
            errorStyle: "warning",
            errorTitle: "Процесс",
            errorMessage: "Процесса нет в типовом перечне.",
            promptTitle: "Процесс",
            promptMessage: "Выберите процесс из типового перечня (только процессы выбранного направления).",
          },
          { range: `H7:H${lastDataRow}`, source: "=Статусы", errorStyle: "information" },
        ],
        conditionalFormats: [
          { range: `A7:A${lastDataRow}`, formula: "=AND(COUNTA($A7:$O7)>0,$A7=\"\")", fill: "#FFC7CE", fontColor: "#9C0006" },
          { range: `E7:F${lastDataRow}`, formula: "=AND(COUNTA($A7:$O7)>0,E7=\"\")", fill: "#FFC7CE" },
        ],
        freeze: { rows: 6 },
        print: {
          orientation: "landscape",
          paper: "A3",
          fitToWidth: true,
          titleRows: { first: 5, last: 6 },
          footerCenter: "Страница &P из &N",
          margins: { top: 0.75, bottom: 0.75, left: 0.4, right: 0.4, header: 0.3, footer: 0.3 },
          printArea: `A1:O${6 + dataRows}`,
        },
        autoFitRows: true,
      },
      {
        name: REFERENCE_SHEET,
        visibility: "veryHidden",
        columns: [{ index: 1, width: 40 }, { index: 2, width: 80 }, { index: 4, width: 20 }],
        blocks: [
          { row: 1, col: 1, values: [["Направление", "Процесс"]], style: { bold: true } },
          { row: 2, col: 1, values: referenceRows },
          { row: 1, col: 4, values: [["Статус"], ...STATUSES.map((s) => [s])], style: { bold: false } },
          { row: 1, col: 6, values: [["Направление"], ...DIRECTIONS.map((d) => [d])] },
        ],
      },
      {
        name: NOTES_SHEET,
        visibility: "hidden",
        blocks: [{ row: 1, col: 1, values: [["Служебный лист"], ["1.10"]] }],
      },
    ],
    names: [
      { name: "Процессы", ref: `'${REFERENCE_SHEET}'!$B$2:$B$${1 + PROCESSES.length}` },
      { name: "ПроцессыНаправления", ref: `'${REFERENCE_SHEET}'!$A$2:$A$${1 + PROCESSES.length}` },
      { name: "Статусы", ref: `'${REFERENCE_SHEET}'!$D$2:$D$${1 + STATUSES.length}` },
      { name: "Направления", ref: `'${REFERENCE_SHEET}'!$F$2:$F$${1 + DIRECTIONS.length}` },
    ],
  };
}
