/** `reestr <command> [args]`: dispatches to the commands, turns usage mistakes and failures into one line and exit 2. */
import { wantsHelp } from "./args";
import { COMMAND_NAMES, loadAllCommands, loadCommand } from "./command-loader";
import { EXIT_FAILURE, EXIT_OK, isUsageError, oneLineMessage, type CliCommand, type CliIO } from "./io";
import { version } from "../../package.json";

/** The general help over `commands` (all of them: loadAllCommands()). */
export function generalUsage(commands: readonly Pick<CliCommand, "name" | "summary">[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    "reestr — реестр межведомственных и внутриведомственных процессов",
    "",
    "Использование: reestr <команда> [аргументы]",
    "",
    "Команды:",
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Справка по команде: reestr <команда> --help",
    "",
  ].join("\n");
}

async function findCommand(name: string): Promise<CliCommand | undefined> {
  return loadCommand(name);
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(generalUsage(await loadAllCommands()));
    return EXIT_FAILURE;
  }
  if (name === "--help" || name === "-h") {
    io.stdout(generalUsage(await loadAllCommands()));
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${version}\n`);
    return EXIT_OK;
  }
  if (name === "help") {
    const target = rest[0] === undefined ? undefined : await findCommand(rest[0]);
    if (rest[0] !== undefined && !target) return unknownCommand(rest[0], io);
    io.stdout(target ? `${target.usage}\n` : generalUsage(await loadAllCommands()));
    return EXIT_OK;
  }
  const command = await findCommand(name);
  if (!command) return unknownCommand(name, io);
  if (wantsHelp(rest)) {
    io.stdout(`${command.usage}\n`);
    return EXIT_OK;
  }

  try {
    return await command.run([...rest], io);
  } catch (error) {
    if (isUsageError(error)) {
      const synopsis = command.usage.split("\n")[0];
      io.stderr(`reestr ${command.name}: ${error.message}. Использование: ${synopsis}\n`);
      return EXIT_FAILURE;
    }
    // Our own failures speak Russian; a library's English (a bug on our side) is not shown to the user.
    const message = oneLineMessage(error);
    io.stderr(/[а-яё]/i.test(message) ? `reestr: ошибка: ${message}\n` : "reestr: внутренняя ошибка программы; подробности покажет запуск с REESTR_DEBUG=1\n");
    if (io.env.REESTR_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}

function unknownCommand(name: string, io: CliIO): number {
  const known = COMMAND_NAMES.join(", ");
  const what = name.startsWith("-") ? `неизвестный флаг ${name}` : `неизвестная команда «${name}»`;
  io.stderr(`reestr: ${what}; команды: ${known}. Справка: reestr --help\n`);
  return EXIT_FAILURE;
}
