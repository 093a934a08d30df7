/**
 * Manifest checks shared by `npm run validate`, `npm run build` and test/manifest:
 * - XSD validation against the official schemas kept in schemas/office-manifest (libxml2-wasm, no network;
 *   falls back to `xmllint --nonet` when the wasm build cannot be loaded);
 * - what the XSD cannot see: every URL shares one origin, icon files exist with the declared pixel sizes;
 * - rewriting the development origin (https://localhost:3000) into a deployment URL.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEV_URL = "https://localhost:3000";
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** The schema folder: $OFFICE_MANIFEST_XSD when set, else the copy kept in the project (schemas/office-manifest). */
export function schemaDirectory() {
  const candidates = [process.env.OFFICE_MANIFEST_XSD, path.join(PROJECT_ROOT, "schemas", "office-manifest")].filter(Boolean);
  for (const candidate of candidates) {
    if (fs.existsSync(path.join(candidate, MAIN_SCHEMA))) return candidate;
  }
  throw new Error(`Не найдены XSD-схемы манифеста (${MAIN_SCHEMA}) в ${candidates.join(" или ")}`);
}

/** @returns {Promise<{ valid: boolean, engine: string, errors: { line: number, message: string }[] }>} */
export async function validateAgainstXsd(xmlText, fileLabel = "manifest.xml") {
  const dir = schemaDirectory();
  let libxml;
  try {
    libxml = await import("libxml2-wasm");
    const nodeIo = await import("libxml2-wasm/lib/nodejs.mjs");
    nodeIo.xmlRegisterFsInputProviders();
  } catch {
    return validateWithXmllint(xmlText, dir, fileLabel);
  }
  const { XmlDocument, XsdValidator, XmlParseError } = libxml;
  const schemaPath = path.join(dir, MAIN_SCHEMA);
  let schemaDoc;
  let validator;
  try {
    schemaDoc = XmlDocument.fromBuffer(fs.readFileSync(schemaPath), { url: schemaPath });
    validator = XsdValidator.fromDoc(schemaDoc);
  } catch {
    schemaDoc?.dispose();
    return validateWithXmllint(xmlText, dir, fileLabel);
  }
  let doc;
  try {
    doc = XmlDocument.fromString(xmlText, { url: fileLabel });
    validator.validate(doc);
    return { valid: true, engine: "libxml2-wasm", errors: [] };
  } catch (error) {
    const details = Array.isArray(error?.details) ? error.details : [];
    const errors = details.length
      ? details.map((d) => ({ line: d.line ?? 0, message: String(d.message).trim() }))
      : [{ line: 0, message: error instanceof XmlParseError ? `XML не разобран: ${error.message}` : String(error?.message ?? error) }];
    return { valid: false, engine: "libxml2-wasm", errors };
  } finally {
    doc?.dispose();
    validator.dispose();
    schemaDoc.dispose();
  }
}

function validateWithXmllint(xmlText, dir, fileLabel) {
  const tempFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), path.basename(fileLabel));
  fs.writeFileSync(tempFile, xmlText);
  try {
    execFileSync("xmllint", ["--nonet", "--noout", "--schema", MAIN_SCHEMA, tempFile], { cwd: dir, stdio: "pipe" });
    return { valid: true, engine: "xmllint", errors: [] };
  } catch (error) {
    const output = String(error.stderr ?? error.message);
    const errors = output
      .split("\n")
      .filter((line) => line.trim() && !line.endsWith("fails to validate"))
      .map((line) => {
        const match = /:(\d+): (.*)$/.exec(line);
        return match ? { line: Number(match[1]), message: match[2] } : { line: 0, message: line };
      });
    return { valid: false, engine: "xmllint", errors };
  } finally {
    fs.rmSync(path.dirname(tempFile), { recursive: true, force: true });
  }
}

/** Every absolute http(s) URL in attribute values or text, with its line. */
export function manifestUrls(xmlText) {
  const found = [];
  const lines = xmlText.split("\n");
  lines.forEach((line, index) => {
    if (/^\s*<!--/.test(line)) return;
    for (const match of line.matchAll(/(?:DefaultValue="|Override[^>]*Value="|>)(https?:\/\/[^"<\s]+)/g)) {
      found.push({ url: match[1], line: index + 1 });
    }
  });
  return found;
}

function imageSize(buffer) {
  const isPng = buffer.length > 24 && buffer.toString("ascii", 1, 4) === "PNG";
  return isPng ? { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) } : null;
}

/**
 * Checks the XSD cannot make: one origin for all URLs; icon files (resolved under `siteRoot` by their path below the
 * add-in's base URL) exist, are PNG and have the size the manifest declares.
 * @returns {{ line: number, message: string }[]}
 */
export function checkManifestExtras(xmlText, siteRoot) {
  const errors = [];
  const urls = manifestUrls(xmlText);
  const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(xmlText)?.[1];
  if (!source) return [{ line: 0, message: "Нет DefaultSettings/SourceLocation" }];
  const base = new URL(".", source);
  for (const { url, line } of urls) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      errors.push({ line, message: `Неверный URL: ${url}` });
      continue;
    }
    if (parsed.origin !== base.origin) {
      errors.push({ line, message: `URL другого источника: ${url} (ожидается ${base.origin})` });
    } else if (parsed.protocol !== "https:") {
      errors.push({ line, message: `Надстройка должна загружаться по HTTPS: ${url}` });
    }
  }
  const declaredSizes = [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ].map(([element, size]) => {
    const match = new RegExp(`<${element} DefaultValue="([^"]+)"`).exec(xmlText);
    return match ? { url: match[1], size, line: lineOf(xmlText, match.index) } : null;
  });
  const imageIds = new Map();
  for (const match of xmlText.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)) {
    imageIds.set(match[1], { url: match[2], line: lineOf(xmlText, match.index) });
  }
  for (const match of xmlText.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)) {
    const image = imageIds.get(match[2]);
    if (!image) errors.push({ line: lineOf(xmlText, match.index), message: `Нет ресурса изображения ${match[2]}` });
    else declaredSizes.push({ url: image.url, size: Number(match[1]), line: image.line });
  }
  const checked = new Set();
  for (const entry of declaredSizes) {
    if (!entry || checked.has(`${entry.url} ${entry.size}`)) continue;
    checked.add(`${entry.url} ${entry.size}`);
    if (!entry.url.startsWith(base.href)) continue; // reported above as another origin
    const relative = decodeURIComponent(entry.url.slice(base.href.length).split(/[?#]/)[0]);
    const file = path.join(siteRoot, relative);
    if (!fs.existsSync(file)) {
      errors.push({ line: entry.line, message: `Нет файла значка ${relative} (${file})` });
      continue;
    }
    const size = imageSize(fs.readFileSync(file));
    if (!size) errors.push({ line: entry.line, message: `Значок ${relative} не PNG` });
    else if (size.width !== entry.size || size.height !== entry.size) {
      errors.push({
        line: entry.line,
        message: `Значок ${relative} ${size.width}×${size.height} px, а объявлен ${entry.size}×${entry.size}`,
      });
    }
  }
  return errors;
}

function lineOf(text, index) {
  return text.slice(0, index).split("\n").length;
}

/** The full check: XSD plus extras. `siteRoot` is where the icon paths resolve (the manifest's folder by default). */
export async function validateManifestText(xmlText, { fileLabel = "manifest.xml", siteRoot = PROJECT_ROOT } = {}) {
  const xsd = await validateAgainstXsd(xmlText, fileLabel);
  const extras = checkManifestExtras(xmlText, siteRoot);
  return { valid: xsd.valid && extras.length === 0, engine: xsd.engine, xsdErrors: xsd.errors, otherErrors: extras };
}

/** Normalises a deployment URL: https, no query, a trailing slash removed. */
export function normaliseDeploymentUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Неверный адрес развертывания: ${url}`);
  }
  if (parsed.protocol !== "https:") throw new Error(`Адрес развертывания должен начинаться с https:// (получено ${url})`);
  if (parsed.search || parsed.hash) throw new Error(`Адрес развертывания без ? и #: ${url}`);
  return parsed.href.replace(/\/+$/, "");
}

/** Replaces the development origin with the deployment URL everywhere in the manifest. */
export function rewriteManifestUrls(xmlText, deploymentUrl) {
  const target = normaliseDeploymentUrl(deploymentUrl);
  return xmlText.split(DEV_URL).join(target);
}
