/**
 * Which schema judges which part, chosen by content type (the package says what a part is; its name does not matter).
 * Parts are XML when their content type says so; an XML part with no schema here is a problem, so a new kind of part
 * cannot slip past the checker unnoticed.
 */

/** A schema path below schemas/ooxml, or a reason the part is not schema-checked. */
export type SchemaChoice = { schema: string } | { skip: string };

const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

export function schemaForContentType(contentType: string): SchemaChoice | undefined {
  if (contentType.startsWith(SML) && contentType.endsWith("+xml")) return { schema: "sml.xsd" };
  switch (contentType) {
    case "application/vnd.openxmlformats-package.relationships+xml":
      return { schema: "opc-xsd/opc-relationships.xsd" };
    case "application/vnd.openxmlformats-package.core-properties+xml":
      return { schema: "opc-xsd/opc-coreProperties-offline.xsd" };
    case "application/vnd.openxmlformats-officedocument.extended-properties+xml":
      return { schema: "shared-documentPropertiesExtended.xsd" };
    case "application/vnd.openxmlformats-officedocument.custom-properties+xml":
      return { schema: "shared-documentPropertiesCustom.xsd" };
    case "application/vnd.openxmlformats-officedocument.theme+xml":
    case "application/vnd.openxmlformats-officedocument.themeOverride+xml":
      return { schema: "dml-main.xsd" };
    case "application/vnd.openxmlformats-officedocument.drawing+xml":
      return { schema: "dml-spreadsheetDrawing.xsd" };
    case "application/vnd.openxmlformats-officedocument.drawingml.chart+xml":
      return { schema: "dml-chart.xsd" };
    case "application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml":
      return { schema: "dml-chartDrawing.xsd" };
    case "application/vnd.openxmlformats-officedocument.vmlDrawing":
      // Legacy VML (comment boxes, form controls): Excel reads it leniently and writes it in a loose, HTML-like
      // dialect (unquoted values, <br> in text) that vml-*.xsd does not describe; the comments themselves are in sml.
      return { skip: "legacy VML, read leniently by Excel; the comments' text is checked in the sml comments part" };
    case "application/vnd.ms-office.chartstyle+xml":
    case "application/vnd.ms-office.chartcolorstyle+xml":
      return { skip: "Microsoft's chart style extension (Office 2013), not part of ECMA-376; optional for Excel" };
    default:
      return undefined;
  }
}

/** Whether a part with this content type is XML (and so must be schema-checked). */
export function isXmlContentType(contentType: string): boolean {
  return /[+/]xml$/.test(contentType) || contentType === "application/vnd.openxmlformats-officedocument.vmlDrawing";
}
