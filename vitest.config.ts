import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'protocol', root: 'twin-server/protocol', include: ['src/**/*.test.ts'] } },
      { test: { name: 'domain', root: 'twin-server/domain', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          root: 'twin-server',
          include: ['src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests bind ports and open DuckDB files; run files one at a time on 2 cores.
          fileParallelism: false,
        },
      },
      { test: { name: 'models', root: 'models', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'desktop',
          root: 'desktop',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Browser tests drive real Chromium against a real server; one file at a time on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
