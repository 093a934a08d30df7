/**
 * The user's shared-string table as `reestr appendix` reads it to number its own texts after the user's and to reuse
 * the user's plain texts (readStringTable): the usual `<si><t>text</t></si>` is taken by a quick lane, everything else by
 * the regular expressions. Both together must give exactly what the regular expressions alone give, for every shape.
 */
import { readStringTable } from "../../src/adapters/xlsx/user-string-table";
import { unescapeXml } from "../../src/adapters/xlsx/sheet-in-place";

/** The table read by the regular expressions alone (how it was read before the quick lane). */
function byRegularExpressions(xml: string): { items: number; texts: [string, number][] } {
  const root = /<(?:([A-Za-z_][\w.-]*):)?sst\b[^>]*>/.exec(xml)!;
  const prefix = root[1] ? `${root[1]}:` : "";
  const close = root[0].endsWith("/>") ? root.index + root[0].length : xml.lastIndexOf(`</${prefix}sst>`);
  const body = xml.slice(root.index + root[0].length, close);
  const item = new RegExp(`<${prefix}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${prefix}si>)`, "g");
  const plain = new RegExp(`^<${prefix}t(?:\\s[^>]*)?>([^<]*)</${prefix}t>$`);
  let items = 0;
  const texts = new Map<string, number>();
  for (const match of body.matchAll(item)) {
    const text = plain.exec(match[1] ?? "");
    if (text) {
      const value = unescapeXml(text[1]).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (!texts.has(value)) texts.set(value, items);
    }
    items++;
  }
  return { items, texts: [...texts] };
}

function table(body: string, prefix = ""): string {
  const ns = prefix ? ` xmlns:${prefix.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}sst${ns} count="9" uniqueCount="9">${body}</${prefix}sst>`;
}

const SHAPES: Record<string, string> = {
  plain: "<si><t>Архив</t></si><si><t>Отдел кадров</t></si><si><t>Архив</t></si><si><t> с краю </t></si><si><t>с краю</t></si>",
  "empty text and empty item": "<si><t></t></si><si/><si></si><si><t>после пустых</t></si>",
  "references and _xHHHH_ escapes": "<si><t>A &amp; B &lt;C&gt; &#1048;&#x41;</t></si><si><t>строка_x000D_перенос</t></si><si><t>_x005F_x0041_</t></si>",
  "preserved spaces (an attribute on t)": '<si><t xml:space="preserve"> с пробелами </t></si><si><t>с пробелами</t></si>',
  "rich text and phonetic runs (not reused)": '<si><r><rPr><b/></rPr><t>жирный</t></r><r><t> и обычный</t></r></si><si><t>с фонетикой</t><rPh sb="0" eb="1"><t>ф</t></rPh></si><si><t>жирный</t></si>',
  "whitespace and attributes between items": '\n  <si>\n<t>с переводом строки</t>\n</si>\n  <si foo="1"><t>с атрибутом</t></si><si ><t>с пробелом</t></si>',
  "a look-alike element name": "<sis><t>не строка</t></sis><si><t>строка</t></si><si><tt>не текст</tt></si>",
  "an unterminated last item": "<si><t>целая</t></si><si><t>без конца</t>",
  "a text with markup inside t": "<si><t>до<b/>после</t></si><si><t>до</t></si>",
};

describe("readStringTable", () => {
  for (const [name, body] of Object.entries(SHAPES)) {
    for (const prefix of ["", "x:"]) {
      test(`${name}${prefix ? ", prefixed" : ""}: the same items and texts as the regular expressions alone`, () => {
        const source = table(prefix ? body.replace(/<(\/?)(si|t|r|rPr|rPh|b)\b/g, `<$1${prefix}$2`) : body, prefix);
        const read = readStringTable(Buffer.from(source, "utf8"))!;
        const expected = byRegularExpressions(source);
        expect({ items: read.items, texts: [...read.texts] }).toEqual(expected);
      });
    }
  }

  test("a big table of plain texts: every text at its first index", () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `Процесс № ${i % 15_000} «архив» & учет`);
    const source = table(texts.map((text) => `<si><t>${text.replace(/&/g, "&amp;")}</t></si>`).join(""));
    const read = readStringTable(Buffer.from(source, "utf8"))!;
    expect(read.items).toBe(20_000);
    expect(read.texts.size).toBe(15_000);
    expect(read.texts.get("Процесс № 14999 «архив» & учет")).toBe(14_999);
    expect({ items: read.items, texts: [...read.texts] }).toEqual(byRegularExpressions(source));
  });
});
