import type { PaneEnvironment } from "../environment";

/** What every section receives from the pane. */
export interface SectionProps {
  environment: PaneEnvironment;
}
