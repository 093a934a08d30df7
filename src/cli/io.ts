/** What every command gets: output writers and the environment, so tests can run commands in-process. */
import * as path from "path";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory relative paths are resolved against. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes shared by all commands. */
export const EXIT_OK = 0;
/** The register was read and has errors. */
export const EXIT_FINDINGS = 1;
/** Wrong usage, an unreadable file, or no register. */
export const EXIT_FAILURE = 2;

export interface CliCommand {
  name: string;
  /** One Russian line for the command list. */
  summary: string;
  /** Full help; the first line is the synopsis, e.g. "reestr validate FILE [--json]". */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** Wrong usage of a command: main prints it as one line with the synopsis and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Whether `error` is a UsageError. By name, not instanceof: each command is a bundle of its own with its own copy of
 * this module, so the class a command throws is not the one the entry catches.
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === "UsageError";
}

export function resolvePath(io: CliIO, file: string): string {
  return path.resolve(io.cwd, file);
}

/** An error message as one line: nothing a user sees may span lines or carry a stack. */
export function oneLineMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim() || "неизвестная ошибка";
}
