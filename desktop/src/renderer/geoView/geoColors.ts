import { SENSOR_KINDS, type SensorKind } from '@twin/protocol';
import { SENSOR_LAYER_COLORS } from '../scene/build/sensorMarkers.ts';
import { networkColor } from '../scene/build/utilityColors.ts';

/** A colour as red, green, blue and alpha bytes (0–255). */
export type Rgba = readonly [number, number, number, number];

/** `0xRRGGBB` with an alpha byte as {@link Rgba}. */
export function rgbaOf(hex: number, alpha = 255): Rgba {
  return [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255, alpha];
}

/** `#rrggbb` of an {@link Rgba} (for canvas drawing). */
export function cssHexOf(color: Rgba): string {
  return `#${color
    .slice(0, 3)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Building blocks by the site plan's `category`: warm for homes, cool for services, so the map reads as a land-use plan. */
const BUILDING_COLORS: Record<string, number> = {
  residential: 0xe0b27a,
  school: 0x7fa7d9,
  kindergarten: 0x9fc3e6,
  'elderly-care': 0xb39ddb,
  clinic: 0xef9a9a,
  'service-center': 0x80cbc4,
  sports: 0xa5d6a7,
  parking: 0x90a4ae,
};
const OTHER_BUILDING = 0xbdb5a6;

/** The map colour of a building of `category`. */
export function buildingColor(category: string): Rgba {
  return rgbaOf(Object.hasOwn(BUILDING_COLORS, category) ? BUILDING_COLORS[category]! : OTHER_BUILDING);
}

/** Site surfaces and lines by `featureType`; municipal roads darker than the community's own. */
const SITE_COLORS: Record<string, Rgba> = {
  'site-boundary': rgbaOf(0xe6e1d3, 110),
  green: rgbaOf(0x7fb069, 170),
  shelter: rgbaOf(0xf0a33b, 200), // MUN-6 emergency shelters stand out from the green they lie in
  zone: rgbaOf(0xffffff, 0),
  road: rgbaOf(0x62666a),
  'road-municipal': rgbaOf(0x4a4d50),
  footpath: rgbaOf(0xcdbda8),
};

/** The colour of a site or road feature (`featureType`, municipal roads apart), grey for unknown types. */
export function siteColor(featureType: string, municipal: boolean): Rgba {
  const key = featureType === 'road' && municipal ? 'road-municipal' : featureType;
  return SITE_COLORS[key] ?? rgbaOf(0x9e9e9e, 160);
}

/** A network's colour, from the table the 3D scene draws the same networks with. */
export function networkRgba(network: string): Rgba {
  return rgbaOf(networkColor(network));
}

/** A sensor's marker colour: its layer's, as in the 3D scene. */
export function sensorRgba(kind: SensorKind): Rgba {
  return rgbaOf(SENSOR_LAYER_COLORS[SENSOR_KINDS[kind].layer]);
}

/** Cameras and site facilities (entrances, bus stops). */
export const CAMERA_COLOR: Rgba = rgbaOf(0x37474f);
export const FACILITY_COLOR: Rgba = rgbaOf(0x6a1b9a);

/** What is selected, drawn over its own colour. */
export const HIGHLIGHT_COLOR: Rgba = rgbaOf(0x00e5ff);
