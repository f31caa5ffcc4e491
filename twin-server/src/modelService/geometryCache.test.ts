import { mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeMeshPack, MESH_PACK_HEADER_BYTES } from '@twin/protocol';
import { silentLogger } from '../logging/logger.ts';
import { GeometryCache } from './geometryCache.ts';

const sha = 'c'.repeat(64);
const pack = encodeMeshPack({
  schema: 'IFC4',
  origin: [0, 0, 0],
  elements: [{ expressId: 7, globalId: '', type: 'IfcWall' }],
  batches: [{ color: [1, 1, 1, 1], positions: new Float32Array(9), normals: new Int16Array(9), indices: Uint32Array.from([0, 1, 2]), vertexCount: 3, indexCount: 3, runs: [{ element: 0, firstVertex: 0, vertexCount: 3, firstIndex: 0, indexCount: 3 }] }],
});

describe('geometry cache', () => {
  let dir: string;
  let cache: GeometryCache;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'twin-cache-'));
    cache = new GeometryCache(join(dir, 'geometry-cache'), silentLogger);
    await cache.open();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function store(): Promise<void> {
    const temp = cache.tempPathFor(sha);
    await writeFile(temp, pack);
    await cache.commit(temp, sha);
  }

  it('stores a pack under its content hash by renaming a temporary file into place', async () => {
    await store();
    expect(await readdir(cache.dir)).toEqual([`${sha}.meshpack`]);
    expect(await cache.lookup(sha)).toEqual({ path: cache.pathFor(sha), byteLength: pack.length, elementCount: 1 });
    expect(await cache.lookup('d'.repeat(64))).toBeUndefined();
  });

  it('drops a truncated pack so it is rebuilt', async () => {
    await store();
    await truncate(cache.pathFor(sha), pack.length - 5);
    expect(await cache.lookup(sha)).toBeUndefined();
    await expect(stat(cache.pathFor(sha))).rejects.toThrow();
  });

  it('drops a pack whose body no longer matches its checksum, even one it has checked before', async () => {
    await store();
    const damaged = Buffer.from(pack);
    damaged[MESH_PACK_HEADER_BYTES + 10]! ^= 0xff;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeFile(cache.pathFor(sha), damaged);
    expect(await cache.lookup(sha)).toBeUndefined();
  });

  it('drops a file that is not a pack of this version', async () => {
    await writeFile(cache.pathFor(sha), Buffer.from('not a pack at all, but long enough to hold a header ........'));
    expect(await cache.lookup(sha)).toBeUndefined();
  });

  it('removes temporary files a previous run left behind', async () => {
    await writeFile(cache.tempPathFor(sha), pack.subarray(0, 100));
    await new GeometryCache(cache.dir, silentLogger).open();
    expect(await readdir(cache.dir)).toEqual([]);
  });
});
