/**
 * Whether the pane opens on «С чего начать»: the workbook's settings are read once at start-up, and the card shows
 * while neither the agency nor any unit is named. Any navigation dismisses it for this session.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { readSettings } from "../adapters/office/settings-read";
import { runExcel } from "../adapters/office/run";
import type { PaneEnvironment } from "./environment";
import { settingsAreEmpty } from "./first-run-rule";

export interface FirstRunState {
  show: boolean;
  dismiss(): void;
}

export function useFirstRun(environment: PaneEnvironment, enabled: boolean): FirstRunState {
  const [empty, setEmpty] = useState(false);
  const [dismissed, setDismissed] = useState(!enabled || environment.kind === "outside");

  useEffect(() => {
    if (dismissed) return undefined;
    let live = true;
    runExcel((context) => readSettings(context)).then(
      (result) => {
        if (live) setEmpty(settingsAreEmpty(result.settings));
      },
      // A workbook that cannot be read opens on the usual first section; its section reports the problem.
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Read once per pane: later saves are seen by «Настройки» itself.
  }, []);

  const dismiss = useCallback(() => setDismissed(true), []);
  return useMemo(() => ({ show: empty && !dismissed, dismiss }), [empty, dismissed, dismiss]);
}
