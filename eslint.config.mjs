// Lint for the TypeScript code (.astro templates are covered by `astro check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', '.fieldkit/**', 'bench/out/**', 'bench/floor/**', '**/*.astro'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  {
    // The house rules: the pure domain (src/lib) does no I/O and knows no Astro; nothing under src/
    // reaches into the CLI (two tracked exceptions until the content loader replaces them: the
    // Astro integration's check adapter and the change log's git reader).
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'src/lib is pure: do I/O in cli/ (or an adapter in src/data) and pass data in.' },
          { group: ['astro:*'], message: 'src/lib knows no Astro: read astro:content in src/data/kit.ts.' },
          { group: ['**/cli/**', '#cli/*'], message: 'src/ never imports cli/.' },
        ],
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/lib/**', 'src/integrations/fieldkit.ts', 'src/data/changes.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**', '#cli/*'], message: 'src/ never imports cli/.' }] }],
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
