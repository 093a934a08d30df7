/** What every part the lean writer makes shares: namespaces, the XML declaration, text escaping, colours. */

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 cannot carry are dropped, as ExcelJS does (its set, plus U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex
const ESCAPES = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", _: "_x005F_" };

/**
 * Text for XML content and attributes. A literal "_xHHHH_" is written as "_x005F_xHHHH_": Excel and readers decode
 * "_xHHHH_" as a character, and submitted text must stay as it was.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (ch) => ENTITY[ch] ?? "");
}

export function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}
