// Bundles the command line (src/cli) into dist-cli/ so `npx reestr` starts fast with plain Node. Each command is its own
// chunk (src/cli/command-loader.ts imports them on demand), so `reestr validate` compiles the reader and the rules but not
// the .docx writer or the layouts: compiling JavaScript is most of a short command's start.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const outdir = path.join(root, "dist-cli");
const outfile = path.join(outdir, "reestr.mjs");

function buildSync() {
  return build().outfile;
}

/** Builds the bundle; also gives esbuild's metafile (what each output file holds and imports), for the benches. */
function build() {
  const result = require("esbuild").buildSync({
    entryPoints: { reestr: path.join(root, "src", "cli", "main.ts") },
    outdir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // Less to read and compile; identifiers are kept, so stack traces (REESTR_DEBUG=1) still name the functions.
    minifyWhitespace: true,
    minifySyntax: true,
    // ExcelJS stays a package of its own (loaded only by the commands that need it); the bundled CommonJS code
    // (and src's require("exceljs")) gets Node's require.
    external: ["exceljs"],
    banner: { js: 'import { createRequire as __reestrCreateRequire } from "module"; const require = __reestrCreateRequire(import.meta.url);' },
    logLevel: "warning",
    write: false,
    metafile: true,
  });
  // Chunks first (their names carry a hash of their content, so a running CLI never sees one change), the entry last by
  // write-then-rename: test files build in parallel while others run the bundle, which must never be half written.
  fs.mkdirSync(path.join(outdir, "chunks"), { recursive: true });
  const entry = result.outputFiles.find((file) => file.path === outfile);
  for (const file of result.outputFiles) {
    if (file === entry) continue;
    if (fs.existsSync(file.path) && fs.readFileSync(file.path).equals(Buffer.from(file.contents))) continue;
    writeAtomically(file.path, file.contents);
  }
  writeAtomically(outfile, entry.contents);
  return { outfile, metafile: result.metafile };
}

function writeAtomically(file, contents) {
  const staged = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(staged, contents);
  fs.renameSync(staged, file);
}

module.exports = { build, buildSync, outfile };

if (require.main === module) buildSync();
