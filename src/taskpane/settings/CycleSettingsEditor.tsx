/**
 * «Календарь и документы цикла» in «Настройки»: the production calendar's extra days off and working days, and the
 * texts of the notice to units, the reply to an initiator and the order, with their placeholders listed.
 */
import * as React from "react";
import { Field, Input, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_TEMPLATES, TEMPLATE_PLACEHOLDERS, type TemplateKind } from "../../core/documents/templates";
import { cycleSettings as t } from "../strings/cycle-settings";
import { SETTINGS_FIELD_ID_PREFIX } from "./focus-request";
import type { CycleForm, CycleFormField } from "./cycle-form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  placeholders: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface CycleSettingsEditorProps {
  form: CycleForm;
  onChange: (form: CycleForm) => void;
  /** Shown after the user tried to save. */
  problems: Partial<Record<CycleFormField, string>>;
  disabled: boolean;
}

export function CycleSettingsEditor({ form, onChange, problems, disabled }: CycleSettingsEditorProps): JSX.Element {
  const styles = useStyles();
  const set = (field: CycleFormField, value: string) => onChange({ ...form, [field]: value });
  const dates = (field: "nonWorking" | "working", label: string, hint: string) => (
    <Field label={label} hint={hint} validationState={problems[field] ? "error" : "none"} validationMessage={problems[field]}>
      <Input id={`${SETTINGS_FIELD_ID_PREFIX}${field}`} value={form[field]} placeholder="09.01.2027; 02.11.2027" disabled={disabled} onChange={(_, data) => set(field, data.value)} />
    </Field>
  );
  const template = (kind: TemplateKind, label: string) => (
    <Field label={label} hint={t.templateHint} validationState={problems[kind] ? "error" : "none"} validationMessage={problems[kind]}>
      <Textarea
        id={`${SETTINGS_FIELD_ID_PREFIX}${kind}`}
        value={form[kind]}
        placeholder={DEFAULT_TEMPLATES[kind]}
        rows={4}
        resize="vertical"
        disabled={disabled}
        onChange={(_, data) => set(kind, data.value)}
      />
      <Text size={200} className={styles.placeholders}>
        {t.placeholders(Object.keys(TEMPLATE_PLACEHOLDERS[kind]).map((name) => `{${name}}`))}
      </Text>
    </Field>
  );
  return (
    <div className={styles.root} data-testid="settings-cycle">
      <Text size={200}>{t.calendarIntro}</Text>
      {dates("nonWorking", t.nonWorking, t.nonWorkingHint)}
      {dates("working", t.working, t.workingHint)}
      <Field label={t.publicationPlace} hint={t.publicationPlaceHint}>
        <Input id={`${SETTINGS_FIELD_ID_PREFIX}publicationPlace`} value={form.publicationPlace} disabled={disabled} onChange={(_, data) => set("publicationPlace", data.value)} />
      </Field>
      {template("notice", t.notice)}
      {template("reply", t.reply)}
      {template("order", t.order)}
    </div>
  );
}
