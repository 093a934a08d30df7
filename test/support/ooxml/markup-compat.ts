/**
 * What a consumer does with Office Open XML markup before it reads a part (ISO/IEC 29500-3, markup compatibility), so
 * that the ECMA-376 schemas can judge what Excel itself would accept:
 * - elements and attributes of every namespace listed in `mc:Ignorable` are removed, and the attribute itself;
 * - `mc:AlternateContent` is replaced by the children of its `mc:Fallback` (we understand no `mc:Choice` namespace);
 * - `xml:space` is removed from `<t>` (the schema types `<t>` as plain text; Excel writes `xml:space="preserve"`).
 * A small tokenizer, not a full parser: a part that is not well-formed passes through and the XSD step reports it.
 */

const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XMLNS = "http://www.w3.org/XML/1998/namespace";

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/?[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

interface Frame {
  namespaces: Map<string, string>;
  ignorable: Set<string>;
  /** Written to the output (an end tag follows only then). */
  emitted: boolean;
  /** Its whole subtree is dropped. */
  dropped: boolean;
  isAlternateContent: boolean;
}

function qualify(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(":");
  return colon < 0 ? { prefix: "", local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

function unquote(value: string): string {
  return value.slice(1, -1);
}

export function applyMarkupCompatibility(xml: string): string {
  const out: string[] = [];
  const root: Frame = { namespaces: new Map([["xml", XMLNS]]), ignorable: new Set(), emitted: true, dropped: false, isAlternateContent: false };
  const stack: Frame[] = [root];
  let last = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const token = match[0];
    const top = stack[stack.length - 1];
    if (!top.dropped) out.push(xml.slice(last, match.index));
    last = match.index! + token.length;
    if (!token.startsWith("<") || token.startsWith("<!") || token.startsWith("<?")) {
      if (!top.dropped) out.push(token);
      continue;
    }
    if (token.startsWith("</")) {
      const frame = stack.pop() ?? root;
      if (frame.emitted) out.push(token);
      if (stack.length === 0) stack.push(root);
      continue;
    }
    const selfClosing = token.endsWith("/>");
    const name = /^<([^\s/>]+)/.exec(token)![1];
    const attributes = [...token.slice(name.length + 1).matchAll(ATTRIBUTE)].map((m) => ({ name: m[1], value: m[2] }));
    const namespaces = new Map(top.namespaces);
    for (const attribute of attributes) {
      if (attribute.name === "xmlns") namespaces.set("", unquote(attribute.value));
      else if (attribute.name.startsWith("xmlns:")) namespaces.set(attribute.name.slice(6), unquote(attribute.value));
    }
    const ignorable = new Set(top.ignorable);
    for (const attribute of attributes) {
      const { prefix, local } = qualify(attribute.name);
      if (local === "Ignorable" && namespaces.get(prefix) === MC) {
        for (const listed of unquote(attribute.value).split(/\s+/).filter(Boolean)) {
          const uri = namespaces.get(listed);
          if (uri) ignorable.add(uri);
        }
      }
    }
    const { prefix, local } = qualify(name);
    const uri = namespaces.get(prefix) ?? "";
    let frame: Frame;
    if (top.dropped || ignorable.has(uri) || (uri === MC && local === "Choice")) {
      frame = { namespaces, ignorable, emitted: false, dropped: true, isAlternateContent: false };
    } else if (uri === MC && (local === "AlternateContent" || (local === "Fallback" && top.isAlternateContent))) {
      frame = { namespaces, ignorable, emitted: false, dropped: false, isAlternateContent: local === "AlternateContent" };
    } else {
      const kept = attributes.filter((attribute) => {
        const q = qualify(attribute.name);
        if (attribute.name === "xmlns" || q.prefix === "xmlns") return true;
        const attributeUri = q.prefix ? namespaces.get(q.prefix) : undefined;
        if (attributeUri === MC) return false;
        if (attributeUri && ignorable.has(attributeUri)) return false;
        if (attributeUri === XMLNS && q.local === "space" && local === "t") return false;
        return true;
      });
      out.push(`<${name}${kept.map((a) => ` ${a.name}=${a.value}`).join("")}${selfClosing ? "/>" : ">"}`);
      frame = { namespaces, ignorable, emitted: true, dropped: false, isAlternateContent: false };
    }
    if (!selfClosing) stack.push(frame);
  }
  if (!stack[stack.length - 1].dropped) out.push(xml.slice(last));
  return out.join("");
}
