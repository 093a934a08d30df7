import { cleanText, headerKey, matchKey, splitList } from "../../src/core/text";

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
