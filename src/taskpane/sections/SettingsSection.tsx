/**
 * «Настройки»: agency name and its genitive, agency code, units — read from and saved to the workbook's reference sheet.
 * Saving refreshes the template when there is one, so the dropdowns and the process names follow.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, Textarea } from "@fluentui/react-components";
import { runExcel } from "../../adapters/office/run";
import { readSettings, saveSettings } from "../../adapters/office/settings";
import { cleanText } from "../../core/text";
import { DEFAULT_SETTINGS, type Settings } from "../../core/settings";
import { processLabel, typicalProcesses } from "../../core/typical-list";
import { settings as t } from "../strings/settings";
import type { SectionProps } from "./types";
import { NoticeBar, type Notice } from "../NoticeBar";


interface FormState {
  agencyName: string;
  agencyGenitive: string;
  agencyCode: string;
  units: string;
}

function formOf(settings: Settings): FormState {
  return { agencyName: settings.agencyName, agencyGenitive: settings.agencyGenitive, agencyCode: settings.agencyCode, units: settings.units.join("\n") };
}

export function settingsFromForm(base: Settings, form: FormState): Settings {
  return {
    ...base,
    agencyName: cleanText(form.agencyName),
    agencyGenitive: cleanText(form.agencyGenitive),
    agencyCode: cleanText(form.agencyCode),
    units: form.units
      .split(/[\n;]/)
      .map(cleanText)
      .filter((unit) => unit !== ""),
  };
}

export function SettingsSection({ environment }: SectionProps): JSX.Element {
  const apiLevel = environment.apiLevel || undefined;
  const inExcel = environment.kind !== "outside";
  const [base, setBase] = React.useState<Settings>({ ...DEFAULT_SETTINGS });
  const [form, setForm] = React.useState<FormState>(formOf(DEFAULT_SETTINGS));
  const [busy, setBusy] = React.useState<"loading" | "saving" | null>(inExcel ? "loading" : null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [hasTemplate, setHasTemplate] = React.useState<boolean | undefined>(undefined);

  const load = React.useCallback(async () => {
    setBusy("loading");
    try {
      const result = await runExcel((context) => readSettings(context));
      setBase(result.settings);
      setForm(formOf(result.settings));
      setHasTemplate(result.hasTemplate);
      setNotices(result.stored ? [] : [{ intent: "info", lines: [t.notStored] }]);
    } catch (error) {
      setNotices([{ intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
    } finally {
      setBusy(null);
    }
  }, []);

  React.useEffect(() => {
    if (inExcel) void load();
  }, [inExcel, load]);

  const save = async () => {
    setBusy("saving");
    try {
      const next = settingsFromForm(base, form);
      const result = await runExcel((context) => saveSettings(context, next, { apiLevel, hasTemplate }));
      setBase(next);
      const skipped = result.kind === "template" ? [...result.template.skipped, ...result.template.warnings] : [...result.skipped, ...result.warnings];
      setHasTemplate(result.kind === "template");
      setNotices([
        { intent: "success", lines: [result.kind === "template" ? t.savedTemplate : t.savedReference] },
        ...(skipped.length ? [{ intent: "warning" as const, lines: skipped }] : []),
      ]);
    } catch (error) {
      setNotices([{ intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
    } finally {
      setBusy(null);
    }
  };

  const preview = processLabel(typicalProcesses(cleanText(form.agencyGenitive)).find((p) => p.code === "2.4")!);
  const input = (key: Exclude<keyof FormState, "units">, label: string, hint?: string, placeholder?: string) => (
    <Field label={label} hint={hint}>
      <Input value={form[key]} placeholder={placeholder} onChange={(_, data) => setForm((f) => ({ ...f, [key]: data.value }))} disabled={busy !== null} />
    </Field>
  );

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }} data-testid="settings-section">
      <Text>{t.intro}</Text>
      {!inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>{t.outsideExcel}</MessageBarBody>
        </MessageBar>
      )}
      {busy === "loading" && <Spinner size="tiny" label={t.loading} />}
      {input("agencyName", t.agencyName, undefined, t.agencyNamePlaceholder)}
      {input("agencyGenitive", t.agencyGenitive, t.agencyGenitiveHint)}
      <Text size={200}>{t.processPreview(preview)}</Text>
      {input("agencyCode", t.agencyCode, t.agencyCodeHint)}
      <Field label={t.units} hint={t.unitsHint}>
        <Textarea value={form.units} rows={5} resize="vertical" onChange={(_, data) => setForm((f) => ({ ...f, units: data.value }))} disabled={busy !== null} />
      </Field>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy !== null || !inExcel}>
          {busy === "saving" ? t.saving : t.save}
        </Button>
        <Button onClick={() => void load()} disabled={busy !== null || !inExcel}>
          {t.reload}
        </Button>
      </div>
      {notices.map((notice, i) => (
        <NoticeBar key={i} notice={notice} />
      ))}
    </div>
  );
}
