/** Shared LibreOffice checks of a template workbook (the CLI's file and the simulator's saved workbook). */
import { REGISTER_COLUMNS } from "../../src/core/columns";
import { DEFAULT_DIRECTIONS } from "../../src/core/typical-list";
import { columnLetters } from "../../src/core/layout/cells";
import { LIST_NAMES, REFERENCE_SHEET_NAME } from "../../src/core/layout/reference-sheet";
import { processListSource, templateGeometry, type TemplateLayoutOptions } from "../../src/core/layout/template";
import { inspectWithLibreOffice, type Inspection } from "../support/libreoffice";

export const DROPDOWN_COLUMNS: Record<number, { name: string; errorStyle: string }> = {
  5: { name: LIST_NAMES.directions, errorStyle: "stop" },
  7: { name: LIST_NAMES.units, errorStyle: "warning" },
  8: { name: LIST_NAMES.statuses, errorStyle: "stop" },
  9: { name: LIST_NAMES.clients, errorStyle: "warning" },
  14: { name: LIST_NAMES.kinds, errorStyle: "warning" },
  15: { name: LIST_NAMES.placements, errorStyle: "warning" },
};

/** `=ROWS(<the process dropdown's own formula>)`, evaluated in a scratch cell of the probed row. */
function processCountFormula(row: number): string {
  return `=ROWS(${processListSource(row).slice(1)})`;
}

export interface TemplateFacts {
  inspection: Inspection;
  /** Processes the dropdown in column 6 offers with column 5 empty. */
  allProcesses: number;
  /** …with column 5 = direction 1 / direction 4. */
  direction1Processes: number;
  direction4Processes: number;
}

/**
 * Opens `path` in LibreOffice: probes the validations and conditional marks of the first data row, and evaluates the
 * process dropdown's formula with column 5 empty and with directions chosen (in two rows, so one inspection serves all).
 */
export async function inspectTemplate(path: string, options: TemplateLayoutOptions = {}): Promise<TemplateFacts> {
  const g = templateGeometry(options);
  const row = g.firstDataRow;
  const probes = REGISTER_COLUMNS.map((c) => `${columnLetters(c.number)}${row}`);
  const scratch = "AZ";
  const inspection = await inspectWithLibreOffice(path, {
    cells: { [g.sheetName]: `A1:${columnLetters(20)}${g.firstDataRow + 2}`, [REFERENCE_SHEET_NAME]: "A1:O45" },
    probeCells: { [g.sheetName]: probes },
    set: [
      { sheet: g.sheetName, cell: `E${row + 1}`, value: DEFAULT_DIRECTIONS[0].name },
      { sheet: g.sheetName, cell: `E${row + 2}`, value: DEFAULT_DIRECTIONS[3].name },
    ],
    evaluate: [
      { sheet: g.sheetName, cell: `${scratch}${row}`, formula: processCountFormula(row) },
      { sheet: g.sheetName, cell: `${scratch}${row + 1}`, formula: processCountFormula(row + 1) },
      { sheet: g.sheetName, cell: `${scratch}${row + 2}`, formula: processCountFormula(row + 2) },
    ],
  });
  const [all, first, fourth] = inspection.evaluations;
  for (const evaluation of inspection.evaluations) {
    if (evaluation.error) throw new Error(`LibreOffice: ${evaluation.formula} → ошибка ${evaluation.error}`);
  }
  return { inspection, allProcesses: all.value, direction1Processes: first.value, direction4Processes: fourth.value };
}
