/**
 * «Проверка реестра»: checks the register in the workbook, lists every issue (grouped by rule or by row, virtualised),
 * selects an issue's cell on click, previews and applies fixes, clears the marks, and optionally re-checks after the
 * user's edits. Excel is reached only through the adapters via runExcel; the list holds no per-issue React state.
 */
import { requestSettingsFocus } from "../settings/focus-request";
import { unknownProcesses, withAgencyProcess, type UnknownProcess } from "../../core/agency-processes";
import { readSettings, saveSettings } from "../../adapters/office/settings";
import { UnknownProcessesPanel } from "../validation/UnknownProcessesPanel";
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { compareApiVersions } from "../../adapters/office/host";
import { describeOfficeError, runExcel } from "../../adapters/office/run";
import { EDIT_EVENTS_API, applyFix, clearCheckMarks, selectCell } from "../../adapters/office/validation";
import type { FixPlan } from "../../core/fixes";
import {
  filterIssues,
  flattenForList,
  groupIssues,
  issueSheetColumn,
  type IssueGrouping,
  type SeverityFilter,
} from "../../core/issue-views";
import type { RegisterIssue } from "../../core/register-types";
import { usePaneNavigation } from "../navigation";
import { useNotify } from "../notify";
import { validation as t } from "../strings/validation";
import { FixesPanel } from "../validation/FixesPanel";
import { IssueList } from "../validation/IssueList";
import { useAutoRecheck, useRegisterCheck } from "../validation/useRegisterCheck";
import type { SectionProps } from "./types";

const useStyles = makeStyles({
  summaryHeading: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere" },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  controls: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  controlRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  select: { flexGrow: 1, minWidth: "150px" },
  auto: { display: "flex", flexDirection: "column" },
  autoNote: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalXXL },
});

function timeText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function ValidationSection({ environment }: SectionProps): JSX.Element {
  const styles = useStyles();
  const { notify } = useNotify();
  const navigation = usePaneNavigation();
  const { result, running, recheck } = useRegisterCheck(notify);
  const [grouping, setGrouping] = React.useState<IssueGrouping>("rule");
  const [filter, setFilter] = React.useState<SeverityFilter>("all");
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(() => new Set());
  const [applying, setApplying] = React.useState<string | null>(null);
  const [clearing, setClearing] = React.useState(false);
  const [auto, setAuto] = React.useState(false);
  const filterId = useId("validation-filter");
  const groupingId = useId("validation-grouping");

  const outside = environment.kind === "outside";
  const canWatch = !outside && compareApiVersions(environment.apiLevel || "0", EDIT_EVENTS_API) >= 0;
  const check = result?.check ?? null;
  const busy = running || applying !== null || clearing;

  const watch = useAutoRecheck(auto && canWatch, check?.sheet ?? null, recheck, (message) => {
    setAuto(false);
    notify({ intent: "error", title: t.autoFailed, text: message });
  });

  // Grouping 50,000 rows' issues once per check / choice, not per render.
  const filtered = React.useMemo(() => (check ? filterIssues(check.issues, filter) : []), [check, filter]);
  const groups = React.useMemo(() => groupIssues(filtered, grouping), [filtered, grouping]);
  const view = React.useMemo(() => flattenForList(groups, collapsed), [groups, collapsed]);

  const toggleGroup = React.useCallback((key: string) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);

  const selectIssue = React.useCallback(
    (issue: RegisterIssue) => {
      if (!check) return;
      const sheetColumn = issueSheetColumn(check.table, issue);
      if (sheetColumn === null) return;
      runExcel((context) => selectCell(context, check.sheet, issue.row, sheetColumn)).catch((error: unknown) =>
        notify({ intent: "error", title: t.selectFailed, text: describeOfficeError(error) }),
      );
    },
    [check, notify],
  );

  const apply = async (plan: FixPlan) => {
    if (!check) return;
    setApplying(plan.kind);
    try {
      const applied = await runExcel((context) => applyFix(context, check.sheet, plan));
      notify({ intent: applied.skipped ? "warning" : "success", title: plan.title, text: t.applied(applied.changed, applied.skipped), timeoutMs: 15_000 });
    } catch (error) {
      notify({ intent: "error", title: t.applyFailed, text: describeOfficeError(error) });
      return;
    } finally {
      setApplying(null);
    }
    await recheck();
    // The applied fix leaves the list with its button: focus goes to the result's heading, not to the page.
    requestAnimationFrame(() => summaryHeading.current?.focus());
  };

  const [adding, setAdding] = React.useState<string | null>(null);
  const unknown = React.useMemo(() => (check ? unknownProcesses(check.table, check.issues, check.settings) : []), [check]);
  const addProcess = async (process: UnknownProcess) => {
    setAdding(process.text);
    try {
      await runExcel(async (context) => {
        const read = await readSettings(context);
        return saveSettings(context, withAgencyProcess(read.settings, process.proposal), { apiLevel: environment.apiLevel || undefined, hasTemplate: read.hasTemplate });
      });
      notify({ intent: "success", text: t.unknownAdded(process.proposal.code), timeoutMs: 15_000 });
    } catch (error) {
      notify({ intent: "error", title: t.unknownFailed, text: error instanceof Error ? error.message : describeOfficeError(error) });
      return;
    } finally {
      setAdding(null);
    }
    await recheck();
  };

  const clearMarks = async () => {
    setClearing(true);
    try {
      await runExcel((context) => clearCheckMarks(context));
      notify({ intent: "info", text: t.marksCleared, timeoutMs: 8_000 });
    } catch (error) {
      notify({ intent: "error", title: t.clearFailed, text: describeOfficeError(error) });
    } finally {
      setClearing(false);
    }
  };

  const total = check?.issues.length ?? 0;
  const summaryHeading = React.useRef<HTMLHeadingElement>(null);

  return (
    <section className={styles.root} aria-label={t.title} data-testid="validation-section">
      <Text size={200} className={styles.intro}>
        {t.intro}
      </Text>
      {outside && (
        <MessageBar intent="info">
          <MessageBarBody>{t.outsideExcel}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.buttons}>
        {/* Focusable while busy (aria-disabled): the keyboard user stays on the button through the check. */}
        <Button
          appearance="primary"
          disabled={outside}
          disabledFocusable={busy}
          onClick={() => {
            if (!busy) void recheck();
          }}
          icon={running ? <Spinner size="tiny" /> : undefined}
        >
          {running ? t.checking : t.check}
        </Button>
        <Button
          disabled={outside || !check}
          disabledFocusable={busy}
          onClick={() => {
            if (!busy) void clearMarks();
          }}
        >
          {t.clearMarks}
        </Button>
      </div>

      <div className={styles.auto}>
        <Switch
          label={t.autoLabel}
          checked={auto && canWatch}
          disabled={!canWatch || !check}
          onChange={(_, data) => setAuto(data.checked)}
        />
        <Text size={200} className={styles.autoNote}>
          {!canWatch
            ? t.autoUnsupported
            : !check
              ? t.autoNeedsCheck
              : watch === "on"
                ? t.autoOn(check.sheet)
                : watch === "starting"
                  ? t.autoStarting
                  : null}
        </Text>
      </div>

      {result && check && (
        <>
          <div className={styles.summary} aria-live="polite" aria-label={t.summaryLabel} data-testid="validation-summary">
            <Text as="h3" weight="semibold" ref={summaryHeading} tabIndex={-1} className={styles.summaryHeading}>
              {t.summary(check.summary.errors, check.summary.warnings, check.rowsChecked, check.sheet)}
            </Text>
            <Text size={200} className={styles.muted}>
              {t.checkedAt(timeText(result.checkedAt), result.automatic)}
              {check.marked > 0 ? ` ${t.marked(check.marked)}` : ""}
            </Text>
          </div>
          {check.markNote && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t.marksNotSet}: {check.markNote}
              </MessageBarBody>
            </MessageBar>
          )}

          {total === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>{t.noIssues}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <div className={styles.controls}>
                <div className={styles.controlRow}>
                  <Text id={groupingId} size={200}>
                    {t.groupLabel}:
                  </Text>
                  <RadioGroup
                    layout="horizontal"
                    aria-labelledby={groupingId}
                    value={grouping}
                    onChange={(_, data) => setGrouping(data.value as IssueGrouping)}
                  >
                    <Radio value="rule" label={t.groupByRule} />
                    <Radio value="row" label={t.groupByRow} />
                  </RadioGroup>
                </div>
                <div className={styles.controlRow}>
                  <label htmlFor={filterId}>
                    <Text size={200}>{t.filterLabel}:</Text>
                  </label>
                  <Select
                    id={filterId}
                    size="small"
                    className={styles.select}
                    value={filter}
                    onChange={(_, data) => setFilter(data.value as SeverityFilter)}
                  >
                    <option value="all">{t.filterAll(total)}</option>
                    <option value="errors">{t.filterErrors(check.summary.errors)}</option>
                    <option value="warnings">{t.filterWarnings(check.summary.warnings)}</option>
                  </Select>
                </div>
              </div>
              {view.length === 0 ? (
                <Text size={200} className={styles.muted}>
                  {t.nothingToShow}
                </Text>
              ) : (
                <IssueList view={view} table={check.table} onToggleGroup={toggleGroup} onSelectIssue={selectIssue} />
              )}
            </>
          )}

          <UnknownProcessesPanel processes={unknown} busy={busy || adding !== null} adding={adding} onAdd={(process) => void addProcess(process)} />
          <FixesPanel
            fixes={check.fixes}
            busy={busy}
            applying={applying}
            onApply={(plan) => void apply(plan)}
            onOpenSettings={(field) => {
              if (field) requestSettingsFocus(field);
              navigation.goTo("settings");
            }}
          />
        </>
      )}
    </section>
  );
}
