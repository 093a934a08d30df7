/**
 * What a published register may carry: no field a spreadsheet would run (OWASP's CSV-injection guidance), no control
 * characters, and HTML escaped — while IDs and ordinary hyphenated text stay as they are.
 */
import { csvField, escapeHtml, registerToHtml, startsLikeFormula } from "../../src/core/publish";
import { withoutControlCharacters } from "../../src/core/control-characters";
import { buildCatalog } from "../../src/core/catalog";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

describe("CSV fields are safe to open in a spreadsheet", () => {
  test.each([
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ["+1+1", `"'+1+1"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ["@SUM(1+1)*cmd|' /C calc'!A0", `"'@SUM(1+1)*cmd|' /C calc'!A0"`],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", `"'\r\n=1+1"`],
    [" =1+1", `"' =1+1"`],
    ["=HYPERLINK(\"http://x\";\"y\")", `"'=HYPERLINK(""http://x"";""y"")"`],
    ["- cmd|' /C calc'!A0", `"'- cmd|' /C calc'!A0"`],
    ["-A1", `"'-A1"`],
    ["- пункт (см. выше)", `"'- пункт (см. выше)"`],
  ])("%j is defused as %j", (value, expected) => {
    expect(startsLikeFormula(value.replace(/\r(?!\n)/g, "\r\n"))).toBe(true);
    expect(csvField(value)).toBe(expected);
  });

  test.each([
    ["АС-1.3-01", "АС-1.3-01"],
    ["017-1.1-01", "017-1.1-01"],
    ["Прием-передача документов", "Прием-передача документов"],
    ["- пункт первый", "- пункт первый"],
    ["- первый\n- второй", `"- первый\r\n- второй"`],
    ["-5", "-5"],
    ["-1,5", "-1,5"],
    ["e-mail: a@b.ru", "e-mail: a@b.ru"],
    ["", ""],
  ])("%j stays readable as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test("a leading space is not trimmed before the check", () => {
    expect(csvField(" =1+1")).toBe(`"' =1+1"`);
    expect(csvField("  +7 (999) 123-45-67")).toBe(`"'  +7 (999) 123-45-67"`);
  });
});

describe("control characters: nothing in every file we write", () => {
  const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join("") + "\u007F\uFFFE\uFFFF";

  test("only tab and line breaks are kept", () => {
    expect(withoutControlCharacters(`а${controls}б`)).toBe("а\t\n\rб");
  });

  test("CSV and HTML carry no control characters", () => {
    expect(csvField(`x\u0000y\u0001z`)).toBe("xyz");
    const html = registerToHtml({
      rows: [["АС-1\u0000", "<script>alert(1)</script>\u0007", "a & b", `"'`]],
      catalog: buildCatalog(DEFAULT_SETTINGS),
      order: { agencyGenitive: "органа\u0001", orderNumber: "1", orderDate: "01.02.2026", appendixNumber: "1" },
    });
    // eslint-disable-next-line no-control-regex -- what must not be there
    expect(html).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("a &amp; b");
    expect(html).toContain("&quot;&#39;");
    expect(escapeHtml("\u0000<")).toBe("&lt;");
  });
});
