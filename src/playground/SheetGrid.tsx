/**
 * Draws one simulated sheet: virtualised rows, column letters, row numbers, values as text (React escapes them),
 * bold/italic/colour/fill, the selection. Double-click edits a cell and Ctrl+V pastes a block, both through the
 * simulator's user-edit path so the add-in sees the worksheet's changed event as in Excel.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { cellAddress, cellPlacement, columnLetter, columnPixels, gridExtent, inBox, type SimSheetLike } from "./workbook-model";

const ROW_HEIGHT = 22;
const ROW_HEADER_WIDTH = 48;

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    flex: 1,
    minHeight: 0,
    overflow: "auto",
    outline: "none",
    fontFamily: "Calibri, Carlito, 'Segoe UI', Arial, sans-serif",
    fontSize: "13px",
    backgroundColor: "#ffffff",
  },
  row: { position: "absolute", left: 0, display: "flex" },
  headerRow: { position: "sticky", top: 0, zIndex: 2, display: "flex", backgroundColor: "#f3f3f3" },
  cell: {
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    padding: "1px 3px",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    whiteSpace: "pre",
    overflow: "hidden",
    textOverflow: "clip",
    flexShrink: 0,
    cursor: "cell",
  },
  heading: {
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    flexShrink: 0,
    textAlign: "center",
    color: "#444",
    borderRight: "1px solid #d0d0d0",
    borderBottom: "1px solid #d0d0d0",
    backgroundColor: "#f3f3f3",
    userSelect: "none",
  },
  rowHeading: { position: "sticky", left: 0, zIndex: 1 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: "rgba(33,115,70,0.08)" },
  editor: { width: "100%", height: "100%", boxSizing: "border-box", border: "none", padding: 0, font: "inherit", outline: "none" },
});

export interface SheetGridProps {
  sheet: SimSheetLike;
  /** Bumped on every workbook change so memoised rows redraw. */
  version: number;
  onSelect(row: number, column: number): void;
  onEdit(row: number, column: number, values: string[][]): void;
  onPaste(text: string): void;
}

export function SheetGrid({ sheet, version, onSelect, onEdit, onPaste }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ row: number; column: number; text: string } | null>(null);
  const extent = useMemo(() => gridExtent(sheet), [sheet, version]);
  const widths = useMemo(() => Array.from({ length: extent.columns }, (_, c) => columnPixels(sheet, c)), [sheet, version, extent.columns]);
  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((sum, width) => sum + width, 0);
  const virtualizer = useVirtualizer({
    count: extent.rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const selection = sheet.selection;

  const commit = () => {
    if (!editing) return;
    onEdit(editing.row, editing.column, [[editing.text]]);
    setEditing(null);
  };

  const onEditorKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setEditing(null);
    }
  };

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      tabIndex={0}
      role="grid"
      aria-label={sheet.name}
      aria-rowcount={extent.rows}
      aria-colcount={extent.columns}
      data-testid="sheet-grid"
      data-sheet={sheet.name}
      onPaste={(event) => {
        if (editing) return;
        event.preventDefault();
        onPaste(event.clipboardData.getData("text/plain"));
      }}
    >
      <div style={{ height: virtualizer.getTotalSize() + ROW_HEIGHT, width: totalWidth, position: "relative" }}>
        <div className={styles.headerRow} style={{ width: totalWidth }} role="row">
          <div className={mergeClasses(styles.heading, styles.rowHeading)} style={{ width: ROW_HEADER_WIDTH }} />
          {widths.map((width, c) => (
            <div key={c} className={styles.heading} style={{ width }} role="columnheader">
              {columnLetter(c)}
            </div>
          ))}
        </div>
        {virtualizer.getVirtualItems().map((item) => {
          const r = item.index;
          return (
            <div key={r} className={styles.row} style={{ top: item.start + ROW_HEIGHT, width: totalWidth }} role="row">
              <div className={mergeClasses(styles.heading, styles.rowHeading)} style={{ width: ROW_HEADER_WIDTH }} role="rowheader">
                {r + 1}
              </div>
              {widths.map((width, c) => {
                const address = cellAddress(r, c);
                if (editing && editing.row === r && editing.column === c) {
                  return (
                    <div key={c} className={mergeClasses(styles.cell, styles.selected)} style={{ width }}>
                      <input
                        autoFocus
                        className={styles.editor}
                        aria-label={address}
                        data-testid="cell-editor"
                        value={editing.text}
                        onChange={(event) => setEditing({ ...editing, text: event.target.value })}
                        onKeyDown={onEditorKey}
                        onBlur={commit}
                      />
                    </div>
                  );
                }
                const placement = cellPlacement(sheet, r, c);
                if (placement.kind === "hidden") return null;
                const spanned = placement.kind === "cell" ? width : spanWidth(widths, c, placement.lastColumn);
                return (
                  <div
                    key={c}
                    role="gridcell"
                    data-cell={address}
                    data-merged={placement.kind === "cell" ? undefined : "true"}
                    className={mergeClasses(styles.cell, inBox(selection, r, c) && styles.selected)}
                    style={{ width: spanned, ...cellStyle(sheet, r, c) }}
                    onClick={() => onSelect(r, c)}
                    onDoubleClick={() => {
                      onSelect(r, c);
                      setEditing({ row: r, column: c, text: sheet.textAt(r, c) });
                    }}
                  >
                    {placement.kind === "blank" ? "" : sheet.textAt(r, c)}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Pixels of a merged area drawn across columns first..last (the grid's columns only). */
function spanWidth(widths: readonly number[], first: number, last: number): number {
  let total = 0;
  for (let c = first; c <= Math.min(last, widths.length - 1); c++) total += widths[c];
  return total;
}

function cellStyle(sheet: SimSheetLike, row: number, column: number): CSSProperties {
  const style = sheet.styleAt(row, column);
  const css: CSSProperties = {};
  if (style.bold) css.fontWeight = 700;
  if (style.italic) css.fontStyle = "italic";
  if (style.fontColor && style.fontColor.toUpperCase() !== "#000000") css.color = style.fontColor;
  if (style.fill) css.backgroundColor = style.fill;
  if (style.wrap) css.whiteSpace = "pre-wrap";
  const horizontal = style.horizontal?.toLowerCase();
  if (horizontal === "center" || horizontal === "centeracrossselection") css.textAlign = "center";
  else if (horizontal === "right") css.textAlign = "right";
  return css;
}
