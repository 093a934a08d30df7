import { buildCatalog } from "../../src/core/catalog";
import type { RegisterIssue, RegisterRow, RegisterTable } from "../../src/core/register-types";
import { summarizeIssues, validateRegister } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

const catalog = buildCatalog(DEFAULT_SETTINGS);

type Cells = Partial<Record<number, string>>;

/** A valid row: every mandatory column filled, the process of direction 1. */
function cells(overrides: Cells = {}, id = "АС-1.1-01"): string[] {
  const base: Cells = {
    1: id,
    3: "Выдача архивных справок",
    5: "Предоставление государственных услуг",
    6: "1.1. Информирование о предоставлении государственной услуги",
    7: "Отдел использования документов",
    8: "Идет исследование",
    9: "Внешний",
    14: "Цифровой",
    15: "ЕПГУ",
  };
  const merged = { ...base, ...overrides };
  return Array.from({ length: 15 }, (_, i) => merged[i + 1] ?? "");
}

function table(rows: string[][], missingColumns: number[] = []): RegisterTable {
  const registerRows: RegisterRow[] = rows.map((c, i) => ({ sheetRow: i + 5, cells: c, extra: [] }));
  return {
    sheet: "Реестр",
    headerRow: 3,
    columnMap: Array.from({ length: 15 }, (_, i) => (missingColumns.includes(i + 1) ? null : i)),
    missingColumns,
    extraColumns: [],
    rows: registerRows,
  };
}

function codes(issues: RegisterIssue[]): string[] {
  return issues.map((i) => `${i.row}:${i.column}:${i.code}:${i.severity}`);
}

describe("validateRegister", () => {
  it("finds nothing in a valid register", () => {
    const rows = [cells({}, "1"), cells({ 6: "Прием и регистрация запроса заявителя", 13: "1" }, "2")];
    expect(validateRegister(table(rows), catalog)).toEqual([]);
  });

  describe("required", () => {
    it("flags each empty mandatory cell in a row with data", () => {
      const issues = validateRegister(table([cells({ 1: "", 7: "", 8: "" })]), catalog);
      expect(codes(issues)).toEqual(["5:1:required:error", "5:7:required:error", "5:8:required:error"]);
      expect(issues[0].message).toContain("графа 1 «Идентификатор процесса»");
    });
    it("ignores fully empty rows and empty optional cells", () => {
      const issues = validateRegister(table([new Array(15).fill(""), cells({ 2: "", 4: "", 10: "" })]), catalog);
      expect(issues).toEqual([]);
    });
    it("flags every row when a mandatory column is missing from the table", () => {
      const rows = [cells({ 7: "" }, "1"), cells({ 7: "" }, "2")];
      const issues = validateRegister(table(rows, [7]), catalog);
      expect(codes(issues)).toEqual(["5:7:required:error", "6:7:required:error"]);
      expect(issues[0].message).toContain("отсутствует");
    });
  });

  describe("unknown-process", () => {
    it("flags a process outside the typical list", () => {
      const issues = validateRegister(table([cells({ 5: "", 6: "Выдача справок" })]), catalog);
      expect(codes(issues)).toEqual(["5:6:unknown-process:error"]);
      expect(issues[0].message).toContain("«Выдача справок»");
    });
    it("accepts names with or without code, in any case", () => {
      const rows = [cells({ 6: "информирование о предоставлении государственной услуги." }, "1"), cells({ 6: "1.1 Информирование о предоставлении государственной услуги" }, "2")];
      expect(validateRegister(table(rows), catalog)).toEqual([]);
    });
  });

  describe("invalid-value", () => {
    it("is an error for status and a warning for client, kind and placement", () => {
      const issues = validateRegister(table([cells({ 8: "Завершен", 9: "Партнер", 14: "Смешанный", 15: "ЕПГУ; Госуслуги, Портал" })]), catalog);
      expect(codes(issues)).toEqual([
        "5:8:invalid-value:error",
        "5:9:invalid-value:warning",
        "5:14:invalid-value:warning",
        "5:15:invalid-value:warning",
      ]);
      expect(issues[3].message).toMatch(/^Точки размещения «Госуслуги», «Портал» не из справочника/);
    });
    it("accepts vocabulary values with other case, ё, spaces, a trailing period and «нецифровой»", () => {
      const rows = [cells({ 8: "прошёл  реинжиниринг.", 9: "ВНУТРЕННИЙ", 14: "нецифровой", 15: "" }, "1"), cells({ 15: "епгу;\nсайт ведомства" }, "2")];
      expect(validateRegister(table(rows), catalog)).toEqual([]);
    });
  });

  describe("duplicate-id", () => {
    it("flags every row with the same ID, compared after cleaning and case-sensitive", () => {
      const rows = [cells({}, "АС-1"), cells({}, " АС-1\u00A0"), cells({}, "ас-1"), cells({}, "АС-1")];
      const issues = validateRegister(table(rows), catalog);
      expect(codes(issues)).toEqual(["5:1:duplicate-id:error", "6:1:duplicate-id:error", "8:1:duplicate-id:error"]);
      expect(issues[0].message).toBe("Идентификатор «АС-1» повторяется: также в строках 6, 8");
      expect(issues[1].message).toBe("Идентификатор «АС-1» повторяется: также в строках 5, 8");
    });
  });

  describe("group-mismatch", () => {
    it.each(["Предоставление государственных услуг", "1", "1.", "1. Предоставление государственных услуг", "предоставление  государственных услуг."])(
      "accepts %j for a process of direction 1",
      (group) => {
        expect(validateRegister(table([cells({ 5: group })]), catalog)).toEqual([]);
      },
    );
    it.each(["Государственный контроль (надзор)", "2", "2. Предоставление государственных услуг", "Прочее"])("flags %j for direction 1", (group) => {
      const issues = validateRegister(table([cells({ 5: group })]), catalog);
      expect(codes(issues)).toEqual(["5:5:group-mismatch:warning"]);
      expect(issues[0].message).toContain("1. Предоставление государственных услуг");
    });
    it("accepts the seed's spelling of direction 4", () => {
      const row = cells({ 5: "Обеспечения доступа к информации о деятельности", 6: "4.1. Размещение информации о деятельности органа власти" });
      expect(validateRegister(table([row]), catalog)).toEqual([]);
    });
    it("does not check the group when the process is unknown", () => {
      expect(codes(validateRegister(table([cells({ 5: "2", 6: "Что-то иное" })]), catalog))).toEqual(["5:6:unknown-process:error"]);
    });
  });

  describe("broken-link", () => {
    it("flags each linked ID not in the register, separated by comma, semicolon or line break", () => {
      const rows = [cells({ 13: "2, 3;\n4" }, "1"), cells({ 13: "1; 2" }, "2"), cells({ 13: "-" }, "3")];
      const issues = validateRegister(table(rows), catalog);
      expect(codes(issues)).toEqual(["5:13:broken-link:warning"]);
      expect(issues[0].message).toContain("«4»");
    });
  });

  describe("placement-missing", () => {
    it("warns when a digital process has no placement", () => {
      expect(codes(validateRegister(table([cells({ 14: "цифровой", 15: "" })]), catalog))).toEqual(["5:15:placement-missing:warning"]);
    });
    it("does not warn for a non-digital process or an empty kind", () => {
      const rows = [cells({ 14: "Не цифровой", 15: "" }, "1"), cells({ 14: "", 15: "" }, "2")];
      expect(validateRegister(table(rows), catalog)).toEqual([]);
    });
  });

  it("sorts by row, then column", () => {
    const rows = [cells({ 15: "Почта", 1: "" }, ""), cells({ 8: "x", 3: "" }, "2")];
    const issues = validateRegister(table(rows), catalog);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [5, 1],
      [5, 15],
      [6, 3],
      [6, 8],
    ]);
    expect(summarizeIssues(issues)).toEqual({ errors: 3, warnings: 1 });
  });

  it("uses the agency's own vocabularies", () => {
    const own = buildCatalog({ ...DEFAULT_SETTINGS, statuses: ["Черновик"] });
    expect(codes(validateRegister(table([cells({ 8: "черновик" })]), own))).toEqual([]);
    expect(codes(validateRegister(table([cells()]), own))).toEqual(["5:8:invalid-value:error"]);
  });
});
