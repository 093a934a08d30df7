/**
 * «Свести файлы подразделений»: choose the units' .xlsx files (picker or drag and drop), watch each one being read, then
 * write the consolidated register, the merge report and — with an approved register in the workbook or chosen as a file —
 * the change log into the current workbook. Replacing an earlier consolidation asks first. Excel is reached only through
 * the adapters via runExcel.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  ProgressBar,
  Spinner,
  Text,
  Link,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { readMergeWorkbookState, writeMergeSheets, type MergeWorkbookState } from "../../adapters/office/merge";
import { describeOfficeError, runExcel } from "../../adapters/office/run";
import { activateSheet } from "../../adapters/office/sheets";
import { CHANGE_LOG_SHEET_NAME, MERGE_REPORT_SHEET_NAME } from "../../core/sheet-names";
import { MERGED_SHEET_NAME } from "../../core/layout/merge-sheets";
import { planMerge } from "../../core/layout/merge-sheets";
import { todayText } from "../../core/approval";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { resolveSettings, settingsResolutionLines } from "../../core/settings-sources";
import { mergeTotals, type MergeInput } from "../../core/merge";
import { merge as t } from "../strings/merge";
import { FileDropZone } from "../merge/FileDropZone";
import { looksLikeXlsx, readApprovedFile, readUnitFile, type ApprovedFile, type ReadUnitFile } from "../merge/read-files";
import type { SectionProps } from "./types";
import { NoticeBar, type Notice } from "../NoticeBar";
import { DistributePanel } from "../merge/DistributePanel";
import { assessRound, unitsMissingFirst, type UnitReport } from "../../core/collection/round";
import { collection as c } from "../strings/collection";

/** Who submitted, the missing units on top; null when no unit is known. */
function unitsNotice(units: readonly UnitReport[]): Notice | null {
  if (units.length === 0) return null;
  const missing = units.filter((unit) => unit.status === "missing").length;
  return {
    intent: missing > 0 ? "warning" : "success",
    title: c.whoSentTitle(missing, units.length),
    lines: unitsMissingFirst(units).map(c.unitLine),
  };
}

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: "14px" },
  dialog: { maxWidth: "calc(100vw - 24px)", boxSizing: "border-box", padding: "16px" },
  links: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "2px" },
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { display: "flex", alignItems: "flex-start", gap: "6px" },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  grow: { flexGrow: 1, minWidth: 0 },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

interface FileEntry {
  id: number;
  file: File;
  state: "waiting" | "reading" | "done";
  read?: ReadUnitFile;
}

type ApprovedChoice = { file: File; state: "reading" } | { file: File; state: "done"; read: ApprovedFile };


function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function statusText(entry: FileEntry): { text: string; tone: "ok" | "error" | "neutral" } {
  if (entry.state === "waiting") return { text: t.statusWaiting, tone: "neutral" };
  if (entry.state === "reading" || !entry.read) return { text: t.statusReading, tone: "neutral" };
  const result = entry.read.result;
  if (!result.ok) return { text: `${t.statusError}: ${result.message}`, tone: "error" };
  const rows = result.table.rows.filter((row) => row.cells.some((cell) => cell !== "")).length;
  return { text: t.statusOk(rows, result.table.sheet), tone: "ok" };
}

export function MergeSection({ environment }: SectionProps): JSX.Element {
  const styles = useStyles();
  const apiLevel = environment.apiLevel || undefined;
  const [entries, setEntries] = React.useState<FileEntry[]>([]);
  const [approved, setApproved] = React.useState<ApprovedChoice | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [confirm, setConfirm] = React.useState<MergeWorkbookState | null>(null);
  const [resultSheets, setResultSheets] = React.useState<string[]>([]);
  const [sheetFailure, setSheetFailure] = React.useState<string | null>(null);
  const resultHeading = React.useRef<HTMLHeadingElement>(null);
  const [replacing, setReplacing] = React.useState<string[]>([]);
  React.useEffect(() => {
    if (confirm) setReplacing(confirm.existingMergeSheets);
  }, [confirm]);
  const nextId = React.useRef(1);
  const queue = React.useRef<Promise<void>>(Promise.resolve());

  const update = (id: number, change: Partial<FileEntry>) =>
    setEntries((current) => current.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)));

  /** Files are read one after another (bounded memory), each shown as soon as it is done. */
  const addFiles = (files: File[]) => {
    const added = files.map((file) => ({ id: nextId.current++, file, state: "waiting" as const }));
    setEntries((current) => [...current, ...added]);
    setNotices([]);
    for (const entry of added) {
      queue.current = queue.current.then(async () => {
        update(entry.id, { state: "reading" });
        let read: ReadUnitFile;
        if (!looksLikeXlsx(entry.file)) {
          read = { result: { ok: false, reason: "not-workbook", message: t.notExcelFile }, settings: null };
        } else {
          try {
            read = await readUnitFile(entry.file);
          } catch (error) {
            read = { result: { ok: false, reason: "unreadable", message: errorText(error) }, settings: null };
          }
        }
        update(entry.id, { state: "done", read });
      });
    }
  };

  const chooseApproved = async (file: File) => {
    setApproved({ file, state: "reading" });
    let read: ApprovedFile;
    try {
      read = await readApprovedFile(file);
    } catch (error) {
      read = { ok: false, message: errorText(error) };
    }
    setApproved({ file, state: "done", read });
  };

  const done = entries.filter((entry) => entry.state === "done").length;
  const reading = done < entries.length || approved?.state === "reading";

  const write = async (state: MergeWorkbookState) => {
    setConfirm(null);
    setBusy(true);
    setNotices([]);
    setResultSheets([]);
    try {
      const inputs: MergeInput[] = entries.map((entry) => ({
        file: entry.file.name,
        result: entry.read!.result,
        stamp: entry.read!.stamp,
        received: entry.read!.received,
      }));
      const chosen = approved?.state === "done" && approved.read.ok ? approved.read : null;
      const previous = chosen ?? state.approved;
      // The workbook's own settings win; a workbook without them receives the resolved ones (with the reference sheet).
      const resolution = resolveSettings({
        explicit: state.settings ? { file: t.thisWorkbook, settings: state.settings } : null,
        previous: chosen?.settings && approved ? { file: approved.file.name, settings: chosen.settings } : null,
        inputs: entries.flatMap((entry) => (entry.read?.settings ? [{ file: entry.file.name, settings: entry.read.settings }] : [])),
        defaults: DEFAULT_SETTINGS,
      });
      const plan = planMerge({ inputs, settings: resolution.settings, previous, date: todayText(), settingsResolution: resolution, writeSettings: !state.settings });
      const report = await runExcel((context) =>
        writeMergeSheets(context, plan.layout, { existingMergeSheets: state.existingMergeSheets, markRecords: state.markRecords, apiLevel }),
      );
      const totals = mergeTotals(plan.result);
      const lines = [t.doneSummary(totals.rows, totals.duplicatesMerged, totals.filesRead), t.doneIssues(totals.errors, totals.warnings)];
      if (previous) lines.push(t.doneChanges(plan.changes.length, previous.description));
      if (totals.filesFailed > 0) lines.push(t.doneFailed(totals.filesFailed));
      const result: Notice[] = [];
      const units = unitsNotice(plan.result.units ?? []);
      if (units) result.push(units);
      result.push({ intent: totals.errors > 0 || totals.filesFailed > 0 ? "warning" : "success", title: t.doneTitle, lines });
      if (resolution.conflicts.length > 0) result.push({ intent: "warning", title: t.settingsConflictsTitle, lines: settingsResolutionLines(resolution) });
      if (report.skipped.length > 0) result.push({ intent: "info", title: t.skippedTitle, lines: report.skipped });
      if (report.warnings.length > 0) result.push({ intent: "warning", lines: report.warnings });
      setNotices(result);
      setResultSheets([MERGED_SHEET_NAME, MERGE_REPORT_SHEET_NAME, ...(previous ? [CHANGE_LOG_SHEET_NAME] : [])]);
    } catch (error) {
      setNotices([{ intent: "error", lines: [errorText(error)] }]);
    } finally {
      setBusy(false);
      requestAnimationFrame(() => resultHeading.current?.focus());
    }
  };

  const openSheet = (name: string) => {
    setSheetFailure(null);
    runExcel((context) => activateSheet(context, name)).catch((error: unknown) => setSheetFailure(`${t.openSheetFailed}: ${describeOfficeError(error)}`));
  };

  /** «Кто прислал»: the units of the chosen files, without writing anything. */
  const whoSent = () => {
    const inputs = entries
      .filter((entry) => entry.read)
      .map((entry) => ({
        file: entry.file.name,
        table: entry.read!.result.ok ? entry.read!.result.table : null,
        stamp: entry.read!.stamp,
        received: entry.read!.received,
      }));
    const settings = entries.map((entry) => entry.read?.settings).find((found) => found) ?? null;
    const round = assessRound(inputs, {
      units: settings?.units,
      agency: settings ? { name: settings.agencyName, code: settings.agencyCode } : undefined,
    });
    setNotices([unitsNotice(round.units) ?? { intent: "info", lines: [c.noUnits] }]);
  };

  const start = async () => {
    if (entries.length === 0) {
      setNotices([{ intent: "warning", lines: [t.noFiles] }]);
      return;
    }
    if (!entries.some((entry) => entry.read?.result.ok)) {
      setNotices([{ intent: "error", lines: [t.nothingReadable] }]);
      return;
    }
    setBusy(true);
    try {
      const state = await runExcel((context) => readMergeWorkbookState(context));
      setBusy(false);
      if (state.existingMergeSheets.length > 0) setConfirm(state);
      else await write(state);
    } catch (error) {
      setBusy(false);
      setNotices([{ intent: "error", lines: [errorText(error)] }]);
    }
  };

  return (
    <section className={styles.root} aria-label={t.title}>
      <DistributePanel disabled={busy || environment.kind === "outside"} />

      <Text size={200}>{t.intro}</Text>

      <FileDropZone
        inputId="merge-files-input"
        label={t.filesLabel}
        buttonText={t.chooseFiles}
        hint={t.dropHint}
        activeHint={t.dropActive}
        multiple
        disabled={busy}
        onFiles={addFiles}
      />

      {entries.length > 0 && (
        <>
          <ProgressBar value={entries.length ? done / entries.length : 0} aria-label={t.progress(done, entries.length)} />
          <Text size={200} aria-live="polite">
            {t.progress(done, entries.length)}
          </Text>
          <ul className={styles.list} data-testid="merge-file-list">
            {entries.map((entry) => {
              const status = statusText(entry);
              return (
                <li key={entry.id} className={styles.item}>
                  {entry.state === "reading" ? <Spinner size="extra-tiny" /> : null}
                  <div className={styles.grow}>
                    <div className={styles.name}>{entry.file.name}</div>
                    <Text size={200} className={status.tone === "ok" ? styles.ok : status.tone === "error" ? styles.error : undefined}>
                      {status.text}
                    </Text>
                  </div>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={<DismissRegular />}
                    aria-label={t.removeFile(entry.file.name)}
                    disabled={busy || entry.state !== "done"}
                    onClick={() => setEntries((current) => current.filter((other) => other.id !== entry.id))}
                  />
                </li>
              );
            })}
          </ul>
        </>
      )}

      <FileDropZone
        inputId="merge-approved-input"
        label={t.approvedLabel}
        buttonText={t.approvedChoose}
        hint={t.approvedHint}
        activeHint={t.dropActive}
        multiple={false}
        disabled={busy}
        onFiles={(files) => void chooseApproved(files[0])}
      />
      {approved && (
        <div className={styles.row}>
          <Text size={200} className={approved.state === "done" && !approved.read.ok ? styles.error : undefined}>
            {approved.state === "reading"
              ? t.approvedReading(approved.file.name)
              : approved.read.ok
                ? t.approvedFile(approved.file.name, approved.read.table.rows.length)
                : t.approvedError(approved.file.name, approved.read.message)}
          </Text>
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => setApproved(null)}>
            {t.approvedClear}
          </Button>
        </div>
      )}

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={environment.kind === "outside"}
          disabledFocusable={busy || reading}
          onClick={() => {
            if (!busy && !reading) void start();
          }}
        >
          {busy ? t.writing : t.write}
        </Button>
        {entries.length > 0 && (
          <Button disabled={busy || reading} onClick={whoSent}>
            {c.whoSent}
          </Button>
        )}
        {entries.length > 0 && (
          <Button disabled={busy || reading} onClick={() => setEntries([])}>
            {t.clear}
          </Button>
        )}
        {busy && <Spinner size="tiny" />}
      </div>

      {notices.length > 0 && (
        <h3 ref={resultHeading} tabIndex={-1} className={styles.heading}>
          {t.resultHeading}
        </h3>
      )}
      {notices.map((notice, index) => (
        <NoticeBar key={index} notice={notice} testId="merge-notice" />
      ))}
      {resultSheets.length > 0 && (
        <nav aria-label={t.sheetsTitle} data-testid="merge-sheet-links">
          <ul className={styles.links}>
            {resultSheets.map((name) => (
              <li key={name}>
                <Link as="button" onClick={() => openSheet(name)}>
                  {t.openSheet(name)}
                </Link>
              </li>
            ))}
          </ul>
          {sheetFailure && (
            <Text role="alert" size={200} className={styles.error}>
              {sheetFailure}
            </Text>
          )}
        </nav>
      )}

      <Dialog open={confirm !== null} onOpenChange={(_, data) => (!data.open ? setConfirm(null) : undefined)}>
        {/* Sized to the pane (320 px) and never emptied while it closes: a blank surface read as a white layer. */}
        <DialogSurface className={styles.dialog} aria-describedby="merge-replace-text">
          <DialogBody>
            <DialogTitle>{t.replaceTitle}</DialogTitle>
            <DialogContent id="merge-replace-text">{t.replaceText(replacing)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => confirm && void write(confirm)}>
                {t.replaceConfirm}
              </Button>
              <Button onClick={() => setConfirm(null)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
