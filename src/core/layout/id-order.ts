/**
 * The order of process IDs within a process code in the appendix: numbers inside IDs compared as numbers, letters
 * without regard to case (Intl.Collator, numeric, base sensitivity).
 */
const ID_COLLATOR = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });

const ZERO = 0x30;
const NINE = 0x39;

/** Punctuation that joins an ID's digit groups ("017-1.1-01", "12/3", "4_5"). */
function isJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x2f || code === 0x5f || code === 0x20;
}

/**
 * Compares two IDs as the collator does. Two IDs of one shape — ASCII digits at the same places, the same joining
 * punctuation between them — are compared code unit by code unit: their digit groups are of equal lengths, and equal-
 * length digit groups order as their numbers, so the answer has the collator's sign at a fraction of its cost (a
 * 50,000-row register's sort compares ~550,000 such pairs). Anything else goes to the collator.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const length = a.length;
  if (length !== b.length) return ID_COLLATOR.compare(a, b);
  let first = 0;
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x >= ZERO && x <= NINE) {
      if (y < ZERO || y > NINE) return ID_COLLATOR.compare(a, b);
      if (first === 0 && x !== y) first = x - y;
    } else if (x !== y || !isJoiner(x)) return ID_COLLATOR.compare(a, b);
  }
  return first;
}
