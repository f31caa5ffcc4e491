/** One file of the models manifest (`GET /api/models/manifest`). */
export interface ManifestFile {
  path: string;
  /** `site`, `roads`, `network:<id>`, `building`, `registry`, `cameras`, … */
  role: string;
  building?: string;
  crs?: string;
  sha256?: string;
  bytes?: number;
}

/** The files the scene draws, by what they are. */
export interface CommunityFiles {
  site?: ManifestFile;
  roads?: ManifestFile;
  /** Network id (`water`, `gas`, …) → its GeoJSON, in manifest order. */
  networks: Map<string, ManifestFile>;
  /** IFC buildings (`.ifc`, `.ifczip`), in manifest order. */
  buildings: ManifestFile[];
  cameras?: ManifestFile;
}

/** Why the manifest cannot be used. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

/**
 * Reads the manifest JSON and sorts its files by role. Files of other roles (the registry, which
 * the scene takes from `/api/sensors`) are left out.
 * @throws ManifestError when the JSON has no `files` array of `{ path, role }`.
 */
export function communityFiles(json: unknown): CommunityFiles {
  const files = (json as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) throw new ManifestError('the models manifest has no files');
  const out: CommunityFiles = { networks: new Map(), buildings: [] };
  for (const [i, raw] of files.entries()) {
    const f = raw as Partial<ManifestFile> | null;
    if (typeof f?.path !== 'string' || typeof f.role !== 'string') throw new ManifestError(`manifest file ${i} has no path or role`);
    const file: ManifestFile = { path: f.path, role: f.role };
    if (typeof f.building === 'string') file.building = f.building;
    if (typeof f.crs === 'string') file.crs = f.crs;
    if (typeof f.sha256 === 'string') file.sha256 = f.sha256;
    if (typeof f.bytes === 'number') file.bytes = f.bytes;
    if (file.role === 'site') out.site ??= file;
    else if (file.role === 'roads') out.roads ??= file;
    else if (file.role === 'cameras') out.cameras ??= file;
    else if (file.role === 'building' && /\.ifc(zip)?$/i.test(file.path)) out.buildings.push(file);
    else if (file.role.startsWith('network:')) {
      const id = file.role.slice('network:'.length);
      if (id !== '' && !out.networks.has(id)) out.networks.set(id, file);
    }
  }
  return out;
}

/** The building id of a manifest file: its `building`, else the file name without extension. */
export function buildingIdOf(file: ManifestFile): string {
  return file.building ?? file.path.replace(/^.*\//, '').replace(/\.ifc(zip)?$/i, '');
}
