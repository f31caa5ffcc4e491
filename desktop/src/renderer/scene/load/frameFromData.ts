import { sceneFrameParams, type GroundSample, type SceneFrameParams } from '../geo/sceneFrame.ts';
import { numberProperty, type FeatureCollection, type Position } from './geoJson.ts';

/**
 * The scene frame of a community, from its GIS files: the origin at the centre of the site plan
 * (else of the first file with positions), the ground fitted to manhole and chamber rims
 * (`rimElevationM`), level at the site's `groundElevationM` when there are none.
 */
export function frameFromData(collections: Array<FeatureCollection | undefined>): SceneFrameParams {
  let box: [number, number, number, number] | undefined;
  for (const collection of collections) {
    if (collection === undefined) continue;
    box = lonLatBounds(collection);
    if (box !== undefined) break;
  }
  const [w, s, e, n] = box ?? [0, 0, 0, 0];
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const origin = { lon: round((w + e) / 2), lat: round((s + n) / 2) };
  const samples: GroundSample[] = [];
  let fallback = 0;
  for (const collection of collections) {
    for (const feature of collection?.features ?? []) {
      const ground = numberProperty(feature, 'groundElevationM');
      if (ground !== undefined && fallback === 0) fallback = ground;
      const rim = numberProperty(feature, 'rimElevationM');
      if (rim !== undefined && feature.geometry?.type === 'Point') samples.push({ lon: feature.geometry.coordinates[0]!, lat: feature.geometry.coordinates[1]!, elevationM: rim });
    }
  }
  return sceneFrameParams(origin, samples, fallback);
}

function lonLatBounds(collection: FeatureCollection): [number, number, number, number] | undefined {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position) => {
    box[0] = Math.min(box[0], p[0]!);
    box[1] = Math.min(box[1], p[1]!);
    box[2] = Math.max(box[2], p[0]!);
    box[3] = Math.max(box[3], p[1]!);
  };
  for (const { geometry } of collection.features) {
    if (geometry === null) continue;
    if (geometry.type === 'Point') visit(geometry.coordinates);
    else if (geometry.type === 'LineString') geometry.coordinates.forEach(visit);
    else if (geometry.type === 'MultiLineString' || geometry.type === 'Polygon') geometry.coordinates.forEach((r) => r.forEach(visit));
    else geometry.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit)));
  }
  return Number.isFinite(box[0]) ? box : undefined;
}
