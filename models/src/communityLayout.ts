/**
 * The site plan of the sample community: a 30.7 ha residential community in Futian district,
 * Shenzhen, with 26 residential towers and mid-rises, public buildings, two garages, roads,
 * green spaces, shelters, bus stops, entrances, outdoor monitoring points and utility points,
 * in site coordinates (metres east and north of `SITE_ORIGIN`, see
 * `projection/siteProjection.ts`). Storey counts, flats per storey and small turns of the
 * towers are drawn from the seed.
 *
 * Every other model hangs off this plan: the sensor registry, the site GeoJSON and utility
 * networks, and the IFC buildings, which agree on ids and element keys through it (see
 * `elementKeys.ts`).
 */
import type { CommunityLayout, Shelter, SitePoint } from './layout/layoutTypes.ts';
import { planPublicBuildings, planResidentialBuildings } from './layout/buildingsPlan.ts';
import { polygonArea, pt } from './layout/planGeometry.ts';
import {
  BOUNDARY,
  BUS_STOPS,
  ENTRANCES,
  GREEN_SPACES,
  outdoorPoints,
  ROADS,
  SHELTERS,
  SITE_HALF_EXTENT_M,
  UTILITIES,
  ZONES,
  zoneAt,
} from './layout/sitePlan.ts';
import { createRng, type Rng } from './prng.ts';
import { SITE_ORIGIN } from './projection/siteProjection.ts';

export type * from './layout/layoutTypes.ts';
export { SITE_ORIGIN } from './projection/siteProjection.ts';
export { SITE_HALF_EXTENT_M, zoneAt } from './layout/sitePlan.ts';

/** Seed of the sample community kept in `models/community/`. */
export const DEFAULT_COMMUNITY_SEED = 20240601;

/** Ground level at the site origin, metres above the 1985 national height datum. */
export const SITE_GROUND_ELEVATION_M = 8.5;

/** Ground level at a site point: the site falls gently (0.3 %) to the south, towards the outfalls. */
export function groundElevationAt(_eastM: number, northM: number): number {
  return SITE_GROUND_ELEVATION_M + 0.003 * northM;
}

/**
 * The whole site plan for a seed: buildings, roads, green spaces, shelters, bus stops,
 * entrances, outdoor stations and utility points.
 * @param seed any number; taken modulo 2^32. The default gives the kept sample.
 * @example
 * const layout = communityLayout();
 * const tower = layout.buildings.find((b) => b.id === 'B03');
 */
export function communityLayout(seed: number = DEFAULT_COMMUNITY_SEED): CommunityLayout {
  return createCommunityLayout(createRng(seed));
}

/** Lays out the community. Consumes `rng` in a fixed order, so equal seeds give equal plans. */
export function createCommunityLayout(rng: Rng): CommunityLayout {
  const residential = planResidentialBuildings(rng);
  const reference = pt(rng.range(-10, 10), rng.range(-5, 5));
  const buildings = [...residential, ...planPublicBuildings()];
  const garage = buildings.find((b) => b.id === 'P01')!;
  return {
    community: { id: 'futian-sample', name: '福田示范智慧社区', nameEn: 'Futian Sample Smart Community' },
    origin: SITE_ORIGIN,
    groundElevationM: SITE_GROUND_ELEVATION_M,
    boundary: BOUNDARY,
    zones: ZONES,
    buildings,
    roads: ROADS,
    greenSpaces: GREEN_SPACES,
    shelters: SHELTERS.map((s): Shelter => ({ ...s, capacityPersons: Math.floor(polygonArea(s.outline) / s.areaPerPersonM2) })),
    busStops: BUS_STOPS,
    outdoor: outdoorPoints(reference),
    entrances: ENTRANCES,
    garage: { building: garage.id, zone: garage.zone, eastM: garage.eastM, northM: garage.northM, levelHeightM: -4.5, spaces: garage.parkingSpaces ?? 0, cameras: garage.cameras },
    utilities: UTILITIES,
    gasValveWellZones: ['ZA', 'ZB', 'ZC'],
    perimeterCameras: perimeterCameraPositions(24),
  };
}

/** `count` points evenly spaced along the fence, starting at the north-west corner, clockwise. */
function perimeterCameraPositions(count: number): Array<{ zone: string; eastM: number; northM: number }> {
  const { east, north } = SITE_HALF_EXTENT_M;
  const perimeter = 4 * (east + north);
  const points: Array<{ zone: string; eastM: number; northM: number }> = [];
  for (let i = 0; i < count; i++) {
    let s = ((i + 0.5) / count) * perimeter;
    let p: SitePoint;
    if (s < 2 * east) p = pt(-east + s, north);
    else if ((s -= 2 * east) < 2 * north) p = pt(east, north - s);
    else if ((s -= 2 * north) < 2 * east) p = pt(east - s, -north);
    else p = pt(-east, -north + (s - 2 * east));
    points.push({ zone: zoneAt(p.eastM, p.northM), eastM: p.eastM, northM: p.northM });
  }
  return points;
}
