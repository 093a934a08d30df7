/**
 * The pane follows Office's theme: Fluent's dark theme when Office paints the task pane's body dark (the «Черная» and
 * «Темно-серая» Office themes), the light one otherwise. Office.context.officeTheme exists in Office 2016+ hosts; its change
 * event is registered where the host accepts it and silently skipped where it does not.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { createContext, useEffect, useState } from "react";

export { luminance, officeThemeKind, themeKindOfBackground, type PaneThemeKind } from "./theme-kind";
import { officeThemeKind, themeKindOfBackground, type PaneThemeKind } from "./theme-kind";

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

export function fluentThemeOf(kind: PaneThemeKind): Theme {
  return kind === "dark" ? webDarkTheme : webLightTheme;
}

/** Registers Office's theme-change event where the host supports it; returns how to unregister. */
function onOfficeThemeChanged(listener: (kind: PaneThemeKind) => void): () => void {
  if (typeof Office === "undefined") return () => undefined;
  const document = Office.context?.document as Office.Document | undefined;
  const eventType = Office.EventType?.OfficeThemeChanged;
  if (!document || typeof document.addHandlerAsync !== "function" || !eventType) return () => undefined;
  const handler = (args?: unknown) =>
    listener(themeKindOfBackground((args as { officeTheme?: OfficeThemeLike } | undefined)?.officeTheme?.bodyBackgroundColor));
  let registered = false;
  try {
    document.addHandlerAsync(eventType, handler, (result) => {
      registered = result.status === Office.AsyncResultStatus.Succeeded;
    });
  } catch {
    // Hosts without the event throw or answer with an error: the pane keeps the theme it started with.
  }
  return () => {
    if (!registered) return;
    try {
      document.removeHandlerAsync(eventType, { handler });
    } catch {
      // Unregistering is best effort on pane close.
    }
  };
}

/** The pane's theme: `forced` (the playground's switch) or Office's, following its changes. */
export function usePaneTheme(forced?: PaneThemeKind): PaneThemeKind {
  const [fromOffice, setFromOffice] = useState<PaneThemeKind>(() => (forced ? "light" : officeThemeKind()));
  useEffect(() => {
    if (forced) return undefined;
    setFromOffice(officeThemeKind());
    return onOfficeThemeChanged(setFromOffice);
  }, [forced]);
  return forced ?? fromOffice;
}

/** The theme the pane shows, for parts that describe it (the administrator's facts). */
export const PaneThemeContext = createContext<PaneThemeKind>("light");
