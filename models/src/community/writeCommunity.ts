/**
 * Writes the community folder: this package's files, then the IFC buildings through
 * `writeCommunityIfc(layout, ifcDir)` of `ifc/writeCommunityIfc.ts` when that module is present
 * (it writes `<buildingId>.ifc` into `ifcDir`, the `ifc/` folder of the community folder; IFC
 * files left from an earlier layout are removed first), then `manifest.json` over whatever is
 * there.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_COMMUNITY_SEED } from '../communityLayout.ts';
import type { CommunityLayout } from '../layout/layoutTypes.ts';
import { communityFiles } from './communityFiles.ts';
import { generateCommunity, type CommunityModel } from './generateCommunity.ts';
import { buildManifest, MANIFEST_FILE, serializeManifest, type Manifest } from './manifest.ts';

/** The IFC writer's module, beside this package's other generators. */
export const IFC_WRITER_PATH: string = fileURLToPath(new URL('../ifc/writeCommunityIfc.ts', import.meta.url));

/** The IFC writer's entry point. */
type WriteCommunityIfc = (layout: CommunityLayout, ifcDir: string) => unknown;

/** Folder of the IFC buildings inside the community folder. */
export const IFC_FOLDER = 'ifc';

/** What was written. */
export interface WriteResult {
  model: CommunityModel;
  manifest: Manifest;
  /** False when the IFC writer module is absent. */
  ifcWritten: boolean;
}

/**
 * Generates the community for `seed` into `dir` (created if needed).
 * @example
 * await writeCommunity('/tmp/community', DEFAULT_COMMUNITY_SEED);
 */
export async function writeCommunity(dir: string, seed: number = DEFAULT_COMMUNITY_SEED): Promise<WriteResult> {
  const model = generateCommunity(seed);
  const files = communityFiles(model);
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const path = join(dir, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  const ifcWritten = await writeIfc(model.layout, dir);
  const manifest = buildManifest(dir, model.layout.community.id, seed, files);
  writeFileSync(join(dir, MANIFEST_FILE), serializeManifest(manifest));
  return { model, manifest, ifcWritten };
}

async function writeIfc(layout: CommunityLayout, dir: string): Promise<boolean> {
  if (!existsSync(IFC_WRITER_PATH)) return false;
  const module = (await import(pathToFileURL(IFC_WRITER_PATH).href)) as { writeCommunityIfc?: WriteCommunityIfc };
  if (typeof module.writeCommunityIfc !== 'function') throw new Error(`${IFC_WRITER_PATH} does not export writeCommunityIfc(layout, ifcDir)`);
  const ifcDir = join(dir, IFC_FOLDER);
  if (existsSync(ifcDir)) for (const name of readdirSync(ifcDir)) if (name.toLowerCase().endsWith('.ifc')) rmSync(join(ifcDir, name));
  await module.writeCommunityIfc(layout, ifcDir);
  return true;
}
