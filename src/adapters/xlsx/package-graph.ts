/**
 * The relationships of an .xlsx package (OPC): which part points to which, so that a part only a replaced sheet used
 * (its drawing, comments, printer settings…) leaves the package with it, and nothing any other part uses does.
 */
import { attribute, resolveTarget } from "./sheet-in-place";

/** A package this cannot follow: the user is told why in Russian and nothing is written. */
export class PackageRefusal extends Error {}

export interface Relationship {
  id: string;
  type: string;
  /** The raw Target attribute. */
  target: string;
  external: boolean;
  tag: string;
}

export function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\b[^>]*>/g)].map((match) => ({
    id: attribute(match[0], "Id") ?? "",
    type: attribute(match[0], "Type") ?? "",
    target: attribute(match[0], "Target") ?? "",
    external: (attribute(match[0], "TargetMode") ?? "").toLowerCase() === "external",
    tag: match[0],
  }));
}

/** The folder of a part ("xl" for "xl/workbook.xml", "" for a part at the root). */
export function partFolder(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash);
}

/** The relationships part of `part` ("" is the package itself). */
export function relsPartOf(part: string): string {
  if (part === "") return "_rels/.rels";
  const folder = partFolder(part);
  return `${folder ? `${folder}/` : ""}_rels/${part.slice(folder ? folder.length + 1 : 0)}.rels`;
}

/** The part a relationship of `owner` points to. */
export function targetOf(owner: string, relationship: Relationship): string {
  return resolveTarget(partFolder(owner), relationship.target);
}

/**
 * Every part reachable from the package's root through internal relationships; `relsText(relsPart)` gives a relationships
 * part's XML or null when there is none. Names are compared without case, as ZIP entries in a package are.
 */
export function reachableParts(relsText: (relsPart: string) => string | null): Set<string> {
  const seen = new Set<string>();
  const queue = [""];
  while (queue.length) {
    const owner = queue.pop()!;
    const rels = relsText(relsPartOf(owner));
    if (rels === null) continue;
    for (const relationship of parseRelationships(rels)) {
      if (relationship.external) continue;
      const target = targetOf(owner, relationship);
      const key = target.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(target);
    }
  }
  return seen;
}
