/**
 * Latin words a Russian text shown to users may carry, and the scan that finds the others. One list for the CLI's
 * messages (commands, flags, formats, programs) and a stricter one for the pane, whose users never type a command.
 */

/** Formats, standards and programs: names a Russian text keeps in Latin letters. */
const FORMATS_AND_PROGRAMS = [
  "csv", "html", "xlsx", "xls", "xlsb", "xlsm", "ods", "CSV", "HTML", "XML", "JSON", "PDF", "RTF", "ZIP", "DTD",
  "DOCTYPE", "FIFO", "BOM", "UTF", "CRLF", "Excel", "Word", "PowerPoint", "LibreOffice", "OpenDocument", "Open",
  "SDK", "Strict", "Office", "OWASP", "ID", "ISO", "A4", "A3", "XFD", "A1", "R7", "ECMA", "ExcelJS", "NAME",
  // the .docx format of the cycle's documents
  "docx",
];

/** Latin words a CLI message may hold. */
export const CLI_LATIN_WORDS = new Set(
  [
    // the program, its commands and flags
    "reestr", "validate", "merge", "publish", "appendix", "template", "help", "upgrade", "summary",
    "output", "previous", "json", "working", "format", "order", "number", "date", "agency", "genitive", "code",
    "units", "paper", "draft", "typical", "list", "version", "fix", "sheet", "settings", "debug", "REESTR_DEBUG",
    "distribute", "requests", "status", "notices", "due", "force", "today", "only", "issues", "DIR",
    // the ID scheme's placeholders ({agency}-{process}-{nn}) and Excel's function names in the sheets' formulas
    "process", "nn", "OR",
    "FILE", "OUT", "APPROVED", "TEXT", "CODE", "YYYY", "MM", "DD", "N", "K", "A", "B", "C", "h", "v", "o",
    ...FORMATS_AND_PROGRAMS,
    // Excel's header and footer codes (&P: page number)
    "P",
    // the sources a data file was checked against
    "python", "holidays",
  ].map((word) => word.toLowerCase()),
);

/**
 * Latin words the pane's visible text may hold: formats and programs only, plus the ID scheme's placeholders the
 * settings show ({agency}-{process}-{nn}) and Excel's cell and column letters in positions («A7», «графа B»).
 */
export const PANE_LATIN_WORDS = new Set([...FORMATS_AND_PROGRAMS, "agency", "process", "nn"].map((word) => word.toLowerCase()));

/**
 * Latin words of `text` outside `allowed`; only texts with Cyrillic are read (a bare file name is not a message).
 * `cells`: the text may name cells and columns («A7», «графа B»), which are Excel's notation, not words.
 * `everyText`: read texts without Cyrillic too (a pane's visible line «Excel API 1.17» is shown to the user).
 */
export function foreignWords(
  text: string,
  allowed: ReadonlySet<string>,
  options: { cells?: boolean; everyText?: boolean } = {},
): string[] {
  if (!options.everyText && !/[а-яё]/i.test(text)) return [];
  // File and part names («xl/workbook.xml», «render-layout.ts», «Реестр.xlsx») are names, not words.
  const withoutNames = text.replace(/[\w./-]*[\w-]\.(?:xml|xlsx|ts|rels|zip|docx|csv|html)\b/g, " ");
  const withoutCells = options.cells ? withoutNames.replace(/\b[A-Z]{1,3}\d{1,7}\b|\b[A-Z]\b/g, " ") : withoutNames;
  return (withoutCells.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((word) => !allowed.has(word.toLowerCase()));
}
