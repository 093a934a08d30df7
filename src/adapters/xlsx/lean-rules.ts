/**
 * Dropdowns (data validations) and conditional formats as worksheet XML, for the lean writer. The same decisions as the
 * ExcelJS renderer (`render-layout.ts`): list sources refer to workbook names, texts are cut to Excel's limits with a
 * warning, rules are numbered in layout order, the mark is a differential format (fill and font colour).
 */
import { limitValidationText } from "../../core/layout/cells";
import type { ConditionalFormatSpec, ListValidation, SheetLayout } from "../../core/layout/types";

export type XmlEscape = (text: string) => string;

function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

/** A range as a sqref: no "$" (ExcelJS writes them without too). */
function sqref(range: string): string {
  return range.replace(/\$/g, "");
}

/** The differential format of a conditional format: what a matching cell looks like. */
export function dxfXml(spec: ConditionalFormatSpec): string {
  return (
    "<dxf>" +
    (spec.fontColor ? `<font><color rgb="${argb(spec.fontColor)}"/></font>` : "") +
    (spec.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(spec.fill)}"/><bgColor rgb="${argb(spec.fill)}"/></patternFill></fill>` : "") +
    "</dxf>"
  );
}

function validationXml(validation: ListValidation, sheetName: string, escape: XmlEscape, warnings: string[]): string {
  const where = `Лист «${sheetName}», проверка ${validation.range}`;
  const attribute = (name: string, text: string | undefined) => (text === undefined ? "" : ` ${name}="${escape(text)}"`);
  const prompt = Boolean(validation.promptTitle || validation.promptMessage);
  return (
    '<dataValidation type="list"' +
    ` errorStyle="${validation.errorStyle}"` +
    ' allowBlank="1"' +
    (prompt ? ' showInputMessage="1"' : "") +
    ' showErrorMessage="1"' +
    attribute("errorTitle", limitValidationText(validation.errorTitle, "errorTitle", where, warnings)) +
    attribute("error", limitValidationText(validation.errorMessage, "errorMessage", where, warnings)) +
    attribute("promptTitle", limitValidationText(validation.promptTitle, "promptTitle", where, warnings)) +
    attribute("prompt", limitValidationText(validation.promptMessage, "promptMessage", where, warnings)) +
    ` sqref="${sqref(validation.range)}">` +
    `<formula1>${escape(validation.source.replace(/^=/, ""))}</formula1>` +
    "</dataValidation>"
  );
}

/**
 * `<conditionalFormatting>` elements then `<dataValidations>`, in the order the schema puts them after `<mergeCells>`.
 * `dxfId` gives each conditional format the index of its differential format in styles.xml.
 */
export function sheetRulesXml(layout: SheetLayout, dxfId: (spec: ConditionalFormatSpec) => number, escape: XmlEscape, warnings: string[]): string {
  let xml = "";
  (layout.conditionalFormats ?? []).forEach((spec, index) => {
    xml +=
      `<conditionalFormatting sqref="${sqref(spec.range)}">` +
      `<cfRule type="expression" dxfId="${dxfId(spec)}" priority="${index + 1}"><formula>${escape(spec.formula.replace(/^=/, ""))}</formula></cfRule>` +
      "</conditionalFormatting>";
  });
  const validations = layout.validations ?? [];
  if (validations.length) {
    xml += `<dataValidations count="${validations.length}">${validations.map((v) => validationXml(v, layout.name, escape, warnings)).join("")}</dataValidations>`;
  }
  return xml;
}
