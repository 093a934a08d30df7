/**
 * ESLint 9 flat config: typescript-eslint's recommended rules, React's JSX runtime rules and Microsoft's Office add-in
 * rules (load before read, sync after load, no sync in loops…). Formatting is left to editors (no prettier rule).
 */
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "coverage/**", "test-artifacts/**", "node_modules/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, react },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, Excel: "readonly", Office: "readonly", OfficeExtension: "readonly" },
    },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat["jsx-runtime"].rules,
      "react/jsx-key": "error",
      "react/jsx-no-target-blank": "error",
      "react/no-danger": "error",
      "no-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-explicit-any": "off",
      // typescript-eslint 8.8's wrapper of this rule crashes on ESLint 9.39's options; the core rule does the same job.
      "@typescript-eslint/no-unused-expressions": "off",
      "no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // Microsoft's add-in rules recognise Office.js proxies by shape; on ExcelJS code (xlsx adapter, tests) they misfire.
    files: ["src/adapters/office/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/playground/**/*.{ts,tsx}"],
    rules: {
      // Our adapters sync through small counting wrappers (`await sync()`), which these two rules cannot follow; the
      // simulator enforces the same thing for real (reading an unsynced property throws PropertyNotLoaded in tests).
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      // Loading `isNullObject` of a *OrNullObject proxy is the documented pattern, not a navigation load.
      "office-addins/no-navigational-load": "off",
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-unused-expressions": "off" },
  },
  {
    // The simulator's model writes compact paired updates as comma expressions.
    files: ["src/simulator/**"],
    rules: { "no-unused-expressions": "off" },
  },
  // The layers guard themselves (the README's architecture): the core is pure and imports nothing of the project outside
  // itself but src/excel-facts (facts about Excel); adapters never reach the fronts; the simulator, which tests the adapters and
  // the core, depends on neither. tsconfig.core.json keeps DOM, Node and Office.js types out of the core as well.
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { regex: "(^|/)(adapters|taskpane|playground|cli|simulator)(/|$)", message: "The core is pure: it imports nothing of the adapters, fronts or simulator." },
          { regex: "^(?!\\.|zod$|zod/mini$|zod/locales$)", message: "The core is pure TypeScript: no Node, DOM, Office.js or library imports (zod only)." },
        ],
      }],
    },
  },
  {
    files: ["src/excel-facts/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: ".", message: "src/excel-facts holds facts about Excel used by every layer; it depends on nothing." }] }],
    },
  },
  {
    files: ["src/adapters/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ regex: "(^|/)(taskpane|playground|cli)(/|$)", message: "Adapters serve the fronts; they never import the task pane, the playground or the CLI." }],
      }],
    },
  },
  {
    files: ["src/simulator/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ regex: "(^|/)(core|adapters|taskpane|playground|cli)(/|$)", message: "The simulator is Excel, not the add-in: it imports neither the core nor the adapters (facts about Excel both need: src/excel-facts)." }],
      }],
    },
  },
);
