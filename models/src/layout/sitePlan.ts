/**
 * The fixed parts of the site plan: the fence, zones, roads and footpaths, green spaces,
 * shelters, bus stops, entrances, outdoor stations and utility points.
 *
 * The site is a 640 m × 480 m block (30.7 ha) inside four municipal roads. A ring road 25 m
 * inside the fence and three avenues (x = -150, 0, 150 and y = 0) cut it into eight blocks:
 * four tower blocks north of the central avenue (zones A and B), the mid-rise block and the
 * central park in the south-west (zone C), the service quarter round the entrance plaza in the
 * south (zone D) and the school campus in the south-east (zone E).
 */
import type { BusStop, Entrance, GreenSpace, OutdoorPoint, Road, Shelter, SitePoint, UtilityPlan, Zone } from './layoutTypes.ts';
import { box, pt } from './planGeometry.ts';

/** Half extents of the fenced site, metres. */
export const SITE_HALF_EXTENT_M = { east: 320, north: 240 } as const;

/** Ring road and avenue centrelines: eastings of the north-south roads, northings of the east-west ones. */
export const ROAD_GRID = { eastings: [-295, -150, 0, 150, 295], northings: [-215, 0, 215] } as const;

/** The fence, counter-clockwise from the south-west corner. */
export const BOUNDARY: SitePoint[] = box(-SITE_HALF_EXTENT_M.east, -SITE_HALF_EXTENT_M.north, SITE_HALF_EXTENT_M.east, SITE_HALF_EXTENT_M.north);

/** The zone a site point falls in: north half split west/east; south half: garden, service quarter, school. */
export function zoneAt(eastM: number, northM: number): string {
  if (northM >= 0) return eastM < 0 ? 'zone-a' : 'zone-b';
  if (eastM < 0) return 'zone-c';
  return eastM < 150 ? 'zone-d' : 'zone-e';
}

const { east: E, north: N } = SITE_HALF_EXTENT_M;

export const ZONES: Zone[] = [
  { id: 'zone-a', code: 'ZA', name: 'A区（西北住宅组团）', nameEn: 'Zone A (north-west residential)', outline: box(-E, 0, 0, N) },
  { id: 'zone-b', code: 'ZB', name: 'B区（东北住宅组团）', nameEn: 'Zone B (north-east residential)', outline: box(0, 0, E, N) },
  { id: 'zone-c', code: 'ZC', name: 'C区（中心公园及西南住宅）', nameEn: 'Zone C (central park and south-west residential)', outline: box(-E, -N, 0, 0) },
  { id: 'zone-d', code: 'ZD', name: 'D区（入口广场、公共服务及设备用房）', nameEn: 'Zone D (entrance plaza, public services and plant)', outline: box(0, -N, 150, 0) },
  { id: 'zone-e', code: 'ZE', name: 'E区（学校及运动场）', nameEn: 'Zone E (school campus)', outline: box(150, -N, E, 0) },
];

function road(id: string, name: string, nameEn: string, roadClass: Road['roadClass'], lanes: number, widthM: number, points: SitePoint[], extra: Partial<Road> = {}): Road {
  return { id, name, nameEn, roadClass, lanes, oneway: false, widthM, municipal: false, points, ...extra };
}

const [X0, X1, X2, X3, X4] = ROAD_GRID.eastings;
const [Y0, Y1, Y2] = ROAD_GRID.northings;

/** Roads inside the fence (sharing vertices where they meet), gate roads, municipal roads and footpaths. */
export const ROADS: Road[] = [
  road('RD-01', '社区环路', 'Community ring road', 'residential', 2, 7, [
    pt(X0, Y0), pt(X1, Y0), pt(X2, Y0), pt(75, Y0), pt(X3, Y0), pt(X4, Y0), pt(X4, Y1), pt(X4, Y2), pt(X3, Y2), pt(X2, Y2), pt(X1, Y2), pt(X0, Y2), pt(X0, Y1), pt(X0, Y0),
  ]),
  road('RD-02', '中央大道', 'Central avenue', 'residential', 2, 9, [pt(X0, Y1), pt(X1, Y1), pt(X2, Y1), pt(X3, Y1), pt(X4, Y1)]),
  road('RD-03', '中轴路', 'Central axis road', 'residential', 2, 7, [pt(X2, Y0), pt(X2, Y1), pt(X2, Y2)]),
  road('RD-04', '西园路', 'West garden road', 'residential', 2, 7, [pt(X1, Y0), pt(X1, Y1), pt(X1, Y2)]),
  road('RD-05', '东园路', 'East garden road', 'residential', 2, 7, [pt(X3, Y0), pt(X3, Y1), pt(X3, Y2)]),
  road('RD-06', '北门路', 'North gate road', 'service', 2, 7, [pt(X2, Y2), pt(X2, 258)]),
  road('RD-07', '南门路', 'South gate road', 'service', 2, 9, [pt(75, Y0), pt(75, -264)]),
  road('RD-08', '西门路', 'West gate road', 'service', 2, 7, [pt(X0, Y1), pt(-336, Y1)]),
  road('RD-09', '地下车库坡道', 'Underground garage ramp', 'service', 2, 7, [pt(90, Y0), pt(90, -197)]),
  road('MR-N', '智园北路', 'Zhiyuan North Road', 'secondary', 4, 24, [pt(-420, 258), pt(420, 258)], { municipal: true }),
  road('MR-S', '智园南路', 'Zhiyuan South Road', 'primary', 6, 32, [pt(-420, -264), pt(420, -264)], { municipal: true }),
  road('MR-W', '智园西路', 'Zhiyuan West Road', 'tertiary', 2, 14, [pt(-336, -330), pt(-336, 330)], { municipal: true }),
  road('MR-E', '智园东路', 'Zhiyuan East Road', 'secondary', 4, 22, [pt(336, -330), pt(336, 330)], { municipal: true }),
  road('FP-01', '中心公园环形步道', 'Central park loop path', 'footway', 0, 3, [pt(-135, -80), pt(-135, -200), pt(-15, -200), pt(-15, -80), pt(-135, -80)]),
  road('FP-02', '周界慢跑道', 'Perimeter jogging trail', 'footway', 0, 2.5, [pt(-310, -230), pt(310, -230), pt(310, 230), pt(-310, 230), pt(-310, -230)]),
  road('FP-03', '东侧人行门步道', 'East pedestrian gate path', 'footway', 0, 3, [pt(X4, 100), pt(336, 100)]),
  road('FP-04', '学校门步道', 'School gate path', 'footway', 0, 4, [pt(222, Y0), pt(222, -264)]),
  ...courtyardPaths(),
];

/** East-west footpaths through the middle of each courtyard. */
function courtyardPaths(): Road[] {
  const rows: Array<[number, string, string]> = [
    [152.5, '北区宅间步道', 'North courtyard path'],
    [87.5, '中区宅间步道', 'Middle courtyard path'],
  ];
  const paths = rows.map(([northM, name, nameEn], i) => road(`FP-${String(5 + i).padStart(2, '0')}`, name, nameEn, 'footway', 0, 2.5, [pt(X0, northM), pt(X1, northM), pt(X2, northM), pt(X3, northM), pt(X4, northM)]));
  paths.push(road('FP-07', '西南宅间步道', 'South-west courtyard path', 'footway', 0, 2.5, [pt(X0, -105), pt(X1, -105)]));
  return paths;
}

/** Courtyard strips between tower rows, 10 m in from the block's roads. */
function courtyards(): GreenSpace[] {
  const blocks: Array<[number, number, string, string]> = [
    [X0, X1, 'zone-a', '西'],
    [X1, X2, 'zone-a', '中西'],
    [X2, X3, 'zone-b', '中东'],
    [X3, X4, 'zone-b', '东'],
  ];
  const strips: Array<[number, number, string, string]> = [
    [134, 171, '北', 'north'],
    [69, 106, '中', 'middle'],
  ];
  const spaces: GreenSpace[] = [];
  for (const [south, north, rowZh, rowEn] of strips) {
    for (const [west, east, zone, blockZh] of blocks) {
      const n = spaces.length + 2;
      spaces.push({ id: `GR-${String(n).padStart(2, '0')}`, kind: 'courtyard', name: `${blockZh}组团${rowZh}宅间绿地`, nameEn: `Courtyard ${n - 1} (${rowEn} row)`, zone, outline: box(west + 10, south, east - 10, north) });
    }
  }
  return spaces;
}

/** Perimeter belt between the fence and the ring road, cut at the vehicle gates. */
function perimeterBelts(): GreenSpace[] {
  const inner = { east: X4 + 5, north: Y2 + 5 };
  const pieces: Array<[SitePoint[], string, string, string]> = [
    [box(-E, inner.north, -6, N), 'zone-a', '北侧西段', 'north-west'],
    [box(6, inner.north, E, N), 'zone-b', '北侧东段', 'north-east'],
    [box(-E, -N, 69, -inner.north), 'zone-c', '南侧西段', 'south-west'],
    [box(81, -N, E, -inner.north), 'zone-e', '南侧东段', 'south-east'],
    [box(-E, -inner.north, -inner.east, -6), 'zone-c', '西侧南段', 'west-south'],
    [box(-E, 6, -inner.east, inner.north), 'zone-a', '西侧北段', 'west-north'],
    [box(inner.east, -inner.north, E, inner.north), 'zone-b', '东侧', 'east'],
  ];
  return pieces.map(([outline, zone, zh, en], i) => ({ id: `GR-${String(20 + i).padStart(2, '0')}`, kind: 'belt', name: `周界绿化带（${zh}）`, nameEn: `Perimeter green belt (${en})`, zone, outline }));
}

/** Green spaces (ENV-6: green ratio at least 30 %, public green at least 1 m² per resident). */
export const GREEN_SPACES: GreenSpace[] = [
  { id: 'GR-01', kind: 'park', name: '中心公园', nameEn: 'Central park', zone: 'zone-c', outline: box(-142, -207, -8, -75) },
  ...courtyards(),
  { id: 'GR-10', kind: 'courtyard', name: '西南组团宅间绿地', nameEn: 'South-west courtyard', zone: 'zone-c', outline: box(X0 + 10, -130, X1 - 10, -80) },
  ...perimeterBelts(),
];

/** Emergency shelters (MUN-6), with the effective area per person of an emergency shelter. */
export const SHELTERS: Array<Omit<Shelter, 'capacityPersons'>> = [
  { id: 'SH-01', name: '中心公园应急避难场所', nameEn: 'Central park emergency shelter', zone: 'zone-c', areaPerPersonM2: 1.5, manager: '社区工作站', managerEn: 'Community workstation', outline: box(-130, -190, -20, -95) },
  { id: 'SH-02', name: '学校操场应急避难场所', nameEn: 'School playground emergency shelter', zone: 'zone-e', areaPerPersonM2: 1.5, manager: '社区小学', managerEn: 'Community primary school', outline: box(170, -190, 275, -100) },
  { id: 'SH-03', name: '体育馆室内避难场所', nameEn: 'Sports venue indoor shelter', zone: 'zone-c', areaPerPersonM2: 2, manager: '社区体育馆', managerEn: 'Community sports venue', outline: box(-130, -63, -80, -27) },
];

/** Bus stops on the municipal roads (MUN-2: within 500 m of every main entrance). */
export const BUS_STOPS: BusStop[] = [
  { id: 'BUS-1', name: '智园北路社区北门站', nameEn: 'Zhiyuan North Rd, community north gate', eastM: 25, northM: 247, routes: ['M201', '34'] },
  { id: 'BUS-2', name: '智园南路社区南门站', nameEn: 'Zhiyuan South Rd, community south gate', eastM: 100, northM: -249, routes: ['M201', '60', '113'] },
  { id: 'BUS-3', name: '智园西路社区西门站', nameEn: 'Zhiyuan West Rd, community west gate', eastM: -330, northM: 30, routes: ['34'] },
  { id: 'BUS-4', name: '智园东路社区东站', nameEn: 'Zhiyuan East Rd, community east', eastM: 326, northM: 120, routes: ['60', 'B812'] },
];

/** Community gates (PROP-1, MUN-2). */
export const ENTRANCES: Entrance[] = [
  { id: 'N1', zone: 'zone-a', eastM: 0, northM: 240, vehicle: true, name: '北门', nameEn: 'North gate' },
  { id: 'S1', zone: 'zone-d', eastM: 75, northM: -240, vehicle: true, name: '南门', nameEn: 'South gate' },
  { id: 'E1', zone: 'zone-b', eastM: 320, northM: 100, vehicle: false, name: '东侧人行门', nameEn: 'East pedestrian gate' },
  { id: 'W1', zone: 'zone-c', eastM: -320, northM: 0, vehicle: true, name: '西门', nameEn: 'West gate' },
  { id: 'S2', zone: 'zone-e', eastM: 222, northM: -240, vehicle: false, name: '学校门', nameEn: 'School gate' },
];

/** Outdoor stations: the first eight keep their ids from the first sample (`ZA-PLAZA`, `ZB-ROAD`, ...). */
export function outdoorPoints(referenceJitter: SitePoint): OutdoorPoint[] {
  return [
    { zone: 'zone-a', surface: 'PLAZA', eastM: -75, northM: 12, reference: false },
    { zone: 'zone-a', surface: 'ROAD', eastM: -100, northM: 237, reference: false },
    { zone: 'zone-b', surface: 'ROAD', eastM: 120, northM: 237, reference: false },
    { zone: 'zone-b', surface: 'PLAZA', eastM: 75, northM: 12, reference: false },
    { zone: 'zone-c', surface: 'GREEN', eastM: -75 + referenceJitter.eastM, northM: -140 + referenceJitter.northM, reference: true },
    { zone: 'zone-c', surface: 'ROAD', eastM: -200, northM: -237, reference: false },
    { zone: 'zone-d', surface: 'PLAZA', eastM: 48, northM: -135, reference: false },
    { zone: 'zone-d', surface: 'ROAD', eastM: 140, northM: -237, reference: false },
    { zone: 'zone-e', surface: 'PLAZA', eastM: 222, northM: -85, reference: false },
    { zone: 'zone-e', surface: 'ROAD', eastM: 317, northM: -120, reference: false },
    { zone: 'zone-b', surface: 'GREEN', eastM: 75, northM: 152, reference: false },
  ];
}

/** Intakes, plants and outfalls; EV chargers in both garages (MUN-4). */
export const UTILITIES: UtilityPlan = {
  waterIntakes: [
    { id: 'WIN', zone: 'zone-d', eastM: 40, northM: -232, heightM: -1.2 },
    { id: 'WIN2', zone: 'zone-a', eastM: -60, northM: 232, heightM: -1.2 },
  ],
  gasIntake: { id: 'GIN', zone: 'zone-d', eastM: 135, northM: -236, heightM: -1.0 },
  gasStation: { id: 'GRS', zone: 'zone-d', eastM: 135, northM: -200, heightM: 0.5 },
  gridIntake: { id: 'HV', zone: 'zone-d', eastM: 120, northM: -236, heightM: -1.0 },
  substations: [
    { id: 'SUB1', zone: 'zone-d', eastM: 130, northM: -150, heightM: 1.5 },
    { id: 'SUB2', zone: 'zone-a', eastM: -170, northM: 18, heightM: 1.5 },
    { id: 'SUB3', zone: 'zone-b', eastM: 170, northM: 18, heightM: 1.5 },
    { id: 'SUB4', zone: 'zone-c', eastM: -170, northM: -20, heightM: 1.5 },
  ],
  rainOutfall: { id: 'RWO', zone: 'zone-c', eastM: -75, northM: -238, heightM: -2.5 },
  sewageOutfall: { id: 'SWO', zone: 'zone-c', eastM: -30, northM: -238, heightM: -3.0 },
  evChargers: [
    ...Array.from({ length: 20 }, (_, i) => ({ id: `EV-${String(i + 1).padStart(2, '0')}`, zone: 'zone-d', eastM: 18 + (i % 10) * 6, northM: -190 + Math.floor(i / 10) * 8, heightM: -4.5 + 1.2, ratedKw: 7, garage: 'P01' })),
    ...Array.from({ length: 12 }, (_, i) => ({ id: `EV-${String(i + 21).padStart(2, '0')}`, zone: 'zone-a', eastM: -58 + (i % 6) * 7, northM: 178 + Math.floor(i / 6) * 24, heightM: 1.2, ratedKw: i < 10 ? 7 : 60, garage: 'P02' })),
  ],
};
