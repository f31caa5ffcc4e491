/**
 * Build of the Electron shell (`npm run build:shell -w desktop`): the main process as one ES
 * module, `dist/main/main.js`, and the preload as one CommonJS file, `dist/preload/preload.cjs`.
 * A sandboxed preload cannot load modules beyond Electron's own, so everything it imports is
 * bundled in; the main process keeps only `electron` and Node's built-ins external.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };
const external = ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  define: { 'import.meta.env.TWIN_APP_VERSION': JSON.stringify(version) },
  builder: {
    // Only the shell's two bundles; the renderer has its own build.
    async buildApp(builder) {
      await builder.build(builder.environments['main']!);
      await builder.build(builder.environments['preload']!);
    },
  },
  environments: {
    main: {
      consumer: 'server',
      resolve: { noExternal: true },
      build: {
        outDir: 'dist/main',
        emptyOutDir: true,
        target: 'node22',
        minify: false,
        sourcemap: true,
        rollupOptions: { input: 'src/main/main.ts', external, output: { format: 'es', entryFileNames: 'main.js' } },
      },
    },
    preload: {
      consumer: 'client',
      build: {
        outDir: 'dist/preload',
        emptyOutDir: true,
        target: 'chrome140',
        minify: false,
        sourcemap: true,
        rollupOptions: { input: 'src/preload/preload.ts', external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
      },
    },
  },
});
