/** Strings of the «Проверка» section. */
import { pluralRu as plural } from "../../core/text";

const count = (n: number, one: string, few: string, many: string): string => `${n} ${plural(n, one, few, many)}`;

export const validation = {
  title: "Проверка реестра",
  intro:
    "Проверка по правилам приказа: обязательные графы, процессы типового перечня, значения справочников, повторяющиеся идентификаторы, связи между процессами. Ячейки с замечаниями отмечаются на листе; щелчок по замечанию выделяет ячейку.",
  outsideExcel: "Проверка работает в Excel или в песочнице.",
  check: "Проверить реестр",
  checking: "Проверка…",
  clearMarks: "Снять отметки",
  marksCleared: "Отметки проверки сняты; собственное оформление листа не изменено.",

  summaryLabel: "Итог проверки",
  summary: (errors: number, warnings: number, rows: number, sheet: string) =>
    `Ошибок: ${errors}, предупреждений: ${warnings}; проверено ${count(rows, "строка", "строки", "строк")}, лист «${sheet}».`,
  checkedAt: (time: string, automatic: boolean) => (automatic ? `Перепроверено автоматически в ${time}` : `Проверено в ${time}`),
  noIssues: "Замечаний нет: реестр соответствует правилам.",
  marked: (cells: number) => `На листе отмечено ${count(cells, "ячейка", "ячейки", "ячеек")}.`,
  marksNotSet: "Ячейки на листе не отмечены",

  groupLabel: "Группировать",
  groupByRule: "по правилам",
  groupByRow: "по строкам",
  filterLabel: "Показать",
  filterAll: (n: number) => `Все замечания (${n})`,
  filterErrors: (n: number) => `Только ошибки (${n})`,
  filterWarnings: (n: number) => `Только предупреждения (${n})`,
  nothingToShow: "Нет замечаний выбранного вида.",

  listLabel: "Замечания проверки",
  listMore: (n: number) => `Показать еще ${n}`,
  listShown: (shown: number, total: number) => `Показано ${shown} из ${total}`,
  listHint: "Стрелки — переход, Enter — выделить ячейку или свернуть группу, ← → — свернуть и развернуть группу.",
  error: "Ошибка",
  warning: "Предупреждение",
  groupCounts: (errors: number, warnings: number) =>
    [errors ? count(errors, "ошибка", "ошибки", "ошибок") : "", warnings ? count(warnings, "предупреждение", "предупреждения", "предупреждений") : ""]
      .filter(Boolean)
      .join(", "),
  issuePlace: (row: number, address: string | null, column: string) =>
    `Строка ${row}${address ? ` · ${address}` : ""}${column ? ` · ${column}` : ""}`,
  selectFailed: "Не удалось выделить ячейку",

  autoLabel: "Проверять автоматически после изменений",
  autoNeedsCheck: "Сначала проверьте реестр: автоматическая проверка следит за листом реестра.",
  autoUnsupported: "Эта версия Excel не сообщает надстройке об изменениях на листе — проверяйте реестр кнопкой «Проверить реестр».",
  autoOn: (sheet: string) => `Лист «${sheet}» проверяется заново через 1–2 секунды после изменений, в том числе после вставки.`,
  autoStarting: "Включается…",
  autoFailed: "Автоматическая проверка не включена",

  fixesTitle: "Исправления",
  fixesHint: "Каждое исправление меняет только показанные ячейки, одним действием; ячейки, измененные после проверки, не трогаются.",
  fixCells: (n: number) => `Будет ${plural(n, "изменена", "изменены", "изменено")} ${count(n, "ячейка", "ячейки", "ячеек")}.`,
  fixMore: (n: number) => `…и еще ${n}`,
  fixPreviewLabel: (title: string) => `Что изменится: ${title}`,
  emptyValue: "(пусто)",
  apply: "Применить",
  applying: "Применение…",
  applied: (changed: number, skipped: number) =>
    `${plural(changed, "Изменена", "Изменены", "Изменено")} ${count(changed, "ячейка", "ячейки", "ячеек")}.` +
    (skipped ? ` Не ${plural(skipped, "тронута", "тронуты", "тронуто")} ${count(skipped, "ячейка", "ячейки", "ячеек")}: их изменили после проверки.` : "") +
    " Реестр проверяется заново.",
  setAgencyCode: "Задать код органа в настройках",
  unknownTitle: "Процессы не из перечня",
  unknownItem: (text: string, rows: readonly number[], code: string) =>
    `«${text}» (${rows.length === 1 ? "строка" : "строки"} ${rows.slice(0, 5).join(", ")}${rows.length > 5 ? " и др." : ""}): если это процесс органа, добавьте его в список процессов органа с кодом ${code} — код и описание можно поправить в настройках.`,
  unknownAdd: "Добавить в процессы органа",
  unknownAdding: "Добавляю…",
  unknownMore: (n: number) => `И еще процессов: ${n}.`,
  unknownAdded: (code: string) => `Процесс добавлен в список процессов органа с кодом ${code}; выпадающий список графы 6 обновлен.`,
  unknownFailed: "Процесс не добавлен",
  openSettings: "Изменить в настройках",
  confirmTitle: "Применить исправление?",
  confirmText: (title: string, cells: number) =>
    `«${title}» изменит ${count(cells, "ячейку", "ячейки", "ячеек")}. Изменения надстройки Excel может не отменить кнопкой «Отменить»; при сомнении сначала сохраните копию книги.`,
  confirm: "Применить",
  cancel: "Отмена",
  checkFailed: "Проверка не выполнена",
  applyFailed: "Исправление не применено",
  clearFailed: "Отметки не сняты",
} as const;
