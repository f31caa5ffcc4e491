import { ShapeUtils, Vector2 } from 'three';
import type { SceneFrame } from '../geo/sceneFrame.ts';
import { featureId, numberProperty, stringProperty, type FeatureCollection, type Position } from '../load/geoJson.ts';
import { srgbToLinearByte } from './linearColor.ts';
import { PickRanges } from './pickRanges.ts';

/** A feature of the site plan or the roads file, with its GIS attributes. */
export interface SiteFeature {
  id: string;
  featureType: string;
  properties: Record<string, unknown>;
}

/** The ground, site surfaces and roads as one merged geometry, plus point facilities as markers. */
export interface SiteBuild {
  features: SiteFeature[];
  positions: Float32Array;
  /** RGB bytes per vertex, linear. */
  colors: Uint8Array;
  indices: Uint32Array;
  /** Triangle → feature index (the ground around the site has none). */
  ranges: PickRanges;
  /** Entrances, bus stops and other point facilities: 3 floats per marker, and its feature. */
  markers: { centres: Float32Array; feature: Uint32Array };
  /** Scene bounds of the site's features: min x, min z, max x, max z. */
  extent: [number, number, number, number];
}

/**
 * Surfaces by what they are, in drawing order, each lifted a little over the ones before so they
 * never fight for depth. `lift` in metres over the ground.
 */
const SURFACES: Array<{ is: (featureType: string, municipal: boolean) => boolean; color: number; lift: number }> = [
  { is: (t) => t === 'site-boundary', color: 0xe6e1d3, lift: 0.04 },
  { is: (t) => t === 'green', color: 0x9dc183, lift: 0.08 },
  { is: (t) => t === 'shelter', color: 0xf0c27b, lift: 0.12 }, // MUN-6 emergency shelters
  { is: (t, municipal) => t === 'road' && municipal, color: 0x4a4d50, lift: 0.16 },
  { is: (t, municipal) => t === 'road' && !municipal, color: 0x62666a, lift: 0.16 },
  { is: (t) => t === 'footway', color: 0xcdbda8, lift: 0.2 },
];
/** Ground beyond the site: a margin around its features. */
const GROUND = { color: 0xd3cfc4, marginM: 150 };
/** Default road width where the file has none. */
const ROAD_WIDTH_M = 6;
/** Height of facility markers over the ground. */
const MARKER_LIFT_M = 1.5;

/** Builds the site from `site` and `roads` feature collections (either may be missing). */
export function buildSite(site: FeatureCollection | undefined, roads: FeatureCollection | undefined, frame: SceneFrame): SiteBuild {
  const features: SiteFeature[] = [];
  const sources = [...(site?.features ?? []), ...(roads?.features ?? [])];
  sources.forEach((f, i) => {
    const featureType = stringProperty(f, 'featureType') ?? (stringProperty(f, 'class') === 'footway' ? 'footway' : 'road');
    features.push({ id: featureId(f, i), featureType: featureType === 'road' && stringProperty(f, 'class') === 'footway' ? 'footway' : featureType, properties: f.properties ?? {} });
  });
  const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (x: number, z: number) => {
    extent[0] = Math.min(extent[0], x);
    extent[1] = Math.min(extent[1], z);
    extent[2] = Math.max(extent[2], x);
    extent[3] = Math.max(extent[3], z);
  };
  const xzOf = (p: Position) => {
    const xz = frame.toXZ(p[0]!, p[1]!);
    grow(xz[0], xz[1]);
    return xz;
  };
  const projected = sources.map((f) => (f.geometry === null ? [] : geometryRings(f.geometry).map((ring) => ring.map(xzOf))));
  if (!Number.isFinite(extent[0])) extent.splice(0, 4, 0, 0, 0, 0);

  const mesh = new SurfaceWriter(frame);
  const [x0, z0, x1, z1] = [extent[0] - GROUND.marginM, extent[1] - GROUND.marginM, extent[2] + GROUND.marginM, extent[3] + GROUND.marginM];
  mesh.polygon([[[x0, z0], [x1, z0], [x1, z1], [x0, z1]]], GROUND.color, 0, undefined);
  for (const layer of SURFACES) {
    sources.forEach((f, i) => {
      if (!layer.is(features[i]!.featureType, f.properties?.['municipal'] === true)) return;
      const rings = projected[i]!;
      if (f.geometry?.type === 'Polygon') mesh.polygon(rings, layer.color, layer.lift, i);
      else if (f.geometry?.type === 'MultiPolygon') for (const polygon of f.geometry.coordinates) mesh.polygon(polygon.map((r) => r.map(xzOf)), layer.color, layer.lift, i);
      else if (f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString') for (const line of rings) mesh.ribbon(line, numberProperty(f, 'widthM') ?? ROAD_WIDTH_M, layer.color, layer.lift, i);
    });
  }
  const centres: number[] = [];
  const markerFeatures: number[] = [];
  sources.forEach((f, i) => {
    if (f.geometry?.type !== 'Point') return;
    const [x, z] = projected[i]![0]![0]!;
    centres.push(x, frame.groundY(x, z) + MARKER_LIFT_M, z);
    markerFeatures.push(i);
  });
  return { features, ...mesh.finish(), markers: { centres: new Float32Array(centres), feature: new Uint32Array(markerFeatures) }, extent };
}

/** Rings of a polygon, lines of a line string, the point of a point: lists of positions. */
function geometryRings(geometry: NonNullable<FeatureCollection['features'][number]['geometry']>): Position[][] {
  switch (geometry.type) {
    case 'Point':
      return [[geometry.coordinates]];
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
  }
}

/** Accumulates coloured triangles draped on the ground, with their owners. */
class SurfaceWriter {
  private readonly positions: number[] = [];
  private readonly colors: number[] = [];
  private readonly indices: number[] = [];
  private readonly ranges = new PickRanges();

  constructor(private readonly frame: SceneFrame) {}

  private vertex(x: number, z: number, lift: number, color: number): number {
    this.positions.push(x, this.frame.groundY(x, z) + lift, z);
    this.colors.push(srgbToLinearByte((color >> 16) / 255), srgbToLinearByte(((color >> 8) & 255) / 255), srgbToLinearByte((color & 255) / 255));
    return this.positions.length / 3 - 1;
  }

  private own(firstIndex: number, owner: number | undefined): void {
    if (owner !== undefined) this.ranges.add(firstIndex / 3, (this.indices.length - firstIndex) / 3, owner);
  }

  /** An outer ring and holes (closing points repeated or not), triangulated. */
  polygon(rings: Array<Array<[number, number]>>, color: number, lift: number, owner: number | undefined): void {
    const open = rings.map((ring) => (ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring));
    if (open[0] === undefined || open[0].length < 3) return;
    const [outer, ...holes] = open.map((ring) => ring.map(([x, z]) => new Vector2(x, z)));
    const points = open.flat();
    const base = this.positions.length / 3;
    for (const [x, z] of points) this.vertex(x, z, lift, color);
    const first = this.indices.length;
    for (const [a, b, c] of ShapeUtils.triangulateShape(outer!, holes)) {
      // Front faces up (+y): (b - a) × (c - a) has a positive y.
      const [pa, pb, pc] = [points[a!]!, points[b!]!, points[c!]!];
      const up = (pb[1] - pa[1]) * (pc[0] - pa[0]) - (pb[0] - pa[0]) * (pc[1] - pa[1]) > 0;
      this.indices.push(base + a!, base + (up ? b! : c!), base + (up ? c! : b!));
    }
    this.own(first, owner);
  }

  /** A strip `width` wide along a polyline, mitred at its bends. */
  ribbon(line: Array<[number, number]>, width: number, color: number, lift: number, owner: number): void {
    if (line.length < 2) return;
    const half = width / 2;
    const base = this.positions.length / 3;
    for (let i = 0; i < line.length; i++) {
      const [nx, nz] = miter(line, i);
      const [x, z] = line[i]!;
      this.vertex(x + nx * half, z + nz * half, lift, color);
      this.vertex(x - nx * half, z - nz * half, lift, color);
    }
    const first = this.indices.length;
    for (let i = 1; i < line.length; i++) {
      const [l0, r0, l1, r1] = [base + 2 * (i - 1), base + 2 * (i - 1) + 1, base + 2 * i, base + 2 * i + 1];
      this.indices.push(l0, r0, l1, l1, r0, r1);
    }
    this.own(first, owner);
  }

  finish(): Pick<SiteBuild, 'positions' | 'colors' | 'indices' | 'ranges'> {
    return { positions: new Float32Array(this.positions), colors: new Uint8Array(this.colors), indices: new Uint32Array(this.indices), ranges: this.ranges };
  }
}

/** Offset direction at vertex `i` of a polyline: the left normal, mitred (at most 3× long) at bends. */
function miter(line: Array<[number, number]>, i: number): [number, number] {
  const normal = (a: [number, number], b: [number, number]): [number, number] => {
    const [dx, dz] = [b[0] - a[0], b[1] - a[1]];
    const length = Math.hypot(dx, dz) || 1;
    return [dz / length, -dx / length];
  };
  const before = i > 0 ? normal(line[i - 1]!, line[i]!) : undefined;
  const after = i < line.length - 1 ? normal(line[i]!, line[i + 1]!) : undefined;
  if (before === undefined) return after!;
  if (after === undefined) return before;
  const [mx, mz] = [before[0] + after[0], before[1] + after[1]];
  const length = Math.hypot(mx, mz);
  if (length < 1e-6) return before;
  const cos = (mx / length) * before[0] + (mz / length) * before[1];
  const scale = Math.min(3, 1 / Math.max(cos, 1e-3));
  return [(mx / length) * scale, (mz / length) * scale];
}
