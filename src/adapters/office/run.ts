/**
 * The only door from the task pane into Excel: components call adapter functions through `runExcel`, which runs the
 * batch with the global `Excel.run` and turns Office errors into one Russian sentence (never a stack trace).
 */

/** An Excel failure with a message fit for the pane; `code` is Office's error code when there was one. */
export class ExcelOperationError extends Error {
  readonly code: string | undefined;
  override readonly cause: unknown;

  constructor(message: string, code: string | undefined, cause: unknown) {
    super(message);
    this.name = "ExcelOperationError";
    this.code = code;
    this.cause = cause;
  }
}

const OFFICE_ERROR_MESSAGES: Record<string, string> = {
  AccessDenied: "Excel отказал в доступе: книга или лист защищены, либо книга открыта только для чтения.",
  ActivityLimitReached: "Excel прервал операцию: слишком много действий за раз. Повторите позже.",
  ApiNotFound: "Эта версия Excel не поддерживает нужную функцию. Обновите Office или воспользуйтесь командной строкой.",
  Conflict: "Книгу одновременно изменил кто-то другой. Повторите действие.",
  FilteredRangeConflict: "Операция невозможна на отфильтрованном диапазоне. Снимите фильтр и повторите.",
  GeneralException: "Excel сообщил о внутренней ошибке. Повторите действие.",
  InactiveWorkbook: "Книга неактивна. Перейдите в окно книги и повторите.",
  InsertDeleteConflict: "Вставка или удаление ячеек конфликтует с существующими данными.",
  InvalidArgument: "Excel отклонил значение или параметр операции.",
  InvalidBinding: "Привязка к диапазону больше не действует.",
  InvalidOperation: "Excel не может выполнить эту операцию в текущем состоянии книги.",
  InvalidOperationInCellEditMode: "Завершите редактирование ячейки (Enter или Esc) и повторите.",
  InvalidReference: "Ссылка на диапазон или лист недействительна.",
  InvalidSelection: "Текущее выделение не подходит для этой операции.",
  ItemAlreadyExists: "Объект с таким именем уже есть в книге.",
  ItemNotFound: "Нужный лист, диапазон или имя не найдены в книге.",
  MemoryLimitReached: "Excel не хватило памяти для операции.",
  NotImplemented: "Эта функция не реализована в данной версии Excel.",
  PropertyNotLoaded: "Внутренняя ошибка надстройки: свойство прочитано до загрузки.",
  RequestAborted: "Запрос к Excel прерван. Повторите действие.",
  RequestPayloadSizeLimitExceeded: "Слишком большой объем данных за один запрос к Excel.",
  ResponsePayloadSizeLimitExceeded: "Excel вернул слишком большой объем данных за один запрос.",
  ServiceNotAvailable: "Служба Excel временно недоступна. Повторите позже.",
  Timeout: "Excel не ответил вовремя. Повторите действие.",
  Unauthorized: "Недостаточно прав для изменения книги.",
  UnsupportedOperation: "Операция не поддерживается в этой версии Excel.",
  UnsupportedSheet: "Операция недоступна на листе этого типа (например, на листе диаграммы).",
};

function officeErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const candidate = error as { code?: unknown; name?: unknown; debugInfo?: { code?: unknown } };
  if (typeof candidate.code === "string" && candidate.code) return candidate.code;
  if (typeof candidate.debugInfo?.code === "string") return candidate.debugInfo.code;
  return undefined;
}

/** One Russian sentence for any error thrown by Office.js (or by our own code inside a batch). */
export function describeOfficeError(error: unknown): string {
  if (error instanceof ExcelOperationError) return error.message;
  const code = officeErrorCode(error);
  if (code && OFFICE_ERROR_MESSAGES[code]) {
    const location = (error as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
    return typeof location === "string" && location
      ? `${OFFICE_ERROR_MESSAGES[code]} (${location})`
      : OFFICE_ERROR_MESSAGES[code];
  }
  if (error instanceof Error && error.message && /[А-Яа-яЁё]/.test(error.message)) {
    // Our own adapters already speak Russian; keep their explanation.
    return error.message;
  }
  return code ? `Ошибка Excel (${code}). Повторите действие.` : "Не удалось выполнить действие в Excel. Повторите попытку.";
}

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function globalExcelRun(): ExcelRun | null {
  const excel = (globalThis as { Excel?: { run?: ExcelRun } }).Excel;
  return typeof excel?.run === "function" ? excel.run.bind(excel) : null;
}

/** Runs a batch against the current workbook; errors come out as `ExcelOperationError` with a Russian message. */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const run = globalExcelRun();
  if (!run) {
    throw new ExcelOperationError("Excel недоступен: откройте надстройку в Excel или в песочнице.", "ExcelUnavailable", null);
  }
  try {
    return await run(batch);
  } catch (error) {
    throw new ExcelOperationError(describeOfficeError(error), officeErrorCode(error), error);
  }
}
