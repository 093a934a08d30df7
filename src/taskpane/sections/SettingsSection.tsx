/** «Settings» section: placeholder until its capability lands. */
import { settings } from "../strings";
import { ComingSoon } from "./ComingSoon";
import type { SectionProps } from "./types";

export function SettingsSection(_props: SectionProps) {
  return <ComingSoon title={settings.title} text={settings.comingSoon} />;
}
