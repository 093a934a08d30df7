/** «Validation» section: placeholder until its capability lands. */
import { validation } from "../strings";
import { ComingSoon } from "./ComingSoon";
import type { SectionProps } from "./types";

export function ValidationSection(_props: SectionProps) {
  return <ComingSoon title={validation.title} text={validation.comingSoon} />;
}
