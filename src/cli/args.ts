/**
 * A small argument parser: `--flag value`, `--flag=value`, `-o value`, boolean flags, repeatable flags, positional
 * arguments anywhere, and `--` to end flags. Anything unexpected throws a UsageError with a Russian message.
 */
import { UsageError } from "./io";

export interface FlagSpec {
  type: "string" | "boolean";
  /** A one-letter alias, e.g. "o" for --output. */
  short?: string;
  /** The flag may be given several times; its value is then a list. */
  multiple?: boolean;
}

export interface PositionalSpec {
  /** How the argument is named in messages, e.g. "FILE". */
  name: string;
  min: number;
  /** Omitted: any number. */
  max?: number;
}

export interface ArgsSpec<F extends Record<string, FlagSpec>> {
  flags: F;
  positionals: PositionalSpec;
}

type FlagValue<S extends FlagSpec> = S["type"] extends "boolean"
  ? boolean
  : S["multiple"] extends true
    ? string[]
    : string | undefined;

export interface ParsedArgs<F extends Record<string, FlagSpec>> {
  flags: { [K in keyof F]: FlagValue<F[K]> };
  positionals: string[];
}

/** True when the arguments ask for help (before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

export function parseArgs<const F extends Record<string, FlagSpec>>(argv: readonly string[], spec: ArgsSpec<F>): ParsedArgs<F> {
  const values: Record<string, string | boolean | string[] | undefined> = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    values[name] = flag.type === "boolean" ? false : flag.multiple ? [] : undefined;
  }
  const byShort = new Map<string, string>();
  for (const [name, flag] of Object.entries(spec.flags)) if (flag.short) byShort.set(flag.short, name);
  const seen = new Set<string>();
  const positionals: string[] = [];

  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--") {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }

    let name: string | undefined;
    let inlineValue: string | undefined;
    if (arg.startsWith("--")) {
      const equals = arg.indexOf("=");
      name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      inlineValue = equals === -1 ? undefined : arg.slice(equals + 1);
      if (!Object.prototype.hasOwnProperty.call(spec.flags, name)) throw new UsageError(`неизвестный флаг ${arg.split("=")[0]}`);
    } else {
      const equals = arg.indexOf("=");
      const letter = equals === -1 ? arg.slice(1) : arg.slice(1, equals);
      inlineValue = equals === -1 ? undefined : arg.slice(equals + 1);
      name = byShort.get(letter);
      if (!name) throw new UsageError(`неизвестный флаг ${arg.split("=")[0]}`);
    }
    const flag = spec.flags[name];
    const shown = `--${name}`;

    if (flag.type === "boolean") {
      if (inlineValue !== undefined) throw new UsageError(`флаг ${shown} не принимает значения`);
      if (values[name] === true) throw new UsageError(`флаг ${shown} указан дважды`);
      values[name] = true;
      continue;
    }

    let value = inlineValue;
    if (value === undefined) {
      const next = argv[index + 1];
      if (next === undefined || next === "--" || isKnownFlag(next, spec.flags, byShort)) {
        throw new UsageError(`после флага ${shown} нужно значение`);
      }
      value = next;
      index++;
    }
    if (flag.multiple) {
      (values[name] as string[]).push(value);
    } else {
      if (seen.has(name)) throw new UsageError(`флаг ${shown} указан дважды`);
      values[name] = value;
    }
    seen.add(name);
  }

  const { name: positionalName, min, max } = spec.positionals;
  if (positionals.length < min) {
    throw new UsageError(min === 1 || positionals.length === 0 ? `не указан ${positionalName}` : `нужно не меньше ${min} аргументов ${positionalName}`);
  }
  if (max !== undefined && positionals.length > max) {
    throw new UsageError(`лишний аргумент «${positionals[max]}»`);
  }
  return { flags: values as ParsedArgs<F>["flags"], positionals };
}

function isKnownFlag(arg: string, flags: Record<string, FlagSpec>, byShort: Map<string, string>): boolean {
  if (arg.startsWith("--")) return Object.prototype.hasOwnProperty.call(flags, arg.slice(2).split("=")[0]);
  if (arg.startsWith("-") && arg.length > 1) return byShort.has(arg.slice(1).split("=")[0]);
  return false;
}
