/** Strings of the section «Обращения» (change requests); those «Сроки» shares are in due.ts and request-due.ts. */
import { requestDue, ruDate, workingDays } from "./request-due";

export { ruDate, workingDays };
export { due } from "./due";

export const requests = {
  ...requestDue,
  intro: "Обращения владельцев процессов и начальников подразделений об изменении реестра (п. 3.10). Срок рассмотрения — 10 рабочих дней после дня поступления по производственному календарю.",
  resultHeading: "Результат",
  refresh: "Обновить",
  newTitle: "Новое обращение",
  initiator: "Инициатор",
  initiatorHint: "Подразделение из настроек или сотрудник",
  memoNumber: "Номер служебной записки",
  memoDate: "Дата служебной записки",
  received: "Дата поступления",
  ground: "Основание",
  processIds: "Идентификаторы процессов",
  processIdsHint: "Через «;». Для нового процесса (г) можно не указывать.",
  summary: "Содержание обращения",
  dueOfDraft: (dueDate: string, approximate: boolean) =>
    `Срок рассмотрения: ${ruDate(dueDate)}${approximate ? " — приблизительно: производственный календарь на этот год не загружен" : ""}.`,
  register: "Зарегистрировать",
  registering: "Записываю…",
  registered: (row: number, dueDate: string | null) => `Обращение записано в журнал (строка ${row})${dueDate ? `, срок рассмотрения — ${ruDate(dueDate)}` : ""}.`,
  listTitle: "Открытые обращения",
  listEmpty: "Открытых обращений нет.",
  closedCount: (n: number) => `Решенных обращений в журнале: ${n}.`,
  accept: "Учтено",
  reject: "Отклонить",
  rejectReason: "Причина отклонения",
  rejectConfirm: "Отклонить обращение",
  cancel: "Отмена",
  decided: (row: number, status: string) => `Обращение в строке ${row}: «${status}», дата решения — сегодня.`,
  satisfiedTitle: "Изменения в реестре уже учитывают обращения",
  satisfiedLine: (row: number, ids: string[], ground: string) => `Строка ${row}: процесс ${ids.join("; ")} изменен по основанию «${ground}».`,
  markSatisfied: "Отметить «учтено»",
  foreignColumns: (titles: string[]) =>
    `В журнале есть графы, которых надстройка не знает: ${titles.join(", ")}. Чтобы ничего не потерять, журнал не перезаписывается — внесите изменение на листе вручную.`,
  issuesTitle: (n: number) => `Замечания по журналу: ${n}`,
} as const;

export const documents = {
  title: "Документы цикла",
  intro: "После утверждения реестра: извещение подразделениям (п. 3.11) и ответы инициаторам рассмотренных обращений (п. 3.10); проект приказа с реестром в приложении.",
  prepareNotices: "Подготовить извещения",
  orderDocx: "Проект приказа (.docx)",
  orderSaved: "Проект приказа сохранен как файл .docx.",
  refused: (message: string) => `Документы не подготовлены: ${message}.`,
  copy: "Копировать текст",
  docx: "Скачать .docx",
  copied: (title: string) => `Текст «${title}» скопирован в буфер обмена.`,
  copyFailed: "Не удалось скопировать: выделите текст в поле и нажмите Ctrl+C.",
} as const;
