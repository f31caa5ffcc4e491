import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { MESH_PACK_HEADER_BYTES, readMeshPackHeader } from '@twin/protocol';
import type { Logger } from '../logging/logger.ts';

/** A complete mesh pack file in the cache. */
export interface CachedPack {
  path: string;
  byteLength: number;
  elementCount: number;
}

const TEMP_SUFFIX = '.tmp';

/**
 * Mesh packs on disk, one file per IFC content hash: `<dir>/<sha256>.meshpack`. Files are written
 * to a temporary name and renamed in, so a reader never sees half a file. A file whose header
 * does not describe its length (or is of another pack version) is dropped at once;
 * its CRC-32 is checked the first time this process uses it (and again if it changes), and a
 * file that fails is deleted so the caller rebuilds it.
 */
export class GeometryCache {
  private readonly verified = new Map<string, string>();

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  /** Creates the directory and removes temporary files a previous run left behind. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const name of await readdir(this.dir)) {
      if (name.endsWith(TEMP_SUFFIX)) await unlink(join(this.dir, name)).catch(() => {});
    }
  }

  /** Where the pack of a content hash lives. */
  pathFor(sha256: string): string {
    return join(this.dir, `${sha256}.meshpack`);
  }

  /** A fresh temporary path to write the pack of a content hash to. */
  tempPathFor(sha256: string): string {
    return `${this.pathFor(sha256)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  }

  /** The cached pack of a content hash, or undefined when there is none or it was corrupt (then removed). */
  async lookup(sha256: string): Promise<CachedPack | undefined> {
    const path = this.pathFor(sha256);
    const file = await open(path, 'r').catch(() => undefined);
    if (file === undefined) return undefined;
    let problem: string | undefined;
    let pack: CachedPack | undefined;
    try {
      const info = await file.stat();
      const head = new Uint8Array(MESH_PACK_HEADER_BYTES);
      const { bytesRead } = await file.read(head, 0, MESH_PACK_HEADER_BYTES, 0);
      const header = readMeshPackHeader(head.subarray(0, bytesRead));
      const stamp = `${info.size}:${info.mtimeMs}`;
      if (info.size !== header.byteLength) problem = `${info.size} bytes on disk, header says ${header.byteLength}`;
      else if (this.verified.get(path) !== stamp && (await bodyChecksum(file)) !== header.checksum) problem = 'checksum does not match';
      else {
        this.verified.set(path, stamp);
        pack = { path, byteLength: header.byteLength, elementCount: header.elementCount };
      }
    } catch (error) {
      problem = (error as Error).message;
    } finally {
      await file.close();
    }
    if (problem !== undefined) {
      this.logger.warn('corrupt mesh pack in the cache; rebuilding it', { file: path, problem });
      this.verified.delete(path);
      await unlink(path).catch(() => {});
    }
    return pack;
  }

  /** Moves a finished temporary file into place and returns the checked pack. */
  async commit(tempPath: string, sha256: string): Promise<CachedPack> {
    await rename(tempPath, this.pathFor(sha256));
    const pack = await this.lookup(sha256);
    if (pack === undefined) throw new Error(`the mesh pack written for ${sha256} is not valid`);
    return pack;
  }

  /** Removes a temporary file (after a failed extraction). */
  async discard(tempPath: string): Promise<void> {
    await unlink(tempPath).catch(() => {});
  }
}

/** CRC-32 of everything after the header, read in 1 MiB chunks (native zlib). */
async function bodyChecksum(file: Awaited<ReturnType<typeof open>>): Promise<number> {
  let crc = 0;
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (let position = MESH_PACK_HEADER_BYTES; ; ) {
    const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return crc;
    crc = crc32(chunk.subarray(0, bytesRead), crc);
    position += bytesRead;
  }
}
