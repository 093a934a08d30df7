/**
 * XSD validation for the OOXML checker (test/support/ooxml-check.ts), run in a worker thread: libxml2-wasm is an
 * ES module that jest's CommonJS runtime cannot load, but a Node worker can. Each schema is compiled once per worker and
 * kept; the checker keeps one worker per process. Falls back to `xmllint --nonet` when the wasm build cannot be loaded.
 *
 * Message in:  { id, schemaDir, parts: [{ name, schema, xml }], xmllint? }   (schema: a path below schemaDir;
 *              xmllint: true uses the fallback even where libxml2-wasm loads, to test that they agree)
 * Message out: { id, engine, results: [{ name, errors: string[] }] } or { id, failure }
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parentPort } from "node:worker_threads";

/** @type {Map<string, { doc: any, validator: any }>} */
const compiled = new Map();
let libxml;

async function loadLibxml() {
  if (libxml !== undefined) return libxml;
  try {
    libxml = await import("libxml2-wasm");
    const nodeIo = await import("libxml2-wasm/lib/nodejs.mjs");
    nodeIo.xmlRegisterFsInputProviders();
  } catch {
    libxml = null;
  }
  return libxml;
}

function validatorFor(schemaPath) {
  let entry = compiled.get(schemaPath);
  if (!entry) {
    const doc = libxml.XmlDocument.fromBuffer(fs.readFileSync(schemaPath), { url: schemaPath });
    entry = { doc, validator: libxml.XsdValidator.fromDoc(doc) };
    compiled.set(schemaPath, entry);
  }
  return entry.validator;
}

function messages(error) {
  const details = Array.isArray(error?.details) ? error.details : [];
  if (!details.length) return [String(error?.message ?? error).trim()];
  return details.map((d) => `${d.line ? `line ${d.line}: ` : ""}${String(d.message).trim()}`);
}

function validateWithLibxml(part, schemaPath) {
  let doc;
  try {
    doc = libxml.XmlDocument.fromString(part.xml, { url: part.name });
  } catch (error) {
    return [`not well-formed XML: ${messages(error).join("; ")}`];
  }
  try {
    validatorFor(schemaPath).validate(doc);
    return [];
  } catch (error) {
    return messages(error);
  } finally {
    doc.dispose();
  }
}

function validateWithXmllint(part, schemaPath) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ooxml-part-"));
  const file = path.join(dir, "part.xml");
  fs.writeFileSync(file, part.xml);
  try {
    execFileSync("xmllint", ["--nonet", "--noout", "--schema", schemaPath, file], { stdio: "pipe" });
    return [];
  } catch (error) {
    return String(error.stderr ?? error.message)
      .split("\n")
      .filter((line) => line.trim() && !line.endsWith("fails to validate") && !line.endsWith("validates"))
      .map((line) => line.replace(`${file}:`, "line "));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

parentPort.on("message", async ({ id, schemaDir, parts, xmllint }) => {
  try {
    const lib = xmllint ? null : await loadLibxml();
    const results = parts.map((part) => {
      const schemaPath = path.join(schemaDir, part.schema);
      const errors = lib ? validateWithLibxml(part, schemaPath) : validateWithXmllint(part, schemaPath);
      return { name: part.name, errors };
    });
    parentPort.postMessage({ id, engine: lib ? "libxml2-wasm" : "xmllint", results });
  } catch (error) {
    parentPort.postMessage({ id, failure: String(error?.stack ?? error) });
  }
});
