// @ts-check
// ESLint for the whole repository (`npm run lint`). Not type-aware: the typed rule set takes
// minutes on a two-core machine, and `tsc --noEmit` already checks types.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";
import boundaries from "./eslint.boundaries.mjs";
import local from "./eslint-rules/require-disable-reason.mjs";

/** React code: the app, its components and the browser-side library. */
const REACT_FILES = ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"];

export default defineConfig(
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "test-results*/**", "playwright-report/**", "data/**", "bench-results/**", "next-env.d.ts"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    plugins: { local },
    rules: {
      "local/require-disable-reason": "error",
      // `_name` marks what is unused on purpose (a callback's position, a key left out of a rest copy).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  { files: REACT_FILES, ...reactHooks.configs.flat.recommended },
  { files: REACT_FILES, ...nextPlugin.configs.recommended },
  { files: REACT_FILES, ...nextPlugin.configs["core-web-vitals"] },
  {
    // Playwright fixtures: `use` is Playwright's, not React's, and a fixture without dependencies is
    // written `async ({}, use) => …` (Playwright reads the destructuring pattern).
    files: ["e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  ...boundaries,
  prettier,
);
