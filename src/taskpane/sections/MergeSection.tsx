/** «Merge» section: placeholder until its capability lands. */
import { merge } from "../strings";
import { ComingSoon } from "./ComingSoon";
import type { SectionProps } from "./types";

export function MergeSection(_props: SectionProps) {
  return <ComingSoon title={merge.title} text={merge.comingSoon} />;
}
