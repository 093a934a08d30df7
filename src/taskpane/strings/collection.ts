/** Strings of the collection round in the «Сведение» section: preparing the units' files and «Кто прислал». */
import { pluralRu as plural } from "../../core/text";
import { UNIT_STATUS_TEXT, type UnitReport } from "../../core/collection/round";

export const collection = {
  prepareTitle: "Сбор сведений от подразделений",
  prepareIntro:
    "Для каждого подразделения готовится своя книга: шаблон реестра с его строками из утвержденного реестра (из рабочего, пока утвержденного нет), инструкцией и скрытым штампом. Все книги скачиваются одним архивом .zip — разошлите их подразделениям.",
  dueLabel: "Срок представления",
  dueHint: "Необязательно. Указывается в инструкции каждого файла; присланное позже отмечается «с опозданием».",
  prepare: "Подготовить файлы подразделениям",
  preparing: "Готовятся файлы…",
  progress: (current: number, total: number) => `Файл ${current} из ${total}…`,
  preparedTitle: (count: number) => `Подготовлено ${count} ${plural(count, "файл", "файла", "файлов")}: архив скачан`,
  preparedFile: (file: string, rows: number) => `${file} — ${rows} ${plural(rows, "строка", "строки", "строк")}`,
  preparedSource: (source: string, due: string) => `Основа: ${source}${due ? `; срок — ${due}` : ""}.`,
  roundRecorded: "Сбор записан на лист «Сбор сведений»: раздел «Сроки» покажет, кто еще не прислал файл.",
  roundNotRecorded: "Записать сбор на лист «Сбор сведений» не удалось: раздел «Сроки» не покажет, кто еще не прислал файл.",
  chooseUnits: "Выбрать подразделения…",
  unitsLabel: "Кому готовить файлы",
  unitChoice: (unit: string, rows: number) => `${unit} (${rows} ${plural(rows, "строка", "строки", "строк")})`,
  noneChosen: "Отметьте хотя бы одно подразделение.",
  noUnitsInWorkbook: "Подразделения не найдены: их нет ни в настройках (лист «Справочники»), ни в графе 7 реестра.",
  noRegister: "В книге нет ни утвержденного реестра, ни листа с реестром: подготовить файлы не из чего.",
  dueBeforeToday: "Срок представления раньше сегодняшнего дня: выберите другую дату.",
  dueInvalid: "Срок представления не является датой.",
  zipName: (date: string) => `Файлы подразделений ${date}.zip`,
  whoSent: "Кто прислал",
  whoSentTitle: (missing: number, total: number) =>
    missing === 0 ? `Файлы прислали все подразделения (${total})` : `Не ${plural(missing, "прислало", "прислали", "прислали")} ${missing} из ${total} ${plural(total, "подразделения", "подразделений", "подразделений")}`,
  noUnits: "Подразделения не определены: в файлах нет штампа сбора и не заполнена графа 7.",
  unitLine: (unit: UnitReport) => {
    const parts = [`${unit.unit} — ${UNIT_STATUS_TEXT[unit.status]}`];
    if (unit.files.length > 0) parts.push(unit.files.join(", "));
    if (unit.status === "missing" && unit.rows > 0) parts.push(`${unit.rows} ${plural(unit.rows, "строка перенесена", "строки перенесены", "строк перенесено")} из утвержденного реестра без изменений`);
    parts.push(...unit.notes);
    return parts.join("; ");
  },
} as const;
