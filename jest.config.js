/** Unit, simulator, adapter, CLI and browser tests; all TypeScript, transpiled only (npm run typecheck checks types). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true, target: "ES2020" }, diagnostics: false }],
  },
  testTimeout: 60000,
};
