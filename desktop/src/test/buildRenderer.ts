import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** A production build of the renderer in a temporary directory. */
export interface BuiltRenderer {
  dir: string;
  remove(): Promise<void>;
}

/** Builds the renderer with its production configuration (`desktop/vite.config.ts`) into a fresh temporary directory. */
export async function buildRenderer(): Promise<BuiltRenderer> {
  const dir = await mkdtemp(join(tmpdir(), 'twin-renderer-'));
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    build: { outDir: dir, emptyOutDir: true, sourcemap: false },
  });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
