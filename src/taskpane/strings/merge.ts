/** Strings of the «Сведение файлов подразделений» section. */
import { pluralRu as plural } from "../../core/text";

export const merge = {
  title: "Сведение файлов подразделений",
  intro:
    "Выберите реестры, присланные подразделениями (.xlsx). Строки сводятся в лист «Сводный реестр» с указанием исходного файла и строки; полные дубликаты объединяются, конфликты идентификаторов и ошибки показываются на листе «Отчет о сведении». Если в книге есть утвержденный реестр (или вы выберете его файл), изменения размечаются по основаниям «а»–«г» на листе «Журнал изменений».",
  chooseFiles: "Выбрать файлы…",
  filesLabel: "Файлы подразделений",
  dropHint: "или перетащите файлы .xlsx сюда",
  dropActive: "Отпустите, чтобы добавить файлы",
  approvedLabel: "Утвержденный реестр из файла (необязательно)",
  approvedChoose: "Выбрать файл…",
  approvedClear: "Убрать",
  approvedHint: "Если не выбран, используется утвержденный реестр из текущей книги (скрытый лист «_Утвержденный реестр»), когда он есть.",
  approvedReading: (file: string) => `Читается «${file}»…`,
  approvedFile: (file: string, rows: number) => `«${file}»: строк — ${rows}`,
  approvedError: (file: string, message: string) => `«${file}»: ${message}`,
  noApprovedInFile: "в книге не найден реестр",
  clear: "Очистить список",
  progress: (done: number, total: number) => `Прочитано файлов: ${done} из ${total}`,
  loadingLibrary: "Загружается модуль чтения .xlsx…",
  statusReading: "читается…",
  statusWaiting: "в очереди",
  statusOk: (rows: number, sheet: string) => `${rows} ${plural(rows, "строка", "строки", "строк")}, лист «${sheet}»`,
  statusError: "не прочитан",
  write: "Свести и записать в книгу",
  writing: "Запись в книгу…",
  notExcelFile: "это не файл .xlsx",
  noFiles: "Сначала выберите файлы подразделений.",
  nothingReadable: "Ни один файл не прочитан — сводить нечего.",
  replaceTitle: "Заменить прежнее сведение?",
  replaceText: (sheets: string[]) =>
    `В книге уже есть ${sheets.map((sheet) => `«${sheet}»`).join(", ")}. Листы будут заменены новым сведением; остальные листы не изменятся.`,
  replaceConfirm: "Заменить",
  cancel: "Отмена",
  doneTitle: "Сведение записано в книгу",
  doneSummary: (rows: number, duplicates: number, files: number) =>
    `Сводный реестр: ${rows} ${plural(rows, "строка", "строки", "строк")} из ${files} ${plural(files, "файла", "файлов", "файлов")}; объединено полных дубликатов: ${duplicates}.`,
  doneIssues: (errors: number, warnings: number) =>
    errors + warnings === 0 ? "Замечаний нет." : `Ошибок: ${errors}, предупреждений: ${warnings} — см. лист «Отчет о сведении».`,
  doneChanges: (count: number, source: string) => `Изменений относительно утвержденного реестра (${source}): ${count} — см. лист «Журнал изменений».`,
  doneFailed: (count: number) => `Не ${plural(count, "прочитан", "прочитаны", "прочитано")} ${count} ${plural(count, "файл", "файла", "файлов")} — причины в отчете.`,
  skippedTitle: "Настройте вручную",
  removeFile: (file: string) => `Убрать «${file}» из списка`,
  thisWorkbook: "эта книга",
  settingsConflictsTitle: "Настройки файлов расходятся",
} as const;
