/** Edits of a user's workbook part (and others like it) that keep everything else in it as it was. */
import type { SheetLayout, WorkbookLayout } from "../../core/layout/types";
import { layoutNamesXml, printNamesXml } from "./lean-writer";
import { escapeXml } from "./lean-xml";
import { attribute } from "./sheet-in-place";

export function setAttribute(tag: string, name: string, value: string | null): string {
  const pattern = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  const written = value === null ? "" : ` ${name}="${escapeXml(value)}"`;
  if (pattern.test(tag)) return tag.replace(pattern, written);
  if (value === null) return tag;
  return tag.replace(/\s*(\/?)>$/, `${written}$1>`);
}

/** Our unprefixed elements in the prefix the user's part uses for its own. */
export function withPrefix(fragment: string, prefix: string): string {
  return prefix ? fragment.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}`) : fragment;
}

/**
 * The workbook part with the defined names ours replace taken out — print areas and titles of the sheets we replace,
 * workbook-scoped names the layout defines — and ours put in.
 */
export function patchDefinedNames(workbook: string, prefix: string, layout: WorkbookLayout, placed: { layout: SheetLayout; index: number }[], replacedIndexes: Set<number>): string {
  const ours = [...placed.flatMap((p) => printNamesXml(p.layout, p.index)), ...layoutNamesXml(layout)];
  const layoutNames = new Set((layout.names ?? []).map((name) => name.name.toLowerCase()));
  const section = new RegExp(`<${prefix}definedNames(?=[\\s/>])[^>]*?(/>|>[\\s\\S]*?</${prefix}definedNames>)`).exec(workbook);
  const kept: string[] = [];
  if (section) {
    for (const match of section[0].matchAll(new RegExp(`<${prefix}definedName\\b[^>]*?(/>|>[\\s\\S]*?</${prefix}definedName>)`, "g"))) {
      const open = /^<[^>]*>/.exec(match[0])![0];
      const name = (attribute(open, "name") ?? "").toLowerCase();
      const local = attribute(open, "localSheetId");
      const printName = name === "_xlnm.print_area" || name === "_xlnm.print_titles";
      if (printName && local !== null && replacedIndexes.has(Number(local))) continue;
      if (local === null && layoutNames.has(name)) continue;
      kept.push(match[0]);
    }
  }
  if (!ours.length && !section) return workbook;
  const all = kept.join("") + withPrefix(ours.join(""), prefix);
  const element = all ? `<${prefix}definedNames>${all}</${prefix}definedNames>` : "";
  if (section) return workbook.slice(0, section.index) + element + workbook.slice(section.index + section[0].length);
  // After the sheets and what the schema puts between: functionGroups, externalReferences.
  let at = -1;
  for (const name of ["sheets", "functionGroups", "externalReferences"]) {
    const close = new RegExp(`</${prefix}${name}>|<${prefix}${name}(?=[\\s/])[^>]*/>`).exec(workbook);
    if (close) at = Math.max(at, close.index + close[0].length);
  }
  return workbook.slice(0, at) + element + workbook.slice(at);
}

/** The first workbook view shows our active tab; a workbook without views gets one. */
export function patchBookView(workbook: string, prefix: string, activeIndex: number, firstVisible: number): string {
  const view = new RegExp(`<${prefix}workbookView\\b[^>]*>`).exec(workbook);
  if (view) {
    const tag = setAttribute(setAttribute(view[0], "activeTab", activeIndex ? String(activeIndex) : null), "firstSheet", firstVisible ? String(firstVisible) : null);
    return workbook.slice(0, view.index) + tag + workbook.slice(view.index + view[0].length);
  }
  const sheets = new RegExp(`<${prefix}sheets(?=[\\s/>])`).exec(workbook)!;
  const views = withPrefix(`<bookViews><workbookView firstSheet="${firstVisible}" activeTab="${activeIndex}"/></bookViews>`, prefix);
  return workbook.slice(0, sheets.index) + views + workbook.slice(sheets.index);
}
