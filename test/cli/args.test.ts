import { parseArgs, wantsHelp } from "../../src/cli/args";
import { UsageError } from "../../src/cli/io";

const spec = {
  flags: {
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
    previous: { type: "string" },
    unit: { type: "string", multiple: true },
  },
  positionals: { name: "FILE", min: 1 },
} as const;

function usageMessage(argv: string[]): string {
  try {
    parseArgs(argv, spec);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("no usage error");
}

describe("parseArgs", () => {
  it("reads flags with values in both forms, booleans, repeated flags and positionals anywhere", () => {
    const parsed = parseArgs(["a.xlsx", "-o", "out.xlsx", "b.xlsx", "--json", "--previous=утв.xlsx", "--unit", "Отдел А", "--unit=Отдел Б", "c.xlsx"], spec);
    expect(parsed.positionals).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
    expect(parsed.flags).toEqual({ output: "out.xlsx", json: true, previous: "утв.xlsx", unit: ["Отдел А", "Отдел Б"] });
  });

  it("gives defaults for flags not given", () => {
    expect(parseArgs(["a.xlsx"], spec).flags).toEqual({ output: undefined, json: false, previous: undefined, unit: [] });
  });

  it("treats everything after -- and a lone - as positional", () => {
    expect(parseArgs(["--", "--json", "-o"], spec).positionals).toEqual(["--json", "-o"]);
    expect(parseArgs(["-"], spec).positionals).toEqual(["-"]);
  });

  it("accepts a value that starts with a dash when it is not a known flag, and an empty value after =", () => {
    expect(parseArgs(["a", "--previous", "-старый.xlsx"], spec).flags.previous).toBe("-старый.xlsx");
    expect(parseArgs(["a", "--output="], spec).flags.output).toBe("");
    expect(parseArgs(["a", "-o=x.xlsx"], spec).flags.output).toBe("x.xlsx");
  });

  it("rejects mistakes with a Russian message", () => {
    expect(usageMessage(["a", "--jsn"])).toBe("неизвестный флаг --jsn");
    expect(usageMessage(["a", "-x"])).toBe("неизвестный флаг -x");
    expect(usageMessage(["a", "--output"])).toBe("после флага --output нужно значение");
    expect(usageMessage(["a", "-o", "--json"])).toBe("после флага --output нужно значение");
    expect(usageMessage(["a", "--json=yes"])).toBe("флаг --json не принимает значения");
    expect(usageMessage(["a", "--json", "--json"])).toBe("флаг --json указан дважды");
    expect(usageMessage(["a", "-o", "x", "--output=y"])).toBe("флаг --output указан дважды");
    expect(usageMessage([])).toBe("не указан FILE");
    expect(() => parseArgs(["a", "b"], { flags: {}, positionals: { name: "FILE", min: 1, max: 1 } })).toThrow("лишний аргумент «b»");
  });

  it("spots a help request before --", () => {
    expect(wantsHelp(["a", "--help"])).toBe(true);
    expect(wantsHelp(["-h"])).toBe(true);
    expect(wantsHelp(["--", "--help"])).toBe(false);
  });
});
