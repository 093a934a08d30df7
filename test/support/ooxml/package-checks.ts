/**
 * What the schemas cannot see in a workbook package: every part has a content type and every override a part, every
 * relationship target exists, the workbook's sheets are named uniquely (Excel ignores case) and point at sheet parts,
 * defined names refer to existing sheets, and the shared-string table's count and uniqueCount are true.
 */
import { elements, text, type OpcPackage } from "./package-parts";

const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

export function packageProblems(pkg: OpcPackage): string[] {
  const problems: string[] = [];
  const byLowerName = new Map([...pkg.parts.keys()].map((name) => [name.toLowerCase(), name]));

  for (const name of pkg.parts.keys()) {
    if (name === "[Content_Types].xml") continue;
    if (!pkg.contentType(name)) problems.push(`${name}: no content type in [Content_Types].xml (no Override, no Default for its extension)`);
  }
  for (const name of pkg.overrides.keys()) {
    if (!byLowerName.has(name.toLowerCase())) problems.push(`[Content_Types].xml: Override for /${name}, which is not in the package`);
  }

  for (const r of pkg.relationships) {
    if (r.external) continue;
    if (!byLowerName.has(r.resolved.toLowerCase())) problems.push(`${r.source}: relationship ${r.id} (${r.type.split("/").pop()}) targets ${r.target}, which is not in the package`);
  }
  const seenIds = new Map<string, Set<string>>();
  for (const r of pkg.relationships) {
    const ids = seenIds.get(r.source) ?? new Set<string>();
    if (ids.has(r.id)) problems.push(`${r.source}: relationship id ${r.id} used twice`);
    ids.add(r.id);
    seenIds.set(r.source, ids);
  }

  const workbookRel = pkg.relationships.find((r) => r.source === "_rels/.rels" && r.type === OFFICE_DOCUMENT);
  if (!workbookRel) {
    problems.push("_rels/.rels: no officeDocument relationship (the workbook part)");
    return problems;
  }
  const workbookName = byLowerName.get(workbookRel.resolved.toLowerCase());
  if (!workbookName) return problems;
  const workbookXml = text(pkg.parts.get(workbookName)!);
  const workbookRels = workbookName.replace(/([^/]*)$/, "_rels/$1.rels");
  const sheets = elements(workbookXml, "sheet");
  const seenNames = new Map<string, string>();
  for (const sheet of sheets) {
    const key = (sheet.name ?? "").toUpperCase();
    const earlier = seenNames.get(key);
    if (earlier !== undefined) problems.push(`${workbookName}: sheet names «${earlier}» and «${sheet.name}» differ only in case (Excel treats them as one)`);
    seenNames.set(key, sheet.name);
    const rId = sheet["r:id"] ?? Object.entries(sheet).find(([k]) => k.endsWith(":id"))?.[1];
    if (!pkg.relationships.some((r) => r.source === workbookRels && r.id === rId)) {
      problems.push(`${workbookName}: sheet «${sheet.name}» refers to relationship ${rId}, which ${workbookRels} does not define`);
    }
  }

  for (const match of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const name = /\bname="([^"]*)"/.exec(match[1])?.[1] ?? "";
    const localSheetId = /\blocalSheetId="(\d+)"/.exec(match[1])?.[1];
    if (localSheetId !== undefined && Number(localSheetId) >= sheets.length) {
      problems.push(`${workbookName}: defined name ${name} has localSheetId ${localSheetId}, but the workbook has ${sheets.length} sheets`);
    }
    for (const sheetName of referencedSheets(match[2] ?? "")) {
      if (!seenNames.has(sheetName.toUpperCase())) problems.push(`${workbookName}: defined name ${name} refers to sheet «${sheetName}», which does not exist`);
    }
  }

  const sharedStringsRel = pkg.relationships.find((r) => r.source === workbookRels && r.type.endsWith("/sharedStrings"));
  const sharedStringsName = sharedStringsRel && byLowerName.get(sharedStringsRel.resolved.toLowerCase());
  if (sharedStringsName) {
    const xml = text(pkg.parts.get(sharedStringsName)!);
    const sst = elements(xml, "sst")[0] ?? {};
    const items = (xml.match(/<(?:\w+:)?si[\s>/]/g) ?? []).length;
    if (sst.uniqueCount !== undefined && Number(sst.uniqueCount) !== items) {
      problems.push(`${sharedStringsName}: uniqueCount="${sst.uniqueCount}" but the table holds ${items} strings`);
    }
    if (sst.count !== undefined) {
      let references = 0;
      const sheetTargets = pkg.relationships.filter((r) => r.source === workbookRels && r.type.endsWith("/worksheet"));
      for (const target of sheetTargets) {
        const part = byLowerName.get(target.resolved.toLowerCase());
        if (part) references += (text(pkg.parts.get(part)!).match(/<(?:\w+:)?c\b[^>]*\bt="s"/g) ?? []).length;
      }
      if (Number(sst.count) !== references) problems.push(`${sharedStringsName}: count="${sst.count}" but the sheets have ${references} shared-string cells`);
    }
  }
  return problems;
}

/** Sheet names a formula refers to: 'Quoted name'!… or Plain_name!… (outside string literals). */
export function referencedSheets(formula: string): string[] {
  const text = formula.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const names: string[] = [];
  const withoutStrings = text.replace(/"(?:[^"]|"")*"/g, '""');
  for (const match of withoutStrings.matchAll(/'((?:[^']|'')+)'!|(?<![\w.'])([\p{L}_][\p{L}\p{N}_.]*)!/gu)) {
    names.push(match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]);
  }
  return names;
}
