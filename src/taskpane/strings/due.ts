/** Strings of the first screen «Сроки» (what is due). */
import { ruDate } from "./request-due";

export const due = {
  intro: "Что предстоит сделать по реестру: актуализация, обращения, сбор сведений. Нажмите строку, чтобы перейти в раздел.",
  loading: "Читаю книгу…",
  refresh: "Обновить",
  actualizationTitle: "Актуализация реестра",
  actualizationNone: "Дата утверждения реестра не указана — задайте «Дата приказа» в настройках.",
  actualizationUnchanged: (since: string, dueDate: string) => `Изменений нет с ${ruDate(since)}: актуализировать нечего (п. 3.11 «при наличии изменений»). Плановый срок — ${ruDate(dueDate)}.`,
  actualizationDue: (dueDate: string, since: string, changed: boolean | null) =>
    `Не позднее ${ruDate(dueDate)} — шесть месяцев после ${ruDate(since)}.${changed ? " В реестре есть изменения." : ""}`,
  actualizationOverdue: (dueDate: string) => `Срок актуализации прошел ${ruDate(dueDate)}, а в реестре есть изменения.`,
  requestsTitle: "Обращения об изменении реестра",
  requestsNone: "Журнала обращений в книге еще нет.",
  requestsCounts: (open: number, overdue: number) => `Открытых: ${open}${overdue ? `, просрочено: ${overdue}` : ""}.`,
  collectionTitle: "Сбор сведений",
  collectionPending: (units: string[], due: string | null) =>
    `Не прислали файлы${due ? ` (срок ${due.split("-").reverse().join(".")})` : ""}: ${units.join("; ")}.`,
  collectionDone: "Все подразделения прислали файлы.",
  goToAppendix: "Открыть «Приложение к приказу»",
  goToRequests: "Открыть «Обращения»",
  goToMerge: "Открыть «Сведение файлов»",
  readFailed: (message: string) => `Не удалось прочитать книгу: ${message}`,
  calendarProblem: (message: string) => `Настройки календаря: ${message}`,
} as const;
