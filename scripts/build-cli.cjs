// Bundles the command line (src/cli) into dist-cli/reestr.cjs so `npx reestr` starts fast with plain Node.
const path = require("path");

const root = path.join(__dirname, "..");
const outfile = path.join(root, "dist-cli", "reestr.cjs");

function buildSync() {
  require("esbuild").buildSync({
    entryPoints: [path.join(root, "src", "cli", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["exceljs"],
    logLevel: "warning",
  });
  return outfile;
}

module.exports = { buildSync, outfile };

if (require.main === module) buildSync();
