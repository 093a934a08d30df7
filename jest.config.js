/**
 * Unit, simulator, adapter, CLI and browser tests; all TypeScript, transpiled only (npm run typecheck checks types).
 * Two projects: everything on office.js's win32 client, and the tests that drive Excel again on its web client.
 */
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true, target: "ES2020" }, diagnostics: false }],
};
const common = { testEnvironment: "node", roots: ["<rootDir>/test"], transform };

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: "win32", testMatch: ["**/*.test.ts", "**/*.test.tsx"] },
    {
      ...common,
      displayName: "web",
      setupFiles: ["<rootDir>/test/support/web-client.ts"],
      testMatch: [
        "**/test/adapters/office-*.test.ts",
        "**/test/adapters/render-office.test.ts",
        "**/test/validation/office-*.test.ts",
        "**/test/merge/office-*.test.ts",
        "**/test/template/office-*.test.ts",
        "**/test/appendix/office-*.test.ts",
        "**/test/settings/office-*.test.ts",
        "**/test/collection/office-*.test.ts",
        "**/test/requests/office-*.test.ts",
        "**/test/simulator/*.test.ts",
      ],
    },
  ],
};
