import { describe, expect, it } from 'vitest';
import { communityLayout, createCommunityLayout, DEFAULT_COMMUNITY_SEED } from './communityLayout.ts';
import { spaceKey, storeyKey } from './elementKeys.ts';
import type { BuildingCategory, SitePoint } from './layout/layoutTypes.ts';
import { distance, insideRing, polygonArea, signedArea } from './layout/planGeometry.ts';
import { createRng } from './prng.ts';
import { greenRatio } from './site/siteGeoJson.ts';

const layout = communityLayout();
const residential = layout.buildings.filter((b) => b.category === 'residential');

/** True when two convex polygons overlap (separating axis test). */
function overlaps(a: SitePoint[], b: SitePoint[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const nx = q.northM - p.northM;
      const ny = p.eastM - q.eastM;
      const project = (s: SitePoint[]) => s.map((v) => v.eastM * nx + v.northM * ny);
      const [pa, pb] = [project(a), project(b)];
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

describe('communityLayout', () => {
  it('is the same plan for the same seed and a different one for another seed', () => {
    expect(JSON.stringify(communityLayout(7))).toBe(JSON.stringify(createCommunityLayout(createRng(7))));
    expect(JSON.stringify(communityLayout(7))).not.toBe(JSON.stringify(communityLayout(8)));
    expect(JSON.stringify(layout)).toBe(JSON.stringify(communityLayout(DEFAULT_COMMUNITY_SEED)));
  });

  it('has at least 20 residential towers and mid-rises B01.. and every kind of public building', () => {
    expect(residential.length).toBeGreaterThanOrEqual(20);
    residential.forEach((b, i) => expect(b.id).toBe(`B${String(i + 1).padStart(2, '0')}`));
    const categories = new Set<BuildingCategory>(layout.buildings.map((b) => b.category));
    expect([...categories].sort()).toEqual(['clinic', 'elderly-care', 'kindergarten', 'parking', 'residential', 'school', 'service-center', 'sports']);
    const garages = layout.buildings.filter((b) => b.category === 'parking');
    expect(garages).toHaveLength(2);
    expect(garages.filter((g) => g.storeys === 0 && g.basements > 0)).toHaveLength(1);
    expect(new Set(layout.buildings.map((b) => b.id)).size).toBe(layout.buildings.length);
  });

  it('gives towers plausible Shenzhen sizes: 11-33 storeys of 3 m, at most 100 m, 4 or 6 flats a storey', () => {
    for (const b of residential) {
      expect(b.storeys).toBeGreaterThanOrEqual(11);
      expect(b.heightM).toBeLessThanOrEqual(100);
      expect([4, 6]).toContain(b.flatsPerStorey);
      expect(b.monitoredStoreys[0]).toBe(3);
      expect(b.monitoredFlats).toHaveLength(b.monitoredStoreys.length);
      expect(b.gasStoreys).toHaveLength(b.storeys);
    }
  });

  it('keeps every footprint inside the fence, counter-clockwise, and apart from every other', () => {
    for (const b of layout.buildings) {
      expect(signedArea(b.footprint)).toBeGreaterThan(0);
      expect(polygonArea(b.footprint)).toBeCloseTo(b.widthM * b.depthM, 6);
      for (const corner of b.footprint) expect(insideRing(corner, layout.boundary), b.id).toBe(true);
    }
    for (let i = 0; i < layout.buildings.length; i++) {
      for (let j = i + 1; j < layout.buildings.length; j++) {
        const [a, b] = [layout.buildings[i]!, layout.buildings[j]!];
        expect(overlaps(a.footprint, b.footprint), `${a.id} and ${b.id}`).toBe(false);
      }
    }
  });

  it('keeps green spaces clear of buildings above ground', () => {
    for (const g of layout.greenSpaces) {
      for (const b of layout.buildings.filter((x) => x.storeys > 0)) expect(overlaps(g.outline, b.footprint), `${g.id} and ${b.id}`).toBe(false);
    }
  });

  it('ENV-6 has a green ratio of at least 30 % and at least 1 m² of public green per resident', () => {
    expect(greenRatio(layout)).toBeGreaterThanOrEqual(0.3);
    const residents = residential.reduce((sum, b) => sum + b.storeys * b.flatsPerStorey, 0) * 2.8;
    const park = layout.greenSpaces.filter((g) => g.kind === 'park').reduce((sum, g) => sum + polygonArea(g.outline), 0);
    expect(park / residents).toBeGreaterThanOrEqual(1);
  });

  it('MUN-2 puts every main entrance within 500 m walk (along the grid) of a bus stop', () => {
    for (const b of layout.buildings) {
      const walk = Math.min(...layout.busStops.map((s) => Math.abs(s.eastM - b.entrance.eastM) + Math.abs(s.northM - b.entrance.northM)));
      expect(walk, b.id).toBeLessThanOrEqual(500);
    }
  });

  it('MUN-6 has at least two emergency shelters that together take every resident', () => {
    expect(layout.shelters.length).toBeGreaterThanOrEqual(2);
    const residents = residential.reduce((sum, b) => sum + b.storeys * b.flatsPerStorey, 0) * 2.8;
    const capacity = layout.shelters.reduce((sum, s) => sum + s.capacityPersons, 0);
    expect(capacity).toBeGreaterThan(residents);
    for (const s of layout.shelters) expect(s.capacityPersons).toBe(Math.floor(polygonArea(s.outline) / s.areaPerPersonM2));
  });

  it('places entrances on the fence and bus stops outside it', () => {
    for (const e of layout.entrances) expect(Math.abs(e.eastM) === 320 || Math.abs(e.northM) === 240, e.id).toBe(true);
    for (const s of layout.busStops) expect(insideRing(s, layout.boundary), s.id).toBe(false);
    expect(layout.entrances.map((e) => e.id)).toEqual(expect.arrayContaining(['N1', 'S1', 'E1']));
  });

  it('spreads the perimeter cameras evenly along the fence', () => {
    const cams = layout.perimeterCameras;
    expect(cams).toHaveLength(24);
    for (let i = 1; i < cams.length; i++) expect(distance(cams[i - 1]!, cams[i]!)).toBeLessThanOrEqual(2240 / 24 + 1e-9);
  });

  it('names element keys as the IFC writer does: F1 is the ground storey, B1 the basement, spaces S01..', () => {
    expect(storeyKey('B03', 12)).toBe('B03/F12');
    expect(storeyKey('B03', 1)).toBe('B03/F1');
    expect(storeyKey('B03', -1)).toBe('B03/B1');
    expect(spaceKey('B03', 12, 1)).toBe('B03/F12/S01');
    expect(() => storeyKey('B03', 0)).toThrow(/no storey 0/);
  });
});
