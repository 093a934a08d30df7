/**
 * The outside judge of every .xlsx we write: each XML part is validated against the ECMA-376 transitional schemas in
 * schemas/ooxml (chosen by its content type, after markup compatibility is applied as Excel does), and the package is
 * checked for what the schemas cannot see (content types, relationship targets, sheet names, defined names, shared-string
 * counts). LibreOffice forgives what desktop Excel repairs («Обнаружено содержимое, которое не удалось прочитать»).
 *
 *   const problems = await checkXlsx(bytes);      // ["xl/worksheets/sheet1.xml: line 2: Element '…cols': This element is not expected…"]
 *   await expectValidXlsx(bytes, "reestr template");
 */
import { applyMarkupCompatibility } from "./ooxml/markup-compat";
import { packageProblems } from "./ooxml/package-checks";
import { readPackage, text } from "./ooxml/package-parts";
import { isXmlContentType, schemaForContentType } from "./ooxml/schema-for-part";
import { validateParts } from "./ooxml/xsd";

/** Every problem found, each as "part: message"; empty when the workbook is valid. */
export function checkXlsx(bytes: Uint8Array | Buffer): Promise<string[]> {
  return checkPackage(bytes, {});
}

/** The same check with `xmllint --nonet` as the validator (the fallback where libxml2-wasm cannot load). */
export function checkXlsxWithXmllint(bytes: Uint8Array | Buffer): Promise<string[]> {
  return checkPackage(bytes, { xmllint: true });
}

async function checkPackage(bytes: Uint8Array | Buffer, options: { xmllint?: boolean }): Promise<string[]> {
  const pkg = readPackage(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const problems = [...pkg.problems, ...packageProblems(pkg)];
  const toValidate: { name: string; schema: string; xml: string }[] = [];
  for (const [name, data] of pkg.parts) {
    const contentType = name === "[Content_Types].xml" ? "[Content_Types]" : pkg.contentType(name);
    if (contentType === "[Content_Types]") {
      toValidate.push({ name, schema: "opc-xsd/opc-contentTypes.xsd", xml: text(data) });
      continue;
    }
    if (!contentType || !isXmlContentType(contentType)) continue;
    const choice = schemaForContentType(contentType);
    if (!choice) problems.push(`${name}: no schema known for content type ${contentType}`);
    else if ("schema" in choice) toValidate.push({ name, schema: choice.schema, xml: applyMarkupCompatibility(text(data)) });
  }
  const reply = await validateParts(toValidate, options);
  for (const result of reply.results) for (const error of result.errors) problems.push(`${result.name}: ${error}`);
  return problems;
}

/** Fails the test with every invalid part's name and the schema's messages. */
export async function expectValidXlsx(bytes: Uint8Array | Buffer, label = "workbook"): Promise<void> {
  const problems = await checkXlsx(bytes);
  if (problems.length) throw new Error(`${label} is not valid Office Open XML (${problems.length} problems):\n${problems.join("\n")}`);
}
