/**
 * Package parts that repeat from file to file. The small parts every reading starts with — the package's and the
 * workbook's relationships, the workbook part, the styles — are byte for byte the same in files made from one template
 * (`reestr distribute`, one program saving them): a merge of 200 unit files inflated, decoded and parsed the same few
 * hundred bytes 200 times (~50 ms of a 0.9 s merge). Here each is done once: a part whose compressed bytes equal those of
 * one seen before gets what was made of them then. Keyed by content, never by name or checksum alone: a part that
 * differs in one byte is read afresh. What is kept is never changed by the reader (strings, and parsed parts it only reads).
 */

/**
 * Parts up to these sizes (stored, and unpacked) are remembered; a sheet or a unit's shared strings differ from file to
 * file anyway, and what is kept stays small.
 */
const MAX_REMEMBERED_BYTES = 16 * 1024;
const MAX_REMEMBERED_UNPACKED_BYTES = 64 * 1024;
/** Distinct parts remembered at once; past it the memory starts again (a few kinds of part per writer). */
const MAX_REMEMBERED_PARTS = 64;

interface Remembered<T> {
  compressed: Uint8Array;
  value: T;
}

/** Values made of part bytes, by the bytes' content. */
export class RepeatedParts<T> {
  private readonly byKey = new Map<string, Remembered<T>[]>();
  private count = 0;

  /**
   * What was made of `compressed` before, or undefined. `declaredSize` is the part's size as its directory entry states
   * it: equal bytes with another declared size are another part (its size check is still to be made).
   */
  get(compressed: Uint8Array, method: number, declaredSize: number, checksum: number): T | undefined {
    if (!remembers(compressed, declaredSize)) return undefined;
    const candidates = this.byKey.get(keyOf(compressed, method, declaredSize, checksum));
    if (candidates === undefined) return undefined;
    for (const candidate of candidates) if (sameBytes(candidate.compressed, compressed)) return candidate.value;
    return undefined;
  }

  remember(compressed: Uint8Array, method: number, declaredSize: number, checksum: number, value: T): void {
    if (!remembers(compressed, declaredSize)) return;
    if (this.count >= MAX_REMEMBERED_PARTS) {
      this.byKey.clear();
      this.count = 0;
    }
    const key = keyOf(compressed, method, declaredSize, checksum);
    const candidates = this.byKey.get(key);
    // A copy (a Buffer's slice would be a view): `compressed` lies in the file's bytes, which must not be kept alive.
    const entry = { compressed: new Uint8Array(compressed), value };
    if (candidates === undefined) this.byKey.set(key, [entry]);
    else candidates.push(entry);
    this.count++;
  }
}

/**
 * A parse remembered by the text parsed (and whatever else it depends on, joined into the key): the same relationships or
 * workbook part in file after file is parsed once. Only successful parses are kept: one that throws throws every time.
 */
export class RepeatedParses<T> {
  private readonly byText = new Map<string, T>();

  get(key: string, parse: () => T): T {
    let value = this.byText.get(key);
    if (value === undefined) {
      value = parse();
      if (key.length <= MAX_REMEMBERED_UNPACKED_BYTES) {
        if (this.byText.size >= MAX_REMEMBERED_PARTS) this.byText.clear();
        this.byText.set(key, value);
      }
    }
    return value;
  }
}

function remembers(compressed: Uint8Array, declaredSize: number): boolean {
  return compressed.length <= MAX_REMEMBERED_BYTES && declaredSize <= MAX_REMEMBERED_UNPACKED_BYTES;
}

function keyOf(compressed: Uint8Array, method: number, declaredSize: number, checksum: number): string {
  return `${method}:${compressed.length}:${declaredSize}:${checksum >>> 0}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
