/** Runs the built `reestr` as a separate process, as a user's shell would, in `cwd`. */
import { spawnSync } from "child_process";
import * as path from "path";

export const REESTR_BIN = path.join(__dirname, "..", "..", "bin", "reestr.js");

export function runReestr(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [REESTR_BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
