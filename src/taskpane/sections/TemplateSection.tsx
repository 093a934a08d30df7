/** «Template» section: placeholder until its capability lands. */
import { template } from "../strings";
import { ComingSoon } from "./ComingSoon";
import type { SectionProps } from "./types";

export function TemplateSection(_props: SectionProps) {
  return <ComingSoon title={template.title} text={template.comingSoon} />;
}
