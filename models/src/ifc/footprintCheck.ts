/**
 * How far a building file's georeferencing puts its footprint from where the site plan draws it:
 * the local footprint corners go through the file's IfcMapConversion into EPSG:4547, back to
 * WGS84 by the inverse projection, and into site metres, where they meet the plan's corners.
 */
import type { SitePoint } from '../communityLayout.ts';
import { fromGaussKruger, fromLonLat, type LonLat } from '../projection/siteProjection.ts';
import { applyMapConversion, type MapConversionParameters } from './buildingGeoreference.ts';

/** The WGS84 positions of local points through a map conversion and the inverse Gauss-Krüger projection. */
export function localToLonLat(conversion: MapConversionParameters, points: ReadonlyArray<readonly [number, number]>): LonLat[] {
  return points.map(([x, y]) => {
    const grid = applyMapConversion(conversion, x, y);
    return fromGaussKruger(grid.eastM, grid.northM);
  });
}

/**
 * The largest distance, metres, between the corners of a `widthM` × `depthM` footprint centred
 * on the local origin, georeferenced by `conversion`, and the plan's `footprint` (counter-
 * clockwise from the local south-west corner, site metres about `origin`).
 */
export function footprintErrorM(
  conversion: MapConversionParameters,
  widthM: number,
  depthM: number,
  footprint: readonly SitePoint[],
  origin: LonLat,
): number {
  const [hw, hd] = [widthM / 2, depthM / 2];
  const corners = localToLonLat(conversion, [
    [-hw, -hd],
    [hw, -hd],
    [hw, hd],
    [-hw, hd],
  ]);
  if (footprint.length !== corners.length) throw new Error(`a footprint of ${footprint.length} corners is not a rectangle`);
  return Math.max(
    ...corners.map((corner, i) => {
      const site = fromLonLat(corner.lon, corner.lat, origin);
      return Math.hypot(site.eastM - footprint[i]!.eastM, site.northM - footprint[i]!.northM);
    }),
  );
}
