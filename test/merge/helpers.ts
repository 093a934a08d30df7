/** Builders of register tables and rows for the merge tests. */
import type { RegisterRow, RegisterTable } from "../../src/core/register-types";

export type RowCells = Partial<Record<number, string>>;

/** A complete, valid row of the default catalog; `overrides` replace columns by number. */
export function validCells(id: string, overrides: RowCells = {}): string[] {
  const base: RowCells = {
    1: id,
    2: "Рождение ребенка",
    3: "Выдача архивных справок",
    4: "Федеральный закон № 125-ФЗ",
    5: "Предоставление государственных услуг",
    6: "Информирование о предоставлении государственной услуги",
    7: "Отдел использования документов",
    8: "Идет исследование",
    9: "Внешний",
    10: "Осведомленность клиента",
    11: "Запрос",
    12: "Ответ",
    13: "",
    14: "Цифровой",
    15: "ЕПГУ",
  };
  const merged = { ...base, ...overrides };
  return Array.from({ length: 15 }, (_, index) => merged[index + 1] ?? "");
}

export function row(sheetRow: number, cells: string[], extra: string[] = []): RegisterRow {
  return { sheetRow, cells, extra };
}

export function table(rows: RegisterRow[], options: { sheet?: string; headerRow?: number; extraTitles?: string[]; missing?: number[] } = {}): RegisterTable {
  const extraTitles = options.extraTitles ?? [];
  return {
    sheet: options.sheet ?? "Реестр процессов",
    headerRow: options.headerRow ?? 1,
    columnMap: Array.from({ length: 15 }, (_, index) => (options.missing?.includes(index + 1) ? null : index)),
    missingColumns: options.missing ?? [],
    extraColumns: extraTitles.map((title, index) => ({ sheetColumn: 15 + index, title })),
    rows,
  };
}
