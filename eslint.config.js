// Lint rules, including the layering matrix: which code may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'net', 'http', 'https', 'child_process', 'worker_threads', 'crypto'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.tsbuild/**', '**/dist/**', 'var/**', 'models/community/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The wire contract runs everywhere: no Node, DOM or Electron.
    files: ['twin-server/protocol/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'electron', 'socket.io', 'socket.io-client', '@duckdb/*'] }],
    },
  },
  {
    // Only the storage module talks to DuckDB.
    files: ['twin-server/src/**/*.ts'],
    ignores: ['twin-server/src/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@duckdb/*'], message: 'Only twin-server/src/storage may import DuckDB (layering).' }] }],
    },
  },
  {
    // The renderer is a browser: no Node built-ins, no Electron.
    files: ['desktop/src/renderer/**/*.ts', 'desktop/src/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'electron'] }],
    },
  },
);
