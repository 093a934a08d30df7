/**
 * Every `reestr` command. Adding one: write src/cli/commands/<name>.ts exporting a CliCommand, then list it here.
 * The order here is the order in `reestr --help`.
 */
import type { CliCommand } from "../io";
import { validateCommand } from "./validate";
import { mergeCommand } from "./merge";
import { appendixCommand } from "./appendix";
import { publishCommand } from "./publish";
import { templateCommand } from "./template";
import { distributeCommand } from "./distribute";
import { requestsCommand } from "./requests";
import { statusCommand } from "./status";
import { noticesCommand, orderCommand } from "./documents";

export const COMMANDS: readonly CliCommand[] = [
  templateCommand,
  validateCommand,
  distributeCommand,
  mergeCommand,
  appendixCommand,
  publishCommand,
  requestsCommand,
  statusCommand,
  noticesCommand,
  orderCommand,
];
