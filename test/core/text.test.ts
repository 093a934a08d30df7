import { cleanText, headerKey, matchKey, memoByText, pluralRu, splitList } from "../../src/core/text";

describe("cleanText", () => {
  it("turns non-breaking spaces and tabs into spaces and collapses runs", () => {
    expect(cleanText("  Проходит\u00A0\u00A0 реинжиниринг\t ")).toBe("Проходит реинжиниринг");
    expect(cleanText("a\u202Fb\u2007c")).toBe("a b c");
  });
  it("keeps line breaks, normalised to \\n, each line trimmed", () => {
    expect(cleanText(" Идентификатор \r\n процесса \r конец ")).toBe("Идентификатор\nпроцесса\nконец");
  });
  it("returns an empty string for empty input", () => {
    expect(cleanText("")).toBe("");
    expect(cleanText(" \u00A0\t\n ")).toBe("");
  });
});

describe("matchKey", () => {
  it("ignores case, ё/е, line breaks, repeated spaces and trailing periods", () => {
    expect(matchKey("Идёт\n  ИССЛЕДОВАНИЕ..")).toBe("идет исследование");
    expect(matchKey("Внешний.")).toBe(matchKey("внешний"));
  });
});

describe("headerKey", () => {
  it("drops asterisks, punctuation and spaces", () => {
    expect(headerKey("Статус процесса\n(статус реинжиниринга)*")).toBe("статуспроцессастатусреинжиниринга");
    expect(headerKey("Вид процесса (цифровой/ не цифровой)")).toBe("видпроцессацифровойнецифровой");
  });
});

describe("splitList", () => {
  it("splits on comma, semicolon and line break and drops empty parts", () => {
    expect(splitList("ЕПГУ, РПГУ;\nСайт ведомства;; ")).toEqual(["ЕПГУ", "РПГУ", "Сайт ведомства"]);
    expect(splitList("")).toEqual([]);
  });
});

describe("pluralRu", () => {
  it("picks the Russian form by the last digits", () => {
    const files = (n: number) => `${n} ${pluralRu(n, "файл", "файла", "файлов")}`;
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 0].map(files)).toEqual([
      "1 файл", "2 файла", "4 файла", "5 файлов", "11 файлов", "12 файлов", "14 файлов",
      "21 файл", "22 файла", "25 файлов", "101 файл", "111 файлов", "0 файлов",
    ]);
  });
});

describe("memoByText", () => {
  it("computes once per distinct text, including results that are null", () => {
    let calls = 0;
    const lookup = memoByText((text: string) => (calls++, text === "" ? null : text.length));
    expect([lookup("ab"), lookup("ab"), lookup(""), lookup("")]).toEqual([2, 2, null, null]);
    expect(calls).toBe(2);
  });
});
