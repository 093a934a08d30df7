import {
  COLUMN_COUNT,
  REGISTER_COLUMNS,
  columnByKey,
  columnTitleWithMark,
  matchColumnTitle,
} from "../../src/core/columns";

describe("REGISTER_COLUMNS", () => {
  it("has the 15 columns of Приложение 1 in order", () => {
    expect(COLUMN_COUNT).toBe(15);
    expect(REGISTER_COLUMNS.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(REGISTER_COLUMNS[0].title).toBe("Идентификатор процесса");
    expect(REGISTER_COLUMNS[14].title).toBe("Точка размещения в цифровом виде (ЕПГУ, РПГУ, сайт ведомства)");
  });
  it("marks exactly columns 1, 3, 6, 7, 8 mandatory (clause 3.5)", () => {
    expect(REGISTER_COLUMNS.filter((c) => c.mandatory).map((c) => c.number)).toEqual([1, 3, 6, 7, 8]);
  });
  it("writes the corrected status title but keeps the seed's", () => {
    const status = columnByKey("status");
    expect(status.title).toBe("Статус процесса (статус реинжиниринга)");
    expect(status.seedTitle).toBe("Статус процесса (статус реинжиниринг)");
    expect(columnTitleWithMark(status)).toBe("Статус процесса (статус реинжиниринга)*");
    expect(columnTitleWithMark(columnByKey("client"))).toBe("Клиент");
  });
  it("gives every column a positive width", () => {
    for (const column of REGISTER_COLUMNS) expect(column.width).toBeGreaterThan(5);
  });
});

describe("matchColumnTitle", () => {
  it("matches every title we write and every seed title", () => {
    for (const column of REGISTER_COLUMNS) {
      expect(matchColumnTitle(column.title)).toBe(column.number);
      expect(matchColumnTitle(column.seedTitle)).toBe(column.number);
      expect(matchColumnTitle(columnTitleWithMark(column))).toBe(column.number);
    }
  });
  it.each([
    ["ИДЕНТИФИКАТОР\nПРОЦЕССА *", 1],
    ["ID процесса", 1],
    ["Жизнённая  ситуация", 2],
    ["ДАННЫЕ НА ВХОДЕ", 11],
    ["Название услуги, функции, сервиса", 3],
    ["Наименование  услуги,\u00A0функции,\nсервиса*", 3],
    ["Статус процесса (статус реинжиниринг)*", 8],
    ["Статус процесса\n(статус реинжиниринга)", 8],
    ["Статус", 8],
    ["Клиент", 9],
    ["Ответственный", 7],
    ["Вид процесса (цифровой/нецифровой)", 14],
    ["Вид процесса (цифровой / не цифровой)", 14],
    ["Точка размещения\nв цифровом виде", 15],
    ["Точка размещения в цифровом виде (ЕПГУ, РПГУ, сайт ведомства)", 15],
    ["Связь с другими процессами (идентификаторы)", 13],
    ["Ценность для клиента", 10],
    ["Жизненная ситуация (при наличии)", 2],
    ["Результат на выходе процесса", 12],
    ["Наименование процесса (по типовому перечню)", 6],
  ])("%j → %i", (title, expected) => {
    expect(matchColumnTitle(title)).toBe(expected);
  });
  it.each(["Примечание", "№ п/п", "Дата изменения статуса", "Реестр межведомственных и внутриведомственных процессов", "", "Клиентоцентричность"])(
    "does not map the unrelated title %j",
    (title) => {
      expect(matchColumnTitle(title)).toBeNull();
    },
  );
});
