/**
 * An issue's message as the list shows it: the position line above it already names the column («Строка 7 · F7 ·
 * Процесс»), so the message does not name it again. The core's message (also printed by the CLI) says «графа 6
 * «Процесс»»; here that becomes «графа», and a parenthesised «(графа 6 «Процесс»)» is dropped.
 */
import { REGISTER_COLUMNS } from "../../core/columns";

export function messageInPlace(message: string, column: number): string {
  const spec = REGISTER_COLUMNS[column - 1];
  if (!spec) return message;
  const label = `графа ${spec.number} «${spec.title}»`;
  return message.split(` (${label})`).join("").split(label).join("графа");
}
