/** The right side of the playground: toolbar, sheet tabs and the grid of the active simulated sheet. */
import {
  Button,
  Caption1,
  Select,
  Switch,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { SheetGrid } from "./SheetGrid";
import { playgroundStrings as t } from "./strings";
import {
  MAX_GRID_COLUMNS,
  activateSheet,
  editCells,
  gridExtent,
  parseClipboardTable,
  selectCell,
  visibleTabs,
  type PlaygroundSimulator,
} from "./workbook-model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0 },
  toolbar: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flex: 1 },
  status: { display: "flex", gap: tokens.spacingHorizontalM, padding: `2px ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto", backgroundColor: tokens.colorNeutralBackground2 },
});

export interface WorkbookViewProps {
  sim: PlaygroundSimulator;
  apiChoice: string;
  onApiChoice(choice: string): void;
  /** The task pane's theme, as Office's dark themes would set it. */
  darkPane: boolean;
  onDarkPane(dark: boolean): void;
  syncCount(): number;
}

export function WorkbookView({ sim, apiChoice, onApiChoice, darkPane, onDarkPane, syncCount }: WorkbookViewProps) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [showVeryHidden, setShowVeryHidden] = useState(false);
  const [error, setError] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let frame = 0;
    const unsubscribe = sim.onChange(() => {
      // Many model changes arrive per sync; redraw once per frame.
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [sim]);

  const workbook = sim.workbook;
  const sheet = workbook.activeSheet;
  const tabs = visibleTabs(workbook, showVeryHidden || sheet.visibility === "VeryHidden");
  const extent = gridExtent(sheet);

  const guard = (action: () => void | Promise<unknown>, describe: (reason: string) => string) => {
    const report = (caught: unknown) => setError(describe(caught instanceof Error ? caught.message : String(caught)));
    try {
      setError("");
      const pending = action();
      if (pending) pending.catch(report);
    } catch (caught) {
      report(caught);
    }
  };

  const edit = async (row: number, column: number, values: string[][], paste: boolean) => {
    const accepted = await editCells(sim, sheet, row, column, values, paste);
    if (!accepted) setError(t.valueRefused);
  };

  const download = async () => {
    try {
      setError("");
      const bytes = await sim.saveXlsx();
      const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = "reestr-playground.xlsx";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(t.saveFailed(caught instanceof Error ? caught.message : String(caught)));
    }
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      setError("");
      await sim.loadXlsx(new Uint8Array(await file.arrayBuffer()));
      setVersion((v) => v + 1);
    } catch (caught) {
      setError(t.openFailed(caught instanceof Error ? caught.message : String(caught)));
    }
  };

  return (
    <section className={styles.root} aria-label={t.workbookLabel} data-testid="workbook-view">
      <div className={styles.toolbar}>
        <Button icon={<ArrowDownloadRegular />} onClick={download} data-testid="download-xlsx">
          {t.download}
        </Button>
        <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()}>
          {t.open}
        </Button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="open-xlsx"
          onChange={(event) => {
            void open(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
        <Switch label={t.showVeryHidden} checked={showVeryHidden} onChange={(_e, data) => setShowVeryHidden(data.checked)} />
        <Switch label={t.darkPane} checked={darkPane} data-testid="theme-choice" onChange={(_e, data) => onDarkPane(data.checked)} />
        <span className={styles.spacer} />
        <Caption1 id="api-level-label">{t.apiLevelLabel}</Caption1>
        <Select
          aria-labelledby="api-level-label"
          data-testid="api-choice"
          value={apiChoice}
          onChange={(_event, data) => data.value !== apiChoice && onApiChoice(data.value)}
        >
          <option value="newest">{t.apiNewest}</option>
          <option value="1.8">{t.apiOffice2019}</option>
        </Select>
      </div>
      <SheetGrid
        key={sheet.name}
        sheet={sheet}
        version={version}
        onSelect={(row, column) => guard(() => selectCell(sim, sheet, row, column), t.editFailed)}
        onEdit={(row, column, values) => guard(() => edit(row, column, values, false), t.editFailed)}
        onPaste={(text) => {
          const selection = sheet.selection;
          guard(() => edit(selection.r0, selection.c0, parseClipboardTable(text), true), t.editFailed);
        }}
      />
      <div className={styles.status}>
        <Caption1>{t.editHint}</Caption1>
        {extent.columnsCapped ? <Caption1>{t.columnsCapped(MAX_GRID_COLUMNS)}</Caption1> : null}
        <Caption1 data-testid="sync-count">{t.syncs(syncCount())}</Caption1>
        {error ? (
          <Caption1 className={styles.error} role="alert">
            {error}
          </Caption1>
        ) : null}
      </div>
      <nav className={styles.tabs} aria-label={t.sheetTabsLabel}>
        <TabList
          size="small"
          selectedValue={sheet.name}
          onTabSelect={(_event, data) => {
            const target = workbook.sheets.find((candidate) => candidate.name === data.value);
            if (target) guard(() => activateSheet(sim, target), t.editFailed);
          }}
        >
          {tabs.map((tab) => (
            <Tab key={tab.name} value={tab.name} data-testid="sheet-tab" data-visibility={tab.visibility}>
              {tab.name}
              {tab.visibility === "Hidden" ? ` (${t.hiddenMark})` : tab.visibility === "VeryHidden" ? ` (${t.veryHiddenMark})` : ""}
            </Tab>
          ))}
        </TabList>
      </nav>
    </section>
  );
}
