import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ModelError } from './modelError.ts';

/** One file of the community's models, as `manifest.json` lists it. */
export interface ModelFileEntry {
  /** Path relative to the models directory, `/`-separated, e.g. `ifc/B01.ifc`. */
  path: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  bytes: number;
  /** What the file is: `site`, `roads`, `network:water`, `building`, `registry`, `cameras`, … */
  role: string;
  /** The building an IFC file models (`B01`), for `role: 'building'`. */
  building?: string;
}

// Only the fields the server relies on are checked; everything else passes through untouched,
// since the manifest is served to clients byte for byte.
const manifestSchema = z.looseObject({
  files: z.array(
    z.looseObject({
      path: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 in hex'),
      bytes: z.number().int().nonnegative(),
      role: z.string().default(''),
      building: z.string().min(1).optional(),
    }),
  ),
});

/**
 * Whether a manifest path is safe to join to the models directory: relative, `/`-separated,
 * no empty, `.` or `..` segments, no backslashes or control characters.
 */
export function isSafeModelPath(path: string): boolean {
  if (path.length === 0 || path.length > 1024 || path.startsWith('/') || path.includes('\\')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !/^[a-zA-Z]:$/.test(segment));
}

/** Whether geometry can be prepared from this file (an IFC STEP file, plain or zipped). */
export function isIfcPath(path: string): boolean {
  return /\.ifc(zip)?$/i.test(path);
}

/** The manifest as read from disk: its exact bytes (served as is), its ETag and its files by path. */
export class ModelManifest {
  private constructor(
    /** The file's bytes. */
    readonly bytes: Buffer,
    /** Strong ETag: the SHA-256 of the bytes, quoted. */
    readonly etag: string,
    readonly files: ReadonlyMap<string, ModelFileEntry>,
    /** Entries left out because their path is unsafe or repeated. */
    readonly refused: readonly string[],
    private readonly json: Record<string, unknown>,
  ) {}

  /**
   * Parses `manifest.json`.
   * @throws ModelError `TWIN_ERR_MODEL_MANIFEST_INVALID` when it is not JSON of the expected shape.
   */
  static parse(bytes: Buffer): ModelManifest {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new ModelError('TWIN_ERR_MODEL_MANIFEST_INVALID', `manifest.json is not JSON: ${(error as Error).message}`);
    }
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ModelError('TWIN_ERR_MODEL_MANIFEST_INVALID', `manifest.json ${issue.path.join('.')}: ${issue.message}`);
    }
    const files = new Map<string, ModelFileEntry>();
    const refused: string[] = [];
    for (const file of parsed.data.files) {
      if (!isSafeModelPath(file.path) || files.has(file.path)) {
        refused.push(file.path);
        continue;
      }
      files.set(file.path, { path: file.path, sha256: file.sha256.toLowerCase(), bytes: file.bytes, role: file.role, ...(file.building === undefined ? {} : { building: file.building }) });
    }
    const etag = `"${createHash('sha256').update(bytes).digest('hex')}"`;
    return new ModelManifest(bytes, etag, files, refused, json as Record<string, unknown>);
  }

  /**
   * The manifest with only the listed files `keep` admits (what one user may see), every other
   * field as is; its ETag is the SHA-256 of those bytes. The whole manifest when all are kept.
   */
  subset(keep: (entry: ModelFileEntry) => boolean): { bytes: Buffer; etag: string } {
    const kept = [...this.files.values()].filter(keep);
    if (kept.length === this.files.size && this.refused.length === 0) return { bytes: this.bytes, etag: this.etag };
    const paths = new Set(kept.map((e) => e.path));
    const files = (this.json.files as Array<{ path: string }>).filter((f) => paths.has(f.path) && this.files.get(f.path) !== undefined);
    const bytes = Buffer.from(JSON.stringify({ ...this.json, files }, null, 2) + '\n');
    return { bytes, etag: `"${createHash('sha256').update(bytes).digest('hex')}"` };
  }

  /** The entry for a request path, or undefined when the manifest does not list it. */
  entry(path: string): ModelFileEntry | undefined {
    return this.files.get(path);
  }
}
