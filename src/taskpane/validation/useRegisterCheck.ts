/**
 * The check's state for the section: one check at a time (a request made while one runs is coalesced into one re-run),
 * the last good result kept when a check fails, errors reported through the pane's notifications.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { describeOfficeError, runExcel } from "../../adapters/office/run";
import { checkRegister, watchSheetEdits, type RegisterCheck } from "../../adapters/office/validation";
import type { NotifyApi } from "../notify";
import { validation as t } from "../strings/validation";

export interface CheckResult {
  check: RegisterCheck;
  checkedAt: Date;
  /** Started by the edit watcher rather than by the user. */
  automatic: boolean;
}

export interface RegisterCheckState {
  result: CheckResult | null;
  running: boolean;
  /** Runs a check (or, when one is running, one more right after it); resolves when the checks settle. */
  recheck(automatic?: boolean): Promise<void>;
}

/** Resolves in a later task (not a microtask), so the browser handles input and paints in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useRegisterCheck(notify: NotifyApi["notify"]): RegisterCheckState {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<Promise<void> | null>(null);
  const again = useRef<{ automatic: boolean } | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const recheck = useCallback(
    (automatic = false): Promise<void> => {
      if (current.current) {
        // Edits during a check: one more check after it sees them all.
        again.current = { automatic: (again.current?.automatic ?? true) && automatic };
        return current.current;
      }
      const loop = async () => {
        setRunning(true);
        let next: { automatic: boolean } | null = { automatic };
        try {
          while (next && mounted.current) {
            const started = next;
            again.current = null;
            try {
              const check = await runExcel((context) => checkRegister(context));
              // Clicks and keys that waited behind the check go first; then the result (summary, a list of maybe
              // 150,000 issues) renders as a transition, which React splits into short tasks instead of one long one.
              await nextTask();
              if (mounted.current) {
                const checked: CheckResult = { check, checkedAt: new Date(), automatic: started.automatic };
                startTransition(() => setResult(checked));
              }
            } catch (error) {
              // The previous results stay on screen; the reason goes to the status area.
              if (mounted.current) notify({ intent: "error", title: t.checkFailed, text: describeOfficeError(error) });
            }
            next = again.current;
          }
        } finally {
          current.current = null;
          again.current = null;
          // In the same transition as the result: the button never says «done» over the previous result.
          if (mounted.current) startTransition(() => setRunning(false));
        }
      };
      current.current = loop();
      return current.current;
    },
    [notify],
  );

  return { result, running, recheck };
}

/** Debounce of the automatic check: a paste of many cells raises several events; one check follows the last. */
export const AUTO_CHECK_DELAY_MS = 1500;

export type WatchState = "off" | "starting" | "on";

/**
 * While `enabled` and a sheet is known, re-checks AUTO_CHECK_DELAY_MS after the user's last edit of that sheet.
 * Stops watching when switched off, when the sheet changes and on unmount. `onFailed` is told when watching cannot start.
 * Returns whether edits are being watched yet ("on" only once Excel has accepted the handler).
 */
export function useAutoRecheck(
  enabled: boolean,
  sheet: string | null,
  recheck: (automatic: boolean) => Promise<void>,
  onFailed: (message: string) => void,
): WatchState {
  const [watching, setWatching] = useState<string | null>(null);
  const latest = useRef({ recheck, onFailed });
  latest.current = { recheck, onFailed };

  useEffect(() => {
    if (!enabled || !sheet) return undefined;
    let stopped = false;
    let stop: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEdit = () => {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => void latest.current.recheck(true), AUTO_CHECK_DELAY_MS);
    };
    watchSheetEdits(sheet, onEdit).then(
      (stopWatching) => {
        if (stopped) {
          void stopWatching().catch(() => undefined);
          return;
        }
        stop = stopWatching;
        setWatching(sheet);
      },
      (error: unknown) => {
        if (!stopped) latest.current.onFailed(describeOfficeError(error));
      },
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
      setWatching(null);
      if (stop) void stop().catch(() => undefined);
    };
  }, [enabled, sheet]);

  if (!enabled || !sheet) return "off";
  return watching === sheet ? "on" : "starting";
}
