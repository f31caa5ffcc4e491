/**
 * The site plan of the sample community: zones, residential towers, outdoor monitoring points,
 * entrances, the underground garage and the utility rooms, in metres east and north of a site
 * origin in Futian district, Shenzhen. Jitter and storey counts are drawn from the seed.
 *
 * Later models (IFC buildings, GeoJSON networks) hang off this plan, so it carries what they
 * need to agree on: ids, zones and positions.
 */
import type { LonLat } from './geo.ts';
import type { Rng } from './prng.ts';

/** A zone (area) of the community, used for area subscriptions and gateway batches. */
export interface Zone {
  /** Area id, e.g. `zone-a`. */
  id: string;
  /** Short code used in sensor ids, e.g. `ZA`. */
  code: string;
  name: string;
  nameEn: string;
}

/** A residential tower. */
export interface Building {
  /** e.g. `B03`. */
  id: string;
  /** House number as residents say it (`3栋`). */
  number: number;
  zone: string;
  eastM: number;
  northM: number;
  storeys: number;
  flatsPerStorey: number;
  /** Storeys (1-based) with a typical monitored flat: low, middle and high (ENV-2, ENV-5). */
  monitoredStoreys: number[];
}

/** Surface around an outdoor point; the simulator reads it from the id (`PLAZA`, `ROAD`, `GREEN`). */
export type Surface = 'PLAZA' | 'ROAD' | 'GREEN';

/** An outdoor point: a weather and air station or a boundary noise monitor. */
export interface OutdoorPoint {
  zone: string;
  surface: Surface;
  eastM: number;
  northM: number;
  /** True for the reference station of heat-island intensity (ENV-2: outdoor minus reference). */
  reference: boolean;
}

/** A community entrance with a vehicle barrier and/or a pedestrian gate (PROP-1, MUN-2). */
export interface Entrance {
  /** e.g. `N1`. */
  id: string;
  zone: string;
  eastM: number;
  northM: number;
  vehicle: boolean;
  name: string;
  nameEn: string;
}

/** A utility point on a network (water, gas, power) outside the towers. */
export interface UtilityPoint {
  /** Id segment, e.g. `GRS` (gas regulator station). */
  id: string;
  zone: string;
  eastM: number;
  northM: number;
  heightM: number;
}

/** The whole site plan. */
export interface CommunityLayout {
  community: { id: string; name: string; nameEn: string };
  /** Site origin, WGS84. */
  origin: LonLat;
  zones: Zone[];
  buildings: Building[];
  outdoor: OutdoorPoint[];
  entrances: Entrance[];
  garage: { zone: string; eastM: number; northM: number; levelHeightM: number; spaces: number; cameras: number };
  utilities: Record<'waterInlet' | 'pumpRoom' | 'gasStation' | 'substation', UtilityPoint>;
  /** Gas valve wells on the community main, one per residential zone (MUN-5). */
  gasValveWells: UtilityPoint[];
  /** Perimeter cameras (GOV-3), in order around the fence. */
  perimeterCameras: Array<{ zone: string; eastM: number; northM: number }>;
}

/** Site origin: a residential block in Futian district, Shenzhen (WGS84). */
export const SITE_ORIGIN: LonLat = { lon: 114.06, lat: 22.54 };

/** Half extents of the site, metres (the fence is a 360 m × 280 m rectangle). */
export const SITE_HALF_EXTENT_M = { east: 180, north: 140 } as const;

const ZONES: Zone[] = [
  { id: 'zone-a', code: 'ZA', name: 'A区（北西住宅组团）', nameEn: 'Zone A (north-west residential)' },
  { id: 'zone-b', code: 'ZB', name: 'B区（北东住宅组团）', nameEn: 'Zone B (north-east residential)' },
  { id: 'zone-c', code: 'ZC', name: 'C区（中心花园及南住宅）', nameEn: 'Zone C (central garden and south residential)' },
  { id: 'zone-d', code: 'ZD', name: 'D区（入口广场、车库及设备用房）', nameEn: 'Zone D (entrance plaza, garage and plant rooms)' },
];

/** Tower footprints before jitter: [zone, east, north]. */
const TOWER_SITES: Array<[string, number, number]> = [
  ['zone-a', -135, 100],
  ['zone-a', -75, 100],
  ['zone-a', -15, 100],
  ['zone-b', 45, 100],
  ['zone-b', 105, 100],
  ['zone-b', 155, 95],
  ['zone-c', -110, -90],
  ['zone-c', -40, -90],
];

/**
 * Lays out the community. Consumes `rng` in a fixed order, so equal seeds give equal plans.
 */
export function createCommunityLayout(rng: Rng): CommunityLayout {
  const buildings = TOWER_SITES.map(([zone, east, north], index): Building => {
    const storeys = rng.int(18, 33);
    const middle = Math.round(storeys / 2) + rng.int(-1, 1);
    return {
      id: `B${String(index + 1).padStart(2, '0')}`,
      number: index + 1,
      zone,
      eastM: east + rng.range(-4, 4),
      northM: north + rng.range(-4, 4),
      storeys,
      flatsPerStorey: rng.pick([4, 4, 6]),
      monitoredStoreys: [3, middle, storeys - 1 - rng.int(0, 1)],
    };
  });
  return {
    community: { id: 'futian-sample', name: '福田示范智慧社区', nameEn: 'Futian Sample Smart Community' },
    origin: SITE_ORIGIN,
    zones: ZONES,
    buildings,
    outdoor: [
      { zone: 'zone-a', surface: 'PLAZA', eastM: -75, northM: 45, reference: false },
      { zone: 'zone-a', surface: 'ROAD', eastM: -100, northM: 136, reference: false },
      { zone: 'zone-b', surface: 'ROAD', eastM: 120, northM: 136, reference: false },
      { zone: 'zone-b', surface: 'PLAZA', eastM: 100, northM: 40, reference: false },
      { zone: 'zone-c', surface: 'GREEN', eastM: rng.range(-10, 10), northM: rng.range(-5, 5), reference: true },
      { zone: 'zone-c', surface: 'ROAD', eastM: -70, northM: -136, reference: false },
      { zone: 'zone-d', surface: 'PLAZA', eastM: 110, northM: -105, reference: false },
      { zone: 'zone-d', surface: 'ROAD', eastM: 176, northM: -60, reference: false },
    ],
    entrances: [
      { id: 'N1', zone: 'zone-a', eastM: -60, northM: 138, vehicle: true, name: '北门', nameEn: 'North gate' },
      { id: 'S1', zone: 'zone-d', eastM: 110, northM: -138, vehicle: true, name: '南门', nameEn: 'South gate' },
      { id: 'E1', zone: 'zone-b', eastM: 178, northM: 55, vehicle: false, name: '东侧人行门', nameEn: 'East pedestrian gate' },
    ],
    garage: { zone: 'zone-d', eastM: 70, northM: -60, levelHeightM: -4.5, spaces: rng.int(44, 56), cameras: 6 },
    utilities: {
      waterInlet: { id: 'WIN', zone: 'zone-d', eastM: 150, northM: -132, heightM: -1.2 },
      pumpRoom: { id: 'PUMP', zone: 'zone-d', eastM: 130, northM: -62, heightM: -3.5 },
      gasStation: { id: 'GRS', zone: 'zone-d', eastM: 166, northM: -122, heightM: 0.5 },
      substation: { id: 'SUB', zone: 'zone-d', eastM: 142, northM: -84, heightM: 1.5 },
    },
    gasValveWells: [
      { id: 'GVW', zone: 'zone-a', eastM: -75, northM: 70, heightM: -1.0 },
      { id: 'GVW', zone: 'zone-b', eastM: 100, northM: 70, heightM: -1.0 },
      { id: 'GVW', zone: 'zone-c', eastM: -75, northM: -60, heightM: -1.0 },
    ],
    perimeterCameras: perimeterCameraPositions(12),
  };
}

/** `count` points evenly spaced along the fence, starting at the north-west corner, clockwise. */
function perimeterCameraPositions(count: number): Array<{ zone: string; eastM: number; northM: number }> {
  const { east, north } = SITE_HALF_EXTENT_M;
  const perimeter = 4 * (east + north);
  const points: Array<{ zone: string; eastM: number; northM: number }> = [];
  for (let i = 0; i < count; i++) {
    let s = ((i + 0.5) / count) * perimeter;
    let x: number;
    let y: number;
    if (s < 2 * east) [x, y] = [-east + s, north];
    else if ((s -= 2 * east) < 2 * north) [x, y] = [east, north - s];
    else if ((s -= 2 * north) < 2 * east) [x, y] = [east - s, -north];
    else [x, y] = [-east, -north + (s - 2 * east)];
    points.push({ zone: zoneAt(x, y), eastM: x, northM: y });
  }
  return points;
}

/** The zone a site point falls in: north half split west/east; south half garden west, plaza east. */
export function zoneAt(eastM: number, northM: number): string {
  if (northM >= 20) return eastM < 15 ? 'zone-a' : 'zone-b';
  return eastM < 30 ? 'zone-c' : 'zone-d';
}
