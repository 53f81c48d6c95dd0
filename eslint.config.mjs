// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * ESLint's and typescript-eslint's recommended rules on every source file, and eslint-plugin-astro's
 * on the pages and components (their frontmatter and scripts are TypeScript). Formatting is left to
 * Prettier (`npm run format`).
 */
export default defineConfig(
  { ignores: ['dist/', '.astro/', '.test-dist/', '.bench/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter kept for its position; `{ dropped: _, ...rest }` copies without a field.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The browser's own scripts: inlined into the pages.
    files: ['src/scripts/**/*.ts', 'src/components/**/*.astro', 'src/layouts/**/*.astro', 'src/pages/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // A template: the build replaces __PRECACHE__ with the list of files to precache.
    files: ['src/service-worker/*.js'],
    languageOptions: { globals: { ...globals.serviceworker, __PRECACHE__: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
