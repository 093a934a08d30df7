/** Excel.RangeFormat and what hangs off it as the host applies it: font, fill, borders, alignment, widths and heights. */
import { type Box, boxColumns, boxRows, intersect, isWholeColumns, isWholeRows } from "./address";
import { SimCollection, SimObject, defineProps } from "./base";
import { type Transaction } from "./context";
import { ErrorCodes, officeError } from "./errors";
import { type BorderSpec, type CellStyle } from "./model";
import { type RangeRef } from "./range";
import { columnWidthChars, columnWidthPoints, lineHeightPoints, wrappedLineCount } from "../excel-facts/excel-geometry";


export function uniform<V>(values: V[]): V | null {
  return values.length > 0 && values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? values[0] : null;
}

function styleValue(ref: RangeRef, pick: (style: CellStyle) => unknown): unknown {
  const styles = ref.sheet.workbook.styles;
  const ids = ref.sheet.distinctStyleIds(ref.box, 64);
  return uniform(ids.map((id) => pick(styles.get(id))));
}

function patchStyle(ref: RangeRef, key: string, patch: (style: CellStyle) => CellStyle, tx: Transaction): void {
  tx.wrote = true;
  ref.sheet.patchStyle(ref.box, key, patch);
}

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export function oneOf(value: unknown, allowed: string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw officeError(ErrorCodes.invalidArgument, `${what} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}.`);
  return value;
}

/** "#RRGGBB", or a few HTML names as Excel accepts them. */
export function normalizeColor(value: unknown): string {
  const named: Record<string, string> = { black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00", orange: "#FFA500", gray: "#808080", grey: "#808080" };
  if (typeof value !== "string") throw officeError(ErrorCodes.invalidArgument, `A colour must be a string like "#RRGGBB"; got ${JSON.stringify(value)}.`);
  const lower = value.toLowerCase();
  if (named[lower]) return named[lower];
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(value)) return `#${value.slice(1).split("").map((ch) => ch + ch).join("")}`.toUpperCase();
  throw officeError(ErrorCodes.invalidArgument, `«${value}» is not a colour.`);
}

// ---- format ------------------------------------------------------------------------------------------------------

export class SimRangeFormat extends SimObject<RangeRef> implements Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment"> {
  readonly _className = "RangeFormat";
  declare columnWidth: number;
  declare rowHeight: number;
  declare wrapText: boolean;
  declare horizontalAlignment: Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed";
  declare verticalAlignment: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed";
  static props: import("./base").PropTable<RangeRef>;

  override _navigation() {
    return { font: () => this.font, fill: () => this.fill, borders: () => this.borders };
  }

  get font(): SimRangeFont {
    return this._child("font", () => new SimRangeFont(this._ctx, () => this._target()));
  }

  get fill(): SimRangeFill {
    return this._child("fill", () => new SimRangeFill(this._ctx, () => this._target()));
  }

  get borders(): SimRangeBorderCollection {
    return this._child("borders", () => new SimRangeBorderCollection(this._ctx, () => this._target()));
  }

  autofitColumns(): void {
    this._queue("autofitColumns", "1.2", () => {
      const { sheet, box } = this._target();
      const used = sheet.usedBox(true);
      if (!used) return;
      const area = intersect(used, box);
      if (!area) return;
      for (let c = area.c0; c <= area.c1; c++) {
        let chars = 0;
        for (let r = area.r0; r <= area.r1; r++) {
          if (sheet.mergeAt(r, c)) continue;
          const text = sheet.textAt(r, c);
          if (!text) continue;
          const size = sheet.styleAt(r, c).fontSize;
          const longest = Math.max(...text.split("\n").map((line) => line.length));
          chars = Math.max(chars, (longest * size) / 11);
        }
        if (chars > 0) sheet.columnWidths.set(c, Math.min(columnWidthPoints(255), columnWidthPoints(chars + 0.7)));
      }
    });
  }

  autofitRows(): void {
    this._queue("autofitRows", "1.2", () => {
      const { sheet, box } = this._target();
      const used = sheet.usedBox(true);
      const area = used && intersect(used, box);
      if (!area) return;
      for (let r = area.r0; r <= area.r1; r++) {
        let height = 0;
        for (let c = area.c0; c <= area.c1; c++) {
          const merged = sheet.mergeAt(r, c);
          // Excel ignores merged cells when fitting rows.
          if (merged && (merged.r0 !== merged.r1 || merged.c0 !== merged.c1)) continue;
          const text = sheet.textAt(r, c);
          const style = sheet.styleAt(r, c);
          const lines = !text ? 1 : style.wrap ? wrappedLineCount(text, columnWidthChars(sheet.columnWidth(c + 1)), style.fontSize) : text.split("\n").length;
          const needed = lines > 1 ? lines * lineHeightPoints(style.fontSize) + 3 : Math.max(lineHeightPoints(style.fontSize), 15);
          height = Math.max(height, needed);
        }
        sheet.rowHeights.set(r, Math.min(409, Math.ceil(Math.max(height, 15) * 4) / 4));
      }
    });
  }
}

defineProps<RangeRef>(SimRangeFormat, {
  columnWidth: {
    min: "1.2",
    get: (ref) => uniform(Array.from({ length: Math.min(boxColumns(ref.box), 256) }, (_, i) => ref.sheet.columnWidth(ref.box.c0 + i + 1))),
    set: (ref, value) => {
      if (typeof value !== "number" || value < 0 || value > 1800) throw officeError(ErrorCodes.invalidArgument, `Column width ${value} is out of range.`);
      if (isWholeRows(ref.box)) {
        ref.sheet.standardColumnWidth = value;
        ref.sheet.columnWidths.clear();
        return;
      }
      for (let c = ref.box.c0; c <= ref.box.c1; c++) ref.sheet.columnWidths.set(c, value);
    },
  },
  rowHeight: {
    min: "1.2",
    get: (ref) => uniform(Array.from({ length: Math.min(boxRows(ref.box), 10_000) }, (_, i) => ref.sheet.rowHeight(ref.box.r0 + i + 1))),
    set: (ref, value) => {
      if (typeof value !== "number" || value < 0 || value > 409) throw officeError(ErrorCodes.invalidArgument, `Row height ${value} is out of range (0–409 points).`);
      if (isWholeColumns(ref.box)) {
        ref.sheet.standardRowHeight = value;
        ref.sheet.rowHeights.clear();
        return;
      }
      for (let r = ref.box.r0; r <= ref.box.r1; r++) ref.sheet.rowHeights.set(r, value);
    },
  },
  wrapText: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.wrap),
    set: (ref, value, tx) => patchStyle(ref, `wrap:${value}`, (s) => ({ ...s, wrap: Boolean(value) }), tx),
  },
  horizontalAlignment: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.horizontal),
    set: (ref, value, tx) => patchStyle(ref, `h:${oneOf(value, HORIZONTAL, "horizontalAlignment")}`, (s) => ({ ...s, horizontal: value }), tx),
  },
  verticalAlignment: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.vertical),
    set: (ref, value, tx) => patchStyle(ref, `v:${oneOf(value, VERTICAL, "verticalAlignment")}`, (s) => ({ ...s, vertical: value }), tx),
  },
});

export class SimRangeFont extends SimObject<RangeRef> implements Pick<Excel.RangeFont, "bold" | "italic" | "name" | "size" | "color" | "underline"> {
  readonly _className = "RangeFont";
  declare bold: boolean;
  declare italic: boolean;
  declare name: string;
  declare size: number;
  declare color: string;
  declare underline: Excel.RangeUnderlineStyle | "None" | "Single" | "Double" | "SingleAccountant" | "DoubleAccountant";
  static props: import("./base").PropTable<RangeRef>;
}

defineProps<RangeRef>(SimRangeFont, {
  bold: { min: "1.1", get: (ref) => styleValue(ref, (s) => s.bold), set: (ref, v, tx) => patchStyle(ref, `b:${v}`, (s) => ({ ...s, bold: Boolean(v) }), tx) },
  italic: { min: "1.1", get: (ref) => styleValue(ref, (s) => s.italic), set: (ref, v, tx) => patchStyle(ref, `i:${v}`, (s) => ({ ...s, italic: Boolean(v) }), tx) },
  name: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.fontName),
    set: (ref, v, tx) => {
      if (typeof v !== "string" || !v) throw officeError(ErrorCodes.invalidArgument, "A font name must be a non-empty string.");
      patchStyle(ref, `fn:${v}`, (s) => ({ ...s, fontName: v }), tx);
    },
  },
  size: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.fontSize),
    set: (ref, v, tx) => {
      if (typeof v !== "number" || v < 1 || v > 409) throw officeError(ErrorCodes.invalidArgument, `Font size ${v} is out of range (1–409).`);
      patchStyle(ref, `fs:${v}`, (s) => ({ ...s, fontSize: v }), tx);
    },
  },
  color: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.fontColor),
    set: (ref, v, tx) => {
      const color = normalizeColor(v);
      patchStyle(ref, `fc:${color}`, (s) => ({ ...s, fontColor: color }), tx);
    },
  },
  underline: {
    min: "1.1",
    get: (ref) => styleValue(ref, (s) => s.underline),
    set: (ref, v, tx) => patchStyle(ref, `u:${oneOf(v, ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"], "underline")}`, (s) => ({ ...s, underline: v }), tx),
  },
});

export class SimRangeFill extends SimObject<RangeRef> implements Pick<Excel.RangeFill, "color"> {
  readonly _className = "RangeFill";
  declare color: string;
  static props: import("./base").PropTable<RangeRef>;

  clear(): void {
    this._queue("clear", "1.1", (tx) => patchStyle(this._target(), "fill:none", (s) => ({ ...s, fill: null }), tx));
  }
}

defineProps<RangeRef>(SimRangeFill, {
  color: {
    min: "1.1",
    // Excel reports no fill as white.
    get: (ref) => styleValue(ref, (s) => s.fill ?? "#FFFFFF"),
    set: (ref, v, tx) => {
      const color = normalizeColor(v);
      patchStyle(ref, `fill:${color}`, (s) => ({ ...s, fill: color }), tx);
    },
  },
});

type Side = "top" | "bottom" | "left" | "right";
interface BorderRef extends RangeRef {
  index: string;
}

/** Which cells and which of their sides an Excel border index stands for. */
function borderTargets(ref: BorderRef): { box: Box; side: Side }[] {
  const { box } = ref;
  switch (ref.index) {
    case "EdgeTop":
      return [{ box: { ...box, r1: box.r0 }, side: "top" }];
    case "EdgeBottom":
      return [{ box: { ...box, r0: box.r1 }, side: "bottom" }];
    case "EdgeLeft":
      return [{ box: { ...box, c1: box.c0 }, side: "left" }];
    case "EdgeRight":
      return [{ box: { ...box, c0: box.c1 }, side: "right" }];
    case "InsideHorizontal":
      return box.r0 === box.r1 ? [] : [{ box: { ...box, r1: box.r1 - 1 }, side: "bottom" }, { box: { ...box, r0: box.r0 + 1 }, side: "top" }];
    case "InsideVertical":
      return box.c0 === box.c1 ? [] : [{ box: { ...box, c1: box.c1 - 1 }, side: "right" }, { box: { ...box, c0: box.c0 + 1 }, side: "left" }];
    default:
      return [];
  }
}

const NO_BORDER: BorderSpec = { style: "None", weight: "Thin", color: "#000000" };

function borderValue(ref: BorderRef, pick: (spec: BorderSpec) => unknown): unknown {
  const targets = borderTargets(ref);
  if (targets.length === 0) return pick(NO_BORDER);
  const values = targets.flatMap(({ box, side }) => ref.sheet.distinctStyleIds(box, 64).map((id) => pick(ref.sheet.workbook.styles.get(id)[side] ?? NO_BORDER)));
  return uniform(values);
}

function setBorder(ref: BorderRef, field: keyof BorderSpec, value: string, tx: Transaction): void {
  for (const { box, side } of borderTargets(ref)) {
    patchStyle({ sheet: ref.sheet, box }, `border:${side}:${field}:${value}`, (s) => {
      const current = s[side] ?? { style: "Continuous", weight: "Thin", color: "#000000" };
      const next = { ...current, [field]: value };
      if (field === "style" && value === "None") return { ...s, [side]: undefined };
      return { ...s, [side]: next };
    }, tx);
  }
}

export class SimRangeBorder extends SimObject<BorderRef> implements Pick<Excel.RangeBorder, "sideIndex" | "style" | "weight" | "color"> {
  readonly _className = "RangeBorder";
  declare readonly sideIndex: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";
  declare style: Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot";
  declare weight: Excel.BorderWeight | "Hairline" | "Thin" | "Medium" | "Thick";
  declare color: string;
  static props: import("./base").PropTable<BorderRef>;
}

defineProps<BorderRef>(SimRangeBorder, {
  sideIndex: { min: "1.1", get: (ref) => ref.index },
  style: { min: "1.1", get: (ref) => borderValue(ref, (b) => b.style), set: (ref, v, tx) => setBorder(ref, "style", oneOf(v, BORDER_STYLES, "style"), tx) },
  weight: { min: "1.1", get: (ref) => borderValue(ref, (b) => b.weight), set: (ref, v, tx) => setBorder(ref, "weight", oneOf(v, BORDER_WEIGHTS, "weight"), tx) },
  color: { min: "1.1", get: (ref) => borderValue(ref, (b) => b.color), set: (ref, v, tx) => setBorder(ref, "color", normalizeColor(v), tx) },
});

export class SimRangeBorderCollection extends SimCollection<RangeRef, SimRangeBorder, BorderRef> {
  readonly _className = "RangeBorderCollection";
  static props: import("./base").PropTable<RangeRef>;
  declare readonly count: number;

  getItem(index: Excel.BorderIndex | string): SimRangeBorder {
    return this._child(`item:${index}`, () =>
      new SimRangeBorder(this._ctx, () => ({ ...this._target(), index: oneOf(index, BORDER_INDEXES, "BorderIndex") })),
    );
  }

  /** @internal */ _members(target: RangeRef): BorderRef[] {
    return BORDER_INDEXES.slice(0, 6).map((index) => ({ ...target, index }));
  }

  /** @internal */ _itemProxy(member: BorderRef): SimRangeBorder {
    return new SimRangeBorder(this._ctx, () => member);
  }
}

defineProps<RangeRef>(SimRangeBorderCollection, { count: { min: "1.1", get: () => 6 } });
