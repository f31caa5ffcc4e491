import { request as httpRequest } from 'node:http';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMeshPack, MESH_PACK_MEDIA_TYPE, MESH_PACK_VERSION, type ModelProgress, type SensorRegistry } from '@twin/protocol';
import { startTestServer } from '../test/testServer.ts';
import { testSensor } from '../test/testCatalog.ts';
import { DEFAULT_GEOMETRY_LIMITS, type GeometryLimits } from './geometryService.ts';
import { makeModelsDir, sharedIfcDir, sharedIfcPresent } from './testing/modelsFixture.ts';

const registry: SensorRegistry = { version: 1, community: { id: 'test', name: '测试社区' }, sensors: [testSensor('power-1', 'power')] };
const SITE = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'zone-a' }, geometry: { type: 'Point', coordinates: [114.06, 22.54] } }] });

type Harness = Awaited<ReturnType<typeof startTestServer>>;

/** A server over a temporary models directory holding the shared IFC files, a broken one, and GeoJSON. */
async function startModelServer(limits: Partial<GeometryLimits> = {}) {
  const duplex = await readFile(join(sharedIfcDir, 'webifc_duplex.ifc'));
  const models = await makeModelsDir([
    { path: 'site.geojson', role: 'site', content: SITE },
    { path: 'stale.geojson', role: 'roads', content: SITE },
    { path: 'ifc/duplex.ifc', role: 'building', content: duplex },
    // Same building, other bytes (a trailing comment): a content hash of its own.
    { path: 'ifc/duplex-b.ifc', role: 'building', content: Buffer.concat([duplex, Buffer.from('/* copy */\n')]) },
    { path: 'ifc/house.ifc', role: 'building', from: join(sharedIfcDir, 'webifc_IfcOpenHouse_IFC4.ifc') },
    { path: 'ifc/truncated.ifc', role: 'building', content: duplex.subarray(0, 1_200_000) },
    { path: 'ifc/not-step.ifc', role: 'building', content: 'this is not an IFC file\n' },
  ]);
  const h = await startTestServer(registry, { modelsDir: models.dir, geometryLimits: { ...DEFAULT_GEOMETRY_LIMITS, ...limits } });
  return { h, models, close: async () => (await h.close(), await models.remove()) };
}

/** GET with a raw, unnormalised path (fetch would resolve `..` segments before sending). */
async function rawGet(h: Harness, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(h.server.httpUrl);
  const { token } = await h.login('operator', h.demo('operator').password);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

async function timed(h: Harness, path: string): Promise<{ ms: number; response: Response; bytes: Uint8Array }> {
  const started = performance.now();
  const response = await h.http(path);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { ms: performance.now() - started, response, bytes };
}

describe.skipIf(!sharedIfcPresent)('model service over HTTP (shared IFC files; skipped where ../shared/data is absent)', () => {
  let fixture: Awaited<ReturnType<typeof startModelServer>>;
  let h: Harness;
  beforeAll(async () => {
    fixture = await startModelServer();
    h = fixture.h;
  });
  afterAll(() => fixture.close());

  it('serves the manifest with its hash as ETag and answers 304 to If-None-Match', async () => {
    const first = await h.http('/api/models/manifest');
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual(fixture.models.manifest);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect((await h.http('/api/models/manifest', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await h.http('/api/models/manifest', { headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await h.http('/api/models/manifest', { token: null })).status).toBe(401);
  });

  it('streams a listed file with its SHA-256 as ETag and answers 304 on a match', async () => {
    const entry = fixture.models.manifest.files.find((f) => f.path === 'site.geojson')!;
    const response = await h.http('/api/models/files/site.geojson');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json');
    expect(response.headers.get('etag')).toBe(`"${entry.sha256}"`);
    expect(await response.text()).toBe(SITE);
    expect((await h.http('/api/models/files/site.geojson', { headers: { 'if-none-match': `"${entry.sha256}"` } })).status).toBe(304);
    const ifc = await h.http('/api/models/files/ifc/house.ifc');
    expect(Buffer.from(await ifc.arrayBuffer()).equals(await readFile(join(sharedIfcDir, 'webifc_IfcOpenHouse_IFC4.ifc')))).toBe(true);
  });

  it('serves only what the manifest lists and refuses paths that climb out', async () => {
    const unknown = await h.http('/api/models/files/ifc/B99.ifc');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('TWIN_ERR_MODEL_NOT_FOUND');
    expect((await h.http('/api/models/files/manifest.json')).status).toBe(404);
    for (const path of ['/api/models/files/../../../../etc/passwd', '/api/models/files/ifc/../../credentials.json', '/api/models/files/..%2F..%2Fetc%2Fpasswd', '/api/models/geometry/%2Fetc%2Fpasswd', '/api/models/files/ifc%5C..%5Cx']) {
      const response = await rawGet(h, path);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body).error.code).toBe('TWIN_ERR_BAD_REQUEST');
    }
    const notIfc = await h.http('/api/models/geometry/site.geojson');
    expect(notIfc.status).toBe(400);
    expect((await errorOf(notIfc)).code).toBe('TWIN_ERR_MODEL_NOT_IFC');
  });

  it('reports what a model holds through the importer: IFC classes of the Duplex, GeoJSON features, and a broken file with its code', async () => {
    const duplex = await h.http('/api/models/report/ifc/duplex.ifc');
    expect(duplex.status).toBe(200);
    const report = (await duplex.json()) as { kind: string; schema: string; file: string; counts: Record<string, number> };
    expect(report).toMatchObject({ kind: 'ifc', schema: 'IFC2X3', file: 'ifc/duplex.ifc' });
    expect(report.counts).toMatchObject({ IfcBuildingStorey: 4, IfcSpace: 21, IfcWallStandardCase: 56, IfcDoor: 14, IfcWindow: 24 });
    const etag = duplex.headers.get('etag')!;
    expect(etag).toMatch(/-report"$/);
    expect((await h.http('/api/models/report/ifc/duplex.ifc', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const site = (await (await h.http('/api/models/report/site.geojson')).json()) as { kind: string };
    expect(site.kind).toBe('geojson');
    const broken = await h.http('/api/models/report/ifc/not-step.ifc');
    expect(broken.status).toBeGreaterThanOrEqual(400);
    const error = await errorOf(broken);
    expect(error.code).toMatch(/^TWIN_ERR_MODEL_IMPORT_/);
    // The server's own directories never reach the client.
    expect(error.message).not.toContain(fixture.models.dir);
  });

  it('serves the geometry of IfcOpenHouse as a mesh pack with ETag <sha256>-<version>', async () => {
    const sha256 = fixture.models.manifest.files.find((f) => f.path === 'ifc/house.ifc')!.sha256;
    const { response, bytes } = await timed(h, '/api/models/geometry/ifc/house.ifc');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(MESH_PACK_MEDIA_TYPE);
    expect(response.headers.get('etag')).toBe(`"${sha256}-${MESH_PACK_VERSION}"`);
    const pack = decodeMeshPack(bytes);
    expect(pack.elementCount).toBe(35);
    expect(pack.indices.length).toBeGreaterThan(0);
    expect(pack.meta.sourceSha256).toBe(sha256);
    expect((await h.http('/api/models/geometry/ifc/house.ifc', { headers: { 'if-none-match': `"${sha256}-${MESH_PACK_VERSION}"` } })).status).toBe(304);
  });

  it('loads the Duplex from the cache at least 5x faster than the first time', async () => {
    const before = h.server.stats().models;
    const first = await timed(h, '/api/models/geometry/ifc/duplex.ifc');
    const cached = await timed(h, '/api/models/geometry/ifc/duplex.ifc');
    const after = ((await (await h.http('/api/stats')).json()) as { models: typeof before }).models;
    expect([after.extractions - before.extractions, after.cacheHits - before.cacheHits]).toEqual([1, 1]);
    expect([first.response.headers.get('x-twin-geometry'), cached.response.headers.get('x-twin-geometry')]).toEqual(['extracted', 'cache']);
    expect(Buffer.from(cached.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const pack = decodeMeshPack(cached.bytes);
    expect(pack.elementCount).toBe(215);
    expect(pack.indices.length / 3).toBe(26_774);
    const serverMs = (r: Response) => Number(/dur=([\d.]+)/.exec(r.headers.get('server-timing') ?? '')![1]);
    console.info(`duplex geometry: first ${first.ms.toFixed(0)} ms (server ${serverMs(first.response)} ms), cached ${cached.ms.toFixed(1)} ms (server ${serverMs(cached.response)} ms)`);
    expect(first.ms / cached.ms, `first ${first.ms} ms, cached ${cached.ms} ms`).toBeGreaterThanOrEqual(5);
    expect(serverMs(first.response) / Math.max(serverMs(cached.response), 0.1)).toBeGreaterThanOrEqual(5);
  });

  it('shares one extraction among concurrent first loads and reports progress to operators', async () => {
    const socket = await h.operator();
    const progress: ModelProgress[] = [];
    socket.on('model:progress', (p) => progress.push(p));
    const loads = await Promise.all([1, 2, 3].map(() => timed(h, '/api/models/geometry/ifc/duplex-b.ifc')));
    expect(loads.map((l) => l.response.status)).toEqual([200, 200, 200]);
    expect(loads.map((l) => l.response.headers.get('x-twin-geometry')).sort()).toEqual(['extracted', 'shared', 'shared']);
    expect(loads.every((l) => Buffer.from(l.bytes).equals(Buffer.from(loads[0]!.bytes)))).toBe(true);
    expect(decodeMeshPack(loads[0]!.bytes).elementCount).toBe(215);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const mine = progress.filter((p) => p.path === 'ifc/duplex-b.ifc');
    expect([...new Set(mine.map((p) => p.phase))]).toEqual(['parse', 'geometry', 'write']);
    expect(mine.at(-1)).toMatchObject({ phase: 'write' });
    expect(mine.at(-1)!.done).toBe(mine.at(-1)!.total);
    expect(mine.find((p) => p.phase === 'geometry' && p.done === p.total)).toMatchObject({ total: 224 });
  });

  it('answers a corrupt IFC with its error and keeps serving', async () => {
    const truncated = await h.http('/api/models/geometry/ifc/truncated.ifc');
    expect(truncated.status).toBe(422);
    const error = await errorOf(truncated);
    expect(error.code).toBe('TWIN_ERR_MODEL_INVALID_IFC');
    expect(error.message).toContain('ifc/truncated.ifc');
    const notStep = await h.http('/api/models/geometry/ifc/not-step.ifc');
    expect(await errorOf(notStep)).toMatchObject({ code: 'TWIN_ERR_MODEL_INVALID_IFC', message: expect.stringContaining('not an IFC STEP file') });
    // Known bad content is not parsed again.
    const again = await timed(h, '/api/models/geometry/ifc/truncated.ifc');
    expect(again.response.status).toBe(422);
    expect(again.ms).toBeLessThan(200);
    expect((await h.http('/api/models/manifest')).status).toBe(200);
    expect(decodeMeshPack(new Uint8Array(await (await h.http('/api/models/geometry/ifc/house.ifc')).arrayBuffer())).elementCount).toBe(35);
  });

  it('rebuilds a corrupt cached pack', async () => {
    const sha256 = fixture.models.manifest.files.find((f) => f.path === 'ifc/house.ifc')!.sha256;
    await h.http('/api/models/geometry/ifc/house.ifc').then((r) => r.arrayBuffer());
    await truncate(join(h.config.geometryCacheDir, `${sha256}.meshpack`), 1000);
    const rebuilt = await timed(h, '/api/models/geometry/ifc/house.ifc');
    expect(rebuilt.response.headers.get('x-twin-geometry')).toBe('extracted');
    expect(decodeMeshPack(rebuilt.bytes).elementCount).toBe(35);
  });

  it('refuses a file that changed on disk after the manifest was written', async () => {
    await writeFile(join(fixture.models.dir, 'stale.geojson'), SITE + ' ');
    const response = await h.http('/api/models/files/stale.geojson');
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('TWIN_ERR_MODEL_FILE_MISMATCH');
    await writeFile(join(fixture.models.dir, 'stale.geojson'), SITE.replace('zone-a', 'zone-b'));
    expect((await h.http('/api/models/files/stale.geojson')).status).toBe(409);
  });
});

describe.skipIf(!sharedIfcPresent)('model service limits', () => {
  it('stops an extraction that exceeds its time limit and keeps serving', async () => {
    const { h, close } = await startModelServer({ timeoutMs: 300 });
    try {
      const started = performance.now();
      const response = await h.http('/api/models/geometry/ifc/duplex.ifc');
      expect(response.status).toBe(503);
      expect((await errorOf(response)).code).toBe('TWIN_ERR_MODEL_TIMEOUT');
      expect(performance.now() - started).toBeLessThan(3000);
      expect((await h.http('/api/models/manifest')).status).toBe(200);
    } finally {
      await close();
    }
  });

  it('refuses a model with more vertices than the limit', async () => {
    const { h, close } = await startModelServer({ maxVertices: 2000 });
    try {
      const response = await h.http('/api/models/geometry/ifc/house.ifc');
      expect(response.status).toBe(503);
      expect((await errorOf(response)).code).toBe('TWIN_ERR_MODEL_RESOURCE_LIMIT');
    } finally {
      await close();
    }
  });
});

describe('model service without models', () => {
  it('starts, and answers 404 with its code while the models directory has no manifest', async () => {
    const h = await startTestServer(registry, { modelsDir: '/nonexistent/twin-models' });
    try {
      const response = await h.http('/api/models/manifest');
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('TWIN_ERR_MODEL_MANIFEST_MISSING');
      expect((await h.http('/api/models/geometry/ifc/B01.ifc')).status).toBe(404);
    } finally {
      await h.close();
    }
  });
});
