/** Processes the register names but no list holds: one click adds each to the agency's own processes. */
import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { UnknownProcess } from "../../core/agency-processes";
import { validation as t } from "../strings/validation";

const SHOWN = 5;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  text: { overflowWrap: "anywhere" },
});

export interface UnknownProcessesPanelProps {
  processes: readonly UnknownProcess[];
  busy: boolean;
  adding: string | null;
  onAdd(process: UnknownProcess): void;
}

export function UnknownProcessesPanel({ processes, busy, adding, onAdd }: UnknownProcessesPanelProps): JSX.Element | null {
  const styles = useStyles();
  if (!processes.length) return null;
  return (
    <section className={styles.root} aria-label={t.unknownTitle} data-testid="validation-unknown-processes">
      <Text as="h3" weight="semibold" size={300}>
        {t.unknownTitle}
      </Text>
      {processes.slice(0, SHOWN).map((process) => (
        <div key={process.text} className={styles.item}>
          <Text size={200} className={styles.text}>
            {t.unknownItem(process.text, process.rows, process.proposal.code)}
          </Text>
          <Button size="small" disabled={busy} onClick={() => onAdd(process)} aria-label={`${t.unknownAdd}: ${process.text}`}>
            {adding === process.text ? t.unknownAdding : t.unknownAdd}
          </Button>
        </div>
      ))}
      {processes.length > SHOWN && <Text size={200}>{t.unknownMore(processes.length - SHOWN)}</Text>}
    </section>
  );
}
