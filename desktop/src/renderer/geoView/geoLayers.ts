import type { SensorDefinition } from '@twin/protocol';
import type { CameraRecord } from '../scene/build/cameraMarkers.ts';
import { featureId, numberProperty, stringProperty, type Feature, type FeatureCollection, type Position } from '../scene/load/geoJson.ts';
import { layerKey } from '../scene/sceneStore.ts';
import { buildingColor, CAMERA_COLOR, FACILITY_COLOR, networkRgba, sensorRgba, siteColor, type Rgba } from './geoColors.ts';
import { geoKey } from './geoSelection.ts';

/** What the map draws, as the server serves it: GeoJSON in WGS 84, the validated registry, the camera catalogue. */
export interface GeoSources {
  site?: FeatureCollection;
  roads?: FeatureCollection;
  /** Network id (`water`, `gas`, …) → its features. */
  networks: ReadonlyMap<string, FeatureCollection>;
  /** The registry's valid sensors, in registry order (a sensor's index is its selection). */
  sensors: readonly SensorDefinition[];
  cameras: readonly CameraRecord[];
}

/** Longitude and latitude, degrees (WGS 84). */
export type LonLat = readonly [number, number];

/** Every drawn thing has the map key of the object it selects and the layer (scene layer key) that shows or hides it. */
interface Drawn {
  key: string;
  layer: string;
}

/** A polygon from `baseM` to `topM` over the ellipsoid: a building block, or a flat surface when both are equal. */
export interface GeoPolygon extends Drawn {
  outer: LonLat[];
  holes: LonLat[][];
  baseM: number;
  topM: number;
  color: Rgba;
}

/** A line at `heightM`: `widthM` wide on the ground (roads), or `widthPx` wide on screen (pipes, cables). */
export interface GeoLine extends Drawn {
  path: LonLat[];
  heightM: number;
  width: { m: number } | { px: number };
  color: Rgba;
}

/** What a marker stands for, which sets its icon. */
export type MarkerShape = 'sensor' | 'node' | 'camera' | 'facility';

/** A billboard at a point. */
export interface GeoMarker extends Drawn {
  at: LonLat;
  heightM: number;
  shape: MarkerShape;
  color: Rgba;
}

/** The capacity label of an emergency shelter, at its centroid (REQ MUN-6). */
export interface ShelterLabel extends Drawn {
  at: LonLat;
  name: { zh: string; en: string };
  capacityPersons: number;
}

/** Everything the map draws, in drawing order, and the extent of the site (degrees). */
export interface GeoLayers {
  buildings: GeoPolygon[];
  surfaces: GeoPolygon[];
  roads: GeoLine[];
  pipes: GeoLine[];
  markers: GeoMarker[];
  shelters: ShelterLabel[];
  extent: { west: number; south: number; east: number; north: number };
}

/**
 * Heights over the ellipsoid, metres: the map has no terrain, so the ground is height 0, and flat
 * layers are stacked a little apart so they never fight for depth. Buried networks are drawn just
 * over the roads, the way utility maps show them.
 */
export const GEO_HEIGHTS = { boundary: 0.2, green: 0.4, shelter: 0.6, road: 0.8, pipe: 1.2, node: 1.5, facility: 2.5 } as const;
/** Building height where the site plan gives none. */
const DEFAULT_BUILDING_HEIGHT_M = 10;
const ROAD_WIDTH_M = 6;
const FOOTPATH_WIDTH_M = 2;
const PIPE_WIDTH_PX = 3;
/** Surfaces the map draws, by `featureType` (zones are administrative, not drawn). */
const SURFACE_HEIGHTS: Record<string, number> = { 'site-boundary': GEO_HEIGHTS.boundary, green: GEO_HEIGHTS.green, shelter: GEO_HEIGHTS.shelter };

/** Builds what the map draws from the community's sources (REQ PLAT-3, MUN-1..6). */
export function geoLayers(sources: GeoSources): GeoLayers {
  const layers: GeoLayers = { buildings: [], surfaces: [], roads: [], pipes: [], markers: [], shelters: [], extent: siteExtent(sources) };
  const site = [...(sources.site?.features ?? []), ...(sources.roads?.features ?? [])];
  site.forEach((feature, index) => addSiteFeature(layers, feature, index));
  for (const [network, collection] of sources.networks) collection.features.forEach((feature, index) => addNetworkFeature(layers, network, feature, index));
  sources.sensors.forEach((sensor, index) => {
    const at: LonLat = [sensor.location.lon, sensor.location.lat];
    // Buried meters are drawn at the ground: under it the globe would hide them.
    layers.markers.push({ key: geoKey({ kind: 'sensor', sensor: index }), layer: layerKey.sensor(sensor.kind), at, heightM: Math.max(sensor.location.heightM, GEO_HEIGHTS.node), shape: 'sensor', color: sensorRgba(sensor.kind) });
  });
  sources.cameras.forEach((camera, index) => {
    const at: LonLat = [camera.position.lon, camera.position.lat];
    layers.markers.push({ key: geoKey({ kind: 'camera', camera: index }), layer: layerKey.cameras, at, heightM: Math.max(camera.position.heightM ?? 0, GEO_HEIGHTS.node), shape: 'camera', color: CAMERA_COLOR });
  });
  return layers;
}

/** Features of the site plan (then the roads file): same indices as the 3D scene's site features. */
function addSiteFeature(layers: GeoLayers, feature: Feature, index: number): void {
  const featureType = stringProperty(feature, 'featureType') ?? 'road';
  const geometry = feature.geometry;
  if (geometry === null) return;
  if (featureType === 'building') {
    const category = stringProperty(feature, 'category') ?? 'other';
    const topM = numberProperty(feature, 'heightM') ?? DEFAULT_BUILDING_HEIGHT_M;
    const key = geoKey({ kind: 'building', building: featureId(feature, index) });
    for (const rings of polygonsOf(geometry)) layers.buildings.push({ key, layer: layerKey.building(category), ...outline(rings), baseM: 0, topM, color: buildingColor(category) });
    return;
  }
  const key = geoKey({ kind: 'site', feature: index });
  const color = siteColor(featureType, feature.properties?.['municipal'] === true);
  if (geometry.type === 'Point') {
    layers.markers.push({ key, layer: layerKey.site, at: lonLat(geometry.coordinates), heightM: GEO_HEIGHTS.facility, shape: 'facility', color: FACILITY_COLOR });
    return;
  }
  const surfaceM = SURFACE_HEIGHTS[featureType];
  if (surfaceM !== undefined) {
    for (const rings of polygonsOf(geometry)) layers.surfaces.push({ key, layer: layerKey.site, ...outline(rings), baseM: surfaceM, topM: surfaceM, color });
  }
  const capacityPersons = numberProperty(feature, 'capacityPersons');
  if (featureType === 'shelter' && capacityPersons !== undefined) {
    const outer = polygonsOf(geometry)[0]?.[0];
    if (outer !== undefined) {
      const name = stringProperty(feature, 'name') ?? featureId(feature, index);
      layers.shelters.push({ key, layer: layerKey.site, at: ringCentroid(outer.map(lonLat)), name: { zh: name, en: stringProperty(feature, 'nameEn') ?? name }, capacityPersons });
    }
  }
  const widthM = numberProperty(feature, 'widthM') ?? (featureType === 'footpath' ? FOOTPATH_WIDTH_M : ROAD_WIDTH_M);
  if (featureType === 'road' || featureType === 'footpath') {
    for (const path of linesOf(geometry)) layers.roads.push({ key, layer: layerKey.site, path: path.map(lonLat), heightM: GEO_HEIGHTS.road, width: { m: widthM }, color });
  }
}

/** Pipes and cables as lines in the network's colour, valves, manholes, meters and the rest as markers. */
function addNetworkFeature(layers: GeoLayers, network: string, feature: Feature, index: number): void {
  const geometry = feature.geometry;
  if (geometry === null) return;
  const key = geoKey({ kind: 'network', network, feature: index });
  const layer = layerKey.network(network);
  const color = networkRgba(network);
  if (geometry.type === 'Point') layers.markers.push({ key, layer, at: lonLat(geometry.coordinates), heightM: GEO_HEIGHTS.node, shape: 'node', color });
  for (const path of linesOf(geometry)) layers.pipes.push({ key, layer, path: path.map(lonLat), heightM: GEO_HEIGHTS.pipe, width: { px: PIPE_WIDTH_PX }, color });
}

function lonLat(position: Position): LonLat {
  return [position[0]!, position[1]!];
}

/** The polygons of a geometry, each as rings of positions. */
function polygonsOf(geometry: NonNullable<Feature['geometry']>): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** The lines of a geometry. */
function linesOf(geometry: NonNullable<Feature['geometry']>): Position[][] {
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/** Outer ring and holes, without the closing position GeoJSON repeats. */
function outline(rings: Position[][]): { outer: LonLat[]; holes: LonLat[][] } {
  const open = rings.map((ring) => {
    const points = ring.map(lonLat);
    const [first, last] = [points[0], points[points.length - 1]];
    return points.length > 1 && first![0] === last![0] && first![1] === last![1] ? points.slice(0, -1) : points;
  });
  return { outer: open[0] ?? [], holes: open.slice(1) };
}

/**
 * The area centroid of a ring (closed or not), in degrees. At the scale of a site the plate
 * carrée distortion is uniform, so the centroid in degrees is the centroid on the ground.
 */
export function ringCentroid(ring: readonly LonLat[]): LonLat {
  const [x0, y0] = ring[0]!;
  let [area, cx, cy] = [0, 0, 0];
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = [ring[i]![0] - x0, ring[i]![1] - y0];
    const [bx, by] = [ring[(i + 1) % ring.length]![0] - x0, ring[(i + 1) % ring.length]![1] - y0];
    const cross = ax * by - bx * ay;
    area += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  if (Math.abs(area) < 1e-18) {
    const n = ring.length;
    return [ring.reduce((sum, p) => sum + p[0], 0) / n, ring.reduce((sum, p) => sum + p[1], 0) / n];
  }
  return [x0 + cx / (3 * area), y0 + cy / (3 * area)];
}

/** Bounds of everything in the site and road files (the networks lie within them), else of the networks. */
function siteExtent(sources: GeoSources): GeoLayers['extent'] {
  const extent = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  const grow = (p: Position) => {
    extent.west = Math.min(extent.west, p[0]!);
    extent.east = Math.max(extent.east, p[0]!);
    extent.south = Math.min(extent.south, p[1]!);
    extent.north = Math.max(extent.north, p[1]!);
  };
  const site = [...(sources.site?.features ?? []), ...(sources.roads?.features ?? [])];
  const features = site.length > 0 ? site : [...sources.networks.values()].flatMap((c) => c.features);
  for (const feature of features) {
    const geometry = feature.geometry;
    if (geometry === null) continue;
    if (geometry.type === 'Point') grow(geometry.coordinates);
    else for (const line of [...linesOf(geometry), ...polygonsOf(geometry).flat()]) line.forEach(grow);
  }
  if (!Number.isFinite(extent.west)) {
    // Nothing to frame: a sensor, else the guideline's city.
    const sensor = sources.sensors[0]?.location ?? { lon: 114.0579, lat: 22.5431 };
    return { west: sensor.lon - 0.005, south: sensor.lat - 0.005, east: sensor.lon + 0.005, north: sensor.lat + 0.005 };
  }
  return extent;
}

