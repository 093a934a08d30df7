/** A user's shared-string table read as bytes, and the sheets' references to it, for writing ours after theirs. */
import type { SharedStrings } from "./lean-strings";
import { attribute, unescapeXml } from "./sheet-in-place";
import { setAttribute, withPrefix } from "./workbook-part-patch";

export interface StringTable {
  /** How many strings (`<si>`) the table holds. */
  items: number;
  /** Its plain texts (not rich text) and their indexes. */
  texts: Map<string, number>;
  /** The table's XML with `ours` appended and its counts updated, in pieces (the user's strings as they were). */
  withAppended(ours: SharedStrings, droppedReferences: number): (string | Uint8Array)[];
}

/**
 * A user's shared-string table, read as bytes: its strings are counted, never decoded, so ours can be numbered after
 * them. Null when it is not one.
 */
export function readStringTable(xml: Buffer): StringTable | null {
  const headText = xml.subarray(0, 4096).toString("latin1");
  const root = /<(?:([A-Za-z_][\w.-]*):)?sst\b[^>]*>/.exec(headText);
  if (!root) return null;
  const prefix = root[1] ? `${root[1]}:` : "";
  const rootEnd = Buffer.byteLength(headText.slice(0, root.index + root[0].length), "latin1");
  const selfClosing = root[0].endsWith("/>");
  const close = selfClosing ? rootEnd : xml.lastIndexOf(`</${prefix}sst>`);
  if (close < 0) return null;
  // Each string's index, and the plain ones' texts: the appendix repeats the register's texts, already in the table.
  let items = 0;
  const texts = new Map<string, number>();
  const body = xml.subarray(rootEnd, close).toString("utf8");
  const item = new RegExp(`<${prefix}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${prefix}si>)`, "g");
  const plain = new RegExp(`^<${prefix}t(?:\\s[^>]*)?>([^<]*)</${prefix}t>$`);
  const add = (raw: string) => {
    // Most texts hold no reference and no _xHHHH_ escape: the replacements are skipped, their result is the same.
    let value = raw.includes("&") ? unescapeXml(raw) : raw;
    if (value.includes("_x")) value = value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (!texts.has(value)) texts.set(value, items);
  };
  // The usual item, `<si><t>text</t></si>` (text without markup), is taken where it stands: exactly what the regular
  // expressions would match there, at a fraction of their cost on a 50,000-string table. Anything else goes to them.
  const plainOpen = `<${prefix}si><${prefix}t>`;
  const plainClose = `</${prefix}t></${prefix}si>`;
  let position = 0;
  for (;;) {
    if (body.startsWith(plainOpen, position)) {
      const textStart = position + plainOpen.length;
      const textEnd = body.indexOf("<", textStart);
      if (textEnd >= 0 && body.startsWith(plainClose, textEnd)) {
        add(body.slice(textStart, textEnd));
        items++;
        position = textEnd + plainClose.length;
        continue;
      }
    }
    item.lastIndex = position;
    const match = item.exec(body);
    if (!match) break;
    const text = plain.exec(match[1] ?? "");
    if (text) add(text[1]);
    items++;
    position = item.lastIndex;
  }
  return {
    items,
    texts,
    withAppended(ours, droppedReferences) {
      let tag = root[0];
      const count = Number(attribute(tag, "count"));
      if (Number.isFinite(count)) tag = setAttribute(tag, "count", String(Math.max(0, count - droppedReferences) + ours.referenceCount));
      if (attribute(tag, "uniqueCount") !== null) tag = setAttribute(tag, "uniqueCount", String(items + ours.uniqueCount));
      if (selfClosing) tag = tag.replace(/\s*\/>$/, ">");
      const head = Buffer.from(headText.slice(0, root.index) + tag, "latin1");
      const appended = [...ours.items()].map((part) => withPrefix(part, prefix));
      return [head, xml.subarray(rootEnd, close), ...appended, selfClosing ? `</${prefix}sst>` : xml.subarray(close)];
    },
  };
}

const SHARED_STRING_TYPES = [Buffer.from('t="s"'), Buffer.from("t='s'")];

/** Cells of a sheet's XML that refer to a shared string (a byte search: a big sheet is not decoded for it). */
export function sharedStringCells(xml: Buffer): number {
  let count = 0;
  for (const needle of SHARED_STRING_TYPES) for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length)) count++;
  return count;
}
