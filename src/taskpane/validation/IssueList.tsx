/**
 * The check's issues as one virtualised tree: group headers (collapsible) and issues. Only the rows in view are in the
 * DOM, so 100,000 issues cost no more to draw than 20. Keyboard: the list is one tab stop; arrows move, Enter acts,
 * ← → collapse and expand (aria-activedescendant points at the active row). Cell text is rendered as React text only.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, ErrorCircleFilled, WarningFilled } from "@fluentui/react-icons";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { REGISTER_COLUMNS } from "../../core/columns";
import { issueAddress, type IssueListItem, type IssueListView } from "../../core/issue-views";
import type { RegisterIssue, RegisterTable } from "../../core/register-types";
import { validation as t } from "../strings/validation";

const GROUP_HEIGHT = 34;
const ISSUE_HEIGHT = 62;

const useStyles = makeStyles({
  scroller: {
    overflowY: "auto",
    position: "relative",
    maxHeight: "60vh",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outline: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  row: {
    position: "absolute",
    left: 0,
    width: "100%",
    boxSizing: "border-box",
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  group: {
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
  },
  issue: {
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0 ${tokens.spacingHorizontalL}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
  },
  grow: { flexGrow: 1, minWidth: 0 },
  groupTitle: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  counts: { flexShrink: 0, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  place: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    color: tokens.colorNeutralForeground2,
  },
  severity: { fontWeight: tokens.fontWeightSemibold },
  message: {
    overflow: "hidden",
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    wordBreak: "break-word",
  },
  icon: { flexShrink: 0, fontSize: "16px", marginTop: "1px" },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
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
  const scroller = useRef<HTMLDivElement>(null);
  // The one piece of list state: the row the keyboard is on, kept as an item so it is found again in a new view.
  const [active, setActive] = useState<IssueListItem | null>(null);

  // New identities per view make the virtualiser re-measure (it caches sizes by these); both are O(1) per row.
  const estimateSize = useCallback((index: number) => (view.isGroup(index) ? GROUP_HEIGHT : ISSUE_HEIGHT), [view]);
  const getItemKey = useCallback((index: number) => index, [view]);
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: 6,
  });

  const activeIndex = useMemo(() => (active === null ? -1 : view.indexOf(active)), [view, active]);

  const act = (item: IssueListItem) => {
    if (item.kind === "group") onToggleGroup(item.key);
    else onSelectIssue(item.issue);
  };

  const moveTo = (index: number) => {
    if (view.length === 0) return;
    const bounded = Math.max(0, Math.min(view.length - 1, index));
    setActive(view.at(bounded));
    virtualizer.scrollToIndex(bounded, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = activeIndex;
    const item = index >= 0 ? view.at(index) : undefined;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / ISSUE_HEIGHT));
    switch (event.key) {
      case "ArrowDown":
        moveTo(index + 1);
        break;
      case "ArrowUp":
        moveTo(index < 0 ? 0 : index - 1);
        break;
      case "PageDown":
        moveTo(index + page);
        break;
      case "PageUp":
        moveTo(index - page);
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

  const rowId = (index: number) => `${idPrefix}-item-${index}`;
  const totalSize = virtualizer.getTotalSize();

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      style={{ height: `min(${totalSize + 2}px, 60vh)` }}
      role="tree"
      aria-label={t.listLabel}
      aria-description={t.listHint}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activeIndex < 0 && view.length > 0) setActive(view.at(0));
      }}
      data-testid="validation-issue-list"
    >
      <div style={{ height: totalSize, position: "relative" }} role="presentation">
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = view.at(virtual.index);
          const common = {
            id: rowId(virtual.index),
            active: virtual.index === activeIndex,
            top: virtual.start,
            height: virtual.size,
            onClick: () => {
              setActive(item);
              act(item);
            },
          };
          return item.kind === "group" ? (
            <GroupRow key={item.key} {...common} item={item} />
          ) : (
            <IssueRow key={item.key} {...common} item={item} address={issueAddress(table, item.issue)} />
          );
        })}
      </div>
    </div>
  );
}

interface RowProps {
  id: string;
  active: boolean;
  top: number;
  height: number;
  onClick(): void;
}

function GroupRow({ id, active, top, height, onClick, item }: RowProps & { item: Extract<IssueListItem, { kind: "group" }> }) {
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
      style={{ top, height }}
      onClick={onClick}
      data-group={group.key}
    >
      {collapsed ? <ChevronRightRegular aria-hidden /> : <ChevronDownRegular aria-hidden />}
      <span className={styles.groupTitle} title={group.title}>
        {group.title}
      </span>
      <span className={styles.counts}>{t.groupCounts(group.errors, group.warnings)}</span>
    </div>
  );
}

function IssueRow({ id, active, top, height, onClick, item, address }: RowProps & { item: Extract<IssueListItem, { kind: "issue" }>; address: string | null }) {
  const styles = useStyles();
  const { issue } = item;
  const isError = issue.severity === "error";
  const severity = isError ? t.error : t.warning;
  const column = REGISTER_COLUMNS[issue.column - 1]?.title ?? "";
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
      style={{ top, height }}
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
        <div className={styles.place} title={`${severity}. ${place}`}>
          <span className={styles.severity}>{severity}</span> · {place}
        </div>
        <div className={styles.message} title={issue.message}>
          {issue.message}
        </div>
      </div>
    </div>
  );
}
