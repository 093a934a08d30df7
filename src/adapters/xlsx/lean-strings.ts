/** Text cells of the lean writer: the shared-strings part, or inline text in a user's workbook. */
import { escapeXml, MAIN_NS, XML_HEAD } from "./lean-xml";
import type { XmlBytes } from "./xml-bytes";

/** How a text cell is written, after `<c r="A1" s="3"`: through shared strings, or inline in a user's workbook. */
export interface CellTexts {
  write(out: XmlBytes, text: string): void;
}

export const SHARED_CELL_OPEN = ' t="s"><v>';
export const SHARED_CELL_CLOSE = "</v></c>";

/** Shared strings: each distinct text once, cells refer to it by index. */
export class SharedStrings implements CellTexts {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private references = 0;

  /**
   * `first`: how many strings the table already holds (a user's workbook), ours numbered after them; `existing`: its
   * plain texts by index, used instead of adding the same text again.
   */
  constructor(
    private readonly first = 0,
    private readonly existing?: ReadonlyMap<string, number>,
  ) {}

  get referenceCount(): number {
    return this.references;
  }

  get uniqueCount(): number {
    return this.texts.length;
  }

  /** One more reference to the text `add` just gave `index` for (the same text gets the same index). */
  addAgain(index: number): number {
    this.references++;
    return index;
  }

  add(text: string): number {
    this.references++;
    const known = this.existing?.get(text);
    if (known !== undefined) return known;
    let index = this.index.get(text);
    if (index === undefined) {
      this.index.set(text, (index = this.texts.length));
      this.texts.push(text);
    }
    return this.first + index;
  }

  write(out: XmlBytes, text: string): void {
    out.ascii(SHARED_CELL_OPEN);
    out.integer(this.add(text));
    out.ascii(SHARED_CELL_CLOSE);
  }

  *xml(): Generator<string> {
    yield XML_HEAD + `<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.texts.length}">`;
    yield* this.items();
    yield "</sst>";
  }

  /** The `<si>` elements, in pieces. */
  *items(): Generator<string> {
    let part = "";
    for (let i = 0; i < this.texts.length; i++) {
      const text = this.texts[i];
      // Leading/trailing spaces and line breaks survive only with xml:space="preserve" (ExcelJS's rule).
      part += /^\s|\n|\s$/.test(text) ? `<si><t xml:space="preserve">${escapeXml(text)}</t></si>` : `<si><t>${escapeXml(text)}</t></si>`;
      if (part.length > 1 << 16) {
        yield part;
        part = "";
      }
    }
    yield part;
  }
}
