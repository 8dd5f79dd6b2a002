// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** An import of a module of one of `layers` (a path segment), from another layer. */
const importOf = (/** @type {string[]} */ layers, /** @type {string} */ message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ regex: `(^|/)(${layers.join('|')})/`, message }] },
  ],
});

export default tseslint.config(
  // tests/fixtures/layers holds deliberate violations (tests/unit/lint-layers.test.ts lints them).
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.neo4j/',
      'src/generated/',
      'client/generated/',
      'tests/fixtures/layers/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // No import cycles (type-only imports do not count: they leave no runtime dependency).
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x's TypeScript settings (parsers, extensions), with the resolver of the .js
      // specifiers our ESM sources use for .ts files.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  // The layers (docs/architecture.md): graph/ builds Cypher for anyone and imports no caller;
  // the seeder writes the graph and needs nothing of the API.
  {
    files: ['**/src/graph/**/*.ts'],
    rules: importOf(
      ['api', 'seed', 'server'],
      'src/graph/ imports neither api/, seed/ nor server/.',
    ),
  },
  {
    files: ['**/src/seed/**/*.ts'],
    rules: importOf(['api', 'server'], 'src/seed/ imports neither api/ nor server/.'),
  },
  prettier,
);
