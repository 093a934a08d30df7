/** Strings of the pane's frame: header, navigation, readiness, errors, notifications. */
export const common = {
  appName: "Реестр процессов",
  appSubtitle: "Реестр межведомственных и внутриведомственных процессов",
  navigationLabel: "Разделы надстройки",
  sectionTitles: {
    due: "Сроки",
    template: "Шаблон",
    validation: "Проверка",
    merge: "Сведение файлов",
    appendix: "Приложение к приказу",
    requests: "Обращения",
    settings: "Настройки",
  },
  loading: "Загрузка надстройки…",
  apiLevel: (level: string) => `Excel API ${level}`,
  apiLevelUnknown: "Версия Excel API не определена",
  playgroundBadge: "Песочница",
  // Shown to clerks: the version numbers themselves are in the administrator's facts.
  apiTooOld: (_level: string, _minimum: string) =>
    "Эта версия Excel старше Office 2019: часть возможностей надстройки может не работать.",
  notInExcelTitle: "Надстройка открыта вне Excel",
  notInExcelText:
    "Эта страница — панель надстройки «Реестр процессов». Она работает внутри Excel: на вкладке «Главная» нажмите кнопку «Реестр процессов». Чтобы попробовать надстройку без Excel, откройте песочницу.",
  playgroundLink: "Открыть песочницу",
  officeNotLoaded:
    "Не удалось загрузить библиотеку Office. Проверьте, что надстройка открыта из Excel и сервер надстройки доступен.",
  errorBoundaryTitle: "Что-то пошло не так",
  errorBoundaryText:
    "В панели произошла непредвиденная ошибка. Данные книги не изменены сверх уже выполненных действий. Нажмите «Продолжить», чтобы вернуться к работе.",
  errorBoundaryRetry: "Продолжить",
  sectionLoadFailed:
    "Не удалось загрузить этот раздел с сервера надстройки. Проверьте подключение к сети и откройте панель заново.",
  chunkLoadFailed:
    "Не удалось загрузить часть надстройки с сервера. Проверьте подключение к сети и нажмите «Обновить».",
  dismiss: "Закрыть",
  notificationsLabel: "Уведомления",
} as const;
