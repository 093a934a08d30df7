/**
 * «Шаблон реестра»: one button creates the register template or converts the active register-like sheet, then shows what
 * was mapped and what the host could not do; the change handler that fills columns 5 and 10 is attached afterwards.
 * Excel is reached only through the adapters via runExcel.
 */
import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { Settings } from "../../core/settings";
import { runExcel } from "../../adapters/office/run";
import { attachProcessAutofill, createOrUpgradeTemplate, type AutofillHandle, type TemplateResult } from "../../adapters/office/template";
import { template as t } from "../strings/template";
import type { SectionProps } from "./types";
import { NoticeBar, type Notice } from "../NoticeBar";
import { usePaneNavigation } from "../navigation";
import { requestSettingsFocus } from "../settings/focus-request";


function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function resultNotices(result: TemplateResult): Notice[] {
  const headline = result.mode === "created" ? t.created : result.mode === "upgraded" ? t.upgraded : t.refreshed;
  const notices: Notice[] = [{ intent: "success", title: headline(result.sheetName), lines: result.notes }];
  if (result.skipped.length) notices.push({ intent: "warning", title: t.skippedTitle, lines: result.skipped });
  if (result.warnings.length) notices.push({ intent: "warning", title: t.warningsTitle, lines: result.warnings });
  return notices;
}

type MissingField = "agencyName" | "agencyCode" | "units";

/** What the register lacks from the settings: the CLI prints the same («Орган не указан…»). */
export function missingSettings(settings: Settings): MissingField[] {
  const missing: MissingField[] = [];
  if (!settings.agencyName.trim()) missing.push("agencyName");
  if (!settings.agencyCode.trim()) missing.push("agencyCode");
  if (settings.units.length === 0) missing.push("units");
  return missing;
}

const MISSING_LABELS: Record<MissingField, string> = { agencyName: t.missingAgency, agencyCode: t.missingCode, units: t.missingUnits };

/** The empty settings, each a link that opens «Настройки» at its field. */
function MissingSettings({ fields }: { fields: MissingField[] }): JSX.Element {
  const navigation = usePaneNavigation();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="template-missing">
      <MessageBarBody>
        <MessageBarTitle>{t.missingTitle}</MessageBarTitle>
        {t.missingText}
        <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
          {fields.map((field) => (
            <li key={field}>
              <Link
                as="button"
                onClick={() => {
                  requestSettingsFocus(field);
                  navigation.goTo("settings");
                }}
              >
                {MISSING_LABELS[field]}
              </Link>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function TemplateSection({ environment }: SectionProps): JSX.Element {
  const apiLevel = environment.apiLevel || undefined;
  const [busy, setBusy] = React.useState(false);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [missing, setMissing] = React.useState<MissingField[]>([]);
  const resultHeading = React.useRef<HTMLHeadingElement>(null);
  const [autofill, setAutofill] = React.useState<Notice | null>(null);
  const handle = React.useRef<AutofillHandle | null>(null);

  React.useEffect(
    () => () => {
      void handle.current?.remove().catch(() => undefined);
    },
    [],
  );

  const create = async () => {
    if (busy) return;
    setBusy(true);
    setNotices([]);
    setMissing([]);
    try {
      const result = await runExcel((context) => createOrUpgradeTemplate(context, { apiLevel }));
      setNotices(resultNotices(result));
      setMissing(missingSettings(result.settings));
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
      // The result replaces what was there: focus goes to its heading instead of falling to the page.
      requestAnimationFrame(() => resultHeading.current?.focus());
    }
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }} data-testid="template-section">
      <Text>{t.intro}</Text>
      {environment.kind === "outside" && <NoticeBar notice={{ intent: "info", lines: [t.outsideExcel] }} />}
      <div>
        <Button
          appearance="primary"
          onClick={() => void create()}
          disabled={environment.kind === "outside"}
          disabledFocusable={busy}
        >
          {busy ? t.creating : t.create}
        </Button>
      </div>
      {notices.length > 0 && (
        <h3 ref={resultHeading} tabIndex={-1} style={{ margin: 0, fontSize: 14 }}>
          {t.resultHeading}
        </h3>
      )}
      {notices.map((notice, i) => (
        <NoticeBar key={i} notice={notice} />
      ))}
      {missing.length > 0 && <MissingSettings fields={missing} />}
      {autofill && <NoticeBar notice={autofill} />}
      <section aria-labelledby="template-lists-title" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        <h3 id="template-lists-title" style={{ margin: 0, fontSize: 14 }}>
          {t.listsTitle}
        </h3>
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
