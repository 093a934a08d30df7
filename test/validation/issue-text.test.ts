import { buildCatalog } from "../../src/core/catalog";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import type { RegisterRow, RegisterTable } from "../../src/core/register-types";
import { validateRegister } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { messageInPlace } from "../../src/taskpane/validation/issue-text";
import { validRows } from "../fixtures/register-data";

function table(rows: string[][]): RegisterTable {
  const registerRows: RegisterRow[] = rows.map((cells, i) => ({ sheetRow: i + 5, cells, extra: [] }));
  return { sheet: "Реестр", headerRow: 3, columnMap: REGISTER_COLUMNS.map((_, i) => i), missingColumns: [], extraColumns: [], rows: registerRows };
}

describe("an issue's message in the list does not name its column again", () => {
  test("«графа N «Title»» becomes «графа», a parenthesised one is dropped", () => {
    expect(messageInPlace(`Не заполнена обязательная графа 3 «${REGISTER_COLUMNS[2].title}»`, 3)).toBe("Не заполнена обязательная графа");
    expect(messageInPlace(`Статус «Почти» не из справочника статусов (графа 8 «${REGISTER_COLUMNS[7].title}»)`, 8)).toBe("Статус «Почти» не из справочника статусов");
    // Another column named in the message is kept: the position line does not show that one.
    const other = `Процесс не найден (графа 6 «${REGISTER_COLUMNS[5].title}»)`;
    expect(messageInPlace(other, 13)).toBe(other);
  });

  test("no message the rules write repeats the position line's column", () => {
    const rows = validRows(8);
    rows[1][2] = ""; // required
    rows[2][5] = "Процесс, которого нет в перечне";
    rows[3][7] = "Почти готов";
    rows[6][12] = "017-9.99-01";
    rows[7][14] = "";
    const issues = validateRegister(table(rows), buildCatalog(DEFAULT_SETTINGS));
    expect(issues.length).toBeGreaterThanOrEqual(5);
    for (const issue of issues) {
      const title = REGISTER_COLUMNS[issue.column - 1].title;
      expect(messageInPlace(issue.message, issue.column)).not.toContain(`графа ${issue.column} «${title}»`);
    }
  });
});
