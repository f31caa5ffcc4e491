import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { defaultRegistryPath } from '@twin/models';
import { decodeMeshPack } from '@twin/protocol';
import type { BenchFigure, Benchmark } from './benchmark.ts';
import { benchRegistry, startBenchServer } from './benchServer.ts';
import { createIfcApi, extractGeometry, openIfcModel } from '../src/modelService/ifcGeometryExtractor.ts';
import { unzipIfc } from '../src/modelService/ifcZip.ts';
import { isIfcPath } from '../src/modelService/modelManifest.ts';
import { makeModelsDir, sharedIfcDir } from '../src/modelService/testing/modelsFixture.ts';

const communityDir = dirname(defaultRegistryPath);
const MAX_IFC_BYTES = 512 * 1024 * 1024;

/** The shared IFC files and the generated community's, where present. */
function ifcFiles(): string[] {
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter(isIfcPath).sort().map((name) => join(dir, name)) : []);
  return [...list(sharedIfcDir), ...list(join(communityDir, 'ifc'))];
}

/**
 * Parse and geometry extraction in this thread with a warm web-ifc (no worker start): best of
 * a few runs, so one file's figure is not one garbage collection's.
 */
async function parseThroughput(path: string): Promise<{ mb: number; ms: number }> {
  let bytes: Uint8Array = await readFile(path);
  if (path.endsWith('.ifczip')) bytes = unzipIfc(bytes, MAX_IFC_BYTES);
  let best = Infinity;
  const deadline = performance.now() + 5000;
  for (let run = 0; run < 5 && (run === 0 || performance.now() < deadline); run++) {
    const api = await createIfcApi();
    const started = performance.now();
    const modelId = openIfcModel(api, bytes);
    extractGeometry(api, modelId, { maxVertices: 50_000_000 });
    best = Math.min(best, performance.now() - started);
    api.Dispose();
  }
  return { mb: bytes.length / 1e6, ms: best };
}

/** Building IFC paths of the generated community's manifest, or undefined when it has none yet. */
function communityBuildings(): string[] | undefined {
  const path = join(communityDir, 'manifest.json');
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { files?: Array<{ path: string; role?: string }> };
  const buildings = (manifest.files ?? []).filter((f) => f.role === 'building' && isIfcPath(f.path)).map((f) => f.path);
  return buildings.length > 0 ? buildings : undefined;
}

/** Loads every building's geometry at once, as a client opening the community does; returns the wall time. */
async function loadAll(http: string, token: string, paths: string[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    paths.map(async (path) => {
      const response = await fetch(`${http}/api/models/geometry/${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      decodeMeshPack(new Uint8Array(await response.arrayBuffer()), { verifyChecksum: false });
    }),
  );
  return performance.now() - started;
}

/**
 * First load (IFC parsed in the server's geometry worker) versus cached load (mesh packs read
 * from the cache) of every building of the sample community, through `twin serve` in its own
 * process. Without a community manifest, the generated `models/community/ifc` files (or, without
 * those, the shared IFC files) are listed in a temporary one.
 */
async function cachedSpeedup(): Promise<{ first: number; cached: number; files: number; source: string }> {
  let buildings = communityBuildings();
  let source = 'community manifest';
  let modelsDir = communityDir;
  let fixture: Awaited<ReturnType<typeof makeModelsDir>> | undefined;
  if (buildings === undefined) {
    const generated = ifcFiles().filter((path) => !path.startsWith(sharedIfcDir));
    const files = generated.length > 0 ? generated : ifcFiles();
    source = generated.length > 0 ? 'models/community/ifc (no manifest yet)' : 'shared IFC files (no community yet)';
    fixture = await makeModelsDir(files.map((from) => ({ path: `ifc/${basename(from)}`, role: 'building', from })));
    modelsDir = fixture.dir;
    buildings = fixture.manifest.files.map((f) => f.path);
  }
  const server = await startBenchServer(benchRegistry(10), ['--models', modelsDir]);
  try {
    const first = await loadAll(server.http, server.sessionToken, buildings);
    const cached = await loadAll(server.http, server.sessionToken, buildings);
    return { first, cached, files: buildings.length, source };
  } finally {
    await server.stop();
    await fixture?.remove();
  }
}

const slug = (path: string) => basename(path).replace(/\.ifc(zip)?$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '_');

/**
 * `ifc_parse_mb_per_s`: IFC parse plus geometry extraction throughput of the slowest file; per
 * shared file `ifc_parse_mb_per_s_<file>`, and `ifc_parse_mb_per_s_community` over all the
 * generated buildings. A file of a few kilobytes is dominated by web-ifc's fixed cost per model
 * (some milliseconds), so its MB/s is low. `model_cached_load_speedup`: first over cached load of
 * all buildings (`model_first_load_ms`, `model_cached_load_ms`).
 */
export const benchmark: Benchmark = {
  name: 'model',
  async run() {
    const files = ifcFiles();
    if (files.length === 0) throw new Error(`no IFC files in ${sharedIfcDir} or ${join(communityDir, 'ifc')}`);
    const figures: BenchFigure[] = [];
    let slowest = Infinity;
    const community = { mb: 0, ms: 0 };
    for (const path of files) {
      const { mb, ms } = await parseThroughput(path);
      const rate = mb / (ms / 1000);
      slowest = Math.min(slowest, rate);
      if (path.startsWith(sharedIfcDir)) {
        figures.push({ name: `ifc_parse_mb_per_s_${slug(path)}`, value: rate, unit: 'MB/s' });
      } else {
        community.mb += mb;
        community.ms += ms;
      }
    }
    if (community.ms > 0) figures.push({ name: 'ifc_parse_mb_per_s_community', value: community.mb / (community.ms / 1000), unit: 'MB/s' });
    figures.unshift({ name: 'ifc_parse_mb_per_s', value: slowest, unit: 'MB/s' });
    const load = await cachedSpeedup();
    console.error(`model: first and cached load of ${load.files} buildings from the ${load.source}`);
    figures.push(
      { name: 'model_first_load_ms', value: load.first, unit: 'ms' },
      { name: 'model_cached_load_ms', value: load.cached, unit: 'ms' },
      { name: 'model_cached_load_speedup', value: load.first / load.cached, unit: 'x' },
    );
    return figures;
  },
};
