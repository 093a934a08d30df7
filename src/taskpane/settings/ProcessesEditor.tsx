/** The agency's own processes (add, edit, retire) and which typical processes the dropdown offers. */
import * as React from "react";
import { Button, Checkbox, Field, Input, makeStyles, Text, Textarea, tokens } from "@fluentui/react-components";
import type { TypicalProcess } from "../../core/typical-list";
import { processLabel } from "../../core/typical-list";
import { settings as t } from "../strings/settings";
import { newKey, type OwnProcessItem } from "./settings-form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  // The full list, no box of its own: the pane has one scroll area, and a box inside it traps the mouse wheel.
  typical: { display: "flex", flexDirection: "column", minWidth: 0 },
});

export interface ProcessesEditorProps {
  items: OwnProcessItem[];
  onChange: (items: OwnProcessItem[]) => void;
  problem: (index: number) => string | undefined;
  typical: readonly TypicalProcess[];
  hidden: readonly string[];
  onHiddenChange: (codes: string[]) => void;
  disabled?: boolean;
}

/** The next free number in direction 1 (a start the user edits). */
function suggestedCode(items: readonly OwnProcessItem[], typical: readonly TypicalProcess[]): string {
  const used = new Set([...typical.map((process) => process.code), ...items.map((item) => item.code)]);
  for (let n = 1; n < 100; n++) if (!used.has(`1.${n}`)) return `1.${n}`;
  return "";
}

export function ProcessesEditor({ items, onChange, problem, typical, hidden, onHiddenChange, disabled }: ProcessesEditorProps): JSX.Element {
  const styles = useStyles();
  const update = (key: number, change: Partial<OwnProcessItem>) => onChange(items.map((item) => (item.key === key ? { ...item, ...change } : item)));
  return (
    <div className={styles.root} data-testid="settings-own-processes">
      <Text size={200} className={styles.hint}>
        {t.ownProcessesHint}
      </Text>
      {items.map((item, index) => {
        const message = problem(index);
        return (
          <div key={item.key} className={styles.card} data-testid="own-process">
            <Field label={t.ownCode} validationState={message ? "error" : "none"} validationMessage={message}>
              <Input value={item.code} disabled={disabled} onChange={(_, data) => update(item.key, { code: data.value, direction: data.value.split(".")[0] })} />
            </Field>
            <Field label={t.ownName}>
              <Textarea value={item.name} rows={2} resize="vertical" disabled={disabled} onChange={(_, data) => update(item.key, { name: data.value })} />
            </Field>
            <Field label={t.ownGoal}>
              <Textarea value={item.goal} rows={2} resize="vertical" disabled={disabled} onChange={(_, data) => update(item.key, { goal: data.value })} />
            </Field>
            <Field label={t.ownValue}>
              <Textarea value={item.value} rows={2} resize="vertical" disabled={disabled} onChange={(_, data) => update(item.key, { value: data.value })} />
            </Field>
            <Checkbox label={t.ownRetired} checked={item.retired ?? false} disabled={disabled} onChange={(_, data) => update(item.key, { retired: data.checked === true })} />
            {item.unsaved && (
              <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onChange(items.filter((candidate) => candidate.key !== item.key))}>
                {t.ownRemove}
              </Button>
            )}
          </div>
        );
      })}
      <Button
        size="small"
        disabled={disabled}
        onClick={() => {
          const code = suggestedCode(items, typical);
          onChange([...items, { key: newKey(), unsaved: true, code, direction: code.split(".")[0], name: "", goal: "", value: "" }]);
        }}
      >
        {t.ownAdd}
      </Button>
      <Text weight="semibold">{t.typicalShown}</Text>
      <Text size={200} className={styles.hint}>
        {t.typicalShownHint}
      </Text>
      <div className={styles.typical} data-testid="settings-typical-shown">
        {typical.map((process) => (
          <Checkbox
            key={process.code}
            label={processLabel(process)}
            checked={!hidden.includes(process.code)}
            disabled={disabled}
            onChange={(_, data) => onHiddenChange(data.checked ? hidden.filter((code) => code !== process.code) : [...hidden, process.code])}
          />
        ))}
      </div>
    </div>
  );
}
