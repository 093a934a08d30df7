/**
 * UTF-8 bytes of generated XML, written straight into a buffer. The lean writer emits millions of small pieces for a big
 * sheet (`<c r="A`, the row, `" s="3"`, a string index); concatenating them as JavaScript strings made ropes that cost
 * more to flatten and collect than the writing itself.
 */
const INITIAL_BYTES = 1 << 18;
/** Buffers kept for reuse per writer: as many as a consumer such as zlib holds at once, a few. */
const MAX_SPARES = 4;

/**
 * Chunks handed out by `take()`, by identity, with the writer they came from. A consumer that is done with one (zlib has
 * compressed it) gives it back with `releaseXmlChunk`, and its buffer is written into again: otherwise every chunk of a
 * 13 MB sheet is a buffer of its own until the collector comes by, tens of megabytes at the writer's peak.
 */
const handedOut = new WeakMap<Uint8Array, { owner: XmlBytes; whole: Buffer }>();

/** Gives back a chunk `take()` handed out; anything else (or a chunk given back twice) is ignored. */
export function releaseXmlChunk(chunk: Uint8Array): void {
  const taken = handedOut.get(chunk);
  if (taken === undefined) return;
  handedOut.delete(chunk);
  taken.owner.reuse(taken.whole);
}

export class XmlBytes {
  private buffer: Buffer = Buffer.allocUnsafe(INITIAL_BYTES);
  private position = 0;
  private readonly spares: Buffer[] = [];

  get length(): number {
    return this.position;
  }

  private ensure(extra: number): void {
    if (this.position + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + extra));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }

  /** Text known to be ASCII (markup, numbers, cell references): copied code unit by code unit. */
  ascii(text: string): void {
    const length = text.length;
    this.ensure(length);
    const buffer = this.buffer;
    let position = this.position;
    for (let i = 0; i < length; i++) buffer[position++] = text.charCodeAt(i);
    this.position = position;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.ensure(text.length * 3);
    this.position += this.buffer.write(text, this.position, "utf8");
  }

  /** Bytes already encoded (a piece written many times, encoded once). */
  bytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.position);
    this.position += bytes.length;
  }

  /** A non-negative integer in decimal. */
  integer(value: number): void {
    this.ensure(16);
    const buffer = this.buffer;
    if (value < 10) {
      buffer[this.position++] = 48 + value;
      return;
    }
    let digits = 0;
    for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) digits++;
    let position = this.position + digits;
    this.position = position;
    for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) buffer[--position] = 48 + (rest % 10);
  }

  /** Drops what was written after `length` bytes. */
  rewind(length: number): void {
    this.position = Math.min(this.position, length);
  }

  /**
   * The bytes written so far; the writer goes on in another buffer. The returned one is not written into again until it
   * is given back with `releaseXmlChunk`.
   */
  take(): Buffer {
    const taken = this.buffer.subarray(0, this.position);
    handedOut.set(taken, { owner: this, whole: this.buffer });
    this.buffer = this.spares.pop() ?? Buffer.allocUnsafe(Math.max(INITIAL_BYTES, this.buffer.length));
    this.position = 0;
    return taken;
  }

  /** A buffer of a chunk given back (see `releaseXmlChunk`). */
  reuse(buffer: Buffer): void {
    if (this.spares.length < MAX_SPARES && buffer.length >= INITIAL_BYTES) this.spares.push(buffer);
  }
}
