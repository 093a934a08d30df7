// Bundles the command line (src/cli) into dist-cli/reestr.cjs so `npx reestr` starts fast with plain Node.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const outfile = path.join(root, "dist-cli", "reestr.cjs");

function buildSync() {
  const result = require("esbuild").buildSync({
    entryPoints: [path.join(root, "src", "cli", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["exceljs"],
    logLevel: "warning",
    write: false,
  });
  // Write then rename: test files build in parallel while others run the bundle, which must never be half written.
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const staged = `${outfile}.${process.pid}.tmp`;
  fs.writeFileSync(staged, result.outputFiles[0].contents);
  fs.renameSync(staged, outfile);
  return outfile;
}

module.exports = { buildSync, outfile };

if (require.main === module) buildSync();
