/** The workbook of the model: sheets (names, order, visibility), defined names, styles, change listeners. */
import { type Box, parseBox, quoteSheetName, splitSheet } from "./address";
import { ErrorCodes, officeError } from "./errors";
import { type Culture } from "./values";
import { MAX_NAME_TEXT, type NameEntry, StyleTable, type Visibility } from "./model-types";
import { BAD_SHEET_CHARS, SimSheet } from "./model-sheet";

export class SimWorkbook {
  sheets: SimSheet[] = [];
  nameEntries: NameEntry[] = [];
  readonly styles = new StyleTable();
  activeSheet!: SimSheet;
  private readonly listeners = new Set<() => void>();

  constructor(readonly culture: Culture = "en-US") {
    this.reset();
  }

  reset(): void {
    this.sheets = [];
    this.nameEntries = [];
    this.activeSheet = this.addSheet("Sheet1");
  }

  sheet(name: string): SimSheet {
    const found = this.findSheet(name);
    if (!found) throw new Error(`No sheet «${name}» in the simulated workbook (sheets: ${this.sheets.map((s) => s.name).join(", ")})`);
    return found;
  }

  findSheet(nameOrId: string): SimSheet | undefined {
    const key = nameOrId.toLocaleLowerCase();
    return this.sheets.find((s) => s.name.toLocaleLowerCase() === key || s.id === nameOrId);
  }

  get names() {
    return this.nameEntries.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, visible: n.visible, scope: n.scope?.name ?? null }));
  }

  /** Throws InvalidArgument / ItemAlreadyExists as Excel does for a sheet name. */
  checkSheetName(name: unknown, except?: SimSheet): string {
    if (typeof name !== "string" || name.trim() === "") throw officeError(ErrorCodes.invalidArgument, "A sheet name cannot be blank.");
    if (name.length > 31) throw officeError(ErrorCodes.invalidArgument, `The sheet name «${name}» is longer than 31 characters.`);
    if (BAD_SHEET_CHARS.test(name)) throw officeError(ErrorCodes.invalidArgument, `The sheet name «${name}» contains one of : \\ / ? * [ ].`);
    if (name.startsWith("'") || name.endsWith("'")) throw officeError(ErrorCodes.invalidArgument, `The sheet name «${name}» begins or ends with an apostrophe.`);
    if (name.toLowerCase() === "history") throw officeError(ErrorCodes.invalidArgument, "«History» is a reserved sheet name.");
    const clash = this.sheets.find((s) => s !== except && s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (clash) throw officeError(ErrorCodes.itemAlreadyExists, `A sheet named «${clash.name}» already exists.`);
    return name;
  }

  addSheet(name?: string): SimSheet {
    let sheetName = name;
    if (sheetName === undefined || sheetName === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.checkSheetName(sheetName);
    const sheet = new SimSheet(this, sheetName);
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SimSheet, name: string): void {
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    if (old === name) return;
    sheet.name = name;
    // Excel rewrites references in names and rules.
    const rewrite = (formula: string) => replaceSheetReferences(formula, old, quoteSheetName(name));
    for (const entry of this.nameEntries) entry.formula = rewrite(entry.formula);
    for (const s of this.sheets) {
      for (const v of s.validationEntries) if (v.rule.list) v.rule.list.source = rewrite(v.rule.list.source);
      for (const f of s.conditionalFormatEntries) f.formula = rewrite(f.formula);
    }
  }

  deleteSheet(sheet: SimSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw officeError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    sheet.deleted = true;
    this.nameEntries = this.nameEntries.filter((n) => n.scope !== sheet);
    for (const entry of this.nameEntries) entry.formula = replaceSheetReferences(entry.formula, sheet.name, "#REF!", true);
    if (this.activeSheet === sheet) this.activeSheet = this.firstVisible();
  }

  setVisibility(sheet: SimSheet, visibility: Visibility): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw officeError(ErrorCodes.invalidArgument, `Unknown visibility «${visibility}».`);
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.sheets.filter((s) => s.visibility === "Visible").length === 1) {
      throw officeError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) this.activeSheet = this.firstVisible();
  }

  moveSheet(sheet: SimSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw officeError(ErrorCodes.invalidArgument, `Position ${position} is outside 0…${this.sheets.length - 1}.`);
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  private firstVisible(): SimSheet {
    return this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0];
  }

  /** Resolves "Sheet1!A1:B2" or a workbook name to a sheet and box; null when it is neither. */
  resolveReference(text: string, scope?: SimSheet): { sheet: SimSheet; box: Box } | null {
    const { sheet: sheetName, reference } = splitSheet(text);
    if (sheetName !== undefined) {
      const sheet = this.findSheet(sheetName);
      const box = parseBox(reference);
      return sheet && box ? { sheet, box } : null;
    }
    const box = parseBox(reference);
    if (box && scope) return { sheet: scope, box };
    const named = this.findName(reference, scope);
    if (named) return this.resolveReference(named.formula, named.scope ?? undefined);
    return null;
  }

  findName(name: string, scope?: SimSheet | null): NameEntry | undefined {
    const key = name.toLocaleLowerCase();
    return (
      (scope ? this.nameEntries.find((n) => n.scope === scope && n.name.toLocaleLowerCase() === key) : undefined) ??
      this.nameEntries.find((n) => n.scope === null && n.name.toLocaleLowerCase() === key)
    );
  }

  addName(name: string, formula: string, comment: string, scope: SimSheet | null): NameEntry {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) || name.length > 255 || parseBox(name) || /^[RC]$/i.test(name) || /^R\d*C\d*$/i.test(name)) {
      throw officeError(ErrorCodes.invalidArgument, `«${name}» is not a valid name.`);
    }
    // A name holding a text constant keeps at most 255 characters of text, as a cell formula's string literal does.
    const constant = /^="((?:[^"]|"")*)"$/.exec(formula);
    if (constant && constant[1].replace(/""/g, '"').length > MAX_NAME_TEXT) {
      throw officeError(ErrorCodes.invalidArgument, `The text of the name «${name}» has ${constant[1].replace(/""/g, '"').length} characters; Excel keeps at most ${MAX_NAME_TEXT}.`);
    }
    const key = name.toLocaleLowerCase();
    if (this.nameEntries.some((n) => n.scope === scope && n.name.toLocaleLowerCase() === key)) {
      throw officeError(ErrorCodes.itemAlreadyExists, `The name «${name}» already exists.`);
    }
    const entry: NameEntry = { name, formula, comment, visible: true, scope };
    this.nameEntries.push(entry);
    return entry;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function replaceSheetReferences(formula: string, oldName: string, replacement: string, dropReference = false): string {
  const quoted = `'${oldName.replace(/'/g, "''")}'!`;
  const patterns = [escapeRegExp(quoted), `(?<![\\p{L}\\p{N}_.'])${escapeRegExp(oldName)}!`];
  const tail = dropReference ? "\\$?[A-Za-z]{0,3}\\$?\\d*(?::\\$?[A-Za-z]{0,3}\\$?\\d*)?" : "";
  let result = formula;
  for (const pattern of patterns) {
    result = result.replace(new RegExp(pattern + tail, "giu"), dropReference ? replacement : `${replacement}!`);
  }
  return result;
}
