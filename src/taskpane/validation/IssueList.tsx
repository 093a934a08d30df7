/**
 * The check's issues as one tree in the page's flow: group headers (collapsible) and issues, wrapped to the pane's
 * width. The pane itself scrolls, so the list has no scroll area of its own; it shows a page of rows at a time and
 * «Показать еще» adds the next, so 100,000 issues cost no more to draw than a page. Keyboard: the list is one tab stop;
 * arrows move (past the shown rows, more are shown), Enter acts, ← → collapse and expand (aria-activedescendant points
 * at the active row). Cell text is rendered as React text only.
 */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, ErrorCircleFilled, WarningFilled } from "@fluentui/react-icons";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { REGISTER_COLUMNS } from "../../core/columns";
import { issueAddress, type IssueListItem, type IssueListView } from "../../core/issue-views";
import type { RegisterIssue, RegisterTable } from "../../core/register-types";
import { validation as t } from "../strings/validation";
import { messageInPlace } from "./issue-text";

/** Rows drawn at once; each «Показать еще» adds as many. */
export const ISSUE_PAGE = 100;
/** Rows PageUp/PageDown move by. */
const KEY_PAGE = 10;

const useStyles = makeStyles({
  tree: {
    position: "relative",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outline: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  row: {
    boxSizing: "border-box",
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    cursor: "pointer",
    minWidth: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  group: {
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  issue: {
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
  },
  grow: { flexGrow: 1, minWidth: 0 },
  // Wrapped, never cut: at 320 px a title or a position line takes two lines rather than losing its end.
  groupTitle: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  counts: { flexShrink: 0, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  place: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  severity: { fontWeight: tokens.fontWeightSemibold },
  message: { overflowWrap: "anywhere" },
  icon: { flexShrink: 0, fontSize: "16px", marginTop: "1px" },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  more: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

export interface IssueListProps {
  view: IssueListView;
  table: Pick<RegisterTable, "columnMap">;
  onToggleGroup(key: string): void;
  onSelectIssue(issue: RegisterIssue): void;
}

export function IssueList({ view, table, onToggleGroup, onSelectIssue }: IssueListProps) {
  const styles = useStyles();
  const idPrefix = useId();
  const tree = useRef<HTMLDivElement>(null);
  // The one piece of list state: the row the keyboard is on, kept as an item so it is found again in a new view.
  const [active, setActive] = useState<IssueListItem | null>(null);
  const [limit, setLimit] = useState(ISSUE_PAGE);
  const shown = Math.min(limit, view.length);

  const activeIndex = useMemo(() => (active === null ? -1 : view.indexOf(active)), [view, active]);
  const rowId = (index: number) => `${idPrefix}-item-${index}`;

  // A row reached by the keyboard is brought into view in the pane's own scroll. Only then: scrolling on a mouse
  // focus would move the row away between the button's press and release, and the click would be lost.
  const scrollToActive = useRef(false);
  useEffect(() => {
    if (!scrollToActive.current || activeIndex < 0 || activeIndex >= shown) return;
    scrollToActive.current = false;
    document.getElementById(rowId(activeIndex))?.scrollIntoView?.({ block: "nearest" });
  }, [activeIndex, shown]);

  const act = (item: IssueListItem) => {
    if (item.kind === "group") onToggleGroup(item.key);
    else onSelectIssue(item.issue);
  };

  const moveTo = (index: number) => {
    if (view.length === 0) return;
    const bounded = Math.max(0, Math.min(view.length - 1, index));
    if (bounded >= limit) setLimit(Math.ceil((bounded + 1) / ISSUE_PAGE) * ISSUE_PAGE);
    scrollToActive.current = true;
    setActive(view.at(bounded));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = activeIndex;
    const item = index >= 0 ? view.at(index) : undefined;
    switch (event.key) {
      case "ArrowDown":
        moveTo(index + 1);
        break;
      case "ArrowUp":
        moveTo(index < 0 ? 0 : index - 1);
        break;
      case "PageDown":
        moveTo(index + KEY_PAGE);
        break;
      case "PageUp":
        moveTo(index - KEY_PAGE);
        break;
      case "Home":
        moveTo(0);
        break;
      case "End":
        moveTo(view.length - 1);
        break;
      case "Enter":
      case " ":
        if (item) act(item);
        break;
      case "ArrowLeft":
        if (item?.kind === "group" && !item.collapsed) onToggleGroup(item.key);
        else if (item?.kind === "issue") moveTo(index - item.position);
        else return;
        break;
      case "ArrowRight":
        if (item?.kind === "group" && item.collapsed) onToggleGroup(item.key);
        else if (item?.kind === "group") moveTo(index + 1);
        else return;
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const rows: JSX.Element[] = [];
  for (let index = 0; index < shown; index++) {
    const item = view.at(index);
    const common = {
      id: rowId(index),
      active: index === activeIndex,
      onClick: () => {
        setActive(item);
        act(item);
      },
    };
    rows.push(
      item.kind === "group" ? (
        <GroupRow key={item.key} {...common} item={item} />
      ) : (
        <IssueRow key={item.key} {...common} item={item} address={issueAddress(table, item.issue)} />
      ),
    );
  }

  return (
    <div>
      <div
        ref={tree}
        className={styles.tree}
        role="tree"
        aria-label={t.listLabel}
        aria-description={t.listHint}
        tabIndex={0}
        aria-activedescendant={activeIndex >= 0 && activeIndex < shown ? rowId(activeIndex) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (activeIndex < 0 && view.length > 0) setActive(view.at(0));
        }}
        data-testid="validation-issue-list"
      >
        {rows}
      </div>
      {shown < view.length && (
        <div className={styles.more}>
          <Button size="small" onClick={() => setLimit((current) => current + ISSUE_PAGE)} data-testid="validation-issue-more">
            {t.listMore(Math.min(ISSUE_PAGE, view.length - shown))}
          </Button>
          <span>{t.listShown(shown, view.length)}</span>
        </div>
      )}
    </div>
  );
}

interface RowProps {
  id: string;
  active: boolean;
  onClick(): void;
}

function GroupRow({ id, active, onClick, item }: RowProps & { item: Extract<IssueListItem, { kind: "group" }> }) {
  const styles = useStyles();
  const { group, collapsed } = item;
  return (
    <div
      id={id}
      role="treeitem"
      aria-level={1}
      aria-expanded={!collapsed}
      aria-setsize={item.setSize}
      aria-posinset={item.position}
      aria-selected={active}
      className={mergeClasses(styles.row, styles.group, active && styles.active)}
      onClick={onClick}
      data-group={group.key}
    >
      {collapsed ? <ChevronRightRegular aria-hidden /> : <ChevronDownRegular aria-hidden />}
      <span className={styles.groupTitle}>
        {group.title}
      </span>
      <span className={styles.counts}>{t.groupCounts(group.errors, group.warnings)}</span>
    </div>
  );
}

function IssueRow({ id, active, onClick, item, address }: RowProps & { item: Extract<IssueListItem, { kind: "issue" }>; address: string | null }) {
  const styles = useStyles();
  const { issue } = item;
  const isError = issue.severity === "error";
  const severity = isError ? t.error : t.warning;
  const column = REGISTER_COLUMNS[issue.column - 1]?.title ?? "";
  // The rules' messages usually name their column («графа 3 «…»»); the place line then does not repeat it.
  const place = t.issuePlace(issue.row, address, column);
  return (
    <div
      id={id}
      role="treeitem"
      aria-level={2}
      aria-setsize={item.setSize}
      aria-posinset={item.position}
      aria-selected={active}
      className={mergeClasses(styles.row, styles.issue, active && styles.active)}
      onClick={onClick}
      data-address={address ?? ""}
      data-severity={issue.severity}
      data-testid="validation-issue"
    >
      {isError ? (
        <ErrorCircleFilled className={mergeClasses(styles.icon, styles.errorIcon)} aria-hidden />
      ) : (
        <WarningFilled className={mergeClasses(styles.icon, styles.warningIcon)} aria-hidden />
      )}
      <div className={styles.grow}>
        <div className={styles.place}>
          <span className={styles.severity}>{severity}</span> · {place}
        </div>
        <div className={styles.message}>
          {messageInPlace(issue.message, issue.column)}
        </div>
      </div>
    </div>
  );
}
