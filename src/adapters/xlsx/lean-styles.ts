/**
 * The stylesheet of a workbook the lean writer makes, or the entries it adds to a user's stylesheet: fonts, fills,
 * borders, number formats, cell and differential formats, each once.
 */
import type { CellStyle, ConditionalFormatSpec } from "../../core/layout/types";
import { dxfXml } from "./lean-rules";
import { argb, escapeXml, MAIN_NS, XML_HEAD } from "./lean-xml";

/** Excel's built-in number formats the layouts use; others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

const THIN_BORDER =
  '<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>' +
  '<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>';

/**
 * Where a style table's own entries start in the stylesheet it is written into. A new workbook: right after the reserved
 * defaults (font 0; fills 0 and 1; border 0; cell format 0). A user's workbook: after its own entries, which keep their
 * indexes, so its sheets look as they did (`layout-in-place.ts`).
 */
export interface StyleOffsets {
  fonts: number;
  fills: number;
  borders: number;
  xfs: number;
  dxfs: number;
  /** The first custom number format id free to use (164 in a new workbook). */
  numFmtId: number;
  /**
   * Entries the stylesheet already has, by their XML (number formats by code): reused rather than added again, so
   * writing into a workbook we wrote before does not grow its stylesheet.
   */
  existing?: { fonts: Map<string, number>; fills: Map<string, number>; borders: Map<string, number>; xfs: Map<string, number>; dxfs: Map<string, number>; numFmts: Map<string, number> };
}

const NEW_WORKBOOK_OFFSETS: StyleOffsets = { fonts: 1, fills: 2, borders: 1, xfs: 1, dxfs: 0, numFmtId: 164 };
/** Entries of each list that stand for the stylesheet's own defaults, not written again into a user's stylesheet. */
const RESERVED = { fonts: 1, fills: 2, borders: 1, xfs: 1 } as const;

/** The entries a style table adds to a stylesheet, each list's XML elements in index order. */
export interface StyleAdditions {
  numFmts: string[];
  fonts: string[];
  fills: string[];
  borders: string[];
  xfs: string[];
  dxfs: string[];
}

/** Fonts, fills, borders, number formats and cell formats, each written once. */
export class StyleTable {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly customFormats = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>([[this.xfs[0], 0]]);
  private readonly dxfs: string[] = [];

  constructor(private readonly offsets: StyleOffsets = NEW_WORKBOOK_OFFSETS) {
    // A new workbook always lists the thin border (index 1); a user's stylesheet gets it only when it is used and new.
    if (offsets === NEW_WORKBOOK_OFFSETS) this.borders.push(THIN_BORDER);
  }

  /** The index of `xml` in `list` (added when new), as the stylesheet numbers it: reserved entries, then the offset. */
  private indexIn(list: string[], xml: string, reserved: number, offset: number, existing?: Map<string, number>): number {
    const known = existing?.get(xml);
    if (known !== undefined) return known;
    // In a user's stylesheet the reserved entries are its own, whatever they look like: never matched by content.
    let found = list.indexOf(xml, this.offsets === NEW_WORKBOOK_OFFSETS ? 0 : reserved);
    if (found < 0) {
      list.push(xml);
      found = list.length - 1;
    }
    return found < reserved ? found : offset + found - reserved;
  }

  private numberFormatId(format: string): number {
    const builtin = BUILTIN_FORMATS[format];
    if (builtin !== undefined) return builtin;
    let id = this.customFormats.get(format) ?? this.offsets.existing?.numFmts.get(format);
    if (id === undefined) this.customFormats.set(format, (id = this.offsets.numFmtId + this.customFormats.size));
    return id;
  }

  /** The differential format index of a conditional format. */
  dxf(spec: ConditionalFormatSpec): number {
    return this.indexIn(this.dxfs, dxfXml(spec), 0, this.offsets.dxfs, this.offsets.existing?.dxfs);
  }

  /** The cell format index for `style` with number format `numFmt`. */
  xf(style: CellStyle | undefined, numFmt: string): number {
    const numFmtId = this.numberFormatId(numFmt);
    let fontId = 0;
    let fillId = 0;
    let borderId = 0;
    let alignment = "";
    if (style) {
      if (style.bold || style.italic || style.fontName || style.fontSize || style.fontColor) {
        const name = style.fontName ?? "Calibri";
        fontId = this.indexIn(
          this.fonts,
          "<font>" +
            (style.bold ? "<b/>" : "") +
            (style.italic ? "<i/>" : "") +
            `<sz val="${style.fontSize ?? 11}"/>` +
            (style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : "") +
            `<name val="${escapeXml(name)}"/>` +
            (name === "Calibri" ? '<family val="2"/>' : "") +
            "</font>",
          RESERVED.fonts,
          this.offsets.fonts,
          this.offsets.existing?.fonts,
        );
      }
      if (style.fill) {
        fillId = this.indexIn(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
          RESERVED.fills,
          this.offsets.fills,
          this.offsets.existing?.fills,
        );
      }
      if (style.border) borderId = this.indexIn(this.borders, THIN_BORDER, RESERVED.borders, this.offsets.borders, this.offsets.existing?.borders);
      if (style.wrap || style.horizontal || style.vertical) {
        alignment =
          "<alignment" +
          (style.horizontal ? ` horizontal="${style.horizontal}"` : "") +
          (style.vertical ? ` vertical="${style.vertical}"` : "") +
          (style.wrap ? ' wrapText="1"' : "") +
          "/>";
      }
    }
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ` applyAlignment="1">${alignment}</xf>` : "/>");
    const known = this.offsets.existing?.xfs.get(xml);
    if (known !== undefined) return known;
    let index = this.xfIndex.get(xml);
    if (index === undefined) {
      this.xfs.push(xml);
      this.xfIndex.set(xml, (index = this.xfs.length - 1));
    }
    return index < RESERVED.xfs ? index : this.offsets.xfs + index - RESERVED.xfs;
  }

  /** What this table adds past the reserved defaults, for a stylesheet that already has its own entries. */
  additions(): StyleAdditions {
    return {
      numFmts: [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`),
      fonts: this.fonts.slice(RESERVED.fonts),
      fills: this.fills.slice(RESERVED.fills),
      borders: this.borders.slice(RESERVED.borders),
      xfs: this.xfs.slice(RESERVED.xfs),
      dxfs: [...this.dxfs],
    };
  }

  xml(): string {
    const formats = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_HEAD +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}
