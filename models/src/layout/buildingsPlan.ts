/**
 * The buildings of the site plan: 26 residential towers and mid-rises in five blocks, the public
 * buildings (community service center, elderly-care home, health station, kindergarten, primary
 * school, sports venue) and two garages. Storeys, flat counts and small turns of the towers are
 * drawn from the seed; the public buildings are fixed.
 */
import type { Rng } from '../prng.ts';
import type { Building, BuildingCategory, SitePoint } from './layoutTypes.ts';
import { localToSite, pt, rectangle } from './planGeometry.ts';

/** Storey height of the residential buildings, metres. */
export const RESIDENTIAL_STOREY_HEIGHT_M = 3;

/** Tower rows north of the central avenue (centre northings) and the storey range of each. */
const NORTH_ROWS: Array<{ northM: number; storeys: [number, number] }> = [
  { northM: 185, storeys: [30, 33] },
  { northM: 120, storeys: [27, 32] },
  { northM: 55, storeys: [24, 30] },
];

/** Tower columns (centre eastings) and the base turn of their block, degrees. */
const TOWER_COLUMNS: Array<{ eastM: number; zone: string; rotationDeg: number }> = [
  { eastM: -257.5, zone: 'zone-a', rotationDeg: -4 },
  { eastM: -187.5, zone: 'zone-a', rotationDeg: -4 },
  { eastM: -112.5, zone: 'zone-a', rotationDeg: 3 },
  { eastM: -37.5, zone: 'zone-a', rotationDeg: 3 },
  { eastM: 37.5, zone: 'zone-b', rotationDeg: -3 },
  { eastM: 112.5, zone: 'zone-b', rotationDeg: -3 },
  { eastM: 187.5, zone: 'zone-b', rotationDeg: 4 },
  { eastM: 257.5, zone: 'zone-b', rotationDeg: 4 },
];

/** Slots of the tower grid taken by other buildings: [row northing, column easting]. */
const TAKEN_SLOTS = new Set(['185,-37.5', '55,187.5']);

/** Mid-rises of the south-west block (zone C). */
const MID_RISE_SITES: SitePoint[] = [pt(-257.5, -60), pt(-187.5, -60), pt(-257.5, -150), pt(-187.5, -150)];

/** Footprint of a residential storey by flats per storey: width × depth, metres. */
const RESIDENTIAL_FOOTPRINT: Record<number, [number, number]> = { 4: [40, 18], 6: [48, 20] };

/** The residential buildings `B01`.., numbered row by row from the north-west. Consumes `rng` in a fixed order. */
export function planResidentialBuildings(rng: Rng): Building[] {
  const sites: Array<{ site: SitePoint; zone: string; rotationDeg: number; storeys: [number, number]; flats: readonly number[] }> = [];
  for (const row of NORTH_ROWS) {
    for (const column of TOWER_COLUMNS) {
      if (TAKEN_SLOTS.has(`${row.northM},${column.eastM}`)) continue;
      sites.push({ site: pt(column.eastM, row.northM), zone: column.zone, rotationDeg: column.rotationDeg, storeys: row.storeys, flats: [4, 4, 6] });
    }
  }
  for (const site of MID_RISE_SITES) sites.push({ site, zone: 'zone-c', rotationDeg: 0, storeys: [11, 18], flats: [4] });

  return sites.map(({ site, zone, rotationDeg, storeys: [low, high], flats }, index) => {
    const storeys = rng.int(low, high);
    const flatsPerStorey = rng.pick(flats);
    const turn = rotationDeg + Math.round(rng.range(-1, 1) * 2) / 2;
    const [widthM, depthM] = RESIDENTIAL_FOOTPRINT[flatsPerStorey]!;
    const number = index + 1;
    const monitoredStoreys = monitoredStoreysOf(storeys);
    return building({
      id: `B${String(number).padStart(2, '0')}`,
      number,
      zone,
      category: 'residential',
      name: `${number}栋`,
      nameEn: `Building ${number}`,
      centre: site,
      widthM,
      depthM,
      rotationDeg: turn,
      storeys,
      storeyHeightM: RESIDENTIAL_STOREY_HEIGHT_M,
      flatsPerStorey,
      basements: 1,
      gasStoreys: range(1, storeys),
      lifts: storeys >= 12 ? (flatsPerStorey >= 6 ? 3 : 2) : 1,
      gasRisers: flatsPerStorey >= 6 ? 2 : 1,
      cameras: 2,
      monitoredStoreys,
      monitoredFlats: monitoredStoreys.map((_, k) => 1 + (k % flatsPerStorey)),
    });
  });
}

/**
 * Storeys with a monitored flat: storey 3 (a low flat, kept for continuity of the sample), then
 * every fifth storey, and one just below the roof (ENV-2..5 typical rooms).
 */
export function monitoredStoreysOf(storeys: number): number[] {
  const chosen: number[] = [];
  for (let s = 3; s <= storeys - 2; s += 5) chosen.push(s);
  if (chosen.at(-1)! < storeys - 3) chosen.push(storeys - 1);
  return chosen;
}

interface PublicSpec {
  id: string;
  category: BuildingCategory;
  name: string;
  nameEn: string;
  zone: string;
  centre: SitePoint;
  size: [number, number];
  rotationDeg: number;
  storeys: number;
  storeyHeightM: number;
  rooms: number;
  basements: number;
  hasGas: boolean;
  lifts: number;
  cameras: number;
  parkingSpaces?: number;
}

/** The public buildings and garages. Their gas supply serves a kitchen on `F1` (MUN-5). */
const PUBLIC_BUILDINGS: PublicSpec[] = [
  { id: 'C01', category: 'service-center', name: '社区服务中心', nameEn: 'Community service center', zone: 'zone-d', centre: pt(40, -38), size: [56, 24], rotationDeg: 0, storeys: 4, storeyHeightM: 4.2, rooms: 6, basements: 0, hasGas: false, lifts: 1, cameras: 3 },
  { id: 'C02', category: 'elderly-care', name: '长者颐养中心', nameEn: 'Elderly-care home', zone: 'zone-d', centre: pt(112, -38), size: [40, 22], rotationDeg: 0, storeys: 5, storeyHeightM: 3.6, rooms: 8, basements: 0, hasGas: true, lifts: 2, cameras: 3 },
  { id: 'C03', category: 'clinic', name: '社区健康服务中心', nameEn: 'Community health station', zone: 'zone-d', centre: pt(118, -100), size: [32, 18], rotationDeg: 0, storeys: 3, storeyHeightM: 3.9, rooms: 6, basements: 0, hasGas: false, lifts: 1, cameras: 2 },
  { id: 'K01', category: 'kindergarten', name: '社区幼儿园', nameEn: 'Community kindergarten', zone: 'zone-b', centre: pt(187.5, 50), size: [48, 26], rotationDeg: 4, storeys: 3, storeyHeightM: 3.6, rooms: 6, basements: 0, hasGas: true, lifts: 1, cameras: 3 },
  { id: 'E01', category: 'school', name: '社区小学', nameEn: 'Community primary school', zone: 'zone-e', centre: pt(222, -45), size: [100, 22], rotationDeg: 0, storeys: 5, storeyHeightM: 3.9, rooms: 10, basements: 0, hasGas: true, lifts: 1, cameras: 4 },
  { id: 'G01', category: 'sports', name: '社区体育馆', nameEn: 'Community sports venue', zone: 'zone-c', centre: pt(-105, -45), size: [50, 36], rotationDeg: 0, storeys: 2, storeyHeightM: 6, rooms: 3, basements: 0, hasGas: false, lifts: 1, cameras: 2 },
  { id: 'P01', category: 'parking', name: '中心广场地下车库', nameEn: 'Central plaza underground garage', zone: 'zone-d', centre: pt(48, -135), size: [76, 120], rotationDeg: 0, storeys: 0, storeyHeightM: 3, rooms: 0, basements: 1, hasGas: false, lifts: 2, cameras: 12, parkingSpaces: 320 },
  { id: 'P02', category: 'parking', name: '北区立体停车楼', nameEn: 'North multi-storey car park', zone: 'zone-a', centre: pt(-37.5, 190), size: [48, 30], rotationDeg: 3, storeys: 5, storeyHeightM: 3.2, rooms: 0, basements: 0, hasGas: false, lifts: 1, cameras: 8, parkingSpaces: 240 },
];

/** The public buildings and garages, numbered within their category. */
export function planPublicBuildings(): Building[] {
  const counts = new Map<BuildingCategory, number>();
  return PUBLIC_BUILDINGS.map((spec) => {
    const number = (counts.get(spec.category) ?? 0) + 1;
    counts.set(spec.category, number);
    const extra = spec.parkingSpaces === undefined ? {} : { parkingSpaces: spec.parkingSpaces };
    return building({
      ...spec,
      ...extra,
      number,
      widthM: spec.size[0],
      depthM: spec.size[1],
      flatsPerStorey: spec.rooms,
      gasStoreys: spec.hasGas ? [1] : [],
      gasRisers: spec.hasGas ? 1 : 0,
      monitoredStoreys: [],
      monitoredFlats: [],
    });
  });
}

type BuildingInput = Omit<Building, 'eastM' | 'northM' | 'heightM' | 'hasGas' | 'footprint' | 'entrance'> & { centre: SitePoint };

function building(input: BuildingInput): Building {
  const { centre, ...rest } = input;
  const footprint = rectangle(centre, input.widthM, input.depthM, input.rotationDeg);
  return {
    ...rest,
    eastM: centre.eastM,
    northM: centre.northM,
    heightM: round2(input.storeys * input.storeyHeightM),
    hasGas: input.gasStoreys.length > 0,
    footprint,
    entrance: localToSite(centre, input.rotationDeg, 0, -input.depthM / 2),
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
