import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localToLonLat } from './footprintCheck.ts';
import { sharedIfcApi as api } from './ifcApi.ts';
import { openIfc, readMapConversion } from './ifcModelReader.ts';
import { defaultIfcDir } from './writeCommunityIfc.ts';

const siteGeoJson = join(defaultIfcDir, '..', 'site.geojson');

/** Metres between two WGS84 points a few hundred metres apart (local equirectangular). */
function distanceM(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const metresPerDegree = 111_320;
  const dx = (a.lon - b.lon) * metresPerDegree * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const dy = (a.lat - b.lat) * 110_574;
  return Math.hypot(dx, dy);
}

interface BuildingFeature {
  geometry: { coordinates: number[][][] };
  properties: { id: string; featureType: string; widthM: number; depthM: number };
}

describe.skipIf(!existsSync(siteGeoJson))('IFC georeferencing against the GeoJSON site', () => {
  it('lands every building, through its IfcMapConversion, on its site.geojson footprint within a metre', () => {
    const site = JSON.parse(readFileSync(siteGeoJson, 'utf8')) as { features: BuildingFeature[] };
    const buildings = site.features.filter((f) => f.properties.featureType === 'building');
    expect(buildings.length).toBeGreaterThanOrEqual(30);
    for (const feature of buildings) {
      const { id, widthM, depthM } = feature.properties;
      const model = openIfc(api, readFileSync(join(defaultIfcDir, `${id}.ifc`)));
      try {
        const conversion = readMapConversion(api, model.modelID);
        expect(conversion, `${id} has an IfcMapConversion`).not.toBeNull();
        const [hw, hd] = [widthM / 2, depthM / 2];
        const corners = localToLonLat(conversion!, [[-hw, -hd], [hw, -hd], [hw, hd], [-hw, hd]]);
        const ring = feature.geometry.coordinates[0]!.slice(0, 4).map(([lon, lat]) => ({ lon: lon!, lat: lat! }));
        // Each IFC corner lies on a GeoJSON corner (the ring's start and direction may differ).
        const worst = Math.max(...corners.map((corner) => Math.min(...ring.map((vertex) => distanceM(corner, vertex)))));
        expect(worst, id).toBeLessThan(1);
      } finally {
        model.close();
      }
    }
  }, 60_000);
});
