import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * In a new Node process (the flag is process-wide): keeps 60 MB of small objects alive, as a command keeps what it
 * reads, and prints the young generation's largest size seen, in MB.
 */
function youngGenerationAfterSurvivors(keepSmall: boolean): number {
  const script = `
    ${keepSmall ? `require(${JSON.stringify(path.join(ROOT, "src/cli/young-generation.ts"))}).keepYoungGenerationSmall();` : ""}
    const v8 = require("v8");
    const kept = [];
    let largest = 0;
    for (let i = 0; i < 600000; i++) {
      kept.push({ index: i, text: "строка " + i });
      if (i % 10000 === 0) largest = Math.max(largest, v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_used_size);
    }
    process.stdout.write(String(largest / 1048576));
  `;
  const child = spawnSync(process.execPath, ["-r", path.join(ROOT, "scripts/ts-register.cjs"), "-e", script], { encoding: "utf8", cwd: ROOT });
  expect(child.stderr).toBe("");
  return Number(child.stdout);
}

describe("the CLI's young generation", () => {
  it("stays at its starting size while most of what is allocated survives", () => {
    const grown = youngGenerationAfterSurvivors(false);
    const kept = youngGenerationAfterSurvivors(true);
    // V8 doubles it from 1 MB per half as survivors pile up; kept small, it holds at most its starting size.
    expect(grown).toBeGreaterThan(4);
    expect(kept).toBeLessThanOrEqual(2);
  });
});
