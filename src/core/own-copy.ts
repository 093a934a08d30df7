/**
 * The text in a string of its own. A reader may hand out a cell's text as a slice of the whole part it was read from
 * (V8 makes substrings of 13 characters and more that way): one such text kept alive keeps the file's whole sheet XML
 * alive, some 340 KB per file. Joining makes a new string; taking the slice of that new one drops the reference.
 */
export function ownCopy(text: string): string {
  return text.length < SLICED_FROM ? text : (" " + text).slice(1);
}

/** V8's SlicedString::kMinLength: shorter substrings are copied. */
const SLICED_FROM = 13;
