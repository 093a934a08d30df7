/**
 * The fixes the last check found something for: what each changes (the first cells, «было» → «станет»), how many cells,
 * and a button that applies it. Large fixes ask once before writing.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { FixPlan } from "../../core/fixes";
import { columnLetters } from "../../core/layout/cells";
import { validation as t } from "../strings/validation";

/** Fixes touching more cells than this ask for confirmation first. */
export const CONFIRM_ABOVE_CELLS = 100;
const PREVIEW_CHANGES = 5;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  fix: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  preview: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  change: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  address: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface FixesPanelProps {
  fixes: readonly FixPlan[];
  busy: boolean;
  /** The kind being applied, for its spinner. */
  applying: string | null;
  onApply(plan: FixPlan): void;
  /** Opens the settings at the field (e.g. «agencyCode»), or at the top. */
  onOpenSettings(field?: string): void;
}

function shown(value: string): string {
  return value === "" ? t.emptyValue : `«${value.replace(/\n/g, " ")}»`;
}

export function FixesPanel({ fixes, busy, applying, onApply, onOpenSettings }: FixesPanelProps) {
  const styles = useStyles();
  const [confirm, setConfirm] = useState<FixPlan | null>(null);
  const useful = fixes.filter((plan) => plan.changes.length > 0 || plan.needsSetting);
  if (useful.length === 0) return null;

  const apply = (plan: FixPlan) => {
    if (plan.changes.length > CONFIRM_ABOVE_CELLS) setConfirm(plan);
    else onApply(plan);
  };

  return (
    <section className={styles.root} aria-label={t.fixesTitle} data-testid="validation-fixes">
      <Text as="h3" weight="semibold" size={300}>
        {t.fixesTitle}
      </Text>
      <Text size={200} className={styles.hint}>
        {t.fixesHint}
      </Text>
      {useful.map((plan) => (
        <div key={plan.kind} className={styles.fix} data-testid={`fix-${plan.kind}`}>
          <Text weight="semibold">{plan.title}</Text>
          <Text size={200}>{plan.description}</Text>
          {plan.needsSetting ? (
            <Link as="button" onClick={() => onOpenSettings(plan.needsSetting)} data-testid="fix-needs-setting">
              {t.setAgencyCode}
            </Link>
          ) : (
            plan.kind === "assign-ids" && (
              <Link as="button" onClick={() => onOpenSettings("idScheme")}>
                {t.openSettings}
              </Link>
            )
          )}
          {plan.changes.length > 0 && (
            <>
              <ul className={styles.preview} aria-label={t.fixPreviewLabel(plan.title)}>
                {plan.changes.slice(0, PREVIEW_CHANGES).map((change) => {
                  const address = `${columnLetters(change.sheetColumn + 1)}${change.row}`;
                  const text = `${shown(change.before)} → ${shown(change.after)}`;
                  return (
                    <li key={address} className={styles.change} title={`${address}: ${text}`}>
                      <span className={styles.address}>{address}</span>: {text}
                    </li>
                  );
                })}
                {plan.changes.length > PREVIEW_CHANGES && <li>{t.fixMore(plan.changes.length - PREVIEW_CHANGES)}</li>}
              </ul>
              <div className={styles.actions}>
                <Text size={200}>{t.fixCells(plan.changes.length)}</Text>
                <Button size="small" appearance="primary" disabledFocusable={busy} onClick={() => !busy && apply(plan)} aria-label={`${t.apply}: ${plan.title}`}>
                  {applying === plan.kind ? t.applying : t.apply}
                </Button>
                {applying === plan.kind && <Spinner size="tiny" />}
              </div>
            </>
          )}
        </div>
      ))}
      <Dialog open={confirm !== null} onOpenChange={(_, data) => (!data.open ? setConfirm(null) : undefined)}>
        <DialogSurface style={{ maxWidth: "calc(100vw - 24px)", boxSizing: "border-box", padding: 16 }}>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent>{confirm ? t.confirmText(confirm.title, confirm.changes.length) : null}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const plan = confirm;
                  setConfirm(null);
                  if (plan) onApply(plan);
                }}
              >
                {t.confirm}
              </Button>
              <Button onClick={() => setConfirm(null)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
