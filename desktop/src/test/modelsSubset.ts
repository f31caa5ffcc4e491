import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sample community's models directory. */
export const COMMUNITY = fileURLToPath(new URL('../../../models/community/', import.meta.url));

/** A file of the models manifest. */
export interface ManifestFile {
  path: string;
  role: string;
}

/**
 * A copy of the sample community with only the manifest files `keep` accepts, in a fresh
 * temporary directory: browser tests need not wait minutes for the server to extract the geometry
 * of buildings they do not look at.
 */
export async function modelsSubset(keep: (file: ManifestFile) => boolean): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'twin-models-'));
  const manifest = JSON.parse(await readFile(join(COMMUNITY, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };
  manifest.files = manifest.files.filter(keep);
  for (const file of manifest.files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await copyFile(join(COMMUNITY, file.path), join(dir, file.path));
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
