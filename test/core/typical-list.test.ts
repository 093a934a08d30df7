import {
  DEFAULT_DIRECTIONS,
  findProcess,
  processLabel,
  splitProcessCode,
  typicalProcessNames,
  typicalProcesses,
} from "../../src/core/typical-list";

describe("typical list", () => {
  const processes = typicalProcesses();

  it("names without goals and values are the full list's codes, directions and names, the agency put in alike", () => {
    for (const agency of [undefined, "министерства культуры"]) {
      const full = typicalProcesses(agency);
      expect(typicalProcessNames(agency)).toEqual(full.map(({ code, direction, name }) => ({ code, direction, name })));
      expect(full.every((process) => process.goal !== "" && process.value !== "" && !/\{agency\}/.test(process.goal + process.value))).toBe(true);
    }
    const withAgency = typicalProcesses("министерства культуры").find((process) => process.code === "2.5")!;
    expect(withAgency.goal + withAgency.value).toContain("министерства культуры");
  });

  it("has 38 processes with the seed's codes and no 2.7", () => {
    expect(processes).toHaveLength(38);
    const codes = processes.map((p) => p.code);
    expect(new Set(codes).size).toBe(38);
    expect(codes).not.toContain("2.7");
    expect(codes.slice(0, 9)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"]);
    expect(codes.filter((c) => c.startsWith("2."))).toEqual(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.8", "2.9"]);
    expect(codes.filter((c) => c.startsWith("3."))).toHaveLength(4);
    expect(codes.filter((c) => c.startsWith("4."))).toEqual(["4.1", "4.2"]);
    expect(codes.filter((c) => c.startsWith("5."))).toHaveLength(15);
  });

  it("has 5 directions, the seed's «Обеспечения» fixed", () => {
    expect(DEFAULT_DIRECTIONS.map((d) => d.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(DEFAULT_DIRECTIONS[3].name).toBe("Обеспечение доступа к информации о деятельности");
    for (const p of processes) expect(p.direction).toBe(p.code.split(".")[0]);
  });

  it("keeps names without the code and splits goal and value without their labels", () => {
    const first = processes[0];
    expect(first.name).toBe("Информирование о предоставлении государственной услуги");
    expect(first.goal).toMatch(/^Получение клиентом полной и достоверной информации/);
    expect(first.value).toBe("Осведомленность клиента о порядке предоставления государственной услуги");
    for (const p of processes) {
      expect(p.name).not.toMatch(/^\d/);
      expect(p.goal).not.toMatch(/Цель:|Ценност[ьи]:|<\/?p>/);
      expect(p.value).not.toMatch(/Цель:|Ценност[ьи]:|<\/?p>/);
      expect(p.goal.length).toBeGreaterThan(10);
      expect(p.value.length).toBeGreaterThan(10);
    }
    expect(processes.find((p) => p.code === "1.7")!.goal).toContain("обратившегося");
  });

  it("completes the cut name of 1.4", () => {
    expect(processes.find((p) => p.code === "1.4")!.name).toBe(
      "Запрос и получение документов (сведений), необходимых для предоставления государственной услуги, в порядке межведомственного информационного взаимодействия",
    );
  });

  it("uses the generic agency wording by default and the configured genitive otherwise", () => {
    expect(processes.find((p) => p.code === "2.4")!.name).toBe(
      "Обжалование решений органа власти, действий (бездействия) его должностных лиц",
    );
    const archive = typicalProcesses("Архивной службы Республики Северная Осетия-Алания");
    const byCode = new Map(archive.map((p) => [p.code, p]));
    for (const code of ["2.4", "2.5", "2.6", "4.1", "4.2"]) {
      expect(byCode.get(code)!.name).toContain("Архивной службы Республики Северная Осетия-Алания");
    }
    expect(byCode.get("4.1")!.goal).toContain("деятельности Архивной службы Республики Северная Осетия-Алания");
    expect(byCode.get("1.1")!.name).toBe(processes[0].name);
  });

  it("labels a process with its code", () => {
    expect(processLabel(processes[0])).toBe("1.1. Информирование о предоставлении государственной услуги");
    expect(splitProcessCode("5.15. Организация")).toEqual({ code: "5.15", name: "Организация" });
    expect(splitProcessCode("Организация")).toEqual({ code: "", name: "Организация" });
  });
});

describe("findProcess", () => {
  const generic = typicalProcesses();
  const archive = typicalProcesses("Архивной службы РСО-Алания");

  it.each([
    "Информирование о предоставлении государственной услуги",
    "1.1. Информирование о предоставлении государственной услуги",
    "1.1 информирование о предоставлении государственной услуги.",
    "1.1.Информирование  о\nпредоставлении государственной услуги",
  ])("finds 1.1 in %j", (text) => {
    expect(findProcess(text, generic)?.code).toBe("1.1");
  });

  it("matches the seed's cut and misspelt wordings", () => {
    expect(
      findProcess("1.4. Запрос и получение документов (сведений), необходимых для предоставления государственной услуги, в порядке", generic)?.code,
    ).toBe("1.4");
    expect(findProcess("4.2. Предоставления информации о деятельности Архивной службы РСО-Алания", archive)?.code).toBe("4.2");
  });

  it("matches another agency's wording of the agency-named processes", () => {
    expect(findProcess("Обжалование решений Министерства финансов, действий (бездействия) его должностных лиц", generic)?.code).toBe("2.4");
    expect(findProcess("2.6. Оценка результативности и эффективности деятельности органа власти", archive)?.code).toBe("2.6");
    expect(findProcess("5.15. Организация клиентоцентричной корпоративной среды Министерства", generic)?.code).toBe("5.15");
  });

  it("finds nothing for text that is not a typical process", () => {
    expect(findProcess("Выдача архивных справок", generic)).toBeNull();
    expect(findProcess("1.1", generic)).toBeNull();
    expect(findProcess("", generic)).toBeNull();
  });
});
