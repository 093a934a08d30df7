/**
 * «Приложение к приказу»: order details (prefilled from the workbook's settings, asked for when missing), building the
 * appendix (refused with the list of errors, a draft offered), what to set by hand on old hosts, the summary with a chart,
 * and the export for publication. Excel is reached only through the adapters via runExcel.
 */
import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { buildAppendixInExcel, publicationFromExcel, readAppendixOverview, type AppendixBuildResult, type WorkbookOverview } from "../../adapters/office/appendix";
import { runExcel } from "../../adapters/office/run";
import { ORDER_FIELD_LABELS, type OrderField } from "../../core/appendix-plan";
import { REGISTER_COLUMNS } from "../../core/columns";
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
    if (plan.reason === "missing-order") {
      return [{ intent: "warning", lines: [t.missingOrder(plan.missing.map((field) => ORDER_FIELD_LABELS[field]).join(", "))] }];
    }
    const shown = plan.errors.slice(0, ERRORS_SHOWN).map((issue) =>
      t.errorLine(issue.row, issue.column, REGISTER_COLUMNS[issue.column - 1]?.title ?? "", issue.message),
    );
    if (plan.errors.length > ERRORS_SHOWN) shown.push(t.moreErrors(plan.errors.length - ERRORS_SHOWN));
    return [{ intent: "error", title: t.errorsTitle(plan.errors.length), lines: [t.errorsText, ...shown] }];
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

export function AppendixSection({ environment }: SectionProps): JSX.Element {
  const apiLevel = environment.apiLevel || undefined;
  const [order, setOrder] = React.useState<OrderDetails>({ appendixNumber: "1", agencyGenitive: "", orderNumber: "", orderDate: "" });
  const [paper, setPaper] = React.useState<PaperSize>("A4");
  const [includeTypicalList, setIncludeTypicalList] = React.useState(false);
  const [overview, setOverview] = React.useState<WorkbookOverview | null>(null);
  const [busy, setBusy] = React.useState<"loading" | "building" | "publishing" | null>(environment.kind === "outside" ? null : "loading");
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [missing, setMissing] = React.useState<OrderField[]>([]);
  const [canDraft, setCanDraft] = React.useState(false);
  const noticesRef = React.useRef<HTMLDivElement>(null);

  // The result appears below the form: bring it into view, or a refusal would go unseen in a short pane.
  React.useEffect(() => {
    if (notices.length) noticesRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [notices]);

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

  const build = async (draft: boolean) => {
    setBusy("building");
    setNotices([]);
    try {
      const normalized = { ...order, orderDate: normalizeDateText(order.orderDate) };
      setOrder(normalized);
      const result = await runExcel((context) => buildAppendixInExcel(context, { order: normalized, paper, draft, includeTypicalList, apiLevel }));
      setNotices(resultNotices(result));
      setMissing(!result.ok && result.plan.reason === "missing-order" ? result.plan.missing : []);
      setCanDraft(!result.ok && result.plan.reason !== "no-register");
      if (result.ok) await loadOverview(false);
    } catch (error) {
      setNotices([{ intent: "error", lines: [errorText(error)] }]);
    } finally {
      setBusy(null);
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
      <Field label={label} hint={hint} validationState={isMissing ? "error" : "none"} validationMessage={isMissing ? ORDER_FIELD_LABELS[key as OrderField] : undefined}>
        <Input value={order[key]} onChange={(_, data) => setOrder((current) => ({ ...current, [key]: data.value }))} disabled={busy !== null} />
      </Field>
    );
  };

  const actualization = overview?.summary?.actualization ?? null;

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <Text>{t.intro}</Text>

      <section aria-label={t.orderHeading} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        <Text weight="semibold">{t.orderHeading}</Text>
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
          <Button appearance="primary" onClick={() => void build(false)} disabled={busy !== null}>
            {busy === "building" ? t.building : t.build}
          </Button>
          {canDraft && (
            <Button onClick={() => void build(true)} disabled={busy !== null}>
              {t.buildDraft}
            </Button>
          )}
        </div>
      </section>

      {busy === "loading" && <Spinner size="tiny" label={t.loading} />}

      <div ref={noticesRef} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        {notices.map((notice, i) => (
          <NoticeBar key={i} notice={notice} />
        ))}
      </div>

      <section aria-label={t.approvedTitle} style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        <Text weight="semibold">{t.approvedTitle}</Text>
        <Text>{overview?.approved ? t.approvedBy(overview.approved.orderDate, overview.approved.orderNumber) : t.approvedNone}</Text>
        <Text>{actualization ? t.nextActualization(actualization.due, actualization.daysLeft) : t.nextActualizationUnknown}</Text>
      </section>

      {overview?.summary && <SummaryView summary={overview.summary} />}
      <div>
        <Button size="small" onClick={() => void loadOverview(false)} disabled={busy !== null}>
          {t.reload}
        </Button>
      </div>

      <section aria-label={t.publishTitle} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        <Text weight="semibold">{t.publishTitle}</Text>
        <Text>{t.publishText}</Text>
        <div style={{ display: "flex", gap: 8 }}>
          <Button onClick={() => void publish("csv")} disabled={busy !== null}>
            {t.downloadCsv}
          </Button>
          <Button onClick={() => void publish("html")} disabled={busy !== null}>
            {t.downloadHtml}
          </Button>
        </div>
      </section>
    </div>
  );
}

