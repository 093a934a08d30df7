/** The parts of an OPC package (.xlsx): unzipped, with their content types and relationships. */
import { inflateRawSync } from "node:zlib";
import { entryData, readZipDirectory } from "../../../src/adapters/xlsx/zip-directory";

export interface Relationship {
  /** The .rels part it comes from. */
  source: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The target as a part name (no leading slash), for internal targets. */
  resolved: string;
}

export interface OpcPackage {
  /** Part name (no leading slash) → bytes; directory entries left out. */
  parts: Map<string, Uint8Array>;
  /** Part name → content type from [Content_Types].xml (Override first, then Default by extension); undefined when none. */
  contentType(part: string): string | undefined;
  overrides: Map<string, string>;
  relationships: Relationship[];
  problems: string[];
}

const decoder = new TextDecoder("utf-8");

export function text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Attributes of every element with this local name (any prefix), in document order. */
export function elements(xml: string, localName: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${localName}((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*/?>`, "g");
  for (const match of xml.matchAll(tag)) {
    const attributes: Record<string, string> = {};
    for (const a of match[1].matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[a[1]] = unescapeXml(a[2] ?? a[3]);
    found.push(attributes);
  }
  return found;
}

export function unescapeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, entity: string) => {
    switch (entity) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return '"';
      case "apos": return "'";
      default:
        return String.fromCodePoint(entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    }
  });
}

/** Resolves a relationship target against the folder of the part its .rels describes. */
function resolveTarget(relsPart: string, target: string): string {
  if (target.startsWith("/")) return normalise(target.slice(1));
  // "xl/_rels/workbook.xml.rels" describes "xl/workbook.xml", whose folder is "xl/".
  const owner = relsPart.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
  const folder = owner.includes("/") ? owner.slice(0, owner.lastIndexOf("/") + 1) : "";
  return normalise(folder + target);
}

function normalise(name: string): string {
  const segments: string[] = [];
  for (const segment of decodeURI(name).split("/")) {
    if (segment === "..") segments.pop();
    else if (segment && segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

export function readPackage(bytes: Uint8Array): OpcPackage {
  const problems: string[] = [];
  const parts = new Map<string, Uint8Array>();
  const directory = readZipDirectory(bytes);
  if (!directory) {
    return { parts, contentType: () => undefined, overrides: new Map(), relationships: [], problems: ["(package): not a readable ZIP archive"] };
  }
  for (const entry of directory.entries) {
    if (entry.name.endsWith("/")) continue;
    const data = entryData(bytes, entry);
    if (!data) {
      problems.push(`${entry.name}: local header not found`);
      continue;
    }
    try {
      parts.set(entry.name, entry.method === 0 ? data : entry.method === 8 ? inflateRawSync(data) : new Uint8Array());
      if (entry.method !== 0 && entry.method !== 8) problems.push(`${entry.name}: compression method ${entry.method} (Excel reads only stored and deflated)`);
    } catch (error) {
      problems.push(`${entry.name}: does not inflate (${(error as Error).message})`);
    }
  }

  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const types = parts.get("[Content_Types].xml");
  if (!types) problems.push("[Content_Types].xml: missing");
  else {
    const xml = text(types);
    for (const d of elements(xml, "Default")) defaults.set((d.Extension ?? "").toLowerCase(), d.ContentType);
    for (const o of elements(xml, "Override")) overrides.set(normalise((o.PartName ?? "").replace(/^\//, "")), o.ContentType);
  }
  const contentType = (part: string) => {
    const override = [...overrides].find(([name]) => name.toLowerCase() === part.toLowerCase());
    if (override) return override[1];
    const extension = part.includes(".") ? part.slice(part.lastIndexOf(".") + 1).toLowerCase() : "";
    return defaults.get(extension);
  };

  const relationships: Relationship[] = [];
  for (const [name, data] of parts) {
    if (!name.endsWith(".rels")) continue;
    for (const r of elements(text(data), "Relationship")) {
      const external = r.TargetMode === "External";
      relationships.push({
        source: name,
        id: r.Id,
        type: r.Type,
        target: r.Target,
        external,
        resolved: external ? r.Target : resolveTarget(name, r.Target ?? ""),
      });
    }
  }
  return { parts, contentType, overrides, relationships, problems };
}
