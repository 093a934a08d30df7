/** Runs `reestr` in-process with `cwd` = the test's folder and collects its output and exit code. */
import { runCli } from "../../src/cli/cli";
import type { CliIO } from "../../src/cli/io";

export function cliRunner(dir: string) {
  return async (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = "";
    let stderr = "";
    const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, env: {} };
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
  };
}
