/** The pane shell's pure parts: Office theme → light/dark, the administrator's facts, when the first-run card shows. */
import { adminFacts } from "../../src/taskpane/admin-facts";
import { settingsAreEmpty } from "../../src/taskpane/first-run-rule";
import { luminance, officeThemeKind, themeKindOfBackground } from "../../src/taskpane/theme-kind";

describe("Office theme", () => {
  test("luminance of #rrggbb colours, null for anything else", () => {
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("000000")).toBeCloseTo(0);
    expect(luminance("red")).toBeNull();
    expect(luminance(undefined)).toBeNull();
  });

  test("Office's body backgrounds: white and colorful are light, dark grey and black are dark", () => {
    expect(themeKindOfBackground("#FFFFFF")).toBe("light");
    expect(themeKindOfBackground("#E6E6E6")).toBe("light");
    expect(themeKindOfBackground("#262626")).toBe("dark");
    expect(themeKindOfBackground("#000000")).toBe("dark");
    expect(themeKindOfBackground("")).toBe("light");
  });

  test("the theme is read from Office.context.officeTheme; light without Office", () => {
    expect(officeThemeKind()).toBe("light");
    (globalThis as any).Office = { context: { officeTheme: { bodyBackgroundColor: "#1F1F1F" } } };
    try {
      expect(officeThemeKind()).toBe("dark");
    } finally {
      delete (globalThis as any).Office;
    }
  });
});

describe("administrator's facts", () => {
  test("name the API level, the minimum and whether it is enough, in Russian", () => {
    const facts = adminFacts({ kind: "excel", apiLevel: "1.8", platform: "PC" }, "dark");
    const byLabel = new Map(facts.map((fact) => [fact.label, fact.value]));
    expect(byLabel.get("Поддерживаемый уровень Excel API")).toBe("Excel API 1.8");
    expect(byLabel.get("Нужен уровень не ниже")).toMatch(/^Excel API 1\.8 \(Office 2019\) — достаточно$/);
    expect(byLabel.get("Платформа Office")).toBe("PC");
    expect(byLabel.get("Тема панели")).toBe("темная");
    const old = adminFacts({ kind: "excel", apiLevel: "1.4", platform: "" }, "light");
    expect(old.find((fact) => fact.label === "Нужен уровень не ниже")?.value).toMatch(/ниже нужного/);
    expect(old.some((fact) => fact.label === "Платформа Office")).toBe(false);
  });
});

describe("first run", () => {
  test("the card shows only while neither the agency nor any unit is named", () => {
    expect(settingsAreEmpty({ agencyName: " ", units: [] })).toBe(true);
    expect(settingsAreEmpty({ agencyName: "Архивная служба", units: [] })).toBe(false);
    expect(settingsAreEmpty({ agencyName: "", units: [{ name: "Отдел" }] })).toBe(false);
  });
});
