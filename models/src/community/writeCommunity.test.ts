import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMMUNITY_SEED } from '../communityLayout.ts';
import { listFiles, MANIFEST_FILE, type Manifest } from './manifest.ts';
import { IFC_WRITER_PATH, writeCommunity, type WriteResult } from './writeCommunity.ts';

const keptDir = fileURLToPath(new URL('../../community/', import.meta.url));
let scratch: string;
let result: WriteResult;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'twin-community-'));
  result = await writeCommunity(scratch, DEFAULT_COMMUNITY_SEED);
}, 180_000);

afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe('writeCommunity', () => {
  it('regenerates every kept file of models/community byte for byte (IFC buildings included when their writer is present)', () => {
    const kept = listFiles(keptDir);
    expect(listFiles(scratch)).toEqual(kept);
    for (const path of kept) expect(readFileSync(join(scratch, path)).equals(readFileSync(join(keptDir, path))), path).toBe(true);
    expect(result.ifcWritten).toBe(existsSync(IFC_WRITER_PATH));
  });

  it('lists every other file in the manifest with its role, CRS, size and SHA-256', () => {
    const manifest = JSON.parse(readFileSync(join(scratch, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(manifest.files.map((f) => f.path)).toEqual(listFiles(scratch).filter((p) => p !== MANIFEST_FILE));
    for (const entry of manifest.files) {
      const bytes = readFileSync(join(scratch, entry.path));
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const roles = Object.fromEntries(manifest.files.map((f) => [f.path, [f.role, f.crs]]));
    expect(roles['site.geojson']).toEqual(['site', 'EPSG:4326']);
    expect(roles['roads.geojson']).toEqual(['roads', 'EPSG:4326']);
    for (const n of ['water', 'rain', 'sewage', 'gas', 'power']) expect(roles[`${n}.geojson`]).toEqual([`network:${n}`, 'EPSG:4326']);
    expect(roles['sensors.json']).toEqual(['registry', 'EPSG:4326']);
    expect(roles['cameras.json']).toEqual(['cameras', 'EPSG:4326']);
    for (const entry of manifest.files.filter((f) => f.path.endsWith('.ifc'))) expect(entry).toMatchObject({ role: 'building', crs: 'EPSG:4547', building: entry.path.slice(4, -4) });
  });

  it('writes GeoJSON as RFC 7946 FeatureCollections: WGS 84 positions, closed counter-clockwise rings, no crs member', () => {
    for (const name of ['site', 'roads', 'water', 'rain', 'sewage', 'gas', 'power']) {
      const doc = JSON.parse(readFileSync(join(scratch, `${name}.geojson`), 'utf8')) as { type: string; crs?: unknown; features: Array<{ geometry: { type: string; coordinates: unknown } }> };
      expect(doc.type).toBe('FeatureCollection');
      expect(doc.crs).toBeUndefined();
      for (const f of doc.features) {
        if (f.geometry.type !== 'Polygon') continue;
        const ring = (f.geometry.coordinates as number[][][])[0]!;
        expect(ring[0]).toEqual(ring.at(-1));
        let twiceArea = 0;
        for (let i = 1; i < ring.length; i++) twiceArea += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
        expect(twiceArea).toBeGreaterThan(0);
      }
    }
  });
});
