/**
 * The commands by name, each loaded only when it runs: a start of `reestr validate` then compiles the reader and the
 * rules, not the .docx writer, the layouts or the collection round (in the build every import() below is a bundle of its own, see scripts/build-cli.cjs).
 * The help, which lists every command, loads them all (commands/index.ts keeps their order).
 */
import type { CliCommand } from "./io";

const LOADERS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  template: async () => (await import("./commands/template")).templateCommand,
  validate: async () => (await import("./commands/validate")).validateCommand,
  distribute: async () => (await import("./commands/distribute")).distributeCommand,
  merge: async () => (await import("./commands/merge")).mergeCommand,
  appendix: async () => (await import("./commands/appendix")).appendixCommand,
  publish: async () => (await import("./commands/publish")).publishCommand,
  requests: async () => (await import("./commands/requests")).requestsCommand,
  status: async () => (await import("./commands/status")).statusCommand,
  notices: async () => (await import("./commands/documents")).noticesCommand,
  order: async () => (await import("./commands/documents")).orderCommand,
};

export const COMMAND_NAMES: readonly string[] = Object.keys(LOADERS);

/** The command called `name`, or undefined for a name that is no command. */
export function loadCommand(name: string): Promise<CliCommand> | undefined {
  return Object.prototype.hasOwnProperty.call(LOADERS, name) ? LOADERS[name]() : undefined;
}

export async function loadAllCommands(): Promise<readonly CliCommand[]> {
  return (await import("./commands")).COMMANDS;
}
