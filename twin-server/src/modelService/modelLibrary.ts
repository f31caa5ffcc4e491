import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logging/logger.ts';
import { ModelError } from './modelError.ts';
import { ModelManifest, type ModelFileEntry } from './modelManifest.ts';

/** A manifest file checked against the disk: where it is and its size. */
export interface ModelFile {
  entry: ModelFileEntry;
  absolutePath: string;
}

interface Fingerprint {
  size: number;
  mtimeMs: number;
}

const sameFingerprint = (a: Fingerprint | undefined, b: Fingerprint) => a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * The models directory: `manifest.json` and the files it lists. The manifest is re-read when it
 * changes on disk (one `stat` per request), so regenerated models are served without a restart.
 * A file is only ever opened through its manifest entry, never through a path from a request.
 * Its size is checked on every request and its SHA-256 once per change of the file.
 */
export class ModelLibrary {
  private cached: { manifest: ModelManifest; fingerprint: Fingerprint } | undefined;
  private readonly verified = new Map<string, Fingerprint & { sha256: string }>();
  private readonly verifying = new Map<string, Promise<void>>();

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  /**
   * The current manifest.
   * @throws ModelError `TWIN_ERR_MODEL_MANIFEST_MISSING` or `TWIN_ERR_MODEL_MANIFEST_INVALID`.
   */
  async manifest(): Promise<ModelManifest> {
    const path = join(this.dir, 'manifest.json');
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new ModelError('TWIN_ERR_MODEL_MANIFEST_MISSING', `no manifest.json in the models directory ${this.dir}`);
    const fingerprint = { size: info.size, mtimeMs: info.mtimeMs };
    if (this.cached !== undefined && sameFingerprint(this.cached.fingerprint, fingerprint)) return this.cached.manifest;
    const manifest = ModelManifest.parse(await readFile(path));
    if (manifest.refused.length > 0) this.logger.warn('manifest entries refused (unsafe or repeated paths)', { paths: manifest.refused.slice(0, 20) });
    this.cached = { manifest, fingerprint };
    return manifest;
  }

  /** The entry for `path` in the manifest as last read (progress events name files already requested). */
  listedEntry(path: string): ModelFileEntry | undefined {
    return this.cached?.manifest.entry(path);
  }

  /**
   * The file a manifest path names, checked against the disk: present, of the listed size and
   * (once per change of the file) of the listed SHA-256.
   * @throws ModelError `TWIN_ERR_MODEL_NOT_FOUND` (not in the manifest) or `TWIN_ERR_MODEL_FILE_MISMATCH`.
   */
  async file(path: string): Promise<ModelFile> {
    const entry = (await this.manifest()).entry(path);
    if (entry === undefined) throw new ModelError('TWIN_ERR_MODEL_NOT_FOUND', `${path} is not in the model manifest`);
    const absolutePath = join(this.dir, ...entry.path.split('/'));
    const info = await stat(absolutePath).catch(() => undefined);
    if (info === undefined || !info.isFile()) throw new ModelError('TWIN_ERR_MODEL_FILE_MISMATCH', `${path} is listed in the manifest but missing on disk`);
    if (info.size !== entry.bytes) throw new ModelError('TWIN_ERR_MODEL_FILE_MISMATCH', `${path} has ${info.size} bytes, the manifest says ${entry.bytes}`);
    await this.verify(entry, absolutePath, { size: info.size, mtimeMs: info.mtimeMs });
    return { entry, absolutePath };
  }

  private async verify(entry: ModelFileEntry, absolutePath: string, fingerprint: Fingerprint): Promise<void> {
    const known = this.verified.get(absolutePath);
    if (sameFingerprint(known, fingerprint) && known!.sha256 === entry.sha256) return;
    const key = `${absolutePath}\n${entry.sha256}\n${fingerprint.size}\n${fingerprint.mtimeMs}`;
    let pending = this.verifying.get(key);
    if (pending === undefined) {
      pending = sha256OfFile(absolutePath)
        .then((sha256) => {
          if (sha256 !== entry.sha256) throw new ModelError('TWIN_ERR_MODEL_FILE_MISMATCH', `${entry.path} does not have the SHA-256 listed in the manifest`);
          this.verified.set(absolutePath, { ...fingerprint, sha256 });
        })
        .finally(() => this.verifying.delete(key));
      this.verifying.set(key, pending);
    }
    await pending;
  }
}

/** SHA-256 (hex) of a file, read in chunks so the event loop keeps turning. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
