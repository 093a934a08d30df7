/** Request logs as people type them, for the request tests. */
import type { SheetText } from "../../src/core/register-types";

/** A log typed by hand: a title row, titles in another case with ё and extra spaces, dates as text, no reason column. */
export function handTypedLog(rows: string[][]): SheetText {
  return {
    name: "журнал  обращений",
    rows: [
      ["Журнал обращений за 2025 год"],
      [],
      ["№ П/П", "ИНИЦИАТОР", "Номер  служебной записки", "Дата служебной записки", "дата поступления", "Основание", "Идентификаторы процессов", "Содержание обращения", "Срок рассмотрения", "Статус", "Дата решения", "Дата информирования инициатора"],
      ...rows,
    ],
  };
}
