// ESLint: rules that catch bugs, not taste (formatting is Prettier's, and eslint-config-prettier
// keeps the two apart). TypeScript is linted with type information (the project's tsconfig.json
// through the project service), so the promise rules see which calls return promises.
//
// Rule choice: typescript-eslint's recommended-type-checked (no-floating-promises,
// no-misused-promises, await-thenable, no-unsafe-* against `any`, no-base-to-string, ...), not
// strict-type-checked wholesale: most of what strict adds is taste (non-null assertions,
// unnecessary conditions, template literal types) and would flood the tree for no bug caught.
// Added: unused variables as errors (a leading `_` marks one kept on purpose) and
// consistent-type-imports (the code imports types with `import type`; no inline `import("…")`
// types, which also hide a module's dependencies from a reader).
// Removed: require-await (an `async` method without `await` is deliberate where it implements a
// Promise-returning port: a throw becomes a rejection).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

const unusedVars = [
  "error",
  {
    args: "after-used",
    argsIgnorePattern: "^_",
    varsIgnorePattern: "^_",
    caughtErrorsIgnorePattern: "^_",
    destructuredArrayIgnorePattern: "^_",
    ignoreRestSiblings: true,
  },
];

export default tseslint.config(
  { ignores: ["src/generated/**", "node_modules/**", "coverage/**", "data/**", "test-results/**"] },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      "@typescript-eslint/no-unused-vars": unusedVars,
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Tests: vitest's asymmetric matchers (expect.stringMatching, expect.objectContaining, ...) are
    // typed `any`, and tests read JSON answers (JSON.parse, response.json()) only to assert on them.
    // The `any` rules would flag each one; the assertions are the check there.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // The playground's page: plain JavaScript modules run by the browser, type-checked through
    // tsconfig.browser.json so that the promise rules work there too.
    files: ["src/channels/web/public/**/*.js"],
    languageOptions: {
      globals: globals.browser,
      parser: tseslint.parser,
      parserOptions: { projectService: false, project: "./tsconfig.browser.json", tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "no-unused-vars": unusedVars,
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // Configuration files run by node (this one, any *.js/*.mjs at the root).
    files: ["*.js", "*.mjs"],
    languageOptions: { globals: globals.node },
    rules: { "no-unused-vars": unusedVars },
  },
  prettier,
);
