/**
 * V8 starts a process with a 1 MB young generation and doubles it whenever much of what it allocated survives, up to
 * 16 MB per half. The CLI's commands keep nearly everything they read (the tables, the merged rows, the layouts), so a
 * grown young generation only copies more per collection and holds 30–50 MB more pages, for no time gained: measured on
 * `reestr merge` of 200 files (peak 121–133 → 92–105 MB, CPU equal or lower) and `reestr appendix` of 50,000 rows
 * (peak 209–224 → 177–179 MB). See docs/performance.md, «The CLI's young generation».
 */
import * as v8 from "v8";

/** Keeps the young generation at its starting size for the rest of the process (its growth factor 2 → 1). */
export function keepYoungGenerationSmall(): void {
  try {
    v8.setFlagsFromString("--semi-space-growth-factor=1");
  } catch {
    // A Node that refuses flags after start keeps V8's default: only memory is at stake.
  }
}
