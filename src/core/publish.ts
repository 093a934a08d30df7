/**
 * Export for publication on the agency's site (seed 004, item 7): CSV that opens correctly in Russian Excel, and a
 * standalone accessible HTML page. Pure strings; rows in the appendix's order.
 */
import type { RegisterCatalog } from "./catalog";
import type { OrderDetails } from "./layout/appendix";
import { appendixTitle, groupRowsByDirection, orderDetailsLine } from "./layout/appendix";
import { REGISTER_COLUMNS } from "./columns";
import { withoutControlCharacters } from "./control-characters";
import { cleanText } from "./text";

export type PublishFormat = "csv" | "html";

export interface PublishInput {
  rows: readonly (readonly string[])[];
  catalog: RegisterCatalog;
  order: OrderDetails;
  /** The agency's name (nominative): the title's fallback when the genitive is not set. */
  agencyName?: string;
}

/** The page's and the file's title: always with the agency when the settings name it. */
export function publicationTitle(input: Pick<PublishInput, "order" | "agencyName">): string {
  if (cleanText(input.order.agencyGenitive)) return appendixTitle(input.order.agencyGenitive);
  const name = cleanText(input.agencyName ?? "");
  return name ? `${appendixTitle("")} — ${name}` : appendixTitle("");
}

/** Russian Excel takes ";" as the list separator and needs the BOM to read UTF-8. */
export const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";
const CRLF = "\r\n";

/**
 * RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled. Line breaks become CRLF.
 * Control characters are dropped (core/control-characters.ts). A field a spreadsheet would take for a formula is
 * prefixed with «'» and quoted (OWASP, CSV injection).
 */
export function csvField(value: string): string {
  const text = withoutControlCharacters(value).replace(/\r\n?|\n/g, CRLF);
  if (startsLikeFormula(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[";\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Characters a formula needs to call a function, run a program (DDE) or reach another file. */
const FORMULA_MACHINERY = /[=+@|!()[\]{}"']/;

/**
 * Whether Excel or another spreadsheet could read the field as a formula: it begins (also after spaces, which some
 * programs trim) with «=», «+», «-», «@», a tab or a carriage return. Kept readable: negative numbers («-5», «-1,5»)
 * and a list dash before words («- пункт первый»), as long as the field holds none of the characters a formula needs
 * to do harm (parentheses, «|», «!», quotes, «=», «+», «@»): without them a spreadsheet can at worst show «#ИМЯ?».
 * IDs such as «АС-1.3-01» do not begin with a sign and are never touched.
 */
export function startsLikeFormula(text: string): boolean {
  const start = text.replace(/^ +/, "");
  if (!/^[=+\-@\t\r]/.test(start) && !/^[\t\r]/.test(text)) return false;
  if (start.startsWith("-")) {
    if (/^-\d+(?:[.,]\d+)?$/.test(start)) return false;
    if (/^- +\p{L}/u.test(start) && !FORMULA_MACHINERY.test(start)) return false;
  }
  return true;
}

/** Lines of the CSV before the column titles: the title with the agency, then the order details. */
export const CSV_PREAMBLE_LINES = 2;

/**
 * CSV in UTF-8 with BOM, ";" separators, CRLF line ends: the title (with the agency) and the order details line, one
 * header row with the 15 titles, then the rows grouped by direction (the appendix's order). Formula-looking text is
 * defused (see csvField).
 */
export function registerToCsv(input: PublishInput): string {
  const lines = [
    csvField(publicationTitle(input)),
    csvField(orderDetailsLine(input.order)),
    REGISTER_COLUMNS.map((column) => csvField(column.title)).join(CSV_SEPARATOR),
  ];
  for (const group of groupRowsByDirection(input.rows, input.catalog)) {
    for (const cells of group.rows) lines.push(cells.map(csvField).join(CSV_SEPARATOR));
  }
  return BOM + lines.join(CRLF) + CRLF;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escaped for HTML text and attributes; control characters dropped, as in every file we write. */
export function escapeHtml(text: string): string {
  return withoutControlCharacters(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** Escaped text with line breaks kept as <br>. */
function cellHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n?|\n/g, "<br>");
}

const STYLE = `
body { font-family: "Times New Roman", Times, serif; margin: 1.5rem; color: #000; background: #fff; }
h1 { font-size: 1.3rem; text-align: center; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
caption { caption-side: top; text-align: right; padding-bottom: 1rem; line-height: 1.4; }
th, td { border: 1px solid #000; padding: 0.25rem 0.35rem; vertical-align: top; text-align: left; }
thead th { background: #f2f2f2; text-align: center; vertical-align: middle; }
tbody th[scope="rowgroup"] { background: #fafafa; }
.numbering th { font-weight: normal; }
@media print { body { margin: 0; } thead { display: table-header-group; } }
`.trim();

/**
 * A standalone HTML page (no scripts, no outside resources): lang="ru", a <table> whose <caption> holds the order
 * details, column headers as <th scope="col">, a rowgroup header per direction. All text is escaped.
 */
export function registerToHtml(input: PublishInput): string {
  const title = publicationTitle(input);
  const columnCount = REGISTER_COLUMNS.length;
  const out: string[] = [];
  out.push("<!DOCTYPE html>");
  out.push('<html lang="ru">');
  out.push("<head>");
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${escapeHtml(title)}</title>`);
  out.push(`<style>\n${STYLE}\n</style>`);
  out.push("</head>");
  out.push("<body>");
  out.push("<main>");
  out.push(`<h1 id="register-title">${escapeHtml(title)}</h1>`);
  out.push('<table aria-labelledby="register-title">');
  out.push(`<caption>${escapeHtml(orderDetailsLine(input.order))}</caption>`);
  out.push("<thead>");
  out.push(`<tr>${REGISTER_COLUMNS.map((column) => `<th scope="col">${escapeHtml(column.title)}</th>`).join("")}</tr>`);
  out.push(`<tr class="numbering">${REGISTER_COLUMNS.map((column) => `<th scope="col">${column.number}</th>`).join("")}</tr>`);
  out.push("</thead>");
  for (const group of groupRowsByDirection(input.rows, input.catalog)) {
    out.push("<tbody>");
    out.push(`<tr><th scope="rowgroup" colspan="${columnCount}">${escapeHtml(group.heading)}</th></tr>`);
    for (const cells of group.rows) out.push(`<tr>${cells.map((cell) => `<td>${cellHtml(cell)}</td>`).join("")}</tr>`);
    out.push("</tbody>");
  }
  out.push("</table>");
  out.push("</main>");
  out.push("</body>");
  out.push("</html>");
  return out.join("\n") + "\n";
}

export function publishRegister(format: PublishFormat, input: PublishInput): string {
  return format === "csv" ? registerToCsv(input) : registerToHtml(input);
}
