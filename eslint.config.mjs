import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        globalThis: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // An import cycle makes module order matter and hides which room a rule lives in.
    files: ['backend/src/**/*.ts', 'frontend/src/**/*.{ts,tsx}', 'shared/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse imported TypeScript files too; without it the rule cannot follow them and finds nothing.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['backend/tsconfig.json', 'frontend/tsconfig.json', 'shared/tsconfig.json'],
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The rooms' direction (docs/architecture.md): evidence → pricing → analytics, and disclosure/ rounds
    // what they publish. A rule two rooms need lives in the lower one, so each is changed once.
    files: ['backend/src/**/*.ts', 'frontend/src/**/*.{ts,tsx}', 'shared/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: 'backend/src/analytics',
              from: ['backend/src/evidence', 'backend/src/pricing'],
              message: 'analytics/ is below pricing/ and evidence/: move what both need into analytics/.',
            },
            {
              target: 'backend/src/pricing',
              from: 'backend/src/evidence',
              message: 'pricing/ is below evidence/: move what both need into pricing/ or analytics/.',
            },
            {
              target: 'backend/src/disclosure',
              from: 'backend/src/evidence',
              message: 'disclosure/ rounds what evidence/ publishes: it never imports evidence/.',
            },
            {
              target: ['shared/src', 'frontend/src'],
              from: 'backend/src',
              message: 'Shapes the web app shares with the API live in shared/src.',
            },
            { target: ['shared/src', 'backend/src'], from: 'frontend/src' },
          ],
        },
      ],
    },
  },
);
