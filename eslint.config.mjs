// ESLint flat config: typescript-eslint (type-aware where it matters), React hooks and Next.js rules.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "db/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // An un-awaited permission check is a security hole.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    // Test helpers live under tests/; production code never imports them. (A later block that sets
    // no-restricted-imports for some of these files replaces this one, so it repeats the tests patterns.)
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.ts", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/tests/*", "**/tests/*"] }] },
  },
  {
    // The pure domain core must not reach into the app, the database or the framework.
    files: ["lib/report-format/**/*.ts"],
    ignores: ["lib/report-format/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@/*", "react", "react-dom", "next", "next/*", "drizzle-orm", "drizzle-orm/*", "node:*", "../dal/*", "../../db/*", "**/tests/*"] },
      ],
    },
  },
  {
    // Components render; they never touch the database or the data access layer.
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/db/*", "@/lib/dal/*", "@/tests/*", "**/tests/*"] }] },
  },
);
