/**
 * The calendar's extra days and the documents' templates, edited in the pane instead of on the sheet. Each field is
 * checked as it is typed (dates ДД.ММ.ГГГГ, years, known placeholders) with the core's own rules; saving writes only
 * the changed values of the settings block, as text, in a fixed number of round trips (adapters/office/cycle-settings).
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, Spinner, Text, Textarea, tokens } from "@fluentui/react-components";
import { runExcel } from "../../adapters/office/run";
import { readCycleSettings, saveCycleSettings } from "../../adapters/office/cycle-settings";
import { checkCycleField, type CycleField } from "../../core/cycle-settings-edit";
import { cycleSettings as t } from "../strings/cycle-settings";
import { NoticeBar, type Notice } from "../NoticeBar";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0, paddingTop: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  hint: { color: tokens.colorNeutralForeground3 },
});

const CALENDAR_FIELDS = ["nonWorking", "working", "confirmedYears"] as const;
const TEMPLATE_FIELDS = ["notice", "reply", "order"] as const;
const ALL_FIELDS: readonly CycleField[] = [...CALENDAR_FIELDS, ...TEMPLATE_FIELDS, "publicationPlace"];

type Values = Record<CycleField, string>;

export function CycleSettingsEditor({ disabled }: { disabled: boolean }): JSX.Element {
  const styles = useStyles();
  const [stored, setStored] = React.useState<Values | null>(null);
  const [values, setValues] = React.useState<Values | null>(null);
  const [busy, setBusy] = React.useState<"loading" | "saving" | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);

  const load = React.useCallback(async () => {
    if (disabled) return;
    setBusy("loading");
    try {
      const read = await runExcel((context) => readCycleSettings(context));
      setStored(read.values);
      setValues(read.values);
    } catch (error) {
      setNotice({ intent: "error", lines: [t.failed(error instanceof Error ? error.message : String(error))] });
    } finally {
      setBusy(null);
    }
  }, [disabled]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const problems = React.useMemo(() => {
    const found = new Map<CycleField, string>();
    if (!values) return found;
    for (const field of ALL_FIELDS) {
      const checked = checkCycleField(field, values[field]);
      if (checked.problems.length) found.set(field, checked.problems.join(" "));
    }
    return found;
  }, [values]);

  const save = async () => {
    if (!values || !stored) return;
    if (problems.size) {
      setNotice({ intent: "error", lines: [t.invalid] });
      return;
    }
    const changes: Partial<Values> = {};
    for (const field of ALL_FIELDS) if (values[field] !== stored[field]) changes[field] = values[field];
    setBusy("saving");
    setNotice(null);
    try {
      const result = await runExcel((context) => saveCycleSettings(context, changes));
      if (result.ok) {
        setNotice({ intent: "success", lines: [t.saved(result.changed.length)] });
        await load();
      } else if ("noBlock" in result) setNotice({ intent: "warning", lines: [t.noBlock] });
      else setNotice({ intent: "error", lines: [t.invalid] });
    } catch (error) {
      setNotice({ intent: "error", lines: [t.failed(error instanceof Error ? error.message : String(error))] });
    } finally {
      setBusy(null);
    }
  };

  if (!values) return busy === "loading" ? <Spinner size="tiny" label={t.loading} /> : <></>;
  const set = (field: CycleField) => (_: unknown, data: { value: string }) => setValues((current) => (current ? { ...current, [field]: data.value } : current));
  const fieldState = (field: CycleField) => (problems.has(field) ? { validationState: "error" as const, validationMessage: problems.get(field) } : {});

  return (
    <>
      <section className={styles.group} aria-label={t.calendarTitle} data-testid="settings-calendar">
        <Text as="h3" weight="semibold">
          {t.calendarTitle}
        </Text>
        <Text size={200} className={styles.hint}>
          {t.calendarHint}
        </Text>
        {CALENDAR_FIELDS.map((field) => (
          <Field key={field} label={t[field]} hint={field === "confirmedYears" ? t.confirmedYearsHint : undefined} {...fieldState(field)}>
            <Textarea value={values[field]} onChange={set(field)} disabled={disabled || busy !== null} resize="vertical" data-testid={`cycle-${field}`} />
          </Field>
        ))}
      </section>
      <section className={styles.group} aria-label={t.templatesTitle} data-testid="settings-templates">
        <Text as="h3" weight="semibold">
          {t.templatesTitle}
        </Text>
        <Text size={200} className={styles.hint}>
          {t.templatesHint}
        </Text>
        {TEMPLATE_FIELDS.map((field) => (
          <Field key={field} label={t[field]} {...fieldState(field)}>
            <Textarea value={values[field]} onChange={set(field)} disabled={disabled || busy !== null} resize="vertical" rows={4} data-testid={`cycle-${field}`} />
          </Field>
        ))}
        <Field label={t.publicationPlace}>
          <Input value={values.publicationPlace} onChange={set("publicationPlace")} disabled={disabled || busy !== null} data-testid="cycle-publicationPlace" />
        </Field>
        <div>
          <Button onClick={() => void save()} disabled={disabled || busy !== null}>
            {busy === "saving" ? t.saving : t.save}
          </Button>
        </div>
        {notice && <NoticeBar notice={notice} />}
      </section>
    </>
  );
}
