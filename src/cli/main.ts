/** Entry of the bundled `reestr` command (dist-cli/src/cli/main.js; each command a bundle loaded when it runs). */
import { runCli } from "./cli";
import type { CliIO } from "./io";
import { keepYoungGenerationSmall } from "./young-generation";

keepYoungGenerationSmall();

const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
};

// A closed pipe (e.g. `reestr validate f.xlsx | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), processIO).then(
  (code) => {
    // exitCode, not exit(): lets Node flush large outputs to pipes before leaving.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reestr: ошибка: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
