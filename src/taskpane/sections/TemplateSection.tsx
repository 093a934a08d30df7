/**
 * «Шаблон реестра»: one button creates the register template or converts the active register-like sheet, then shows what
 * was mapped and what the host could not do; the change handler that fills columns 5 and 10 is attached afterwards.
 * Excel is reached only through the adapters via runExcel.
 */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { runExcel } from "../../adapters/office/run";
import { attachProcessAutofill, createOrUpgradeTemplate, type AutofillHandle, type TemplateResult } from "../../adapters/office/template";
import { template as t } from "../strings/template";
import type { SectionProps } from "./types";
import { NoticeBar, type Notice } from "../NoticeBar";


function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function resultNotices(result: TemplateResult): Notice[] {
  const headline = result.mode === "created" ? t.created : result.mode === "upgraded" ? t.upgraded : t.refreshed;
  const notices: Notice[] = [{ intent: "success", title: headline(result.sheetName), lines: [...result.notes, t.syncs(result.syncs)] }];
  if (result.skipped.length) notices.push({ intent: "warning", title: t.skippedTitle, lines: result.skipped });
  if (result.warnings.length) notices.push({ intent: "warning", title: t.warningsTitle, lines: result.warnings });
  return notices;
}

export function TemplateSection({ environment }: SectionProps): JSX.Element {
  const apiLevel = environment.apiLevel || undefined;
  const [busy, setBusy] = React.useState(false);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [autofill, setAutofill] = React.useState<Notice | null>(null);
  const handle = React.useRef<AutofillHandle | null>(null);

  React.useEffect(
    () => () => {
      void handle.current?.remove().catch(() => undefined);
    },
    [],
  );

  const create = async () => {
    setBusy(true);
    setNotices([]);
    try {
      const result = await runExcel((context) => createOrUpgradeTemplate(context, { apiLevel }));
      setNotices(resultNotices(result));
      await handle.current?.remove().catch(() => undefined);
      handle.current = await runExcel((context) =>
        attachProcessAutofill(context, {
          run: runExcel,
          settings: result.settings,
          firstDataRow: result.firstDataRow,
          apiLevel,
          onFilled: (changes) => setAutofill({ intent: "info", lines: [t.autofilled(changes.length)] }),
        }),
      );
      const lines = handle.current.attached ? [t.autofillOn] : [handle.current.note ?? ""];
      if (environment.platform === "OfficeOnline") lines.push(t.autofillWeb);
      setAutofill({ intent: "info", lines });
    } catch (error) {
      setNotices([{ intent: "error", lines: [errorText(error)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }} data-testid="template-section">
      <Text>{t.intro}</Text>
      {environment.kind === "outside" && <NoticeBar notice={{ intent: "info", lines: [t.outsideExcel] }} />}
      <div>
        <Button appearance="primary" onClick={() => void create()} disabled={busy || environment.kind === "outside"}>
          {busy ? t.creating : t.create}
        </Button>
      </div>
      {notices.map((notice, i) => (
        <NoticeBar key={i} notice={notice} />
      ))}
      {autofill && <NoticeBar notice={autofill} />}
      <section aria-label={t.listsTitle} style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        <Text weight="semibold">{t.listsTitle}</Text>
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {t.lists.map((line, i) => (
            <li key={i}>
              <Text size={200}>{line}</Text>
            </li>
          ))}
        </ul>
        <Text size={200}>{t.autofillWeb}</Text>
      </section>
    </div>
  );
}
