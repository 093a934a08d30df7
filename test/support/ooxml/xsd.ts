/**
 * Client of the XSD worker (xsd-worker.mjs): one worker per process, kept on a process-wide module object so every
 * test file of a jest worker process shares it and each schema is compiled once; unref'd so it never holds the process.
 */
import path from "node:path";
import * as workerThreads from "node:worker_threads";

export const SCHEMA_DIR = path.resolve(__dirname, "..", "..", "..", "schemas", "ooxml");
const WORKER_FILE = path.join(__dirname, "xsd-worker.mjs");
const KEY = Symbol.for("reestr.ooxml-xsd-worker");

interface WorkerState {
  worker: workerThreads.Worker;
  nextId: number;
  pending: Map<number, { resolve: (value: XsdReply) => void; reject: (error: Error) => void }>;
}

export interface XsdReply {
  engine: string;
  results: { name: string; errors: string[] }[];
}

function state(): WorkerState {
  // Node's built-in modules are shared by all jest test files of one process (they are not sandboxed); `import *`
  // would give a per-file copy, so the real module object is required here.
  const holder = require("node:worker_threads") as Record<symbol, WorkerState | undefined>;
  let current = holder[KEY];
  if (!current) {
    const worker = new workerThreads.Worker(WORKER_FILE);
    worker.unref();
    const pending: WorkerState["pending"] = new Map();
    const created: WorkerState = { worker, nextId: 1, pending };
    worker.on("message", (message: { id: number; failure?: string } & XsdReply) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.failure) waiting.reject(new Error(`XSD worker: ${message.failure}`));
      else waiting.resolve({ engine: message.engine, results: message.results });
    });
    const failAll = (error: Error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      if (holder[KEY] === created) holder[KEY] = undefined;
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`XSD worker exited with code ${code}`)));
    Object.defineProperty(holder, KEY, { value: created, configurable: true, writable: true });
    current = created;
  }
  return current;
}

export function validateParts(parts: { name: string; schema: string; xml: string }[], options: { xmllint?: boolean } = {}): Promise<XsdReply> {
  const current = state();
  const id = current.nextId++;
  return new Promise((resolve, reject) => {
    current.pending.set(id, { resolve, reject });
    current.worker.ref();
    current.worker.postMessage({ id, schemaDir: SCHEMA_DIR, parts, xmllint: options.xmllint === true });
  }).finally(() => {
    if (current.pending.size === 0) current.worker.unref();
  }) as Promise<XsdReply>;
}
