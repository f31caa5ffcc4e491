/**
 * `manifest.json`: every file of the community folder (except the manifest itself) with its
 * role, coordinate system, size and SHA-256, read from disk, so files written by other
 * generators (the IFC buildings) are listed as they are.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { serializeJson } from '../geojson/serializeJson.ts';
import { MAP_GRID_CRS } from '../projection/siteProjection.ts';
import type { CommunityFile } from './communityFiles.ts';

/** File name of the manifest inside the community folder. */
export const MANIFEST_FILE = 'manifest.json';

/** One entry of the manifest. */
export interface ManifestEntry {
  path: string;
  role: string;
  /** Coordinate system of the file's positions, or null when it has none. */
  crs: string | null;
  mediaType: string;
  bytes: number;
  sha256: string;
  /** IFC files: the building they hold. */
  building?: string;
}

export interface Manifest {
  version: 1;
  community: string;
  seed: number;
  files: ManifestEntry[];
}

const MEDIA_TYPES: Record<string, string> = { '.geojson': 'application/geo+json', '.json': 'application/json', '.ifc': 'application/x-step' };

/** All files under `dir`, as sorted `/`-separated relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The manifest of what is in `dir` now; roles and CRSs of generated files come from `known`. */
export function buildManifest(dir: string, community: string, seed: number, known: readonly CommunityFile[]): Manifest {
  const byPath = new Map(known.map((f) => [f.path, f]));
  const files = listFiles(dir)
    .filter((path) => path !== MANIFEST_FILE)
    .map((path): ManifestEntry => {
      const bytes = readFileSync(join(dir, path));
      const extension = path.slice(path.lastIndexOf('.'));
      const ifc = extension.toLowerCase() === '.ifc';
      const generated = byPath.get(path);
      const entry: ManifestEntry = {
        path,
        role: generated?.role ?? (ifc ? 'building' : 'other'),
        crs: generated?.crs ?? (ifc ? MAP_GRID_CRS : null),
        mediaType: MEDIA_TYPES[extension.toLowerCase()] ?? 'application/octet-stream',
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
      if (ifc) entry.building = path.slice(path.lastIndexOf('/') + 1, -extension.length);
      return entry;
    });
  return { version: 1, community, seed, files };
}

/** The manifest's text. */
export function serializeManifest(manifest: Manifest): string {
  return serializeJson(manifest, ['version', 'community', 'seed', 'files', 'path', 'role', 'building', 'crs', 'mediaType', 'bytes', 'sha256']);
}
