/** An editable list of names (units, statuses, …): rename in place, add, remove, move up and down, reset. */
import * as React from "react";
import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { settings as t } from "../strings/settings";
import { listItems, newKey, type ListItem } from "./settings-form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  item: { display: "flex", gap: "4px", alignItems: "flex-start", minWidth: 0 },
  field: { flex: 1, minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  tool: { minWidth: "28px", paddingLeft: 0, paddingRight: 0 },
  actions: { display: "flex", gap: "6px", flexWrap: "wrap" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface ListEditorProps {
  label: string;
  hint?: string;
  items: ListItem[];
  onChange: (items: ListItem[]) => void;
  /** The message for an item (by index) or for the whole list. */
  itemProblem: (index: number) => string | undefined;
  listProblem?: string;
  /** With a reset to these defaults. */
  defaults?: readonly string[];
  disabled?: boolean;
  testId: string;
  /** An id for the list's first input (or its «add» button when empty): other sections send focus here. */
  focusId?: string;
}

export function ListEditor({ label, hint, items, onChange, itemProblem, listProblem, defaults, disabled, testId, focusId }: ListEditorProps): JSX.Element {
  const styles = useStyles();
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <fieldset className={styles.root} data-testid={testId} style={{ border: "none", margin: 0, padding: 0 }}>
      <legend>
        <Text weight="semibold">{label}</Text>
      </legend>
      {hint && (
        <Text size={200} className={styles.hint}>
          {hint}
        </Text>
      )}
      {items.map((item, index) => {
        const problem = itemProblem(index);
        const name = item.text || t.listNew;
        return (
          <div key={item.key} className={styles.item}>
            <Field className={styles.field} validationState={problem ? "error" : "none"} validationMessage={problem}>
              <Input
                id={index === 0 ? focusId : undefined}
                className={styles.input}
                aria-label={t.listItem(label, index + 1)}
                value={item.text}
                disabled={disabled}
                onChange={(_, data) => onChange(items.map((candidate) => (candidate.key === item.key ? { ...candidate, text: data.value } : candidate)))}
              />
            </Field>
            <Button className={styles.tool} size="small" aria-label={t.listUp(name)} disabled={disabled || index === 0} onClick={() => move(index, -1)}>
              ↑
            </Button>
            <Button className={styles.tool} size="small" aria-label={t.listDown(name)} disabled={disabled || index === items.length - 1} onClick={() => move(index, 1)}>
              ↓
            </Button>
            <Button className={styles.tool} size="small" aria-label={t.listRemove(name)} disabled={disabled} onClick={() => onChange(items.filter((candidate) => candidate.key !== item.key))}>
              ✕
            </Button>
          </div>
        );
      })}
      {listProblem && (
        <Text size={200} role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {listProblem}
        </Text>
      )}
      <div className={styles.actions}>
        <Button
          id={items.length === 0 ? focusId : undefined}
          size="small"
          disabled={disabled}
          onClick={() => onChange([...items, { key: newKey(), text: "", original: null }])} aria-label={`${t.listAdd}: ${label}`}>
          {t.listAdd}
        </Button>
        {defaults && (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onChange(listItems(defaults))} aria-label={`${t.listReset}: ${label}`}>
            {t.listReset}
          </Button>
        )}
      </div>
    </fieldset>
  );
}
