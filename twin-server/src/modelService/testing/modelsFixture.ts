import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared real IFC files (`../shared/data/ifc` from the repository root); absent in a user's clone. */
export const sharedIfcDir: string = fileURLToPath(new URL('../../../../../shared/data/ifc', import.meta.url));
/** Whether the shared IFC files are present. */
export const sharedIfcPresent: boolean = existsSync(join(sharedIfcDir, 'webifc_duplex.ifc'));

/** One file of a test models directory: copied from `from`, or with the given content. */
export interface FixtureFile {
  path: string;
  role: string;
  from?: string;
  content?: string | Uint8Array;
}

/**
 * A temporary models directory with a `manifest.json` in the shape the models package writes
 * (`{ files: [{ path, sha256, bytes, crs, role }] }`), listing the given files.
 */
export async function makeModelsDir(files: FixtureFile[]): Promise<{ dir: string; manifest: { files: Array<{ path: string; sha256: string; bytes: number; crs: string | null; role: string }> }; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'twin-models-'));
  const listed = [];
  for (const file of files) {
    const bytes = file.from !== undefined ? await readFile(file.from) : typeof file.content === 'string' ? Buffer.from(file.content) : Buffer.from(file.content ?? new Uint8Array());
    const target = join(dir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    listed.push({ path: file.path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, crs: file.role === 'building' ? null : 'EPSG:4326', role: file.role });
  }
  const manifest = { version: 1, community: 'test', files: listed };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, manifest, remove: () => rm(dir, { recursive: true, force: true }) };
}
