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
    // Domain logic is pure: no I/O, no clock, no randomness (time and ids are arguments).
    files: ['twin-server/domain/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'electron', 'socket.io', 'socket.io-client', '@duckdb/*', 'mqtt', 'fastify', 'nodemailer'] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Domain logic takes time as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain logic takes time as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Domain logic is deterministic.' },
        { selector: "CallExpression[callee.name='setTimeout']", message: 'Domain logic returns effects; the caller schedules.' },
      ],
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
