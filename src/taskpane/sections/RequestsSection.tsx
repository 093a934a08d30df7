/**
 * «Обращения»: register a change request (its due date shown as soon as the received date is entered), the open requests
 * with the overdue and nearly due first, decide one («учтено», «отклонено» with a reason), and the requests a merge or a
 * fix has already satisfied offered for «учтено». Each change reads the workbook (2 + chunks round trips) and rewrites
 * the sheet «Журнал обращений» in 1 more; a log with columns the add-in does not know is never rewritten.
 */
import * as React from "react";
import { Badge, Button, Field, Input, Radio, RadioGroup, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { readRequestWorkbook, writeRequestLog } from "../../adapters/office/request-log";
import { runExcel } from "../../adapters/office/run";
import { settingsOfSheets } from "../../core/appendix-plan";
import { localTodayIso } from "../../core/calendar/today";
import { REQUEST_LOG_FIRST_DATA_ROW } from "../../core/layout/request-log-sheet";
import { findRequestLogSheet, GROUND_LETTERS, groundLabel, type ChangeRequest, type RequestGround } from "../../core/requests/request-log";
import {
  appendRequest,
  decideRequest,
  dueDateOfDraft,
  evaluateForSheet,
  requestsSatisfiedByChanges,
  unknownLogColumns,
  validateRequestDraft,
  type DraftField,
  type RequestDraft,
  type SatisfiedRequest,
} from "../../core/requests/request-edit";
import { calendarOfSheets, registerChangesOfSheets, registerIdsOfSheets } from "../../core/requests/request-report";
import { byUrgency, type EvaluatedRequest, type RequestIssue } from "../../core/requests/request-rules";
import { NoticeBar, type Notice } from "../NoticeBar";
import { CycleDocumentsPanel } from "../requests/CycleDocumentsPanel";
import { RequestDueText } from "../requests/RequestDueText";
import { requests as t } from "../strings/requests";
import type { SectionProps } from "./types";

const EMPTY_DRAFT: RequestDraft = { initiator: "", memoNumber: "", memoDate: "", received: "", ground: "", processIds: [], summary: "" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "100%" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  overdue: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}` },
  soon: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteYellowBorder2}` },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

interface LogState {
  requests: EvaluatedRequest[];
  issues: RequestIssue[];
  units: string[];
  satisfied: SatisfiedRequest[];
}

/** What one read of the workbook tells the section, and what a write needs. */
async function loadLog(context: Excel.RequestContext, today: string, apiLevel?: string) {
  const read = await readRequestWorkbook(context, today, { apiLevel });
  const { calendar } = calendarOfSheets(read.sheets);
  const registerIds = registerIdsOfSheets(read.sheets);
  const logSheet = findRequestLogSheet(read.sheets);
  const report = read.report;
  const foreign = report.ok && logSheet ? unknownLogColumns(logSheet.rows[report.log.headerRow - 1] ?? [], report.log) : [];
  if (!report.ok && report.reason === "no-header") throw new Error(report.message);
  const requests: EvaluatedRequest[] = report.ok ? report.requests : [];
  const changes = registerChangesOfSheets(read.sheets);
  return {
    read,
    calendar,
    registerIds,
    foreign,
    state: {
      requests,
      issues: report.ok ? report.issues : [],
      units: settingsOfSheets(read.sheets).units,
      satisfied: changes ? requestsSatisfiedByChanges(requests, changes) : [],
    } satisfies LogState,
  };
}

export function RequestsSection({ environment }: SectionProps): JSX.Element {
  const styles = useStyles();
  const apiLevel = environment.apiLevel || undefined;
  const outside = environment.kind === "outside";
  const [state, setState] = React.useState<LogState | null>(null);
  const [draft, setDraft] = React.useState<RequestDraft>(EMPTY_DRAFT);
  const [idsText, setIdsText] = React.useState("");
  const [errors, setErrors] = React.useState<Partial<Record<DraftField, string>>>({});
  const [busy, setBusy] = React.useState(!outside);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [rejecting, setRejecting] = React.useState<{ row: number; reason: string } | null>(null);
  const [dueOfDraft, setDueOfDraft] = React.useState<{ due: string; approximate: boolean } | null>(null);
  const calendarRef = React.useRef<ReturnType<typeof calendarOfSheets>["calendar"] | null>(null);

  const refresh = React.useCallback(async () => {
    if (outside) return;
    setBusy(true);
    try {
      const loaded = await runExcel((context) => loadLog(context, localTodayIso(), apiLevel));
      calendarRef.current = loaded.calendar;
      setState(loaded.state);
    } catch (error) {
      setNotices([{ intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
    } finally {
      setBusy(false);
    }
  }, [apiLevel, outside]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  React.useEffect(() => {
    setDueOfDraft(calendarRef.current ? dueDateOfDraft(draft, calendarRef.current) : null);
  }, [draft]);

  const resultHeading = React.useRef<HTMLHeadingElement>(null);
  const form = React.useRef<HTMLElement>(null);
  const [errorsToFocus, setErrorsToFocus] = React.useState(0);

  // A refused draft sends the keyboard to its first wrong field: the messages sit under fields the user may not see.
  React.useEffect(() => {
    if (errorsToFocus === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches("input, textarea") ? invalid : invalid?.querySelector<HTMLElement>("input:checked, input");
    target?.focus();
  }, [errorsToFocus]);

  /** Reads the log afresh, applies `change` to its requests, writes the sheet: one Excel.run. */
  const changeLog = async (change: (requests: ChangeRequest[], today: string, registerIds: ReadonlySet<string> | null) => ChangeRequest[] | string, success: (written: EvaluatedRequest[]) => string) => {
    setBusy(true);
    setNotices([]);
    try {
      const today = localTodayIso();
      const outcome = await runExcel(async (context) => {
        const loaded = await loadLog(context, today, apiLevel);
        if (loaded.foreign.length) return { error: t.foreignColumns(loaded.foreign) };
        const changed = change(loaded.state.requests, today, loaded.registerIds);
        if (typeof changed === "string") return { error: changed };
        const written = evaluateForSheet(changed, { calendar: loaded.calendar, today, registerIds: loaded.registerIds, firstDataRow: REQUEST_LOG_FIRST_DATA_ROW });
        const agency = settingsOfSheets(loaded.read.sheets).agencyGenitive;
        const report = await writeRequestLog(context, written, { calendar: loaded.calendar, apiLevel, known: loaded.read.known, agencyGenitive: agency });
        return { written, syncs: loaded.read.syncs + report.syncs, skipped: report.skipped };
      });
      if ("error" in outcome) {
        setNotices([{ intent: "error", lines: [outcome.error ?? ""] }]);
        return false;
      }
      setNotices([{ intent: "success", lines: [success(outcome.written), ...outcome.skipped] }]);
      await refresh();
      return true;
    } catch (error) {
      setNotices([{ intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
      return false;
    } finally {
      setBusy(false);
      // The decided request leaves the list with its button: focus goes to the result's heading, not to the page.
      requestAnimationFrame(() => resultHeading.current?.focus());
    }
  };

  const register = async () => {
    const full = { ...draft, processIds: idsText.split(/[;\n]/) };
    const today = localTodayIso();
    let fieldErrors: Partial<Record<DraftField, string>> = {};
    const ok = await changeLog(
      (requests, _today, registerIds) => {
        fieldErrors = validateRequestDraft(full, { today, registerIds });
        return Object.keys(fieldErrors).length ? "" : appendRequest(requests, full, 0);
      },
      (written) => t.registered(written[written.length - 1].row, written[written.length - 1].due),
    );
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length) setErrorsToFocus((count) => count + 1);
    if (ok) {
      setDraft(EMPTY_DRAFT);
      setIdsText("");
    } else if (Object.keys(fieldErrors).length) setNotices([]);
  };

  const decide = (row: number, status: "учтено" | "отклонено", reason = "") =>
    changeLog(
      (requests, today) => requests.map((request) => (request.row === row ? decideRequest(request, status, today, reason) : request)),
      () => t.decided(row, status),
    );

  const setField = <K extends keyof RequestDraft>(key: K, value: RequestDraft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const open = (state?.requests ?? []).filter((request) => request.open).sort(byUrgency);
  const closed = (state?.requests ?? []).length - open.length;

  return (
    <div className={styles.root} data-testid="requests-section">
      <Text>{t.intro}</Text>
      <div>
        <Button size="small" disabled={outside} disabledFocusable={busy} onClick={() => !busy && void refresh()}>
          {t.refresh}
        </Button>
      </div>
      {busy && !state && <Spinner size="tiny" />}
      {notices.length > 0 && (
        <h3 ref={resultHeading} tabIndex={-1} style={{ margin: 0, fontSize: 14 }}>
          {t.resultHeading}
        </h3>
      )}
      {notices.map((notice, i) => (
        <NoticeBar key={i} notice={notice} testId="requests-notice" />
      ))}
      {state && state.satisfied.length > 0 && (
        <section aria-label={t.satisfiedTitle} className={styles.card} data-testid="requests-satisfied">
          <Text weight="semibold">{t.satisfiedTitle}</Text>
          {state.satisfied.map(({ request, ids }) => (
            <div key={request.row} className={styles.actions}>
              <Text size={200}>{t.satisfiedLine(request.row, ids, request.ground ?? "")}</Text>
              <Button size="small" disabled={busy} onClick={() => void decide(request.row, "учтено")}>
                {t.markSatisfied}
              </Button>
            </div>
          ))}
        </section>
      )}
      <section aria-label={t.listTitle} className={styles.form}>
        <Text weight="semibold">{t.listTitle}</Text>
        {state && open.length === 0 && <Text>{t.listEmpty}</Text>}
        {open.map((request) => (
          <div key={request.row} className={`${styles.card} ${request.overdue ? styles.overdue : request.dueSoon ? styles.soon : ""}`} data-testid="request-card">
            <Text weight="semibold">
              <RequestDueText request={request} />
            </Text>
            <Text size={200}>
              {request.initiator}
              {request.memoNumber ? `, ${t.memo(request.memoNumber, request.memoDate)}` : ""}
              {request.ground ? `; ${groundLabel(request.ground)}` : ""}
            </Text>
            {request.processIds.length > 0 && <Text size={200}>{request.processIds.join("; ")}</Text>}
            {request.summary && <Text size={200}>{request.summary}</Text>}
            {request.approximate && (
              <Badge appearance="tint" color="warning">
                {t.approximate}
              </Badge>
            )}
            {rejecting?.row === request.row ? (
              <div className={styles.form}>
                <Field label={t.rejectReason} required>
                  <Input value={rejecting.reason} onChange={(_e, data) => setRejecting({ row: request.row, reason: data.value })} />
                </Field>
                <div className={styles.actions}>
                  <Button size="small" appearance="primary" disabled={busy || rejecting.reason.trim() === ""} onClick={() => void decide(request.row, "отклонено", rejecting.reason).then(() => setRejecting(null))}>
                    {t.rejectConfirm}
                  </Button>
                  <Button size="small" onClick={() => setRejecting(null)}>
                    {t.cancel}
                  </Button>
                </div>
              </div>
            ) : (
              <div className={styles.actions}>
                <Button size="small" disabled={busy} onClick={() => void decide(request.row, "учтено")}>
                  {t.accept}
                </Button>
                <Button size="small" disabled={busy} onClick={() => setRejecting({ row: request.row, reason: "" })}>
                  {t.reject}
                </Button>
              </div>
            )}
          </div>
        ))}
        {closed > 0 && <Text size={200}>{t.closedCount(closed)}</Text>}
      </section>
      {state && state.issues.length > 0 && <NoticeBar notice={{ intent: "warning", title: t.issuesTitle(state.issues.length), lines: state.issues.slice(0, 20).map((issue) => issue.message) }} />}
      <section ref={form} aria-label={t.newTitle} className={styles.form} data-testid="request-form">
        <Text weight="semibold">{t.newTitle}</Text>
        <Field label={t.initiator} hint={t.initiatorHint} required validationMessage={errors.initiator}>
          <Input value={draft.initiator} list="request-units" onChange={(_e, data) => setField("initiator", data.value)} />
        </Field>
        <datalist id="request-units">
          {(state?.units ?? []).map((unit) => (
            <option key={unit} value={unit} />
          ))}
        </datalist>
        <Field label={t.memoNumber}>
          <Input value={draft.memoNumber} onChange={(_e, data) => setField("memoNumber", data.value)} />
        </Field>
        <Field label={t.memoDate} validationMessage={errors.memoDate}>
          <Input type="date" value={draft.memoDate} onChange={(_e, data) => setField("memoDate", data.value)} />
        </Field>
        <Field label={t.received} required validationMessage={errors.received} hint={dueOfDraft ? t.dueOfDraft(dueOfDraft.due, dueOfDraft.approximate) : undefined}>
          <Input type="date" value={draft.received} onChange={(_e, data) => setField("received", data.value)} data-testid="request-received" />
        </Field>
        <Field label={t.ground} required validationMessage={errors.ground}>
          <RadioGroup value={draft.ground} onChange={(_e, data) => setField("ground", data.value as RequestGround)}>
            {GROUND_LETTERS.map((ground) => (
              <Radio key={ground} value={ground} label={groundLabel(ground)} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={t.processIds} hint={t.processIdsHint} validationMessage={errors.processIds}>
          <Input value={idsText} onChange={(_e, data) => setIdsText(data.value)} />
        </Field>
        <Field label={t.summary}>
          <Textarea value={draft.summary} onChange={(_e, data) => setField("summary", data.value)} resize="vertical" />
        </Field>
        <div>
          <Button appearance="primary" disabled={outside} disabledFocusable={busy} onClick={() => !busy && void register()}>
            {busy && state ? t.registering : t.register}
          </Button>
        </div>
      </section>
      <CycleDocumentsPanel apiLevel={apiLevel} disabled={outside} />
    </div>
  );
}
