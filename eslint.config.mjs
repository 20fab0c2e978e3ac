// ESLint's flat config for the site's JavaScript (make lint; pinned in package.json). The guide's shell
// and the pages' own scripts are ES modules in the browser; history.js and the guide page's inlined
// search_later.js are plain scripts; the worker runs in a Web Worker; the tests and the build's helpers run
// in Node.js.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["site/", "build/", "dist/", ".venv/", ".bench/", "node_modules/"] },
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js", "docs/assets/javascripts/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    files: ["docs/assets/javascripts/guide/history.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["tools/site/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: ["docs/assets/javascripts/guide/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.worker },
  },
  {
    files: ["tests/**/*.mjs", "tools/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-shadow": "error",
      "no-use-before-define": ["error", { functions: false }],
      "object-shorthand": "error",
      "max-len": ["error", { code: 120, ignoreUrls: true }],
    },
  },
];
