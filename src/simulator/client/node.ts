/**
 * Loads Microsoft's office.js client (the Excel debug build from @microsoft/office-js) into a fresh Node vm context,
 * with the few browser globals it touches at load time shimmed. Each simulator gets its own context, so clients
 * never share state (event registrations, requirement answers); the compiled script is shared.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { CLIENT_FILES, type ClientBuild, type ClientGlobals } from "./wire";

const compiled = new Map<ClientBuild, vm.Script>();

function distFolder(): string {
  return path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
}

function script(build: ClientBuild): vm.Script {
  let found = compiled.get(build);
  if (!found) {
    const file = path.join(distFolder(), CLIENT_FILES[build]);
    found = new vm.Script(fs.readFileSync(file, "utf8"), { filename: file });
    compiled.set(build, found);
  }
  return found;
}

export function loadClientInNode(build: ClientBuild): ClientGlobals {
  const sandbox: Record<string, unknown> = {
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    JSON,
    Math,
    Date,
    Error,
    TextEncoder,
    performance,
    navigator: { userAgent: "Mozilla/5.0 (Node.js) excel-simulator" },
    document: {
      readyState: "complete",
      cookie: "",
      documentElement: {},
      getElementsByTagName: () => [],
      createElement: () => ({ setAttribute() {}, style: {} }),
      addEventListener() {},
    },
    location: { href: "https://localhost/taskpane.html", search: "", hash: "", protocol: "https:", host: "localhost", hostname: "localhost" },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  script(build).runInContext(sandbox);
  return sandbox as unknown as ClientGlobals;
}
