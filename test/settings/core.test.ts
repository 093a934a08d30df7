/** The settings' rules (bad input at the field), the agency's own processes in the catalog and the reference sheet. */
import { buildCatalog } from "../../src/core/catalog";
import { LIST_NAMES, buildReferenceSheet } from "../../src/core/layout/reference-sheet";
import { AGENCY_PROCESSES_HEADING, buildTypicalListLayout } from "../../src/core/layout/typical-list-appendix";
import { validateRegister } from "../../src/core/rules";
import { DEFAULT_SETTINGS, readSettingsPairs, settingsProblems, settingsToPairs, type Settings } from "../../src/core/settings";
import { resolveSettings } from "../../src/core/settings-sources";
import { unknownProcesses, withAgencyProcess } from "../../src/core/agency-processes";
import { CLIENT_PROMPT, templateGeometry, templateValidations } from "../../src/core/layout/template";
import { table, row, validCells } from "../merge/helpers";
import { AGENCY, OWN_PROCESS } from "./helpers";

const messages = (settings: Settings) => settingsProblems(settings).map((p) => `${p.field}${p.index !== undefined ? `[${p.index}]` : ""}: ${p.message}`);

describe("bad settings are refused at the field, in Russian", () => {
  test("an emptied statuses list", () => {
    expect(messages({ ...AGENCY, statuses: [] })).toEqual(["statuses: Список не может быть пустым: оставьте хотя бы одно значение или верните список по умолчанию"]);
  });
  test("a unit name with «;» or a line break", () => {
    expect(messages({ ...AGENCY, units: ["Отдел; кадров", "Юридический\nотдел"] })).toEqual([
      "units[0]: В названии не должно быть «;» и переноса строки: ими разделяются элементы списка",
      "units[1]: В названии не должно быть «;» и переноса строки: ими разделяются элементы списка",
    ]);
  });
  test("an agency code with characters IDs cannot carry", () => {
    expect(messages({ ...AGENCY, agencyCode: "А С/1" })[0]).toMatch(/^agencyCode: В коде органа допустимы буквы, цифры/);
    expect(messages({ ...AGENCY, agencyCode: "АС-01.2_x" })).toEqual([]);
  });
  test("two agency processes with one code; a code clashing with a typical one; a direction that does not exist", () => {
    expect(messages({ ...AGENCY, agencyProcesses: [OWN_PROCESS, { ...OWN_PROCESS, name: "Другой" }] })).toEqual([
      "agencyProcesses[1]: Код 1.10 уже у другого процесса органа (строка 1)",
    ]);
    expect(messages({ ...AGENCY, agencyProcesses: [{ ...OWN_PROCESS, code: "1.3" }] })[0]).toMatch(/^agencyProcesses\[0\]: Код 1.3 занят типовым процессом «Прием и регистрация запроса заявителя»/);
    expect(messages({ ...AGENCY, agencyProcesses: [{ ...OWN_PROCESS, code: "9.1", direction: "9" }] })[0]).toMatch(/Нет направления деятельности 9/);
    expect(messages({ ...AGENCY, agencyProcesses: [{ ...OWN_PROCESS, code: "1-10" }] })[0]).toMatch(/Код процесса в виде «1.10»/);
  });
  test("an ID scheme with an unknown placeholder", () => {
    expect(messages({ ...AGENCY, idScheme: "{agency}-{kod}-{nn}" })).toEqual(["idScheme: В схеме допустимы только {agency}, {process} и {nn}"]);
  });
  test("hand-edited pairs: a clash drops the agency list with one line, everything else is kept", () => {
    const pairs = settingsToPairs({ ...AGENCY, agencyProcesses: [{ ...OWN_PROCESS, code: "1.1" }] });
    const read = readSettingsPairs(pairs);
    expect(read.settings.agencyProcesses).toBeUndefined();
    expect(read.settings.statuses).toEqual(AGENCY.statuses);
    expect(read.problems).toEqual([expect.stringMatching(/^параметр «Процессы органа \(JSON\)» не принят: Код 1.1 занят типовым процессом/)]);
  });
});

describe("the agency's own processes", () => {
  const settings: Settings = { ...AGENCY, hiddenProcesses: ["1.2"], agencyProcesses: [OWN_PROCESS, { ...OWN_PROCESS, code: "3.9", direction: "3", name: "Выведенный", retired: true }] };
  const catalog = buildCatalog(settings);

  test("the rules accept them, hidden typical ones and retired own ones too; an unknown process is still an error", () => {
    const rows = [
      row(2, validCells("А-1", { 6: `${OWN_PROCESS.code}. ${OWN_PROCESS.name}`, 8: "В работе" })),
      row(3, validCells("А-2", { 6: "Организация подачи заявителем запроса", 8: "В работе" })),
      row(4, validCells("А-3", { 5: "Обеспечение деятельности органа власти", 6: "3.9. Выведенный", 8: "В работе" })),
      row(5, validCells("А-4", { 6: "1.77. Нет такого", 8: "В работе" })),
    ];
    const issues = validateRegister(table(rows), catalog).filter((issue) => issue.code === "unknown-process");
    expect(issues.map((issue) => issue.row)).toEqual([5]);
  });

  test("the dropdown names cover the offered processes only; hidden ones stay in the lookup table", () => {
    const { sheet, names } = buildReferenceSheet(settings, catalog);
    const processes = names.find((name) => name.name === LIST_NAMES.processes)!;
    // 38 typical − 1 hidden + 1 own offered = 38 rows from row 2.
    expect(processes.ref).toBe("'Справочники'!$C$2:$C$39");
    expect(names.find((name) => name.name === LIST_NAMES.typicalList)!.ref).toBe("'Справочники'!$A$2:$E$41");
    const column = sheet.blocks.find((block) => block.row === 2 && block.col === 1)!.values.map((values) => String(values[2]));
    expect(column.slice(0, 38)).toContain(`${OWN_PROCESS.code}. ${OWN_PROCESS.name}`);
    expect(column.slice(0, 38)).not.toContain(expect.stringMatching(/^1\.2\. /));
    // Direction 1's own process follows its typical ones, so the dependent dropdown's run stays contiguous.
    expect(column.indexOf(`${OWN_PROCESS.code}. ${OWN_PROCESS.name}`)).toBe(column.findIndex((text) => text.startsWith("2.1.")) - 1);
  });

  test("the typical-list appendix shows them apart, under their heading; retired ones are left out", () => {
    const layout = buildTypicalListLayout({ catalog, order: { appendixNumber: "2", agencyGenitive: "", orderNumber: "7", orderDate: "15.01.2024" } });
    const text = layout.blocks.flatMap((block) => block.values.flat()).map(String);
    const heading = text.indexOf(AGENCY_PROCESSES_HEADING);
    expect(heading).toBeGreaterThan(text.indexOf("5.15. " + catalog.processes.find((p) => p.code === "5.15")!.name));
    expect(text.indexOf(`${OWN_PROCESS.code}. ${OWN_PROCESS.name}`)).toBeGreaterThan(heading);
    expect(text).not.toContain("3.9. Выведенный");
  });
});

describe("settings for a result built from several workbooks", () => {
  test("agreeing inputs: no conflicts; an explicit file wins over the approved register and the inputs", () => {
    const inputs = [
      { file: "a.xlsx", settings: AGENCY },
      { file: "b.xlsx", settings: { ...AGENCY } },
    ];
    expect(resolveSettings({ inputs, defaults: DEFAULT_SETTINGS })).toMatchObject({ origin: "inputs", conflicts: [] });
    const explicit = { file: "s.xlsx", settings: { ...AGENCY, agencyCode: "ЖЖ" } };
    const chosen = resolveSettings({ explicit, previous: { file: "p.xlsx", settings: AGENCY }, inputs, defaults: DEFAULT_SETTINGS });
    expect(chosen.origin).toBe("settings-file");
    expect(chosen.settings.agencyCode).toBe("ЖЖ");
    expect(chosen.conflicts.map((conflict) => conflict.field)).toEqual(["agencyCode"]);
  });
  test("an input without settings is not a disagreement; default lists equal absent ones", () => {
    const inputs = [
      { file: "a.xlsx", settings: { ...AGENCY, statuses: undefined } },
      { file: "b.xlsx", settings: { ...AGENCY, statuses: buildCatalog(DEFAULT_SETTINGS).statuses } },
    ];
    expect(resolveSettings({ inputs, defaults: DEFAULT_SETTINGS }).conflicts).toEqual([]);
  });
});

describe("an unknown process offered to the agency's list", () => {
  test("its own free code is kept; without one the next free number in the direction column 5 names; rows gathered", () => {
    const rows = [
      row(2, validCells("А-1", { 6: "1.10. Консультирование", 8: "В работе" })),
      row(3, validCells("А-2", { 5: "Организация отношений с внутренним клиентом", 6: "Ведение архива фотодокументов", 8: "В работе" })),
      row(4, validCells("А-3", { 6: "1.10. Консультирование", 8: "В работе" })),
      row(5, validCells("А-4", { 6: "1.3. Чужое название", 8: "В работе" })),
    ];
    const settings: Settings = { ...AGENCY, agencyProcesses: [] };
    const registerTable = table(rows);
    const found = unknownProcesses(registerTable, validateRegister(registerTable, buildCatalog(settings)), settings);
    expect(found.map((item) => [item.text, item.rows, item.proposal.code, item.proposal.name])).toEqual([
      ["1.10. Консультирование", [2, 4], "1.10", "Консультирование"],
      ["Ведение архива фотодокументов", [3], "5.16", "Ведение архива фотодокументов"],
      ["1.3. Чужое название", [5], "1.11", "Чужое название"],
    ]);
    // Once added, the rows are accepted.
    let next = settings;
    for (const item of found) next = withAgencyProcess(next, item.proposal);
    expect(settingsProblems(next)).toEqual([]);
    expect(validateRegister(registerTable, buildCatalog(next)).filter((issue) => issue.code === "unknown-process")).toEqual([]);
  });
});

test("column 9's input prompt describes clients as people, per the orders (2.5б; п. 3в)", () => {
  const client = templateValidations(templateGeometry()).find((validation) => validation.source === `=${LIST_NAMES.clients}`)!;
  expect(client.promptMessage).toBe(CLIENT_PROMPT);
  expect(CLIENT_PROMPT).toContain("Внутренний — сотрудник органа или иного исполнительного органа власти региона");
  expect(CLIENT_PROMPT).not.toContain("органы власти и подразделения");
  // Excel refuses an input prompt over 255 characters.
  expect(CLIENT_PROMPT.length).toBeLessThanOrEqual(255);
});
