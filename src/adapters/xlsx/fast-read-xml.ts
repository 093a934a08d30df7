/**
 * The lean reader's XML scanner: a small well-formed-XML scanner (elements, attributes, text) with namespaces resolved
 * the way the spreadsheet parts need them. Anything outside the subset it reproduces throws NotSure, which the entry
 * point turns into "ask ExcelJS".
 */

/** Thrown inside the lean reader for anything outside the subset we reproduce; turned into null by the entry point. */
export class NotSure extends Error {}

export function notSure(what: string): never {
  throw new NotSure(what);
}

/**
 * Thrown for a file no reader may accept (a DTD, cells past Excel's grid, broken references): its message is the one
 * Russian line the user sees. Unlike NotSure it does not fall back to ExcelJS, so every command gives the same verdict.
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly reason: "corrupt" | "too-large-unpacked" = "corrupt",
  ) {
    super(message);
  }
}

export function refuse(message: string, reason?: "corrupt" | "too-large-unpacked"): never {
  throw new Refusal(message, reason);
}

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attributes: Attributes, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
  /**
   * Called after an element opens (not self-closing) and after one closes, with the position just past its tag: the
   * handler may read the complete child elements that follow itself (a sheet's rows, far faster than event by event)
   * and returns where the scanner goes on — `position` when it took nothing. It must take only whole, balanced elements
   * that declare no namespaces, and give their effects exactly as the events would.
   */
  resume?(name: string, position: number, namespaces: ReadonlyMap<string, string>): number;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Code units of a decoded text, reused between calls (texts are decoded one at a time). */
let decodedUnits = new Uint16Array(1024);
/** Views of `decodedUnits` by length, made once each: a view per decoded text was ~70 bytes of garbage. */
let decodedViews: Uint16Array[] = [];
// ignoreBOM: a text starting with U+FEFF keeps it.
const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });

/**
 * Entities as an XML parser decodes them (saxes: the five named ones and character references). Code units are written
 * into a buffer and turned into one string at the end: openpyxl writes every Cyrillic letter as a reference (&#1048;),
 * and a regex callback (or a string grown) per reference was a third of a merge's time, most of it garbage collection.
 */
function decodeEntities(text: string): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  const length = text.length;
  // Decoded text is never longer than the source.
  if (decodedUnits.length < length) {
    decodedUnits = new Uint16Array(Math.max(length, decodedUnits.length * 2));
    decodedViews = [];
  }
  const units = decodedUnits;
  let n = 0;
  let last = 0;
  while (amp >= 0) {
    for (let i = last; i < amp; i++) units[n++] = text.charCodeAt(i);
    if (text.charCodeAt(amp + 1) === 35) {
      // The usual reference, «&#1048;»: up to five decimal digits, then ";", a character below the surrogates — what
      // the general way below decodes it to, read in one pass (openpyxl writes one per Cyrillic letter).
      let i = amp + 2;
      let code = 0;
      let c = text.charCodeAt(i);
      while (c >= 48 && c <= 57 && i < amp + 7) {
        code = code * 10 + c - 48;
        c = text.charCodeAt(++i);
      }
      if (c === 59 && i > amp + 2 && code < 0xd800) {
        units[n++] = code;
        last = i + 1;
        amp = text.charCodeAt(last) === 38 ? last : text.indexOf("&", last);
        continue;
      }
    }
    // The body runs to the next ";" (a stray "&" or the end first is not well-formed).
    let end = amp + 1;
    while (end < length) {
      const c = text.charCodeAt(end);
      if (c === 59 || c === 38) break;
      end++;
    }
    if (end >= length || text.charCodeAt(end) !== 59) notSure("a bare ampersand");
    if (text.charCodeAt(amp + 1) === 35) {
      let i = amp + 2;
      const hex = text.charCodeAt(i) === 120;
      if (hex) i++;
      if (i === end) notSure("a malformed character reference");
      let code = 0;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        let digit: number;
        if (c >= 48 && c <= 57) digit = c - 48;
        else if (hex && (c | 32) >= 97 && (c | 32) <= 102) digit = (c | 32) - 87;
        else notSure("a malformed character reference");
        code = code * (hex ? 16 : 10) + digit;
        if (code > 0x10ffff) notSure("a malformed character reference");
      }
      // A lone surrogate is no character; the decoder below would turn it into U+FFFD.
      if (code >= 0xd800 && code <= 0xdfff) notSure("a surrogate character reference");
      if (code > 0xffff) {
        // Two code units; "&#128512;" (9 characters) always leaves room for them.
        units[n++] = 0xd800 + ((code - 0x10000) >> 10);
        units[n++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
      } else units[n++] = code;
    } else {
      const named = NAMED_ENTITIES[text.slice(amp + 1, end)];
      // Without a DTD (which we refuse) any other entity is a well-formedness error.
      if (named === undefined) refuse(`книга повреждена: в ее XML ссылка на неизвестную сущность «&${text.slice(amp + 1, end).slice(0, 20)};»`);
      units[n++] = named.charCodeAt(0);
    }
    last = end + 1;
    amp = text.charCodeAt(last) === 38 ? last : text.indexOf("&", last);
  }
  for (let i = last; i < length; i++) units[n++] = text.charCodeAt(i);
  return unitsToString(units, n);
}

/**
 * Up to this many code units String.fromCharCode is cheaper than a TextDecoder call; past it the decoder is, already
 * for a cell's text of a few dozen letters (300,000 texts of 10–130 units: 105–115 ms against 150–280 ms, whose
 * `apply` over a typed array also copies it into an argument list first, ~200 bytes of garbage per text).
 */
const SHORT_TEXT = 16;

/**
 * One string of units[0, n). Both ways keep every code unit as it is: the decoder is handed only pairs already checked
 * (lone surrogate references are refused above, and text decoded from UTF-8 holds none).
 */
function unitsToString(units: Uint16Array, n: number): string {
  const view = units === decodedUnits ? (decodedViews[n] ??= units.subarray(0, n)) : units.subarray(0, n);
  if (n > SHORT_TEXT) return UTF16.decode(view);
  return String.fromCharCode.apply(null, view as unknown as number[]);
}

/** Character data as the scanner hands it to `text`: line ends normalized, entities decoded. */
export function normalizeText(raw: string): string {
  // XML end-of-line handling, as saxes does, before entities (a written &#13; stays).
  return decodeEntities(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));
}

function normalizeAttribute(raw: string): string {
  return decodeEntities(/[\r\n\t]/.test(raw) ? raw.replace(/\r\n?|[\n\t]/g, " ") : raw);
}

/** The first whitespace in a tag's body, as body.search(/\s/) without a regex per tag: names end at XML's four. */
function whitespaceIndex(body: string): number {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) return i;
    // Any other whitespace \s matches is no name character; leave such a tag to the regex, as before.
    if (c > 0x7f || c === 0x0b || c === 0x0c) return body.search(/[\s]/);
  }
  return -1;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A small well-formed-XML scanner: elements, attributes and text; comments and the declaration are skipped. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const stack: string[] = [];
  /** Per open element: its local name and the namespace bindings to restore when it closes (undefined: nothing to do). */
  const scopes: ({ localName: string; restore: Map<string, string> | undefined } | undefined)[] = [];
  let namespaces = NO_NAMESPACES;
  let position = 0;
  let sawRoot = false;
  const length = xml.length;
  while (position < length) {
    const lt = xml.indexOf("<", position);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > position) {
      const raw = xml.slice(position, textEnd);
      if (stack.length > 0) handler.text?.(normalizeText(raw));
      else if (raw.trim() !== "") notSure("text outside the root element");
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) notSure("an unterminated comment");
        position = end + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        // ExcelJS drops CDATA text; Excel and other readers keep it, and so do we.
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) notSure("an unterminated CDATA section");
        if (stack.length === 0) notSure("CDATA outside the root element");
        handler.text?.(xml.slice(lt + 9, end).replace(/\r\n?/g, "\n"));
        position = end + 3;
        continue;
      }
      // Excel never writes a DTD; its internal subset is where entity-expansion attacks live.
      refuse("в книге есть объявление DTD (<!DOCTYPE>), какого Excel не пишет: файл отклонен как небезопасный");
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) notSure("an unterminated processing instruction");
      position = end + 2;
      continue;
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt < 0) notSure("an unterminated tag");
    if (next === 0x2f /* / */) {
      const name = xml.slice(lt + 2, gt).trim();
      if (stack.pop() !== name) notSure("mismatched tags");
      const scope = scopes.pop();
      handler.close?.(scope ? scope.localName : name);
      if (scope?.restore) namespaces = scope.restore;
      position = gt + 1;
      if (handler.resume) position = handler.resume(scope ? scope.localName : name, position, namespaces);
      continue;
    }
    let body = xml.slice(lt + 1, gt);
    // ">" inside a quoted attribute value: extend to the real end of the tag.
    let end = gt;
    while (unbalancedQuotes(body)) {
      const further = xml.indexOf(">", end + 1);
      if (further < 0) notSure("an unterminated attribute");
      end = further;
      body = xml.slice(lt + 1, end);
    }
    const selfClosing = body.endsWith("/");
    if (selfClosing) body = body.slice(0, -1);
    const nameEnd = whitespaceIndex(body);
    const name = nameEnd < 0 ? body : body.slice(0, nameEnd);
    // Prefixed names (mc:AlternateContent, x14:…) pass through unmatched, as in ExcelJS, which reads without namespaces.
    if (name === "") notSure("an empty element name");
    const attributes: Attributes = {};
    if (nameEnd >= 0) {
      ATTRIBUTE.lastIndex = 0;
      const rest = body.slice(nameEnd);
      let consumed = 0;
      for (let match = ATTRIBUTE.exec(rest); match; match = ATTRIBUTE.exec(rest)) {
        if (rest.slice(consumed, match.index).trim() !== "") notSure("a malformed attribute");
        attributes[match[1]] = normalizeAttribute(match[2] ?? match[3] ?? "");
        consumed = match.index + match[0].length;
      }
      if (rest.slice(consumed).trim() !== "") notSure("a malformed attribute");
    }
    if (stack.length === 0) {
      if (sawRoot) notSure("two root elements");
      sawRoot = true;
    }
    // Namespaces: elements of the spreadsheet schemas are known by their local names whatever their prefix
    // (Open XML SDK writes <x:c>), and Strict OOXML's namespaces stand for the transitional ones.
    let restore: Map<string, string> | undefined;
    for (const key in attributes) {
      if (key === "xmlns" || key.startsWith("xmlns:")) {
        restore ??= namespaces;
        if (namespaces === restore) namespaces = new Map(namespaces);
        namespaces.set(key === "xmlns" ? "" : key.slice(6), attributes[key]);
      }
    }
    const colon = name.indexOf(":");
    const namespace = namespaces.get(colon < 0 ? "" : name.slice(0, colon));
    const localName = colon >= 0 && namespace !== undefined && LOCAL_NAME_NAMESPACES.has(namespace) ? name.slice(colon + 1) : name;
    const mapped = restore || colon >= 0 || namespaces.size > 0 ? mapAttributes(attributes, namespaces) : attributes;
    handler.open(localName, mapped, selfClosing);
    if (selfClosing) {
      handler.close?.(localName);
      if (restore) namespaces = restore;
      position = end + 1;
    } else {
      stack.push(name);
      scopes.push(restore || localName !== name ? { localName, restore } : undefined);
      position = end + 1;
      if (handler.resume) position = handler.resume(localName, position, namespaces);
    }
  }
  if (stack.length > 0 || !sawRoot) notSure("an unfinished document");
}

const SPREADSHEET_NAMESPACES = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];
/** Namespaces whose elements we match by local name. */
export const LOCAL_NAME_NAMESPACES = new Set([
  ...SPREADSHEET_NAMESPACES,
  "http://schemas.openxmlformats.org/package/2006/relationships",
]);
/** The namespace of r:id, transitional and Strict: its attributes are always given as "r:…". */
const RELATIONSHIP_ATTRIBUTE_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
const NO_NAMESPACES = new Map<string, string>();

/** Prefixed attributes renamed by namespace: any prefix bound to the relationships namespace becomes "r:". */
function mapAttributes(attributes: Attributes, namespaces: Map<string, string>): Attributes {
  let mapped: Attributes | undefined;
  for (const key in attributes) {
    const colon = key.indexOf(":");
    if (colon < 0 || key.startsWith("xmlns")) continue;
    const prefix = key.slice(0, colon);
    const namespace = namespaces.get(prefix);
    let renamed: string | undefined;
    if (namespace !== undefined && RELATIONSHIP_ATTRIBUTE_NAMESPACES.has(namespace)) renamed = `r:${key.slice(colon + 1)}`;
    else if (namespace !== undefined && LOCAL_NAME_NAMESPACES.has(namespace)) renamed = key.slice(colon + 1);
    if (renamed === undefined || renamed === key) continue;
    mapped ??= { ...attributes };
    mapped[renamed] = attributes[key];
  }
  return mapped ?? attributes;
}

/** Whether a quoted value is left open in a tag's body: jumps from quote to quote (a tag without quotes costs two scans). */
function unbalancedQuotes(body: string): boolean {
  let at = 0;
  for (;;) {
    const double = body.indexOf('"', at);
    const single = body.indexOf("'", at);
    if (double < 0 && single < 0) return false;
    const open = single < 0 || (double >= 0 && double < single) ? double : single;
    const close = body.indexOf(body[open], open + 1);
    if (close < 0) return true;
    at = close + 1;
  }
}
