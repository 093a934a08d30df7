/**
 * The pane's status area. Sections call `useNotify()` to show a Fluent MessageBar (success, info, warning, error).
 * The pane gives each section its own provider and area, so a message shows at the top of the section that raised it
 * and scrolls with it instead of pushing every section down. Successes and information close themselves (after
 * `timeoutMs`, by default SELF_CLOSING_MS); warnings and errors stay until closed.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import React, { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { common } from "./strings";

export type NotificationIntent = "success" | "info" | "warning" | "error";

export interface NotificationInput {
  intent: NotificationIntent;
  text: string;
  title?: string;
  /** Closes itself after this many milliseconds (success and info: after SELF_CLOSING_MS unless given). */
  timeoutMs?: number;
}

export interface PaneNotification extends NotificationInput {
  id: number;
}

/** How long a success or information message stays when the section gives no time. */
export const SELF_CLOSING_MS = 12_000;


export interface NotifyApi {
  /** Shows a message and returns its id. */
  notify(notification: NotificationInput): number;
  dismiss(id: number): void;
  clear(): void;
}

interface NotifyState extends NotifyApi {
  notifications: PaneNotification[];
}

const MAX_VISIBLE = 4;
const NotifyContext = createContext<NotifyState | null>(null);

export function NotifyProvider({ children }: { children: React.ReactNode }) {
  const [notifications, setNotifications] = useState<PaneNotification[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setNotifications((current) => current.filter((item) => item.id !== id));
  }, []);

  const notify = useCallback(
    (notification: NotificationInput) => {
      const id = nextId.current++;
      setNotifications((current) => [...current, { ...notification, id }].slice(-MAX_VISIBLE));
      const selfClosing = notification.intent === "success" || notification.intent === "info";
      const timeoutMs = notification.timeoutMs ?? (selfClosing ? SELF_CLOSING_MS : 0);
      if (timeoutMs > 0) timers.current.set(id, setTimeout(() => dismiss(id), timeoutMs));
      return id;
    },
    [dismiss],
  );

  const clear = useCallback(() => {
    for (const timer of timers.current.values()) clearTimeout(timer);
    timers.current.clear();
    setNotifications([]);
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  const value = useMemo(() => ({ notifications, notify, dismiss, clear }), [notifications, notify, dismiss, clear]);
  return <NotifyContext.Provider value={value}>{children}</NotifyContext.Provider>;
}

/** The notification API for sections; must be used inside the pane (NotifyProvider). */
export function useNotify(): NotifyApi {
  const context = useContext(NotifyContext);
  if (!context) throw new Error("useNotify() вызван вне NotifyProvider");
  const { notify, dismiss, clear } = context;
  return useMemo(() => ({ notify, dismiss, clear }), [notify, dismiss, clear]);
}

const useStyles = makeStyles({
  area: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
    minWidth: 0,
  },
});

/** Renders the provider's messages; place once at the top of each section. */
export function NotificationArea() {
  const context = useContext(NotifyContext);
  const styles = useStyles();
  const shown = context?.notifications ?? [];
  // The live region stays in the page even when empty, so screen readers announce the first message too.
  return (
    <div className={shown.length ? styles.area : undefined} role="status" aria-label={common.notificationsLabel} aria-live="polite">
      {shown.map((item) => (
        <MessageBar key={item.id} intent={item.intent} layout="multiline" data-testid="pane-notification">
          <MessageBarBody>
            {item.title ? <MessageBarTitle>{item.title}</MessageBarTitle> : null}
            {item.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={common.dismiss}
                icon={<DismissRegular />}
                onClick={() => context?.dismiss(item.id)}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
