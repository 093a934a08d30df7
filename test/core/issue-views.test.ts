import { buildCatalog } from "../../src/core/catalog";
import {
  filterIssues,
  flattenForList,
  groupIssues,
  ISSUE_CODE_TITLES,
  issueAddress,
  issueSheetColumn,
  type IssueGroup,
  type IssueListView,
} from "../../src/core/issue-views";
import type { IssueCode, RegisterIssue, RegisterTable, Severity } from "../../src/core/register-types";
import { validateRegister } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

function issue(row: number, column: number, code: IssueCode, severity: Severity = "error"): RegisterIssue {
  return { row, column, code, severity, message: `${code} в ${row}:${column}` };
}

const ISSUES: RegisterIssue[] = [
  issue(9, 13, "broken-link", "warning"),
  issue(7, 8, "invalid-value", "error"),
  issue(7, 9, "invalid-value", "warning"),
  issue(5, 1, "required"),
  issue(8, 13, "broken-link", "warning"),
  issue(6, 13, "broken-link", "warning"),
  issue(7, 1, "duplicate-id"),
  issue(5, 1, "duplicate-id"),
];

function summary(groups: IssueGroup[]): string[] {
  return groups.map((g) => `${g.key} ${g.title} e${g.errors} w${g.warnings} [${g.issues.map((i) => `${i.row}:${i.column}`).join(" ")}]`);
}

describe("ISSUE_CODE_TITLES", () => {
  it("names every rule the core reports, in Russian", () => {
    expect(Object.keys(ISSUE_CODE_TITLES).sort()).toEqual(
      ["broken-link", "duplicate-id", "group-mismatch", "invalid-value", "placement-missing", "required", "unknown-process"].sort(),
    );
    for (const title of Object.values(ISSUE_CODE_TITLES)) expect(title).toMatch(/^[А-ЯЁ][а-яё ]+$/);
  });
});

describe("groupIssues by rule", () => {
  it("puts groups with errors first, then the larger ones (ties in the rules' order), each ordered by row and column", () => {
    expect(summary(groupIssues(ISSUES, "rule"))).toEqual([
      "rule:invalid-value Значение не из справочника e1 w1 [7:8 7:9]",
      "rule:duplicate-id Повторяющийся идентификатор e2 w0 [5:1 7:1]",
      "rule:required Не заполнена обязательная графа e1 w0 [5:1]",
      "rule:broken-link Связанный процесс не найден e0 w3 [6:13 8:13 9:13]",
    ]);
  });

  it("keeps the rules' own order when counts tie", () => {
    const tied = [issue(5, 15, "placement-missing", "warning"), issue(6, 5, "group-mismatch", "warning")];
    expect(groupIssues(tied, "rule").map((g) => g.key)).toEqual(["rule:group-mismatch", "rule:placement-missing"]);
  });

  it("returns no groups for no issues", () => {
    expect(groupIssues([], "rule")).toEqual([]);
    expect(groupIssues([], "row")).toEqual([]);
  });
});

describe("groupIssues by row", () => {
  it("makes one «Строка N» group per row, rows ascending, issues by column", () => {
    expect(summary(groupIssues(ISSUES, "row"))).toEqual([
      "row:5 Строка 5 e2 w0 [5:1 5:1]",
      "row:6 Строка 6 e0 w1 [6:13]",
      "row:7 Строка 7 e2 w1 [7:1 7:8 7:9]",
      "row:8 Строка 8 e0 w1 [8:13]",
      "row:9 Строка 9 e0 w1 [9:13]",
    ]);
  });

  it("does not reorder the caller's array", () => {
    const copy = [...ISSUES];
    groupIssues(ISSUES, "row");
    expect(ISSUES).toEqual(copy);
  });
});

describe("filterIssues", () => {
  it("keeps all, only errors or only warnings", () => {
    expect(filterIssues(ISSUES, "all")).toBe(ISSUES);
    expect(filterIssues(ISSUES, "errors").map((i) => i.severity)).toEqual(["error", "error", "error", "error"]);
    expect(filterIssues(ISSUES, "warnings").map((i) => `${i.row}:${i.column}`)).toEqual(["9:13", "7:9", "8:13", "6:13"]);
  });
});

describe("flattenForList", () => {
  const groups = groupIssues(ISSUES, "rule");
  const all = (view: IssueListView) => Array.from({ length: view.length }, (_, i) => view.at(i));

  it("lists each group header followed by its issues", () => {
    const view = flattenForList(groups, new Set());
    expect(view.length).toBe(groups.length + ISSUES.length);
    const items = all(view);
    expect(items.map((item) => (item.kind === "group" ? `[${item.key}]` : `${item.issue.row}:${item.issue.column}`))).toEqual([
      "[rule:invalid-value]", "7:8", "7:9",
      "[rule:duplicate-id]", "5:1", "7:1",
      "[rule:required]", "5:1",
      "[rule:broken-link]", "6:13", "8:13", "9:13",
    ]);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    expect(items.map((_, i) => view.isGroup(i))).toEqual(items.map((item) => item.kind === "group"));
  });

  it("gives positions and set sizes for screen readers", () => {
    const items = all(flattenForList(groups, new Set()));
    expect(items.map((item) => `${item.position}/${item.setSize}`)).toEqual([
      "1/4", "1/2", "2/2",
      "2/4", "1/2", "2/2",
      "3/4", "1/1",
      "4/4", "1/3", "2/3", "3/3",
    ]);
  });

  it("hides the issues of collapsed groups but keeps their headers, marked collapsed", () => {
    const items = all(flattenForList(groups, new Set(["rule:broken-link", "rule:duplicate-id"])));
    expect(items.map((item) => (item.kind === "group" ? `[${item.key}${item.collapsed ? " свернута" : ""}]` : `${item.issue.row}`))).toEqual([
      "[rule:invalid-value]", "7", "7",
      "[rule:duplicate-id свернута]",
      "[rule:required]", "5",
      "[rule:broken-link свернута]",
    ]);
  });

  it("ties each issue to its group", () => {
    for (const item of all(flattenForList(groupIssues(ISSUES, "row"), new Set()))) {
      if (item.kind === "issue") expect(item.groupKey).toBe(`row:${item.issue.row}`);
    }
  });

  it("finds an item again in another view of the same issues, or -1 when it is hidden", () => {
    const before = flattenForList(groups, new Set());
    const issue8 = before.at(10);
    expect(issue8.kind === "issue" && issue8.issue.row).toBe(8);
    const collapsedFirst = flattenForList(groups, new Set(["rule:invalid-value"]));
    expect(collapsedFirst.indexOf(issue8)).toBe(8);
    expect(collapsedFirst.at(8)).toEqual(issue8.kind === "issue" ? { ...issue8, key: "rule:broken-link|2" } : null);
    expect(collapsedFirst.indexOf(before.at(0))).toBe(0);
    expect(flattenForList(groups, new Set(["rule:broken-link"])).indexOf(issue8)).toBe(-1);
    expect(flattenForList(groupIssues(ISSUES, "row"), new Set()).indexOf(issue8)).toBe(-1);
  });

  it("is empty for no groups and refuses indexes outside the list", () => {
    const empty = flattenForList([], new Set());
    expect(empty.length).toBe(0);
    expect(() => empty.at(0)).toThrow(RangeError);
    expect(() => flattenForList(groups, new Set()).at(12)).toThrow(RangeError);
  });

  it("builds a view over 150,000 issues without making its items", () => {
    const many: RegisterIssue[] = [];
    for (let row = 5; row < 50_005; row++) many.push(issue(row, 1, "required"), issue(row, 8, "invalid-value"), issue(row, 13, "broken-link", "warning"));
    const byRow = flattenForList(groupIssues(many, "row"), new Set());
    expect(byRow.length).toBe(200_000);
    const last = byRow.at(byRow.length - 1);
    expect(last.kind === "issue" && [last.issue.row, last.issue.column, last.position, last.setSize]).toEqual([50_004, 13, 3, 3]);
    expect(byRow.isGroup(199_996)).toBe(true);
    expect(byRow.at(199_996)).toMatchObject({ kind: "group", key: "row:50004", position: 50_000, setSize: 50_000 });
  });
});

describe("issueAddress", () => {
  // The register starts in column B; column 6 («Наименование процесса») sits in G; column 4 is missing.
  const table: Pick<RegisterTable, "columnMap"> = {
    columnMap: [1, 2, 3, null, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  };

  it("places an issue in the sheet column its register column was found in", () => {
    expect(issueAddress(table, { row: 7, column: 6 })).toBe("G7");
    expect(issueAddress(table, { row: 12, column: 1 })).toBe("B12");
    expect(issueSheetColumn(table, { column: 15 })).toBe(15);
  });

  it("falls back to the row's leftmost register column when the issue's column is missing", () => {
    expect(issueAddress(table, { row: 9, column: 4 })).toBe("B9");
    const reordered: Pick<RegisterTable, "columnMap"> = { columnMap: [30, null, 4, ...Array(12).fill(null)] };
    expect(issueAddress(reordered, { row: 9, column: 2 })).toBe("E9");
    expect(issueAddress(reordered, { row: 9, column: 1 })).toBe("AE9");
  });

  it("returns null when the table has no register column at all", () => {
    expect(issueAddress({ columnMap: Array(15).fill(null) }, { row: 5, column: 1 })).toBeNull();
  });
});

describe("with the core's rules", () => {
  it("groups what validateRegister reports for a missing mandatory column and bad values", () => {
    const catalog = buildCatalog(DEFAULT_SETTINGS);
    const row = (sheetRow: number, overrides: Record<number, string>) => {
      const cells = Array(15).fill("");
      Object.entries(overrides).forEach(([column, value]) => (cells[Number(column) - 1] = value));
      return { sheetRow, cells, extra: [] };
    };
    const columnMap = Array.from({ length: 15 }, (_, i) => (i === 6 ? null : i)); // column 7 «Ответственный» missing
    const table: RegisterTable = {
      sheet: "Реестр",
      headerRow: 3,
      columnMap,
      missingColumns: [7],
      extraColumns: [],
      rows: [row(5, { 1: "X-1", 3: "Услуга", 6: "Нет такого процесса", 8: "Непонятно" }), row(6, { 1: "X-1", 3: "Услуга" })],
    };
    const issues = validateRegister(table, catalog);
    const byRule = groupIssues(issues, "rule");
    expect(byRule[0].errors).toBeGreaterThan(0);
    expect(byRule.map((g) => g.title)).toEqual(expect.arrayContaining(["Не заполнена обязательная графа", "Повторяющийся идентификатор", "Процесс не из типового перечня"]));
    const missingOwner = issues.find((i) => i.column === 7)!;
    expect(issueAddress(table, missingOwner)).toBe(`A${missingOwner.row}`);
    expect(groupIssues(issues, "row").map((g) => g.title)).toEqual(["Строка 5", "Строка 6"]);
  });
});
