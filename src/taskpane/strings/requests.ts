/** Strings of the sections «Сроки» (what is due) and «Обращения» (change requests). */
const plural = (n: number, one: string, few: string, many: string) => {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
};

export const ruDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "—");
export const workingDays = (n: number) => `${n} ${plural(n, "рабочий день", "рабочих дня", "рабочих дней")}`;

export const due = {
  intro: "Что предстоит сделать по реестру: актуализация, обращения, сбор сведений. Нажмите строку, чтобы перейти в раздел.",
  loading: "Читаю книгу…",
  refresh: "Обновить",
  actualizationTitle: "Актуализация реестра",
  actualizationNone: "Дата утверждения реестра не указана — задайте «Дата приказа» в настройках.",
  actualizationUnchanged: (since: string, dueDate: string) => `Изменений нет с ${ruDate(since)}: актуализировать нечего (п. 3.11 «при наличии изменений»). Плановый срок — ${ruDate(dueDate)}.`,
  actualizationDue: (dueDate: string, since: string, changed: boolean | null) =>
    `Не позднее ${ruDate(dueDate)} — шесть месяцев после ${ruDate(since)}.${changed ? " В реестре есть изменения." : ""}`,
  actualizationOverdue: (dueDate: string) => `Срок актуализации прошёл ${ruDate(dueDate)}, а в реестре есть изменения.`,
  requestsTitle: "Обращения об изменении реестра",
  requestsNone: "Журнала обращений в книге ещё нет.",
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

export const requests = {
  intro: "Обращения владельцев процессов и начальников подразделений об изменении реестра (п. 3.10). Срок рассмотрения — 10 рабочих дней после дня поступления по производственному календарю.",
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
  closedCount: (n: number) => `Решённых обращений в журнале: ${n}.`,
  overdue: (days: number | null, dueDate: string) => `Просрочено${days && days < 0 ? ` на ${workingDays(-days)}` : ""}: срок был ${ruDate(dueDate)}`,
  dueToday: (dueDate: string) => `Срок сегодня, ${ruDate(dueDate)}`,
  dueIn: (days: number, dueDate: string) => `Осталось ${workingDays(days)}, срок ${ruDate(dueDate)}`,
  noDue: "Срок не рассчитан: нет даты поступления",
  approximate: "приблизительно",
  memo: (number: string, date: string | null) => `записка № ${number}${date ? ` от ${ruDate(date)}` : ""}`,
  accept: "Учтено",
  reject: "Отклонить",
  rejectReason: "Причина отклонения",
  rejectConfirm: "Отклонить обращение",
  cancel: "Отмена",
  decided: (row: number, status: string) => `Обращение в строке ${row}: «${status}», дата решения — сегодня.`,
  satisfiedTitle: "Изменения в реестре уже учитывают обращения",
  satisfiedLine: (row: number, ids: string[], ground: string) => `Строка ${row}: процесс ${ids.join("; ")} изменён по основанию «${ground}».`,
  markSatisfied: "Отметить «учтено»",
  foreignColumns: (titles: string[]) =>
    `В журнале есть графы, которых надстройка не знает: ${titles.join(", ")}. Чтобы ничего не потерять, журнал не перезаписывается — внесите изменение на листе вручную.`,
  issuesTitle: (n: number) => `Замечания по журналу: ${n}`,
  syncs: (n: number) => `Обращений к Excel: ${n}.`,
} as const;

export const documents = {
  title: "Документы цикла",
  intro: "После утверждения реестра: извещение подразделениям (п. 3.11) и ответы инициаторам рассмотренных обращений (п. 3.10); проект приказа с реестром в приложении.",
  prepareNotices: "Подготовить извещения",
  orderDocx: "Проект приказа (.docx)",
  orderSaved: "Проект приказа сохранён как файл .docx.",
  refused: (message: string) => `Документы не подготовлены: ${message}.`,
  copy: "Копировать текст",
  docx: "Скачать .docx",
  copied: (title: string) => `Текст «${title}» скопирован в буфер обмена.`,
  copyFailed: "Не удалось скопировать: выделите текст в поле и нажмите Ctrl+C.",
} as const;
