// Lint for the TypeScript code (.astro templates are covered by `astro check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', '.fieldkit/**', 'bench/out/**', 'bench/floor/**', '**/*.astro'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  {
    // The house rules (README "How it is built"): src/lib is the pure domain: no I/O, no Astro,
    // no adapters; it imports src/lib, src/schemas and packages only. Nothing under src/ reaches
    // into the CLI: the Node adapters both use live in src/node.
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'src/lib is pure: do I/O in an adapter (src/node) and pass data in.' },
          { group: ['astro:*'], message: 'src/lib knows no Astro: read astro:content in src/data/kit.ts.' },
          { group: ['**/cli/**', '\\#cli/**'], message: 'src/ never imports cli/.' },
          { group: ['**/node/*', '**/data/*', '**/loaders/*', '**/integrations/*', '**/components/**', '**/pages/**', '**/scripts/*'], message: 'src/lib is the pure core: it imports only src/lib, src/schemas and packages.' },
        ],
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/lib/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**', '\\#cli/**'], message: 'src/ never imports cli/.' }] }],
    },
  },
  {
    rules: {
      // Zod internals and Pagefind's untyped results are reached through `any` on purpose, in few places.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
