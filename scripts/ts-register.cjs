/**
 * `node -r ./scripts/ts-register.cjs file.ts`: runs TypeScript directly by transpiling each .ts/.tsx file with esbuild
 * as Node requires it (CommonJS, no type checking — `npm run typecheck` does that). Used by `npm run bench`.
 */
const fs = require("node:fs");
const esbuild = require("esbuild");

for (const extension of [".ts", ".tsx"]) {
  require.extensions[extension] = (module, filename) => {
    const { code } = esbuild.transformSync(fs.readFileSync(filename, "utf8"), {
      loader: extension.slice(1),
      format: "cjs",
      target: "node20",
      jsx: "automatic",
      sourcemap: "inline",
      sourcefile: filename,
    });
    module._compile(code, filename);
  };
}
