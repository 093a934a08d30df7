// Bundles the command line (src/cli) into dist-cli/ so `npx reestr` starts fast with plain Node. Each command is a bundle
// of its own, loaded when it runs (src/cli/command-loader.ts), so `reestr validate` compiles the reader and the rules but
// not the .docx writer or the layouts: compiling JavaScript is most of a short command's start. CommonJS, not ES
// modules: Node's ES module loader alone costs a short command ~20 ms of CPU. The bundles share no chunks (esbuild splits
// only ES modules); the core each command uses is in its own file, which is what that command compiles anyway.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const outdir = path.join(root, "dist-cli");

/**
 * Modules loaded by `import()` in src, each a bundle of its own. The bundles mirror src's tree (dist-cli/src/…), so the
 * relative path an `import()` names in src is the path of the bundle it requires at run time.
 */
const LAZY_SOURCES = [
  "src/cli/commands/template.ts",
  "src/cli/commands/validate.ts",
  "src/cli/commands/distribute.ts",
  "src/cli/commands/merge.ts",
  "src/cli/commands/appendix.ts",
  "src/cli/commands/publish.ts",
  "src/cli/commands/requests.ts",
  "src/cli/commands/status.ts",
  "src/cli/commands/documents.ts",
  "src/cli/commands/index.ts",
  "src/adapters/docx/write-docx.ts",
];
/** The specifiers those `import()`s use (esbuild leaves them as they are written, as require() calls). */
const LAZY_SPECIFIERS = ["./commands", "./commands/*", "../../adapters/docx/write-docx"];
const ENTRY = "src/cli/main.ts";
const outfile = path.join(outdir, ENTRY.replace(/\.ts$/, ".js"));

function buildSync() {
  return build().outfile;
}

/** Builds the bundles; also gives esbuild's metafile (what each output file holds and imports), for the benches. */
function build() {
  const entryPoints = Object.fromEntries([ENTRY, ...LAZY_SOURCES].map((source) => [source.replace(/\.ts$/, ""), path.join(root, source)]));
  const result = require("esbuild").buildSync({
    entryPoints,
    outdir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // `import()` of the bundles and of ExcelJS become require(): no ES module loader at all.
    supported: { "dynamic-import": false },
    // Less to read and compile; identifiers are kept, so stack traces (REESTR_DEBUG=1) still name the functions.
    minifyWhitespace: true,
    minifySyntax: true,
    // Russian text as UTF-8, not \u escapes: validate's bundle is 153 KB instead of 231, and V8 scans it ~5 ms faster.
    charset: "utf8",
    // ExcelJS stays a package of its own, loaded only by the commands that need it.
    external: ["exceljs", ...LAZY_SPECIFIERS],
    logLevel: "warning",
    write: false,
    metafile: true,
  });
  checkLazyRequires(result.metafile);
  // The entry last, each file by write-then-rename: test files build in parallel while others run the bundle, which
  // must never be half written. A file whose bytes did not change is left alone.
  const entry = result.outputFiles.find((file) => file.path === outfile);
  for (const file of [...result.outputFiles.filter((file) => file !== entry), entry]) {
    if (fs.existsSync(file.path) && fs.readFileSync(file.path).equals(Buffer.from(file.contents))) continue;
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    writeAtomically(file.path, file.contents);
  }
  // dist-cli/*.js are CommonJS whatever a parent package.json says.
  const marker = path.join(outdir, "package.json");
  if (!fs.existsSync(marker)) writeAtomically(marker, '{ "type": "commonjs" }\n');
  // The ES-module layout of earlier builds (reestr.mjs, chunks/) is no longer run.
  fs.rmSync(path.join(outdir, "reestr.mjs"), { force: true });
  fs.rmSync(path.join(outdir, "chunks"), { recursive: true, force: true });
  return { outfile, metafile: result.metafile };
}

/** Every external require of a relative path must name a bundle of this build: a lazy import missing above fails here. */
function checkLazyRequires(metafile) {
  const outputs = new Set(Object.keys(metafile.outputs).map((file) => path.resolve(root, file)));
  for (const [file, output] of Object.entries(metafile.outputs)) {
    for (const imported of output.imports) {
      if (!imported.external || !imported.path.startsWith(".")) continue;
      const target = path.resolve(root, path.dirname(file), imported.path);
      if (!outputs.has(`${target}.js`) && !outputs.has(path.join(target, "index.js"))) {
        throw new Error(`build-cli: ${file} requires ${imported.path}, which is no bundle; add its source to LAZY_SOURCES`);
      }
    }
  }
}

function writeAtomically(file, contents) {
  const staged = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(staged, contents);
  fs.renameSync(staged, file);
}

module.exports = { build, buildSync, outfile };

if (require.main === module) buildSync();
