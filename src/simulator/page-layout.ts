/** A worksheet's page layout (`worksheet.pageLayout`): paper, margins, print area and titles, headers and footers. */
import { MAX_ROWS, formatBox, parseBox } from "./address";
import { SimObject, defineProps, type PropTable } from "./base";
import { ErrorCodes, officeError } from "./errors";
import type { HeadersFooters, SimSheet } from "./model";
import { SimRange } from "./range";
import { resolveAddress } from "./worksheet-address";

const PAPER_TYPES = ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14", "Csheet", "Dsheet", "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65", "EnvelopeB4", "EnvelopeB5", "EnvelopeB6", "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS", "FanfoldStdGerman", "FanfoldLegalGerman"];
const MARGIN_UNITS: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

function rowsReference(sheet: SimSheet, value: SimRange | string, whole: "rows" | "columns", location: string): string {
  const box = typeof value === "string" ? resolveAddress(sheet, value, location) : value._target().box;
  if (whole === "rows") return `$${box.r0 + 1}:$${box.r1 + 1}`;
  return formatBox({ r0: 0, r1: MAX_ROWS - 1, c0: box.c0, c1: box.c1 }, true);
}

export class SimPageLayout extends SimObject<SimSheet> implements Pick<Excel.PageLayout, "orientation" | "paperSize" | "zoom" | "leftMargin" | "rightMargin" | "topMargin" | "bottomMargin" | "headerMargin" | "footerMargin" | "centerHorizontally" | "centerVertically" | "printGridlines" | "printHeadings" | "blackAndWhite" | "draftMode" | "printComments" | "printErrors" | "printOrder"> {
  readonly _className = "PageLayout";
  declare orientation: Excel.PageOrientation | "Portrait" | "Landscape";
  declare paperSize: Excel.PaperType | "A3" | "A4" | "Letter" | any;
  declare zoom: Excel.PageLayoutZoomOptions;
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare blackAndWhite: boolean;
  declare draftMode: boolean;
  declare firstPageNumber: number | "";
  declare printComments: Excel.PrintComments | "NoComments" | "EndSheet" | "InPlace";
  declare printErrors: Excel.PrintErrorType | "AsDisplayed" | "Blank" | "Dash" | "NotAvailable";
  declare printOrder: Excel.PrintOrder | "DownThenOver" | "OverThenDown";
  static props: PropTable<SimSheet>;

  override _navigation() {
    return { headersFooters: () => this.headersFooters };
  }

  get headersFooters(): SimHeaderFooterGroup {
    return this._child("headersFooters", () => new SimHeaderFooterGroup(this._ctx, () => this._target()));
  }

  setPrintArea(printArea: SimRange | string): void {
    this._checkContext(printArea, "PageLayout.setPrintArea");
    this._queue("setPrintArea", "1.9", () => {
      const sheet = this._target();
      const parts = typeof printArea === "string" ? printArea.split(",") : [printArea];
      sheet.pageLayout.printArea = parts
        .map((part) => formatBox(typeof part === "string" ? resolveAddress(sheet, part.trim(), "PageLayout.setPrintArea") : part._target().box, true))
        .join(",");
    });
  }

  setPrintTitleRows(printTitleRows: SimRange | string): void {
    this._checkContext(printTitleRows, "PageLayout.setPrintTitleRows");
    this._queue("setPrintTitleRows", "1.9", () => {
      const sheet = this._target();
      sheet.pageLayout.printTitleRows = rowsReference(sheet, printTitleRows, "rows", "PageLayout.setPrintTitleRows");
    });
  }

  setPrintTitleColumns(printTitleColumns: SimRange | string): void {
    this._checkContext(printTitleColumns, "PageLayout.setPrintTitleColumns");
    this._queue("setPrintTitleColumns", "1.9", () => {
      const sheet = this._target();
      sheet.pageLayout.printTitleColumns = rowsReference(sheet, printTitleColumns, "columns", "PageLayout.setPrintTitleColumns");
    });
  }

  setPrintMargins(unit: Excel.PrintMarginUnit | "Points" | "Inches" | "Centimeters", marginOptions: Excel.PageLayoutMarginOptions): void {
    this._queue("setPrintMargins", "1.9", () => {
      const factor = MARGIN_UNITS[unit as string];
      if (!factor) throw officeError(ErrorCodes.invalidArgument, `Unknown margin unit ${unit}.`);
      const margins = this._target().pageLayout.margins;
      for (const key of ["top", "bottom", "left", "right", "header", "footer"] as const) {
        const value = marginOptions[key];
        if (value === undefined) continue;
        if (typeof value !== "number" || value < 0) throw officeError(ErrorCodes.invalidArgument, `Margin ${key} must be a non-negative number.`);
        margins[key] = Math.round(value * factor * 1000) / 1000;
      }
    });
  }

  private optionalRange(location: string, read: (sheet: SimSheet) => string | null): SimRange {
    const range = new SimRange(this._ctx, () => {
      const sheet = this._target();
      const reference = read(sheet);
      const box = reference ? parseBox(reference.split(",")[0]) : null;
      return box ? { sheet, box } : null;
    }, true);
    range._instantiate(location, "1.9");
    return range;
  }

  getPrintAreaOrNullObject(): SimRange {
    return this.optionalRange("getPrintAreaOrNullObject", (s) => s.pageLayout.printArea);
  }

  getPrintTitleRowsOrNullObject(): SimRange {
    return this.optionalRange("getPrintTitleRowsOrNullObject", (s) => s.pageLayout.printTitleRows);
  }

  getPrintTitleColumnsOrNullObject(): SimRange {
    return this.optionalRange("getPrintTitleColumnsOrNullObject", (s) => s.pageLayout.printTitleColumns);
  }
}

function marginProp(key: "top" | "bottom" | "left" | "right" | "header" | "footer") {
  return {
    min: "1.9",
    get: (s: SimSheet) => s.pageLayout.margins[key],
    set: (s: SimSheet, value: unknown) => {
      if (typeof value !== "number" || value < 0) throw officeError(ErrorCodes.invalidArgument, `Margin ${key} must be a non-negative number of points.`);
      s.pageLayout.margins[key] = value;
    },
  };
}

function flagProp(key: "centerHorizontally" | "centerVertically" | "printGridlines" | "printHeadings" | "blackAndWhite" | "draftMode") {
  return { min: "1.9", get: (s: SimSheet) => s.pageLayout[key], set: (s: SimSheet, value: unknown) => (s.pageLayout[key] = Boolean(value)) };
}

function choiceProp(key: "printComments" | "printErrors" | "printOrder", allowed: string[]) {
  return {
    min: "1.9",
    get: (s: SimSheet) => s.pageLayout[key],
    set: (s: SimSheet, value: unknown) => {
      if (typeof value !== "string" || !allowed.includes(value)) throw officeError(ErrorCodes.invalidArgument, `${key} must be one of ${allowed.join(", ")}.`);
      s.pageLayout[key] = value;
    },
  };
}

defineProps<SimSheet>(SimPageLayout, {
  orientation: {
    min: "1.9",
    get: (s) => s.pageLayout.orientation,
    set: (s, value) => {
      if (value !== "Portrait" && value !== "Landscape") throw officeError(ErrorCodes.invalidArgument, `orientation must be Portrait or Landscape; got ${JSON.stringify(value)}.`);
      s.pageLayout.orientation = value;
    },
  },
  paperSize: {
    min: "1.9",
    get: (s) => s.pageLayout.paperSize,
    set: (s, value) => {
      if (!PAPER_TYPES.includes(value)) throw officeError(ErrorCodes.invalidArgument, `Unknown paper size ${JSON.stringify(value)}.`);
      s.pageLayout.paperSize = value;
    },
  },
  zoom: {
    min: "1.9",
    get: (s) => ({ ...s.pageLayout.zoom }),
    set: (s, value: Excel.PageLayoutZoomOptions) => {
      if (!value || typeof value !== "object") throw officeError(ErrorCodes.invalidArgument, "zoom must be an object.");
      const { scale, horizontalFitToPages, verticalFitToPages } = value;
      if (scale !== undefined && (typeof scale !== "number" || scale < 10 || scale > 400)) throw officeError(ErrorCodes.invalidArgument, "zoom.scale must be 10–400.");
      for (const pages of [horizontalFitToPages, verticalFitToPages]) {
        if (pages !== undefined && (!Number.isInteger(pages) || pages < 0 || pages > 32767)) throw officeError(ErrorCodes.invalidArgument, "Fit-to-pages counts must be whole numbers 0–32767.");
      }
      if (scale !== undefined && (horizontalFitToPages !== undefined || verticalFitToPages !== undefined)) {
        throw officeError(ErrorCodes.invalidArgument, "zoom takes either a scale or fit-to-pages counts, not both.");
      }
      s.pageLayout.zoom = scale !== undefined ? { scale } : { horizontalFitToPages, verticalFitToPages };
    },
  },
  leftMargin: marginProp("left"),
  rightMargin: marginProp("right"),
  topMargin: marginProp("top"),
  bottomMargin: marginProp("bottom"),
  headerMargin: marginProp("header"),
  footerMargin: marginProp("footer"),
  centerHorizontally: flagProp("centerHorizontally"),
  centerVertically: flagProp("centerVertically"),
  printGridlines: flagProp("printGridlines"),
  printHeadings: flagProp("printHeadings"),
  blackAndWhite: flagProp("blackAndWhite"),
  draftMode: flagProp("draftMode"),
  firstPageNumber: { min: "1.9", get: (s) => s.pageLayout.firstPageNumber, set: (s, value) => (s.pageLayout.firstPageNumber = value === "" ? "" : Number(value)) },
  printComments: choiceProp("printComments", ["NoComments", "EndSheet", "InPlace"]),
  printErrors: choiceProp("printErrors", ["AsDisplayed", "Blank", "Dash", "NotAvailable"]),
  printOrder: choiceProp("printOrder", ["DownThenOver", "OverThenDown"]),
});

/** Headers and footers other than "default for all pages" are kept per sheet here (they are not saved to files). */
const otherHeadersFooters = new WeakMap<SimSheet, Record<string, HeadersFooters>>();

function headersFootersOf(sheet: SimSheet, which: string): HeadersFooters {
  if (which === "defaultForAllPages") return sheet.pageLayout.headersFooters;
  let others = otherHeadersFooters.get(sheet);
  if (!others) otherHeadersFooters.set(sheet, (others = {}));
  return (others[which] ??= { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" });
}

export class SimHeaderFooterGroup extends SimObject<SimSheet> {
  readonly _className = "HeaderFooterGroup";
  declare state: Excel.HeaderFooterState | "Default" | "FirstAndDefault" | "OddAndEven" | "FirstOddAndEven";
  declare useSheetMargins: boolean;
  declare useSheetScale: boolean;
  static props: PropTable<SimSheet>;
  private static states = new WeakMap<SimSheet, { state: string; useSheetMargins: boolean; useSheetScale: boolean }>();

  static stateOf(sheet: SimSheet) {
    let state = SimHeaderFooterGroup.states.get(sheet);
    if (!state) SimHeaderFooterGroup.states.set(sheet, (state = { state: "Default", useSheetMargins: true, useSheetScale: true }));
    return state;
  }

  override _navigation() {
    return { defaultForAllPages: () => this.defaultForAllPages, firstPage: () => this.firstPage, evenPages: () => this.evenPages, oddPages: () => this.oddPages };
  }

  private part(which: string): SimHeaderFooter {
    return this._child(which, () => new SimHeaderFooter(this._ctx, () => headersFootersOf(this._target(), which)));
  }

  get defaultForAllPages(): SimHeaderFooter {
    return this.part("defaultForAllPages");
  }

  get firstPage(): SimHeaderFooter {
    return this.part("firstPage");
  }

  get evenPages(): SimHeaderFooter {
    return this.part("evenPages");
  }

  get oddPages(): SimHeaderFooter {
    return this.part("oddPages");
  }
}

defineProps<SimSheet>(SimHeaderFooterGroup, {
  state: {
    min: "1.9",
    get: (s) => SimHeaderFooterGroup.stateOf(s).state,
    set: (s, value) => {
      if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(value)) throw officeError(ErrorCodes.invalidArgument, `Unknown header/footer state ${value}.`);
      SimHeaderFooterGroup.stateOf(s).state = value;
    },
  },
  useSheetMargins: { min: "1.9", get: (s) => SimHeaderFooterGroup.stateOf(s).useSheetMargins, set: (s, v) => (SimHeaderFooterGroup.stateOf(s).useSheetMargins = Boolean(v)) },
  useSheetScale: { min: "1.9", get: (s) => SimHeaderFooterGroup.stateOf(s).useSheetScale, set: (s, v) => (SimHeaderFooterGroup.stateOf(s).useSheetScale = Boolean(v)) },
});

export class SimHeaderFooter extends SimObject<HeadersFooters> implements Pick<Excel.HeaderFooter, "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter"> {
  readonly _className = "HeaderFooter";
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
  static props: PropTable<HeadersFooters>;
}

const headerFooterProps: PropTable<HeadersFooters> = {};
for (const key of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const) {
  headerFooterProps[key] = {
    min: "1.9",
    get: (h) => h[key],
    set: (h, value) => {
      const text = String(value ?? "");
      // Excel caps each header/footer at 255 characters.
      if (text.length > 255) throw officeError(ErrorCodes.invalidArgument, `A ${key} can be at most 255 characters.`);
      h[key] = text;
    },
  };
}
defineProps<HeadersFooters>(SimHeaderFooter, headerFooterProps);
