/**
 * What a written or published register shows for control characters: nothing. U+0000–U+001F other than tab and line
 * breaks, U+007F and the non-characters U+FFFE/U+FFFF are dropped from every file we write (.xlsx, CSV, HTML): XML 1.0
 * cannot hold most of them at all (Excel refuses such a part as damaged), and in CSV or HTML they are invisible bytes
 * that confuse the programs reading the file. Tab, line feed and carriage return are text and stay.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const CONTROL_CHARACTERS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- as above, without the global flag for a cheap test
const HAS_CONTROL_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;

export function withoutControlCharacters(text: string): string {
  return HAS_CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, "") : text;
}
