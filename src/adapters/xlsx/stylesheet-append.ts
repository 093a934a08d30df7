/**
 * Our cell formats added to a user's stylesheet (styles.xml) without disturbing it: every font, fill, border, number
 * format, cell format and differential format it has keeps its index — the user's sheets refer to them by index — and
 * ours are appended after them. A section the stylesheet lacks is put in at its place in the schema's order, with the
 * defaults Excel expects at its first indexes.
 */
import type { StyleAdditions, StyleOffsets } from "./lean-styles";
import { unescapeXml } from "./sheet-in-place";

/** The schema's order of a stylesheet's sections (CT_Stylesheet). */
const SECTION_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type SectionName = (typeof SECTION_ORDER)[number];

/** The element each counted section holds. */
const CHILD: Partial<Record<SectionName, string>> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf", dxfs: "dxf" };

/** What a stylesheet must hold at its first indexes for our formats to mean what they say (as a new workbook has). */
const DEFAULTS: Partial<Record<SectionName, string[]>> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

interface Section {
  start: number;
  /** Where the start tag ends (its content begins). */
  openEnd: number;
  /** Where the end tag begins; equal to openEnd for an empty element. */
  closeStart: number;
  end: number;
  openTag: string;
}

export interface StylesheetPlan {
  offsets: StyleOffsets;
  /** The stylesheet with `additions` appended (and the missing defaults put in). */
  patched(additions: StyleAdditions): string;
}

function findSection(xml: string, prefix: string, name: string): Section | null {
  const open = new RegExp(`<${prefix}${name}(?=[\\s/>])[^>]*>`).exec(xml);
  if (!open) return null;
  const start = open.index;
  const openEnd = start + open[0].length;
  if (open[0].endsWith("/>")) return { start, openEnd, closeStart: openEnd, end: openEnd, openTag: open[0] };
  const closeTag = `</${prefix}${name}>`;
  const closeStart = xml.indexOf(closeTag, openEnd);
  if (closeStart < 0) return null;
  return { start, openEnd, closeStart, end: closeStart + closeTag.length, openTag: open[0] };
}

function countChildren(xml: string, section: Section | null, prefix: string, child: string): number {
  if (!section) return 0;
  const pattern = new RegExp(`<${prefix}${child}(?=[\\s/>])`, "g");
  return xml.slice(section.openEnd, section.closeStart).match(pattern)?.length ?? 0;
}

/** Our unprefixed elements in the stylesheet's prefix (a stylesheet written as `<x:styleSheet>` has no default namespace). */
function withPrefix(fragment: string, prefix: string): string {
  return prefix ? fragment.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}`) : fragment;
}

/**
 * Reads where our entries go in `xml` (a stylesheet); null when it is not one. `patched` then gives the stylesheet with
 * them appended, counts updated.
 */
export function planStylesheet(xml: string): StylesheetPlan | null {
  const root = /<(?:([A-Za-z_][\w.-]*):)?styleSheet\b[^>]*>/.exec(xml);
  if (!root) return null;
  const prefix = root[1] ? `${root[1]}:` : "";
  const rootClose = root[0].endsWith("/>") ? -1 : xml.lastIndexOf(`</${prefix}styleSheet>`);
  if (rootClose < 0) return null;
  const sections = new Map<SectionName, Section | null>(SECTION_ORDER.map((name) => [name, findSection(xml, prefix, name)]));
  const counts = new Map<SectionName, number>();
  for (const [name, child] of Object.entries(CHILD) as [SectionName, string][]) counts.set(name, countChildren(xml, sections.get(name) ?? null, prefix, child));
  let maxFormatId = 163;
  const numFmts = sections.get("numFmts");
  if (numFmts) for (const match of xml.slice(numFmts.openEnd, numFmts.closeStart).matchAll(/numFmtId\s*=\s*["'](\d+)["']/g)) maxFormatId = Math.max(maxFormatId, Number(match[1]));
  // Our own entries from an earlier run, to reuse (only unprefixed stylesheets: ours are written without a prefix).
  const children = (name: SectionName): Map<string, number> => {
    const found = new Map<string, number>();
    const section = sections.get(name);
    const child = CHILD[name];
    if (!section || !child || prefix) return found;
    const pattern = new RegExp(`<${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g");
    let index = 0;
    for (const match of xml.slice(section.openEnd, section.closeStart).matchAll(pattern)) if (!found.has(match[0])) found.set(match[0], index++);
    else index++;
    return found;
  };
  const numFmtCodes = new Map<string, number>();
  if (numFmts && !prefix) {
    for (const match of xml.slice(numFmts.openEnd, numFmts.closeStart).matchAll(/<numFmt\b[^>]*>/g)) {
      const id = /numFmtId\s*=\s*"(\d+)"/.exec(match[0]);
      const code = /formatCode\s*=\s*"([^"]*)"/.exec(match[0]);
      if (id && code) numFmtCodes.set(unescapeXml(code[1]), Number(id[1]));
    }
  }
  const reserved = (name: SectionName) => Math.max(counts.get(name) ?? 0, DEFAULTS[name]?.length ?? 0);
  const offsets: StyleOffsets = {
    fonts: reserved("fonts"),
    fills: reserved("fills"),
    borders: reserved("borders"),
    xfs: reserved("cellXfs"),
    dxfs: counts.get("dxfs") ?? 0,
    numFmtId: maxFormatId + 1,
    existing: { fonts: children("fonts"), fills: children("fills"), borders: children("borders"), xfs: children("cellXfs"), dxfs: children("dxfs"), numFmts: numFmtCodes },
  };

  const patched = (additions: StyleAdditions): string => {
    const added: Partial<Record<SectionName, string[]>> = {
      numFmts: additions.numFmts,
      fonts: additions.fonts,
      fills: additions.fills,
      borders: additions.borders,
      cellXfs: additions.xfs,
      dxfs: additions.dxfs,
      cellStyleXfs: [],
    };
    const edits: { at: number; remove: number; text: string }[] = [];
    for (const name of SECTION_ORDER) {
      const child = CHILD[name];
      if (!child) continue;
      const count = counts.get(name) ?? 0;
      // Missing defaults first (a section absent or shorter than Excel's own first entries), then ours.
      const entries = [...(DEFAULTS[name] ?? []).slice(count), ...(added[name] ?? [])];
      if (!entries.length) continue;
      const content = withPrefix(entries.join(""), prefix);
      const total = count + entries.length;
      const section = sections.get(name);
      if (!section) {
        const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1)
          .map((next) => sections.get(next))
          .find((next): next is Section => Boolean(next));
        edits.push({ at: later ? later.start : rootClose, remove: 0, text: `<${prefix}${name} count="${total}">${content}</${prefix}${name}>` });
        continue;
      }
      const openTag = /\scount\s*=\s*["'][^"']*["']/.test(section.openTag)
        ? section.openTag.replace(/\scount\s*=\s*["'][^"']*["']/, ` count="${total}"`)
        : section.openTag.replace(/^(<[^\s/>]+)/, `$1 count="${total}"`);
      if (section.openEnd === section.closeStart && section.openTag.endsWith("/>")) {
        edits.push({ at: section.start, remove: section.end - section.start, text: `${openTag.replace(/\s*\/>$/, ">")}${content}</${prefix}${name}>` });
      } else {
        edits.push({ at: section.start, remove: section.openEnd - section.start, text: openTag });
        edits.push({ at: section.closeStart, remove: 0, text: content });
      }
    }
    // From the end, so positions stay true; at one position a replaced start tag before what goes in front of it, and
    // sections put in at one place in reverse, so they end up in the schema's order.
    const ordered = edits.map((edit, index) => ({ ...edit, index })).sort((a, b) => b.at - a.at || b.remove - a.remove || b.index - a.index);
    let result = xml;
    for (const edit of ordered) result = result.slice(0, edit.at) + edit.text + result.slice(edit.at + edit.remove);
    return result;
  };
  return { offsets, patched };
}
