/** Strings of the pane's shell added with the compact navigation: short tab labels, the first-run card, help, admin facts. */
import type { common } from "./common";

type SectionKey = keyof typeof common.sectionTitles;

export const shell = {
  /** One word per section: seven of them share one row of a 320 px pane (only the open one shows its word). */
  shortTitles: {
    due: "Сроки",
    template: "Шаблон",
    validation: "Проверка",
    merge: "Сведение",
    appendix: "Приложение",
    requests: "Обращения",
    settings: "Настройки",
  } satisfies Record<SectionKey, string>,
  help: "Справка",
  helpLabel: "Справка: руководство пользователя (откроется в новом окне)",
  sectionLoading: "Загрузка раздела…",
  checkingWorkbook: "Чтение настроек книги…",
  oldExcel:
    "Эта версия Excel старше Office 2019: часть возможностей надстройки может не работать. Подробности — в разделе «Настройки», «Сведения для администратора».",
  start: {
    title: "С чего начать",
    intro: "В этой книге еще нет настроек органа. Три шага, чтобы начать вести реестр:",
    steps: [
      { section: "settings", label: "Настройки", text: "укажите орган, его код и структурные подразделения." },
      { section: "template", label: "Шаблон", text: "создайте лист реестра с выпадающими списками." },
      { section: "validation", label: "Проверка", text: "заполните реестр и проверьте его перед отправкой." },
    ] satisfies { section: SectionKey; label: string; text: string }[],
    later: "Открыть «Сроки»",
  },
  admin: {
    title: "Сведения для администратора",
    intro: "Эти сведения нужны администратору при установке надстройки и обращении в поддержку.",
    host: "Где работает панель",
    hostKinds: { excel: "Excel", playground: "Песочница (имитация Excel)", outside: "Вне Excel" },
    platform: "Платформа Office",
    apiLevel: "Поддерживаемый уровень Excel API",
    apiUnknown: "не определен",
    apiMinimum: "Нужен уровень не ниже",
    apiOk: "достаточно",
    apiTooOld: "ниже нужного: часть возможностей недоступна",
    editEvents: "События изменения листа (автопроверка)",
    yes: "поддерживаются",
    no: "не поддерживаются",
    theme: "Тема панели",
    themeKinds: { light: "светлая", dark: "темная" },
  },
} as const;
