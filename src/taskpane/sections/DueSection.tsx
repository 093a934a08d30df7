/**
 * «Сроки» — the pane's first screen: the next actualization, the open requests with the nearest due dates, and the units
 * that have not sent their files in a running collection round; each line opens its section. One read of the workbook
 * (readAppendixWorkbook: 2 + ceil(cells × 40 / 4 MB) round trips), the rest is the core's. Comparing the register with
 * the approved one (the catalog and the typical list) is fetched only for a workbook that keeps an approved register.
 */
import * as React from "react";
import { Button, Link, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { readAppendixWorkbook } from "../../adapters/office/appendix-read";
import { runExcel } from "../../adapters/office/run";
import { findApprovedSheet } from "../../core/approval";
import { summarizeDue, type DueSummary, type PendingUnitsSource, type RegisterChangesSource } from "../../core/summarize-due";
import { calendarOfSheets } from "../../core/requests/request-report";
import { localTodayIso } from "../../core/calendar/today";
import { pendingUnitsOfSheets } from "../../core/collection/round-record";
import type { SheetText } from "../../core/register-types";
import { MERGE_REPORT_SHEET_NAME } from "../../core/sheet-names";
import { isChunkLoadError, lazyModule } from "../lazy-module";
import { usePaneNavigation } from "../navigation";
import { NoticeBar } from "../NoticeBar";
import { common } from "../strings";
import { due as t } from "../strings/due";
import { requestDue as r } from "../strings/request-due";
import { RequestDueText } from "../requests/RequestDueText";
import type { SectionProps } from "./types";

/** The round's record and the last merge's report tell who has not sent a file. */
const PENDING_UNITS: PendingUnitsSource = (sheets) => pendingUnitsOfSheets(sheets);

const loadRegisterChanges = lazyModule(() => import(/* webpackChunkName: "register-changes" */ "../../core/requests/register-changes"));

/** No approved register, nothing to compare with (what registerChangesOfSheets answers then, without fetching it). */
const NO_APPROVED_REGISTER: RegisterChangesSource = () => null;

async function registerChangesFor(sheets: readonly SheetText[]): Promise<RegisterChangesSource> {
  if (!findApprovedSheet(sheets)) return NO_APPROVED_REGISTER;
  return (await loadRegisterChanges()).registerChangesOfSheets;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "100%" },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  overdue: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}` },
  list: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "2px" },
  wrap: { overflowWrap: "anywhere" },
});

export function DueSection({ environment }: SectionProps): JSX.Element {
  const styles = useStyles();
  const navigation = usePaneNavigation();
  const apiLevel = environment.apiLevel || undefined;
  const [summary, setSummary] = React.useState<DueSummary | null>(null);
  const [problems, setProblems] = React.useState<string[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(environment.kind !== "outside");

  const load = React.useCallback(async () => {
    if (environment.kind === "outside") return;
    setBusy(true);
    setError(null);
    try {
      const read = await runExcel((context) => readAppendixWorkbook(context, { apiLevel, alsoRead: [MERGE_REPORT_SHEET_NAME] }));
      const registerChanges = await registerChangesFor(read.sheets);
      setSummary(summarizeDue(read.sheets, localTodayIso(), { pendingUnits: PENDING_UNITS, registerChanges }));
      setProblems(calendarOfSheets(read.sheets).problems);
    } catch (caught) {
      setError(isChunkLoadError(caught) ? common.chunkLoadFailed : t.readFailed(caught instanceof Error ? caught.message : String(caught)));
    } finally {
      setBusy(false);
    }
  }, [apiLevel, environment.kind]);

  React.useEffect(() => {
    void load();
  }, [load]);
  // Coming back to the first screen shows today's state, not the one of the last visit.
  React.useEffect(() => {
    if (navigation.current === "due" && summary) void load();
  }, [navigation.current]);

  const actualization = summary?.actualization ?? null;
  const requests = summary?.requests ?? null;
  return (
    <div className={styles.root} data-testid="due-section">
      <Text>{t.intro}</Text>
      <div>
        <Button size="small" onClick={() => void load()} disabled={busy || environment.kind === "outside"}>
          {t.refresh}
        </Button>
      </div>
      {busy && !summary && <Spinner size="tiny" label={t.loading} />}
      {error && <NoticeBar notice={{ intent: "error", lines: [error] }} />}
      {problems.map((problem, i) => (
        <NoticeBar key={i} notice={{ intent: "warning", lines: [t.calendarProblem(problem)] }} />
      ))}
      {summary && (
        <>
          <section aria-label={t.actualizationTitle} className={`${styles.block} ${actualization?.overdue ? styles.overdue : ""}`} data-testid="due-actualization">
            <Text weight="semibold">{t.actualizationTitle}</Text>
            <Text className={styles.wrap}>
              {!actualization
                ? t.actualizationNone
                : actualization.changed === false
                  ? t.actualizationUnchanged(actualization.since, actualization.due)
                  : actualization.overdue
                    ? t.actualizationOverdue(actualization.due)
                    : t.actualizationDue(actualization.due, actualization.since, actualization.changed)}
            </Text>
            <Link onClick={() => navigation.goTo("appendix")}>{t.goToAppendix}</Link>
          </section>
          <section aria-label={t.requestsTitle} className={`${styles.block} ${requests?.overdue ? styles.overdue : ""}`} data-testid="due-requests">
            <Text weight="semibold">{t.requestsTitle}</Text>
            {requests ? (
              <>
                <Text>{t.requestsCounts(requests.open, requests.overdue)}</Text>
                {requests.nearest.length > 0 && (
                  <ul className={styles.list}>
                    {requests.nearest.map((request) => (
                      <li key={request.row} className={styles.wrap}>
                        <Text size={200}>
                          <RequestDueText request={request} /> — {request.initiator || "—"}
                          {request.memoNumber ? `, ${r.memo(request.memoNumber, request.memoDate)}` : ""}
                        </Text>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ) : (
              <Text>{summary.requestsProblem ?? t.requestsNone}</Text>
            )}
            <Link onClick={() => navigation.goTo("requests")}>{t.goToRequests}</Link>
          </section>
          {summary.collection && (
            <section aria-label={t.collectionTitle} className={styles.block} data-testid="due-collection">
              <Text weight="semibold">{t.collectionTitle}</Text>
              <Text className={styles.wrap}>
                {summary.collection.units.length ? t.collectionPending(summary.collection.units, summary.collection.due) : t.collectionDone}
              </Text>
              <Link onClick={() => navigation.goTo("merge")}>{t.goToMerge}</Link>
            </section>
          )}
        </>
      )}
    </div>
  );
}
