import { buildCatalog } from "../../src/core/catalog";
import {
  DEFAULT_SETTINGS,
  SETTINGS_SHEET_NAME,
  settingsSchema,
  findSettingsPairs,
  parseSettings,
  readSettingsPairs,
  settingsFromPairs,
  settingsToPairs,
  type Settings,
} from "../../src/core/settings";
import { typicalProcesses } from "../../src/core/typical-list";
import { DEFAULT_STATUSES } from "../../src/core/vocabularies";

const filled: Settings = {
  ...DEFAULT_SETTINGS,
  agencyName: "Архивная служба Республики Северная Осетия-Алания",
  agencyGenitive: "Архивной службы Республики Северная Осетия-Алания",
  agencyCode: "АС",
  units: ["Отдел кадров, делопроизводства", "Отдел использования документов"],
  coordinator: "Заместитель руководителя",
  orderNumber: "7",
  orderDate: "15.01.2024",
  appendixNumber: "2",
  lastActualization: "01.07.2024",
  statuses: ["Черновик", "Утвержден"],
  processes: typicalProcesses("{agency}").slice(0, 3),
};

describe("settings", () => {
  it("defaults validate against the schema", () => {
    expect(settingsSchema().safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(DEFAULT_SETTINGS.appendixNumber).toBe("1");
    expect(DEFAULT_SETTINGS.idScheme).toBe("{agency}-{process}-{nn}");
  });

  it("round-trips through Russian key/value pairs", () => {
    const pairs = settingsToPairs(filled);
    expect(pairs[0]).toEqual(["Наименование органа", filled.agencyName]);
    expect(pairs).toContainEqual(["Структурные подразделения", "Отдел кадров, делопроизводства; Отдел использования документов"]);
    expect(pairs.some(([key]) => key === "Клиенты")).toBe(false);
    expect(settingsFromPairs(pairs)).toEqual(filled);
    expect(settingsFromPairs(settingsToPairs(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  it("falls back to defaults for invalid values and never throws", () => {
    const settings = settingsFromPairs([
      ["Код органа", "МФ"],
      ["Дата приказа", "31.02.2024"],
      ["Дата последней актуализации", "вчера"],
      ["Схема идентификатора", ""],
      ["Статусы", ""],
      ["Типовой перечень процессов (JSON)", "{не json"],
      ["Неизвестный параметр", "x"],
    ]);
    // A parameter these settings do not know is kept as it is, to be written back when the block is rewritten.
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, agencyCode: "МФ", otherPairs: [["Неизвестный параметр", "x"]] });
    expect(settingsFromPairs(undefined as unknown as [string, string][])).toEqual(DEFAULT_SETTINGS);
  });

  it("accepts dates typed as d.m.yyyy or ISO and key variants", () => {
    const settings = settingsFromPairs([
      ["дата  приказа", "5.1.2024"],
      ["Последняя актуализация", "2024-07-01"],
      ["Координатор", "Иванов И. И."],
    ]);
    expect(settings.orderDate).toBe("05.01.2024");
    expect(settings.lastActualization).toBe("01.07.2024");
    expect(settings.coordinator).toBe("Иванов И. И.");
  });

  it("rejects a zod-invalid object", () => {
    expect(settingsSchema().safeParse({ ...DEFAULT_SETTINGS, orderDate: "2024/01/15" }).success).toBe(false);
    expect(settingsSchema().safeParse({ ...DEFAULT_SETTINGS, units: "Отдел" }).success).toBe(false);
    expect(settingsSchema().safeParse({ ...DEFAULT_SETTINGS, statuses: [] }).success).toBe(false);
  });

  it("says in Russian why a value of the wrong shape was not taken, zod's own messages included", () => {
    const { settings, problems } = readSettingsPairs([
      ["Направления деятельности (JSON)", "[1, 2]"],
      ["Формат бумаги приложения", "A5"],
      ["Типовой перечень процессов (JSON)", '[{"code":"1.1","direction":"1","name":"","goal":"","value":""}]'],
    ]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^параметр «Направления деятельности \(JSON\)» не принят: .*ожидалось object/);
    expect(problems[1]).toMatch(/^параметр «Формат бумаги приложения» не принят: .*"A4"\|"A3"/);
    // zod's English ("Invalid input", "Too small: expected …") never reaches the user.
    for (const problem of problems) expect(problem).not.toMatch(/invalid|expected|too small/i);
    const parsed = parseSettings({ ...DEFAULT_SETTINGS, units: "Отдел" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/^Неверный ввод: ожидалось массив/);
  });

  it("finds the «Параметр | Значение» block anywhere on the sheet", () => {
    const rows = [
      ["Статусы", "", "", ""],
      ["В очереди на исследование", "", "", ""],
      ["", "", "Параметр", "Значение"],
      ["", "", "Наименование органа", "Министерство"],
      ["", "", "Код органа", "МИН"],
      ["", "", "", ""],
      ["", "", "Код органа", "не читается"],
    ];
    const pairs = findSettingsPairs({ name: SETTINGS_SHEET_NAME, rows });
    expect(pairs).toEqual([
      ["Наименование органа", "Министерство"],
      ["Код органа", "МИН"],
    ]);
    expect(findSettingsPairs({ name: "Лист1", rows: [["a", "b"]] })).toEqual([]);
  });
});

describe("buildCatalog", () => {
  it("uses defaults when lists are absent and applies the agency genitive", () => {
    const catalog = buildCatalog({ ...DEFAULT_SETTINGS, agencyGenitive: "Министерства культуры", units: ["Отдел 1"] });
    expect(catalog.processes).toHaveLength(38);
    expect(catalog.processes.find((p) => p.code === "2.5")!.name).toBe("Контроль за исполнением решений Министерства культуры");
    expect(catalog.statuses).toEqual(DEFAULT_STATUSES);
    expect(catalog.directions).toHaveLength(5);
    expect(catalog.units).toEqual(["Отдел 1"]);
  });
  it("uses the agency's edited lists", () => {
    const catalog = buildCatalog(filled);
    expect(catalog.statuses).toEqual(["Черновик", "Утвержден"]);
    expect(catalog.processes).toHaveLength(3);
    expect(catalog.processes[0].name).toBe("Информирование о предоставлении государственной услуги");
  });
});
