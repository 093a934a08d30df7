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
