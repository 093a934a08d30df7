/**
 * «Настройки»: every setting of the workbook's reference sheet, grouped and checked with the core's schema before
 * anything is written. Saving refreshes the template when there is one, so the dropdowns (their named lists) and the
 * process names follow at once. Renaming a unit offers to rename it in column 7.
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { runExcel } from "../../adapters/office/run";
import { readSettings, renameUnitsInRegister, saveSettings } from "../../adapters/office/settings";
import { buildCatalog } from "../../core/catalog";
import { cleanText } from "../../core/text";
import { DEFAULT_SETTINGS, type Settings, type SettingsField } from "../../core/settings";
import { processLabel, typicalProcesses } from "../../core/typical-list";
import type { UnitRename } from "../../core/unit-rename";
import { settings as t } from "../strings/settings";
import type { SectionProps } from "./types";
import { NoticeBar, type Notice } from "../NoticeBar";
import { usePaneNavigation } from "../navigation";
import { ListEditor } from "../settings/ListEditor";
import { ProcessesEditor } from "../settings/ProcessesEditor";
import { CycleSettingsEditor } from "../settings/CycleSettingsEditor";
import { cycleFormProblems } from "../settings/cycle-form";
import { cycleSettings as cycleText } from "../strings/cycle-settings";
import { SETTINGS_FIELD_ID_PREFIX, takeSettingsFocus } from "../settings/focus-request";
import {
  fieldProblem,
  formOf,
  idExample,
  problemsByField,
  settingsOfForm,
  unitRenames,
  VOCABULARY_DEFAULTS,
  VOCABULARY_FIELDS,
  type SettingsForm,
} from "../settings/settings-form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  group: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0, paddingTop: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  hint: { color: tokens.colorNeutralForeground3 },
});

type TextField = "agencyName" | "agencyGenitive" | "agencyCode" | "coordinator" | "orderNumber" | "orderDate" | "appendixNumber" | "lastActualization" | "idScheme";

/** The process the ID example is built on: the one the order's own example names. */
const EXAMPLE_PROCESS = "1.3";

export function SettingsSection({ environment }: SectionProps): JSX.Element {
  const styles = useStyles();
  const apiLevel = environment.apiLevel || undefined;
  const inExcel = environment.kind !== "outside";
  const [form, setForm] = React.useState<SettingsForm>(() => formOf({ ...DEFAULT_SETTINGS }));
  const [busy, setBusy] = React.useState<"loading" | "saving" | "renaming" | null>(inExcel ? "loading" : null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [hasTemplate, setHasTemplate] = React.useState<boolean | undefined>(undefined);
  // Problems are shown once the user has tried to save (not while the first letters are typed).
  const [checked, setChecked] = React.useState(false);
  const [renameOffer, setRenameOffer] = React.useState<{ renames: UnitRename[]; rows: number } | null>(null);

  // What the form held when read or saved: showing the section again re-reads the workbook unless the user has edits.
  const [pristine, setPristine] = React.useState<string>(() => JSON.stringify(settingsOfForm(formOf({ ...DEFAULT_SETTINGS }))));

  const load = React.useCallback(async () => {
    setBusy("loading");
    try {
      const result = await runExcel((context) => readSettings(context));
      const loaded = formOf(result.settings);
      setForm(loaded);
      setPristine(JSON.stringify(settingsOfForm(loaded)));
      setHasTemplate(result.hasTemplate);
      setChecked(false);
      setRenameOffer(null);
      setNotices(result.stored ? [] : [{ intent: "info", lines: [t.notStored] }]);
    } catch (error) {
      setNotices([{ intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
    } finally {
      setBusy(null);
    }
  }, []);

  // Sections stay mounted while hidden; other sections save settings too (the appendix, «Проверка»): read on each showing.
  const shownNow = usePaneNavigation().current === "settings";
  const formRef = React.useRef(form);
  formRef.current = form;
  const pristineRef = React.useRef(pristine);
  pristineRef.current = pristine;
  React.useEffect(() => {
    if (!inExcel || !shownNow) return;
    if (JSON.stringify(settingsOfForm(formRef.current)) === pristineRef.current) void load();
  }, [inExcel, shownNow, load]);

  // The request is taken when this section is shown and not busy reading.
  React.useEffect(() => {
    if (busy !== null || !shownNow) return;
    const field = takeSettingsFocus();
    if (field) document.getElementById(`${SETTINGS_FIELD_ID_PREFIX}${field}`)?.focus();
  }, [busy, shownNow]);

  const next: Settings = settingsOfForm(form);
  const problems = problemsByField(next);
  const shown = checked ? problems : new Map<string, string>();
  const problem = (field: SettingsField, index?: number) => fieldProblem(shown, field, index);

  const cycleProblems = cycleFormProblems(form.cycle);

  const save = async () => {
    setChecked(true);
    if (problems.size) {
      setNotices([{ intent: "error", lines: [t.invalid] }]);
      return;
    }
    if (Object.keys(cycleProblems).length) {
      setNotices([{ intent: "error", lines: [cycleText.invalid] }]);
      return;
    }
    setBusy("saving");
    const renames = unitRenames(form);
    try {
      const result = await runExcel((context) => saveSettings(context, next, { apiLevel, hasTemplate }));
      const skipped = result.kind === "template" ? [...result.template.skipped, ...result.template.warnings] : [...result.skipped, ...result.warnings];
      setHasTemplate(result.kind === "template");
      const saved = formOf(next);
      setForm(saved);
      setPristine(JSON.stringify(settingsOfForm(saved)));
      setChecked(false);
      setNotices([
        { intent: "success", lines: [result.kind === "template" ? t.savedTemplate : t.savedReference] },
        ...(skipped.length ? [{ intent: "warning" as const, lines: skipped }] : []),
      ]);
      if (renames.length) {
        const found = await runExcel((context) => renameUnitsInRegister(context, renames, { apply: false }));
        setRenameOffer(found.rows ? { renames, rows: found.rows } : null);
      } else setRenameOffer(null);
    } catch (error) {
      setNotices([{ intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
    } finally {
      setBusy(null);
    }
  };

  const renameInRegister = async () => {
    if (!renameOffer) return;
    setBusy("renaming");
    try {
      const done = await runExcel((context) => renameUnitsInRegister(context, renameOffer.renames, { apply: true }));
      setRenameOffer(null);
      setNotices((current) => [...current, { intent: "success", lines: [t.renamed(done.changed, done.skipped)] }]);
    } catch (error) {
      setNotices((current) => [...current, { intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
    } finally {
      setBusy(null);
    }
  };

  const disabled = busy !== null;
  const input = (key: TextField, label: string, hint?: string, placeholder?: string) => {
    const message = problem(key);
    return (
      <Field label={label} hint={hint} validationState={message ? "error" : "none"} validationMessage={message}>
        <Input
          id={`${SETTINGS_FIELD_ID_PREFIX}${key}`}
          value={form[key]}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(_, data) => setForm((f) => ({ ...f, [key]: data.value }))}
        />
      </Field>
    );
  };

  const preview = processLabel(typicalProcesses(cleanText(form.agencyGenitive)).find((p) => p.code === "2.4")!);
  const example = idExample(next, EXAMPLE_PROCESS);
  const typical = buildCatalog({ ...next, hiddenProcesses: [] }).processes.filter((process) => !process.agency);
  const listLabels = { statuses: t.statuses, clients: t.clients, kinds: t.kinds, placements: t.placements } as const;

  return (
    <div className={styles.root} data-testid="settings-section">
      <Text>{t.intro}</Text>
      {!inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>{t.outsideExcel}</MessageBarBody>
        </MessageBar>
      )}
      {busy === "loading" && <Spinner size="tiny" label={t.loading} />}

      <section className={styles.group} aria-label={t.groups.agency}>
        <Text as="h3" weight="semibold">
          {t.groups.agency}
        </Text>
        {input("agencyName", t.agencyName, undefined, t.agencyNamePlaceholder)}
        {input("agencyGenitive", t.agencyGenitive, t.agencyGenitiveHint)}
        <Text size={200} data-testid="settings-genitive-preview">
          {t.processPreview(preview)}
        </Text>
        {input("agencyCode", t.agencyCode, t.agencyCodeHint)}
      </section>

      <section className={styles.group} aria-label={t.groups.units}>
        <ListEditor
          label={t.units}
          hint={t.unitsHint}
          items={form.units}
          onChange={(units) => setForm((f) => ({ ...f, units }))}
          itemProblem={(index) => problem("units", index)}
          listProblem={problem("units")}
          disabled={disabled}
          testId="settings-units"
        />
        {renameOffer && (
          <MessageBar intent="info" data-testid="settings-rename-offer">
            <MessageBarBody>
              {t.renameOffer(renameOffer.rows)}{" "}
              <Button size="small" appearance="primary" onClick={() => void renameInRegister()} disabled={disabled}>
                {t.renameApply}
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.group} aria-label={t.groups.order}>
        <Text as="h3" weight="semibold">
          {t.groups.order}
        </Text>
        {input("coordinator", t.coordinator)}
        {input("orderNumber", t.orderNumber)}
        {input("orderDate", t.orderDate, t.dateHint)}
        {input("appendixNumber", t.appendixNumber)}
        <Field label={t.appendixPaper}>
          <Select value={form.appendixPaper} disabled={disabled} onChange={(_, data) => setForm((f) => ({ ...f, appendixPaper: data.value === "A3" ? "A3" : "A4" }))}>
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </Select>
        </Field>
        {input("lastActualization", t.lastActualization, t.dateHint)}
      </section>

      <section className={styles.group} aria-label={t.groups.ids}>
        <Text as="h3" weight="semibold">
          {t.groups.ids}
        </Text>
        {input("idScheme", t.idScheme, t.idSchemeHint)}
        <Text size={200} data-testid="settings-id-example">
          {problems.has("idScheme") || problems.has("agencyCode") ? "" : example ? t.idExample(example.id, example.process) : t.idNeedsCode}
        </Text>
      </section>

      <section className={styles.group} aria-label={t.groups.lists}>
        <Text as="h3" weight="semibold">
          {t.groups.lists}
        </Text>
        {VOCABULARY_FIELDS.map((field) => (
          <ListEditor
            key={field}
            label={listLabels[field]}
            items={form.lists[field]}
            onChange={(items) => setForm((f) => ({ ...f, lists: { ...f.lists, [field]: items } }))}
            itemProblem={(index) => problem(field, index)}
            listProblem={problem(field)}
            defaults={VOCABULARY_DEFAULTS[field]}
            disabled={disabled}
            testId={`settings-${field}`}
          />
        ))}
      </section>

      <section className={styles.group} aria-label={t.groups.processes}>
        <Text as="h3" weight="semibold">
          {t.ownProcesses}
        </Text>
        <ProcessesEditor
          items={form.ownProcesses}
          onChange={(ownProcesses) => setForm((f) => ({ ...f, ownProcesses }))}
          problem={(index) => problem("agencyProcesses", index)}
          typical={typical}
          hidden={form.hiddenProcesses}
          onHiddenChange={(hiddenProcesses) => setForm((f) => ({ ...f, hiddenProcesses }))}
          disabled={disabled}
        />
      </section>

      <section className={styles.group} aria-label={cycleText.title}>
        <Text as="h3" weight="semibold">
          {cycleText.title}
        </Text>
        <CycleSettingsEditor
          form={form.cycle}
          onChange={(cycle) => setForm((f) => ({ ...f, cycle }))}
          problems={checked ? cycleProblems : {}}
          disabled={disabled}
        />
      </section>

      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={disabled || !inExcel}>
          {busy === "saving" ? t.saving : t.save}
        </Button>
        <Button onClick={() => void load()} disabled={disabled || !inExcel}>
          {t.reload}
        </Button>
      </div>
      {notices.map((notice, i) => (
        <NoticeBar key={i} notice={notice} />
      ))}
    </div>
  );
}
