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

test("the usual references (up to five decimal digits, below the surrogates) next to each other, to text and to named ones", () => {
  expect(textOf("&#1048;&#1074;&#1072;&#1085; &#1048;.")).toBe("Иван И.");
  expect(textOf("a&#55295;&#65;")).toBe("a\uD7FFA");
  expect(textOf("&amp;&#1048;&lt;&#62;x")).toBe("&И<>x");
  expect(textOf("&#00001048;&#065;&#65535;")).toBe("ИA\uFFFF");
  for (const bad of ["&#57343;", "&#12a;", "&#1048&#1049;"]) expect(() => textOf(bad)).toThrow(NotSure);
});

test("texts of every length, short and long, one after another, give the characters referenced", () => {
  const letters = "Архивная справка о стаже работы в учреждениях района, выданная по запросу гражданина ".repeat(30);
  // Lengths around the switch from String.fromCharCode to the decoder, repeated (views of the buffer are reused by
  // length), a long one that grows the buffer, then short ones again.
  for (const length of [1, 15, 16, 17, 40, 16, 2000, 17, 3, 2000, 1]) {
    const text = letters.slice(0, length);
    expect(textOf([...text].map((character) => `&#${character.codePointAt(0)};`).join(""))).toBe(text);
  }
});
