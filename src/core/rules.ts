/** The register's rules: each finding is {row, column 1–15, code, severity, Russian message}. */
import { settingsFieldTitle } from "./settings";
import type { RegisterCatalog } from "./catalog";
import type { IssueCode, RegisterIssue, RegisterRow, RegisterTable, Severity } from "./register-types";
import { REGISTER_COLUMNS } from "./columns";
import { anyText, cleanText, matchKey, memoByText as memo, splitList } from "./text";
import { DIRECTION_NAME_VARIANTS, findProcess, type TypicalProcess } from "./typical-list";
import { canonicalPlacements, canonicalValue, DIGITAL_KIND, vocabularyKey } from "./vocabularies";

/** Named in the unknown-process message: where the CLI user adds a process of the agency's own. */
export const AGENCY_PROCESSES_SETTING = `в надстройке — раздел «Настройки», в книге — параметр «${settingsFieldTitle("agencyProcesses")}» листа «Справочники»`;

const COL = { id: 1, group: 5, process: 6, status: 8, client: 9, links: 13, kind: 14, placement: 15 } as const;

const MANDATORY_COLUMNS = REGISTER_COLUMNS.filter((column) => column.mandatory).map((column) => column.number);

/** Placeholders people put in «Связь с другими процессами» when there is no link. */
const NO_LINK = new Set(["-", "—", "–", "нет", "отсутствует", "отсутствуют", "не имеется", "не предусмотрено"]);

/** How many other rows a duplicate-ID message lists before «и др.». */
const DUPLICATE_ROWS_SHOWN = 5;

function quoted(value: string): string {
  const oneLine = value.replace(/\n/g, " ");
  return `«${oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine}»`;
}

const COLUMN_LABELS = REGISTER_COLUMNS.map((column) => `графа ${column.number} «${column.title}»`);

function columnLabel(columnNumber: number): string {
  return COLUMN_LABELS[columnNumber - 1];
}

function choices(list: readonly string[], joiner: string): string {
  return list.map((item) => `«${item}»`).join(joiner);
}

export function validateRegister(table: RegisterTable, catalog: RegisterCatalog): RegisterIssue[] {
  const issues: RegisterIssue[] = [];
  const add = (row: number, column: number, code: IssueCode, severity: Severity, message: string) =>
    issues.push({ row, column, code, severity, message });

  const missing = new Set(table.missingColumns);
  const processOf = memo((text: string): TypicalProcess | null => findProcess(text, catalog.processes));
  const statusOf = memo((text: string) => canonicalValue(text, catalog.statuses));
  const clientOf = memo((text: string) => canonicalValue(text, catalog.clients));
  const kindOf = memo((text: string) => canonicalValue(text, catalog.kinds));
  const placementsOf = memo((text: string) => canonicalPlacements(text, catalog.placements));
  const directionsNamed = directionsNamedBy(catalog);
  const digitalKey = vocabularyKey(DIGITAL_KIND);
  const isDigital = memo((canonicalKind: string) => vocabularyKey(canonicalKind) === digitalKey);
  const clientChoices = choices(catalog.clients, " или ");
  const kindChoices = choices(catalog.kinds, " или ");
  const placementChoices = choices(catalog.placements, ", ");

  // IDs: the first row holding each, and all rows only for the few IDs that repeat.
  const firstRowById = new Map<string, number>();
  const repeatedIds = new Map<string, number[]>();
  // Indexed loops and no callbacks per row: a merge checks tens of thousands of rows, most before V8 optimises this
  // function, and each for-of step or arrow made there is an object for the collector.
  const rows = table.rows;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const id = cleanText(row.cells[COL.id - 1]);
    if (id === "") continue;
    const first = firstRowById.get(id);
    if (first === undefined) firstRowById.set(id, row.sheetRow);
    else {
      const rows = repeatedIds.get(id);
      if (rows) rows.push(row.sheetRow);
      else repeatedIds.set(id, [first, row.sheetRow]);
    }
  }

  // One row's checks as a function of their own: optimised after a few hundred rows, where one long loop in
  // validateRegister waited for (and was thrown out of) a much larger compilation, several times per check.
  const checkRow = (row: RegisterRow) => {
    const cells = row.cells;
    const sheetRow = row.sheetRow;
    const hasData = anyText(cells) || anyText(row.extra);
    if (!hasData) return;

    // Indexed: a for-of allocates an iterator result per step until the optimizer takes the loop, and most of a merge's
    // rows are checked before it does.
    for (let index = 0; index < MANDATORY_COLUMNS.length; index++) {
      const columnNumber = MANDATORY_COLUMNS[index];
      if (cells[columnNumber - 1] !== "") continue;
      const message = missing.has(columnNumber)
        ? `Обязательная ${columnLabel(columnNumber)} отсутствует в таблице`
        : `Не заполнена обязательная ${columnLabel(columnNumber)}`;
      add(sheetRow, columnNumber, "required", "error", message);
    }

    const id = repeatedIds.size > 0 ? cleanText(cells[COL.id - 1]) : "";
    if (id !== "") {
      const rows = repeatedIds.get(id);
      if (rows) {
        const others = rows.filter((r) => r !== sheetRow);
        const shown = others.slice(0, DUPLICATE_ROWS_SHOWN).join(", ");
        const more = others.length > DUPLICATE_ROWS_SHOWN ? " и др." : "";
        add(sheetRow, COL.id, "duplicate-id", "error", `Идентификатор ${quoted(id)} повторяется: также в ${others.length > 1 ? "строках" : "строке"} ${shown}${more}`);
      }
    }

    const processText = cells[COL.process - 1];
    const process = processText === "" ? null : processOf(processText);
    if (processText !== "" && !process) {
      add(sheetRow, COL.process, "unknown-process", "error", `Процесс ${quoted(processText)} не найден ни в типовом перечне, ни в процессах органа (${columnLabel(COL.process)}). Если это процесс органа, добавьте его в список процессов органа: ${AGENCY_PROCESSES_SETTING}`);
    }

    const groupText = cells[COL.group - 1];
    if (groupText !== "" && process && !directionsNamed(groupText).has(process.direction)) {
      const direction = catalog.directions.find((d) => d.code === process.direction);
      const expected = direction ? `«${direction.code}. ${direction.name}»` : `направление ${process.direction}`;
      add(
        sheetRow,
        COL.group,
        "group-mismatch",
        "warning",
        `Группа процессов ${quoted(groupText)} не соответствует процессу ${process.code}: ожидается ${expected}`,
      );
    }

    const status = cells[COL.status - 1];
    if (status !== "" && statusOf(status) === null) {
      add(sheetRow, COL.status, "invalid-value", "error", `Статус ${quoted(status)} не из справочника статусов (${columnLabel(COL.status)})`);
    }
    const client = cells[COL.client - 1];
    if (client !== "" && clientOf(client) === null) {
      add(sheetRow, COL.client, "invalid-value", "warning", `Клиент ${quoted(client)} не из справочника: допустимо ${clientChoices}`);
    }
    const kindText = cells[COL.kind - 1];
    const kind = kindText === "" ? null : kindOf(kindText);
    if (kindText !== "" && kind === null) {
      add(sheetRow, COL.kind, "invalid-value", "warning", `Вид процесса ${quoted(kindText)} не из справочника: допустимо ${kindChoices}`);
    }
    const placementText = cells[COL.placement - 1];
    if (placementText !== "") {
      const { unknown } = placementsOf(placementText);
      if (unknown.length > 0) {
        const list = unknown.map((u) => quoted(u)).join(", ");
        add(
          sheetRow,
          COL.placement,
          "invalid-value",
          "warning",
          `${unknown.length > 1 ? "Точки размещения" : "Точка размещения"} ${list} не из справочника (${placementChoices})`,
        );
      }
    } else if (kind !== null && isDigital(kind)) {
      add(sheetRow, COL.placement, "placement-missing", "warning", `Процесс цифровой, но не указана ${columnLabel(COL.placement)}`);
    }

    const links = cells[COL.links - 1];
    if (links !== "") {
      for (const link of splitLinks(links)) {
        if (!firstRowById.has(link) && !NO_LINK.has(matchKey(link))) {
          add(sheetRow, COL.links, "broken-link", "warning", `Связанный процесс ${quoted(link)} не найден в реестре (${columnLabel(COL.links)})`);
        }
      }
    }
  };
  for (let index = 0; index < rows.length; index++) checkRow(rows[index]);

  // Array.prototype.sort is stable: within a cell, issues keep the order they were found in.
  return issues.sort((a, b) => a.row - b.row || a.column - b.column);
}

const LINK_SEPARATORS = /[,;\n\r]/;

/** Most link cells name one ID: skip the split then. */
function splitLinks(text: string): string[] {
  return LINK_SEPARATORS.test(text) ? splitList(text) : [cleanText(text)];
}

/** For a column-5 text: the codes of the directions it names (name, code, «code. name»). Memoised per text; the fixes read it too. */
export function directionsNamedBy(catalog: RegisterCatalog): (groupText: string) => Set<string> {
  const namesByCode = new Map<string, Set<string>>();
  for (const direction of catalog.directions) {
    const names = new Set<string>([matchKey(direction.name)]);
    for (const variant of DIRECTION_NAME_VARIANTS[direction.name] ?? []) names.add(matchKey(variant));
    namesByCode.set(direction.code, names);
  }
  return memo((groupText: string) => {
    const key = matchKey(groupText);
    const match = /^(\d{1,2})(?:\s*\.\s*|\s+|$)(.*)$/.exec(key);
    const code = match ? match[1] : "";
    const name = match ? match[2].trim() : key;
    const named = new Set<string>();
    for (const [directionCode, names] of namesByCode) {
      const codeFits = code === "" || code === directionCode;
      const nameFits = name === "" || names.has(name);
      if (codeFits && nameFits && (code !== "" || name !== "")) named.add(directionCode);
    }
    return named;
  });
}

export interface IssueSummary {
  errors: number;
  warnings: number;
}

export function summarizeIssues(issues: readonly RegisterIssue[]): IssueSummary {
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    if (issue.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}
