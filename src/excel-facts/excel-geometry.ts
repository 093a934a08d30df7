/**
 * Excel's own geometry, the same for every part of the project: column letters, column widths in characters and points,
 * line heights and how wrapped text breaks into lines. Pure (ES2022 only), so both the core's layouts and the simulator
 * (which must not depend on the core it is used to test) can use it.
 */

export function columnLetters(column: number): string {
  let letters = "";
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Excel's default column width (characters of the default font's digit). */
export const DEFAULT_COLUMN_WIDTH_CHARS = 8.43;

/**
 * Office.js sets column widths in points; files and Excel's UI use characters. With the default Calibri 11
 * a digit is 7 px wide and Excel adds 5 px of padding: px = chars × 7 + 5, pt = px × 0.75.
 * So 8.43 characters = 64 px = 48 pt, Excel's default. The simulator converts back with `columnWidthChars`.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function columnWidthChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

/** Line height in points for a font size, as Excel lays out wrapped text (Calibri 11 → 15 pt). */
export function lineHeightPoints(fontSize: number): number {
  return Math.round(fontSize * 1.36 * 4) / 4;
}

/**
 * Characters one line of a column of `widthChars` holds (wrappedLineCount): a text no longer than this, without a line
 * break, takes one line.
 */
export function wrappedLineCapacity(widthChars: number, fontSize = 11): number {
  // Cyrillic letters are a little wider than digits; bold/larger fonts scale the count.
  return Math.max(1, Math.floor((widthChars * 11) / fontSize / 1.1));
}

/** Lines a text needs in a column of `widthChars`, breaking at spaces like Excel does. */
export function wrappedLineCount(text: string, widthChars: number, fontSize = 11): number {
  const capacity = wrappedLineCapacity(widthChars, fontSize);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let current = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (current === 0) {
        paragraphLines += Math.floor(Math.max(0, length - 1) / capacity);
        current = length % capacity || capacity;
      } else if (current + 1 + length <= capacity) {
        current += 1 + length;
      } else {
        paragraphLines += 1 + Math.floor(Math.max(0, length - 1) / capacity);
        current = length % capacity || capacity;
      }
    }
    lines += paragraphLines;
  }
  return Math.max(1, lines);
}
