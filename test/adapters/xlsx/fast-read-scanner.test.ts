/** The lean reader's XML scanner on the tag shapes its fast paths must still read as an XML parser does. */
import { NotSure, scanXml, type Attributes } from "../../../src/adapters/xlsx/fast-read-xml";

function scan(xml: string): { name: string; attributes: Attributes }[] {
  const opened: { name: string; attributes: Attributes }[] = [];
  scanXml(xml, { open: (name, attributes) => void opened.push({ name, attributes }) });
  return opened;
}

describe("scanXml tags", () => {
  it("keeps a '>' inside a quoted attribute value, in either quotes, the other quote inside", () => {
    expect(scan(`<a x="1>2" y='3>"4'/>`)).toEqual([{ name: "a", attributes: { x: "1>2", y: '3>"4' } }]);
    expect(scan(`<a x='it"s>'><b/></a>`).map((e) => e.name)).toEqual(["a", "b"]);
  });

  it("ends a name at a tab, a line break or a space", () => {
    for (const space of [" ", "\t", "\n", "\r\n"]) expect(scan(`<c${space}r="A1"/>`)).toEqual([{ name: "c", attributes: { r: "A1" } }]);
    expect(scan("<c/>")).toEqual([{ name: "c", attributes: {} }]);
  });

  it("is not sure of an attribute left unquoted to the end", () => {
    expect(() => scan(`<a x="1>`)).toThrow(NotSure);
  });

  it("decodes short and long texts alike, surrogate pairs kept", () => {
    const texts: string[] = [];
    const long = "&#1048;".repeat(3000);
    scanXml(`<t>&#1048;&#x1F600;&amp;</t>`, { open: () => undefined, text: (text) => void texts.push(text) });
    scanXml(`<t>${long}</t>`, { open: () => undefined, text: (text) => void texts.push(text) });
    expect(texts).toEqual(["И😀&", "И".repeat(3000)]);
  });
});

describe("character references decoded into text", () => {
  test("texts of every length, short and long, one after another, give the characters referenced", () => {
    const letters = "Архивная справка о стаже работы в учреждениях района, выданная по запросу гражданина ".repeat(30);
    // Lengths around the switch from String.fromCharCode to the decoder, repeated (views of the buffer are reused by
    // length), a long one that grows the buffer, then short ones again.
    for (const length of [1, 15, 16, 17, 40, 16, 2000, 17, 3, 2000, 1]) {
      const text = letters.slice(0, length);
      const written = [...text].map((character) => `&#${character.codePointAt(0)};`).join("");
      const seen: string[] = [];
      scanXml(`<t>${written}</t>`, { open: () => undefined, text: (value) => void seen.push(value) });
      expect(seen.join("")).toBe(text);
    }
  });
});

describe("character references, the usual ones and the rest", () => {
  const decoded = (written: string): string | "not sure" => {
    const seen: string[] = [];
    try {
      scanXml(`<t>${written}</t>`, { open: () => undefined, text: (value) => void seen.push(value) });
    } catch (error) {
      if (error instanceof NotSure) return "not sure";
      throw error;
    }
    return seen.join("");
  };

  test("decimal references below the surrogates, next to each other, to text and to named ones", () => {
    expect(decoded("&#1048;&#1074;&#1072;&#1085; &#1048;.")).toBe("Иван И.");
    expect(decoded("a&#0;b&#55295;&#65;")).toBe("a\u0000b\uD7FFA");
    expect(decoded("&amp;&#1048;&lt;&#62;x")).toBe("&И<>x");
    expect(decoded("&#00001048;&#065;")).toBe("ИA");
  });

  test("the others as before: surrogates refused, astral characters as pairs, hexadecimal, malformed and bare ones", () => {
    expect(decoded("&#55296;")).toBe("not sure");
    expect(decoded("&#57343;")).toBe("not sure");
    expect(decoded("&#65535;&#128512;&#x1F600;&#x41;")).toBe("\uFFFF😀😀A");
    expect(decoded("&#;")).toBe("not sure");
    expect(decoded("&#12a;")).toBe("not sure");
    expect(decoded("&#1048")).toBe("not sure");
    expect(decoded("&#1048&#1049;")).toBe("not sure");
    expect(decoded("&#1114112;")).toBe("not sure");
  });
});
