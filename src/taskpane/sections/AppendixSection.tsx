/**
 * «Приложение к приказу»: order details (prefilled from the workbook's settings, asked for when missing), building the
 * appendix (refused with the list of errors, a draft offered), what to set by hand on old hosts, the summary with a chart,
 * and the export for publication. Excel is reached only through the adapters via runExcel.
 */
import * as React from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { buildAppendixInExcel, publicationFromExcel, readAppendixOverview, type AppendixBuildResult, type WorkbookOverview } from "../../adapters/office/appendix";
import { describeOfficeError, runExcel } from "../../adapters/office/run";
import { selectCell } from "../../adapters/office/validation";
import { missingOrderFields, type OrderField } from "../../core/appendix-plan";
import { REGISTER_COLUMNS } from "../../core/columns";
import { issueSheetColumn } from "../../core/issue-views";
import type { RegisterIssue, RegisterTable } from "../../core/register-types";
import type { OrderDetails, PaperSize } from "../../core/layout/appendix";
import type { PublishFormat } from "../../core/publish";
import { normalizeDateText } from "../../core/settings";
import { appendix as t } from "../strings/appendix";
import { downloadText } from "../appendix/download";
import { SummaryView } from "../appendix/SummaryView";
import type { SectionProps } from "./types";
import { NoticeBar, type Notice } from "../NoticeBar";

const ERRORS_SHOWN = 30;


function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function resultNotices(result: AppendixBuildResult): Notice[] {
  if (!result.ok) {
    const plan = result.plan;
    if (plan.reason === "no-register") return [{ intent: "error", lines: [t.noRegister] }];
    // Missing order details are shown at their fields, register errors as a list of links (RegisterErrors).
    return [];
  }
  const rows = result.plan.summary.total;
  const notices: Notice[] = [
    {
      intent: "success",
      lines: [
        result.plan.final ? t.builtFinal(rows, result.plan.order.orderDate, result.plan.order.orderNumber) : t.builtDraft(rows),
        ...(result.savedSettings.length ? [t.orderSaved] : []),
        ...(result.chart === "added" ? [t.chartAdded] : []),
      ],
    },
  ];
  if (result.skipped.length) notices.push({ intent: "warning", title: t.setByHandTitle, lines: result.skipped });
  if (result.warnings.length) notices.push({ intent: "warning", lines: result.warnings });
  return notices;
}

/** The errors that stop approval, each a link that selects its cell on the register sheet. */
function RegisterErrors({ errors, table }: { errors: readonly RegisterIssue[]; table: RegisterTable }): JSX.Element {
  const [failure, setFailure] = React.useState<string | null>(null);
  const select = (issue: RegisterIssue) => {
    const sheetColumn = issueSheetColumn(table, issue);
    if (sheetColumn === null) return;
    setFailure(null);
    runExcel((context) => selectCell(context, table.sheet, issue.row, sheetColumn)).catch((error: unknown) =>
      setFailure(`${t.selectFailed}: ${describeOfficeError(error)}`),
    );
  };
  return (
    <MessageBar intent="error" layout="multiline" data-testid="appendix-errors">
      <MessageBarBody>
        <MessageBarTitle>{t.errorsTitle(errors.length)}</MessageBarTitle>
        {t.errorsText(table.sheet)}
        <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
          {errors.slice(0, ERRORS_SHOWN).map((issue, i) => (
            <li key={i} style={{ overflowWrap: "anywhere" }}>
              <Link as="button" onClick={() => select(issue)}>
                {t.errorLink(issue.row, issue.column, REGISTER_COLUMNS[issue.column - 1]?.title ?? "")}
              </Link>
              {`: ${issue.message}`}
            </li>
          ))}
          {errors.length > ERRORS_SHOWN && <li>{t.moreErrors(errors.length - ERRORS_SHOWN)}</li>}
        </ul>
        {failure && <div role="alert">{failure}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}

export function AppendixSection({ environment }: SectionProps): JSX.Element {
  const apiLevel = environment.apiLevel || undefined;
  const [order, setOrder] = React.useState<OrderDetails>({ appendixNumber: "1", agencyGenitive: "", orderNumber: "", orderDate: "" });
  const [paper, setPaper] = React.useState<PaperSize>("A4");
  const [includeTypicalList, setIncludeTypicalList] = React.useState(false);
  const [overview, setOverview] = React.useState<WorkbookOverview | null>(null);
  const [busy, setBusy] = React.useState<"loading" | "building" | "publishing" | null>(environment.kind === "outside" ? null : "loading");
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [missing, setMissing] = React.useState<OrderField[]>([]);
  const [refusal, setRefusal] = React.useState<{ errors: readonly RegisterIssue[]; table: RegisterTable } | null>(null);
  const [confirming, setConfirming] = React.useState(false);
  const resultHeading = React.useRef<HTMLHeadingElement>(null);

  const loadOverview = React.useCallback(async (prefill: boolean) => {
    setBusy("loading");
    try {
      const loaded = await runExcel((context) => readAppendixOverview(context));
      setOverview(loaded);
      if (prefill) {
        setOrder(loaded.order);
        setPaper(loaded.paper);
      }
    } catch (error) {
      setNotices([{ intent: "error", lines: [errorText(error)] }]);
    } finally {
      setBusy(null);
    }
  }, []);

  React.useEffect(() => {
    if (environment.kind !== "outside") void loadOverview(true);
  }, [loadOverview, environment.kind]);

  const normalizedOrder = (): OrderDetails => ({ ...order, orderDate: normalizeDateText(order.orderDate) });

  /** Approval names the order: its details are asked for at their fields before the confirmation opens. */
  const askApproval = () => {
    if (busy !== null) return;
    const normalized = normalizedOrder();
    setOrder(normalized);
    const absent = missingOrderFields(normalized);
    setMissing(absent);
    if (absent.length) {
      document.getElementById(`appendix-field-${absent[0]}`)?.focus();
      return;
    }
    setConfirming(true);
  };

  const build = async (draft: boolean) => {
    if (busy !== null) return;
    setConfirming(false);
    setBusy("building");
    setNotices([]);
    setRefusal(null);
    try {
      const normalized = normalizedOrder();
      setOrder(normalized);
      const result = await runExcel((context) => buildAppendixInExcel(context, { order: normalized, paper, draft, includeTypicalList, apiLevel }));
      setNotices(resultNotices(result));
      setMissing(!result.ok && result.plan.reason === "missing-order" ? result.plan.missing : []);
      setRefusal(!result.ok && result.plan.reason === "register-errors" ? { errors: result.plan.errors, table: result.plan.table } : null);
      if (result.ok) await loadOverview(false);
    } catch (error) {
      setNotices([{ intent: "error", lines: [errorText(error)] }]);
    } finally {
      setBusy(null);
      // The result shows below the form: focus (and so the view) goes to its heading.
      requestAnimationFrame(() => resultHeading.current?.focus());
    }
  };

  const publish = async (format: PublishFormat) => {
    setBusy("publishing");
    try {
      const publication = await runExcel((context) => publicationFromExcel(context, format));
      if (!publication) {
        setNotices([{ intent: "error", lines: [t.noRegister] }]);
        return;
      }
      downloadText(publication.fileName, publication.text, publication.mimeType);
      setNotices([{ intent: "success", lines: [t.downloaded(publication.fileName, publication.rows)] }]);
    } catch (error) {
      setNotices([{ intent: "error", lines: [errorText(error)] }]);
    } finally {
      setBusy(null);
    }
  };

  const field = (key: keyof OrderDetails, label: string, hint?: string) => {
    const isMissing = missing.includes(key as OrderField);
    return (
      <Field label={label} hint={hint} validationState={isMissing ? "error" : "none"} validationMessage={isMissing ? t.fieldMissing[key as OrderField] : undefined}>
        <Input
          id={`appendix-field-${key}`}
          value={order[key]}
          onChange={(_, data) => setOrder((current) => ({ ...current, [key]: data.value }))}
          readOnly={busy === "building"}
        />
      </Field>
    );
  };

  const actualization = overview?.summary?.actualization ?? null;

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      {busy === "loading" && <Spinner size="tiny" labelPosition="after" label={t.loading} data-testid="appendix-loading" />}
      <Text>{t.intro}</Text>

      <section aria-labelledby="appendix-order-heading" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        <h3 id="appendix-order-heading" style={{ margin: 0, fontSize: 14 }}>
          {t.orderHeading}
        </h3>
        {field("orderNumber", t.orderNumber)}
        {field("orderDate", t.orderDate)}
        {field("agencyGenitive", t.agencyGenitive, t.agencyGenitiveHint)}
        {field("appendixNumber", t.appendixNumber)}
        <Field label={t.paper}>
          <RadioGroup layout="horizontal" value={paper} onChange={(_, data) => setPaper(data.value as PaperSize)}>
            <Radio value="A4" label="A4" />
            <Radio value="A3" label="A3" />
          </RadioGroup>
        </Field>
        <Checkbox checked={includeTypicalList} onChange={(_, data) => setIncludeTypicalList(data.checked === true)} label={t.typicalList} />
        <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
          <Button onClick={() => void build(true)} disabledFocusable={busy !== null} aria-describedby="appendix-draft-hint">
            {busy === "building" ? t.building : t.buildDraft}
          </Button>
          <Button appearance="primary" onClick={askApproval} disabledFocusable={busy !== null} aria-describedby="appendix-approve-hint">
            {t.approve}
          </Button>
        </div>
        <Text size={200} id="appendix-draft-hint">
          {t.buildDraftHint}
        </Text>
        <Text size={200} id="appendix-approve-hint">
          {t.approveHint}
        </Text>
      </section>

      <Dialog open={confirming} onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface aria-describedby="appendix-confirm-text" style={{ maxWidth: "calc(100vw - 24px)", boxSizing: "border-box", padding: 16 }}>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent id="appendix-confirm-text">{t.confirmText(order.orderDate, order.orderNumber)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void build(false)}>
                {t.confirmApprove}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        {(notices.length > 0 || refusal) && (
          <h3 ref={resultHeading} tabIndex={-1} style={{ margin: 0, fontSize: 14 }}>
            {t.resultHeading}
          </h3>
        )}
        {notices.map((notice, i) => (
          <NoticeBar key={i} notice={notice} />
        ))}
        {refusal && <RegisterErrors errors={refusal.errors} table={refusal.table} />}
      </div>

      <section aria-labelledby="appendix-approved-heading" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        <h3 id="appendix-approved-heading" style={{ margin: 0, fontSize: 14 }}>
          {t.approvedTitle}
        </h3>
        <Text>{overview?.approved ? t.approvedBy(overview.approved.orderDate, overview.approved.orderNumber) : t.approvedNone}</Text>
        <Text>{actualization ? t.nextActualization(actualization.due, actualization.daysLeft) : t.nextActualizationUnknown}</Text>
      </section>

      {overview?.summary && <SummaryView summary={overview.summary} />}
      <div>
        <Button size="small" onClick={() => void loadOverview(false)} disabledFocusable={busy !== null}>
          {t.reload}
        </Button>
      </div>

      <section aria-labelledby="appendix-publish-heading" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        <h3 id="appendix-publish-heading" style={{ margin: 0, fontSize: 14 }}>
          {t.publishTitle}
        </h3>
        <Text>{t.publishText}</Text>
        <div style={{ display: "flex", gap: 8 }}>
          <Button onClick={() => void publish("csv")} disabledFocusable={busy !== null}>
            {t.downloadCsv}
          </Button>
          <Button onClick={() => void publish("html")} disabledFocusable={busy !== null}>
            {t.downloadHtml}
          </Button>
        </div>
      </section>
    </div>
  );
}

