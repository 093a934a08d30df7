/**
 * The pane follows Office's theme: Fluent's dark theme when Office paints the task pane's body dark (the «Черная» and
 * «Темно-серая» Office themes), the light one otherwise. Office.context.officeTheme exists in Office 2016+ hosts; its change
 * event is registered where the host accepts it and silently skipped where it does not. The dark theme is fetched when
 * first shown.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";
import { createContext, useEffect, useState } from "react";
import { lazyModule } from "./lazy-module";

export { luminance, officeThemeKind, themeKindOfBackground, type PaneThemeKind } from "./theme-kind";
import { officeThemeKind, themeKindOfBackground, type PaneThemeKind } from "./theme-kind";

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

const loadDarkTheme = lazyModule(() => import(/* webpackChunkName: "theme-dark" */ "./theme-dark"));
let darkTheme: Theme | null = null;

/**
 * Fluent's theme for `kind`. Null only while the dark theme is fetched for the pane's first drawing (the pane waits rather
 * than flash light); on a later switch the theme shown stays until the dark one is there. When it cannot be fetched the
 * pane stays light (fully usable) and the next switch to dark tries again.
 */
export function useFluentTheme(kind: PaneThemeKind): Theme | null {
  const [shown, setShown] = useState<Theme | null>(() => (kind === "light" ? webLightTheme : darkTheme));
  useEffect(() => {
    if (kind === "light" || darkTheme) {
      setShown(kind === "light" ? webLightTheme : darkTheme);
      return undefined;
    }
    let current = true;
    loadDarkTheme().then(
      (module) => {
        darkTheme = module.webDarkTheme;
        if (current) setShown(darkTheme);
      },
      () => {
        if (current) setShown((theme) => theme ?? webLightTheme);
      },
    );
    return () => {
      current = false;
    };
  }, [kind]);
  return shown;
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
