/** The lean reader's entity decoding, as an XML parser decodes it (openpyxl writes every Cyrillic letter as &#N;). */
import { NotSure, Refusal, scanXml } from "../../../src/adapters/xlsx/fast-read-xml";

function textOf(xml: string): string {
  let text = "";
  scanXml(`<t>${xml}</t>`, { open: () => undefined, text: (t) => void (text += t) });
  return text;
}

test("character references (decimal, hex, astral), the five named entities, a leading U+FEFF kept", () => {
  expect(textOf("&#1048;&#1044;-001")).toBe("ИД-001");
  expect(textOf("&#x418;&#x414;")).toBe("ИД");
  expect(textOf("&#128512; &lt;&gt;&amp;&quot;&apos;")).toBe("😀 <>&\"'");
  expect(textOf("&#65279;начало")).toBe("\uFEFFначало");
  expect(textOf("без ссылок")).toBe("без ссылок");
  expect(textOf("a&#0;b")).toBe("a\u0000b");
});

test("what an XML parser would refuse is left to ExcelJS (NotSure)", () => {
  for (const bad of ["a & b", "&#X418;", "&#;", "&#xZZ;", "&#55296;", "&#1114112;", "&#1048"]) {
    expect(() => textOf(bad)).toThrow(NotSure);
  }
});

test("a named entity other than the five is refused: without a DTD (refused too) it is not well-formed XML", () => {
  expect(() => textOf("&nbsp;")).toThrow(Refusal);
});
