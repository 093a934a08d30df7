/**
 * A bench module run on its own (`node -r ./scripts/ts-register.cjs bench/x.bench.ts`) rather than through
 * `npm run bench`: prints its rows as a table; a failure is one line and exit 1.
 */
import type { BenchResult } from "../index";

export function runWhenMain(module: NodeModule, run: () => Promise<BenchResult[]>): void {
  if (require.main !== module) return;
  run().then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
