/**
 * The shared strings' plain lane (`parseSharedStrings` in fast-read-parts.ts) must give exactly what the scanner's
 * events give: the same strings, rich text and refusals, whether it takes a string or leaves it to the scanner.
 */
import { parseSharedStrings } from "../../../src/adapters/xlsx/fast-read-parts";
import * as xml from "../../../src/adapters/xlsx/fast-read-xml";
import { NotSure, Refusal } from "../../../src/adapters/xlsx/fast-read-xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;

function sst(items: string, root = `<sst xmlns="${MAIN}" count="9" uniqueCount="9">`, close = "</sst>"): string {
  return `${HEAD}${root}${items}${close}`;
}

/** What parsing gives (or throws) with the lane and without it. */
function both(xml: string): { lane: unknown; events: unknown } {
  const run = (plainStrings: boolean) => {
    try {
      return parseSharedStrings(xml, { plainStrings });
    } catch (error) {
      if (error instanceof Refusal) return { refused: error.message };
      if (error instanceof NotSure) return { notSure: error.message };
      throw error;
    }
  };
  return { lane: run(true), events: run(false) };
}

describe("shared strings: the plain lane gives what the events give", () => {
  const cases: Record<string, string> = {
    "plain and preserved strings": sst(
      '<si><t>Отдел кадров</t></si><si><t xml:space="preserve">  с пробелами  </t></si><si><t></t></si><si><t>последняя</t></si>',
    ),
    "entities, character references, line ends and escapes": sst(
      "<si><t>A &amp; B &lt;C&gt; &quot;q&quot; &apos;</t></si><si><t>&#1048;&#x41;</t></si>" +
        "<si><t>строка\r\nвторая\rтретья</t></si><si><t>_x0041__x000D_ и _x005F_x0041_</t></si><si><t>&#13;</t></si>",
    ),
    "rich text and phonetic runs between plain strings": sst(
      "<si><t>до</t></si><si><r><rPr><b/></rPr><t>жир</t></r><r><t>ный</t></r></si><si><t>между</t></si>" +
        '<si><t>основа</t><rPh sb="0" eb="1"><t>фонетика</t></rPh></si><si><t>после</t></si>',
    ),
    "whitespace between strings (pretty-printed)": sst("\n  <si><t>один</t></si>\n  <si><t>два</t></si>\n"),
    "other attributes on <t>": sst('<si><t foo="1">атрибут</t></si><si><t>обычная</t></si>'),
    "a prefixed part": `${HEAD}<x:sst xmlns:x="${MAIN}"><x:si><x:t>раз</x:t></x:si><x:si><x:t>два</x:t></x:si></x:sst>`,
    "CDATA and comments inside a string": sst("<si><t>а</t></si><si><t><![CDATA[<b>]]></t></si><si><t>б<!-- c --></t></si><si><t>в</t></si>"),
    "a bare ampersand (not sure)": sst("<si><t>ok</t></si><si><t>A & B</t></si>"),
    "an unknown entity (not sure)": sst("<si><t>ok</t></si><si><t>&nbsp;</t></si>"),
    "text too long (refused)": sst(`<si><t>ok</t></si><si><t>${"я".repeat(32_768)}</t></si>`),
    "text at Excel's limit": sst(`<si><t>ok</t></si><si><t>${"я".repeat(32_767)}</t></si>`),
    "plain text and runs in one string (not sure)": sst("<si><t>ok</t></si><si><t>a</t><r><t>b</t></r></si>"),
    "an unterminated string": sst("<si><t>ok</t></si><si><t>открыто", undefined, ""),
  };
  test.each(Object.entries(cases))("%s", (_, xml) => {
    const { lane, events } = both(xml);
    expect(lane).toEqual(events);
  });

  test("the lane takes the plain strings; with plainStrings: false the scanner reads them all", () => {
    // The lane decodes its strings through the module's normalizeText; the scanner calls its own copy directly.
    const decoded = jest.spyOn(xml, "normalizeText");
    const part = sst('<si><t>раз</t></si><si><t xml:space="preserve"> два </t></si><si><t>A &amp; B_x000A_</t></si>');
    expect(parseSharedStrings(part)).toEqual(["раз", " два ", "A & B\n"]);
    expect(decoded).toHaveBeenCalledTimes(3);
    decoded.mockClear();
    expect(parseSharedStrings(part, { plainStrings: false })).toEqual(["раз", " два ", "A & B\n"]);
    expect(decoded).not.toHaveBeenCalled();
    decoded.mockRestore();
  });
});
