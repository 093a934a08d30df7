/**
 * How the pane shows the rules' findings: filtered by severity, grouped by rule or by row, flattened into one list of
 * group headers and issues for a virtualised list, and located as an A1 cell. Pure: no DOM, no Office.js.
 */
import { columnLetters } from "./layout/cells";
import type { IssueCode, RegisterIssue, RegisterTable } from "./register-types";

/** The rules' names as the pane shows them. */
export const ISSUE_CODE_TITLES: Record<IssueCode, string> = {
  required: "Не заполнена обязательная графа",
  "unknown-process": "Процесс не из типового перечня",
  "invalid-value": "Значение не из справочника",
  "duplicate-id": "Повторяющийся идентификатор",
  "group-mismatch": "Группа не соответствует процессу",
  "broken-link": "Связанный процесс не найден",
  "placement-missing": "Не указана точка размещения",
};

/** Rule order when counts tie: the order of ISSUE_CODE_TITLES. */
const CODE_ORDER = new Map(Object.keys(ISSUE_CODE_TITLES).map((code, index) => [code, index]));

export type IssueGrouping = "rule" | "row";
export type SeverityFilter = "all" | "errors" | "warnings";

export interface IssueGroup {
  /** Stable across checks: "rule:<code>" or "row:<n>" (so collapsed groups stay collapsed after a re-check). */
  key: string;
  title: string;
  errors: number;
  warnings: number;
  /** Ordered by row, then by column. */
  issues: RegisterIssue[];
}

export type IssueListItem =
  | {
      kind: "group";
      key: string;
      group: IssueGroup;
      collapsed: boolean;
      /** 1-based position among the groups, and their number (for aria-posinset / aria-setsize). */
      position: number;
      setSize: number;
    }
  | {
      kind: "issue";
      key: string;
      issue: RegisterIssue;
      groupKey: string;
      /** 1-based position in its group, and the group's size. */
      position: number;
      setSize: number;
    };

/**
 * Group headers followed by the issues of the expanded groups, as one list a virtualiser can index. Items are made on
 * demand, so a view over 150,000 issues costs O(groups) to build and only the rows in view are ever materialised.
 */
export interface IssueListView {
  readonly length: number;
  at(index: number): IssueListItem;
  /** Cheaper than at(index).kind: no item is made. */
  isGroup(index: number): boolean;
  /** The index of a group header or issue in this view (by group key and issue identity); -1 when absent or collapsed. */
  indexOf(item: IssueListItem): number;
}

export function filterIssues(issues: readonly RegisterIssue[], filter: SeverityFilter): readonly RegisterIssue[] {
  if (filter === "all") return issues;
  const severity = filter === "errors" ? "error" : "warning";
  return issues.filter((issue) => issue.severity === severity);
}

function byRowThenColumn(a: RegisterIssue, b: RegisterIssue): number {
  return a.row - b.row || a.column - b.column;
}

function isSorted(issues: readonly RegisterIssue[]): boolean {
  for (let i = 1; i < issues.length; i++) if (byRowThenColumn(issues[i - 1], issues[i]) > 0) return false;
  return true;
}

function countInto(group: IssueGroup, issue: RegisterIssue): void {
  group.issues.push(issue);
  if (issue.severity === "error") group.errors++;
  else group.warnings++;
}

/**
 * Rule groups: those holding errors first, then by size (largest first), then in the rules' own order.
 * Row groups («Строка 7»): by row. Issues inside a group: by row, then column.
 */
export function groupIssues(issues: readonly RegisterIssue[], by: IssueGrouping): IssueGroup[] {
  const groups = new Map<string | number, IssueGroup>();
  for (const issue of issues) {
    const id = by === "rule" ? issue.code : issue.row;
    let group = groups.get(id);
    if (!group) {
      group =
        by === "rule"
          ? { key: `rule:${issue.code}`, title: ISSUE_CODE_TITLES[issue.code] ?? issue.code, errors: 0, warnings: 0, issues: [] }
          : { key: `row:${issue.row}`, title: `Строка ${issue.row}`, errors: 0, warnings: 0, issues: [] };
      groups.set(id, group);
    }
    countInto(group, issue);
  }
  const result = [...groups.values()];
  // The rules return issues by row and column, so groups usually come out sorted: checking is cheaper than sorting.
  for (const group of result) if (!isSorted(group.issues)) group.issues.sort(byRowThenColumn);
  if (by === "row") {
    result.sort((a, b) => a.issues[0].row - b.issues[0].row);
  } else {
    result.sort(
      (a, b) =>
        Number(b.errors > 0) - Number(a.errors > 0) ||
        b.issues.length - a.issues.length ||
        (CODE_ORDER.get(a.issues[0].code) ?? 99) - (CODE_ORDER.get(b.issues[0].code) ?? 99),
    );
  }
  return result;
}

/** Group headers and, for groups not in `collapsed` (by key), their issues. */
export function flattenForList(groups: readonly IssueGroup[], collapsed: ReadonlySet<string>): IssueListView {
  // starts[g]: the index of group g's header; the issues follow it unless the group is collapsed.
  const starts = new Array<number>(groups.length);
  const isCollapsed = groups.map((group) => collapsed.has(group.key));
  const groupIndex = new Map<string, number>();
  let length = 0;
  groups.forEach((group, g) => {
    starts[g] = length;
    groupIndex.set(group.key, g);
    length += 1 + (isCollapsed[g] ? 0 : group.issues.length);
  });

  /** The group whose block holds `index`: the last start ≤ index. */
  const groupAt = (index: number): number => {
    let low = 0;
    let high = groups.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  const checkIndex = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= length) throw new RangeError(`Нет элемента списка с номером ${index}`);
  };

  return {
    length,
    isGroup(index) {
      checkIndex(index);
      return starts[groupAt(index)] === index;
    },
    at(index) {
      checkIndex(index);
      const g = groupAt(index);
      const group = groups[g];
      const offset = index - starts[g];
      if (offset === 0) {
        return { kind: "group", key: group.key, group, collapsed: isCollapsed[g], position: g + 1, setSize: groups.length };
      }
      return {
        kind: "issue",
        key: `${group.key}|${offset}`,
        issue: group.issues[offset - 1],
        groupKey: group.key,
        position: offset,
        setSize: group.issues.length,
      };
    },
    indexOf(item) {
      const g = groupIndex.get(item.kind === "group" ? item.key : item.groupKey);
      if (g === undefined) return -1;
      if (item.kind === "group") return starts[g];
      if (isCollapsed[g]) return -1;
      const offset = groups[g].issues.indexOf(item.issue);
      return offset < 0 ? -1 : starts[g] + 1 + offset;
    },
  };
}

/**
 * The 0-based sheet column to select for an issue. When its register column is missing from the table (a mandatory
 * column the sheet lacks), the row's leftmost register column stands in, so a click still lands on the right row;
 * null only when the table has no register column at all.
 */
export function issueSheetColumn(table: Pick<RegisterTable, "columnMap">, issue: Pick<RegisterIssue, "column">): number | null {
  const exact = table.columnMap[issue.column - 1];
  if (exact !== null && exact !== undefined) return exact;
  let leftmost: number | null = null;
  for (const sheetColumn of table.columnMap) {
    if (sheetColumn !== null && (leftmost === null || sheetColumn < leftmost)) leftmost = sheetColumn;
  }
  return leftmost;
}

/** The issue's cell as "F7" (see issueSheetColumn for a missing column); null when it cannot be placed. */
export function issueAddress(table: Pick<RegisterTable, "columnMap">, issue: Pick<RegisterIssue, "row" | "column">): string | null {
  const sheetColumn = issueSheetColumn(table, issue);
  return sheetColumn === null ? null : `${columnLetters(sheetColumn + 1)}${issue.row}`;
}
