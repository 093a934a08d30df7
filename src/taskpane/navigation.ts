/** Lets a section open another one (e.g. validation → settings). */
import { createContext, useContext } from "react";
import type { SectionId } from "./sections";

export interface PaneNavigation {
  current: SectionId;
  goTo(section: SectionId): void;
}

export const NavigationContext = createContext<PaneNavigation>({ current: "template", goTo: () => undefined });

export function usePaneNavigation(): PaneNavigation {
  return useContext(NavigationContext);
}
