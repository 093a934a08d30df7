import {
  DEFAULT_CLIENTS,
  DEFAULT_KINDS,
  DEFAULT_PLACEMENTS,
  DEFAULT_STATUSES,
  canonicalPlacements,
  canonicalValue,
} from "../../src/core/vocabularies";

describe("vocabularies", () => {
  it("holds the default lists in order", () => {
    expect(DEFAULT_STATUSES).toEqual([
      "В очереди на исследование",
      "Идет исследование",
      "В очереди на реинжиниринг",
      "Проходит реинжиниринг",
      "Прошел реинжиниринг",
      "Отправлен на сертификацию",
      "Сертифицирован",
    ]);
    expect(DEFAULT_CLIENTS).toEqual(["Внешний", "Внутренний"]);
    expect(DEFAULT_KINDS).toEqual(["Цифровой", "Не цифровой"]);
    expect(DEFAULT_PLACEMENTS).toEqual(["ЕПГУ", "РПГУ", "Сайт ведомства"]);
  });

  it.each([
    ["идёт исследование", DEFAULT_STATUSES, "Идет исследование"],
    ["  ПРОШЁЛ\u00A0\u00A0реинжиниринг. ", DEFAULT_STATUSES, "Прошел реинжиниринг"],
    ["в очереди\nна реинжиниринг", DEFAULT_STATUSES, "В очереди на реинжиниринг"],
    ["внешний", DEFAULT_CLIENTS, "Внешний"],
    ["нецифровой", DEFAULT_KINDS, "Не цифровой"],
    ["Не-цифровой", DEFAULT_KINDS, "Не цифровой"],
    ["цифровой", DEFAULT_KINDS, "Цифровой"],
    ["сайт  ведомства", DEFAULT_PLACEMENTS, "Сайт ведомства"],
  ])("canonicalValue(%j) → %j", (value, list, expected) => {
    expect(canonicalValue(value, list)).toBe(expected);
  });

  it("returns null for values outside the list", () => {
    expect(canonicalValue("Завершен", DEFAULT_STATUSES)).toBeNull();
    expect(canonicalValue("", DEFAULT_STATUSES)).toBeNull();
    expect(canonicalValue("Смешанный", DEFAULT_KINDS)).toBeNull();
  });

  it("splits placements and reports the unknown ones", () => {
    expect(canonicalPlacements("епгу; Сайт ведомства,\nРПГУ", DEFAULT_PLACEMENTS)).toEqual({
      values: ["ЕПГУ", "Сайт ведомства", "РПГУ"],
      unknown: [],
    });
    expect(canonicalPlacements("ЕПГУ, Госуслуги", DEFAULT_PLACEMENTS)).toEqual({ values: ["ЕПГУ"], unknown: ["Госуслуги"] });
    expect(canonicalPlacements("", DEFAULT_PLACEMENTS)).toEqual({ values: [], unknown: [] });
  });
});
