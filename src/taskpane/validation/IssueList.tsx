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
import { issueAddress, type IssueListItem } from "../../core/issue-views";
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
  items: readonly IssueListItem[];
  table: Pick<RegisterTable, "columnMap">;
  onToggleGroup(key: string): void;
  onSelectIssue(issue: RegisterIssue): void;
}

export function IssueList({ items, table, onToggleGroup, onSelectIssue }: IssueListProps) {
  const styles = useStyles();
  const idPrefix = useId();
  const scroller = useRef<HTMLDivElement>(null);
  // The one piece of list state: which row the keyboard is on (by key, so it survives re-checks).
  const [activeKey, setActiveKey] = useState<string | null>(null);

  const estimateSize = useCallback((index: number) => (items[index].kind === "group" ? GROUP_HEIGHT : ISSUE_HEIGHT), [items]);
  const getItemKey = useCallback((index: number) => items[index].key, [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: 6,
  });

  const activeIndex = useMemo(() => (activeKey === null ? -1 : items.findIndex((item) => item.key === activeKey)), [items, activeKey]);
  // Positions within each group for screen readers (the DOM holds only a window of the list).
  const positions = useMemo(() => itemPositions(items), [items]);

  const act = (item: IssueListItem) => {
    if (item.kind === "group") onToggleGroup(item.key);
    else onSelectIssue(item.issue);
  };

  const moveTo = (index: number) => {
    if (items.length === 0) return;
    const bounded = Math.max(0, Math.min(items.length - 1, index));
    setActiveKey(items[bounded].key);
    virtualizer.scrollToIndex(bounded, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = activeIndex;
    const item = index >= 0 ? items[index] : undefined;
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
        moveTo(items.length - 1);
        break;
      case "Enter":
      case " ":
        if (item) act(item);
        break;
      case "ArrowLeft":
        if (item?.kind === "group" && !item.collapsed) onToggleGroup(item.key);
        else if (item?.kind === "issue") moveTo(items.findIndex((other) => other.key === item.groupKey));
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

  const rowId = (key: string) => `${idPrefix}-${key.replace(/[^\w-]/g, "_")}`;
  const virtualItems = virtualizer.getVirtualItems();

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      style={{ height: `min(${virtualizer.getTotalSize() + 2}px, 60vh)` }}
      role="tree"
      aria-label={t.listLabel}
      aria-description={t.listHint}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? rowId(items[activeIndex].key) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activeIndex < 0 && items.length > 0) setActiveKey(items[0].key);
      }}
      data-testid="validation-issue-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }} role="presentation">
        {virtualItems.map((virtual) => {
          const item = items[virtual.index];
          const position = positions[virtual.index];
          const common = {
            id: rowId(item.key),
            active: virtual.index === activeIndex,
            top: virtual.start,
            height: virtual.size,
            setSize: position.setSize,
            posInSet: position.posInSet,
            onClick: () => {
              setActiveKey(item.key);
              act(item);
            },
          };
          return item.kind === "group" ? (
            <GroupRow key={item.key} {...common} item={item} />
          ) : (
            <IssueRow key={item.key} {...common} issue={item.issue} address={issueAddress(table, item.issue)} />
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
  setSize: number;
  posInSet: number;
  onClick(): void;
}

function GroupRow({ id, active, top, height, setSize, posInSet, onClick, item }: RowProps & { item: Extract<IssueListItem, { kind: "group" }> }) {
  const styles = useStyles();
  const { group, collapsed } = item;
  return (
    <div
      id={id}
      role="treeitem"
      aria-level={1}
      aria-expanded={!collapsed}
      aria-setsize={setSize}
      aria-posinset={posInSet}
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

function IssueRow({ id, active, top, height, setSize, posInSet, onClick, issue, address }: RowProps & { issue: RegisterIssue; address: string | null }) {
  const styles = useStyles();
  const isError = issue.severity === "error";
  const severity = isError ? t.error : t.warning;
  const column = REGISTER_COLUMNS[issue.column - 1]?.title ?? "";
  const place = t.issuePlace(issue.row, address, column);
  return (
    <div
      id={id}
      role="treeitem"
      aria-level={2}
      aria-setsize={setSize}
      aria-posinset={posInSet}
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

function itemPositions(items: readonly IssueListItem[]): { setSize: number; posInSet: number }[] {
  const positions: { setSize: number; posInSet: number }[] = new Array(items.length);
  const groupCount = items.reduce((n, item) => n + (item.kind === "group" ? 1 : 0), 0);
  let groupIndex = 0;
  let issueIndex = 0;
  let groupSize = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === "group") {
      groupIndex++;
      issueIndex = 0;
      groupSize = item.collapsed ? 0 : item.group.issues.length;
      positions[i] = { setSize: groupCount, posInSet: groupIndex };
    } else {
      issueIndex++;
      positions[i] = { setSize: groupSize, posInSet: issueIndex };
    }
  }
  return positions;
}
