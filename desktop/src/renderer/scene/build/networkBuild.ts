import { Matrix4, Quaternion, Vector3 } from 'three';
import type { SceneFrame } from '../geo/sceneFrame.ts';
import { featureId, numberProperty, stringProperty, type Feature, type FeatureCollection, type Position } from '../load/geoJson.ts';
import { nodeShape } from './nodeShapes.ts';

/** A feature of a network (pipe, cable, valve, manhole, meter, …) and its GIS attributes. */
export interface NetworkFeature {
  id: string;
  featureType: string;
  properties: Record<string, unknown>;
}

/** Instances of one kind (pipe segments or nodes): matrices of unit cylinders and picking data. */
export interface NetworkInstances {
  count: number;
  /** 16 floats per instance (column-major), mapping the unit cylinder (radius 1, height 1, axis Y). */
  matrices: Float32Array;
  /** Feature index of each instance. */
  feature: Uint32Array;
  /** 6 floats per instance: the axis from end to end (segment ends; a node's bottom and top). */
  ends: Float32Array;
  radii: Float32Array;
  /** Per-instance colour factor of the network colour. */
  shades: Float32Array;
}

/** One network, ready to draw: pipe segments and nodes as instances of a unit cylinder. */
export interface NetworkBuild {
  network: string;
  features: NetworkFeature[];
  pipes: NetworkInstances;
  nodes: NetworkInstances;
}

/** Depth of a pipe without `depthM`: cover of 1 m, typical under community roads. */
const DEFAULT_DEPTH_M = 1;
/** Cable ducts by voltage, where GIS gives no diameter: 150 mm for 10 kV, 100 mm below. */
const duct = (voltageKv: number | undefined) => (voltageKv !== undefined && voltageKv >= 10 ? 0.15 : 0.1);
/** Pipes thinner than this are drawn this thick, so they remain pickable. */
const MIN_RADIUS_M = 0.03;

/** Pipe or cable radius, metres, from `diameterMm` (to scale) or the duct of a cable. */
function pipeRadius(feature: Feature): number {
  const diameterMm = numberProperty(feature, 'diameterMm');
  const diameterM = diameterMm !== undefined ? diameterMm / 1000 : duct(numberProperty(feature, 'voltageKv'));
  return Math.max(MIN_RADIUS_M, diameterM / 2);
}

/**
 * Scene positions of a pipe's centreline. Gravity pipes run between their invert elevations
 * (`fromInvertElevationM`, `toInvertElevationM`, interpolated along the line); pressure pipes and
 * cables lie `depthM` (cover to crown) under the ground; pipes laid above ground, indoors or on
 * trays (`installation`, or a depth of 0) lie on the ground.
 */
function pipeCentreline(feature: Feature, coordinates: Position[], frame: SceneFrame, radius: number): Array<[number, number, number]> {
  const xz = coordinates.map((p) => frame.toXZ(p[0]!, p[1]!));
  const fromInvert = numberProperty(feature, 'fromInvertElevationM');
  const toInvert = numberProperty(feature, 'toInvertElevationM');
  if (fromInvert !== undefined && toInvert !== undefined) {
    const lengths = [0];
    for (let i = 1; i < xz.length; i++) lengths.push(lengths[i - 1]! + Math.hypot(xz[i]![0] - xz[i - 1]![0], xz[i]![1] - xz[i - 1]![1]));
    const total = lengths[lengths.length - 1]! || 1;
    return xz.map(([x, z], i) => [x, fromInvert + ((toInvert - fromInvert) * lengths[i]!) / total + radius - frame.datumM, z]);
  }
  const installation = stringProperty(feature, 'installation');
  const depth = installation !== undefined ? 0 : (numberProperty(feature, 'depthM') ?? DEFAULT_DEPTH_M);
  const lift = depth > 0 ? -depth - radius : radius;
  return xz.map(([x, z]) => [x, frame.groundY(x, z) + lift, z]);
}

/**
 * Builds a network's instances from its GeoJSON: every LineString segment a cylinder to scale
 * at its depth, every Point a node shaped by {@link nodeShape}. Nodes without elevations sit at
 * the height of the pipe ends that meet them (GeoJSON links name their `from` and `to` nodes);
 * leak detectors at the node they are `attachedTo`.
 */
export function buildNetwork(network: string, collection: FeatureCollection, frame: SceneFrame): NetworkBuild {
  const features: NetworkFeature[] = collection.features.map((f, i) => ({ id: featureId(f, i), featureType: stringProperty(f, 'featureType') ?? f.geometry?.type ?? 'feature', properties: f.properties ?? {} }));
  const pipes = new InstanceWriter();
  const pipeEnds = new Map<string, { sumY: number; n: number; radius: number }>();
  const noteEnd = (node: string | undefined, y: number, radius: number) => {
    if (node === undefined) return;
    const entry = pipeEnds.get(node) ?? { sumY: 0, n: 0, radius: 0 };
    entry.sumY += y;
    entry.n++;
    entry.radius = Math.max(entry.radius, radius);
    pipeEnds.set(node, entry);
  };
  collection.features.forEach((feature, index) => {
    const lines = feature.geometry?.type === 'LineString' ? [feature.geometry.coordinates] : feature.geometry?.type === 'MultiLineString' ? feature.geometry.coordinates : [];
    for (const line of lines) {
      if (line.length < 2) continue;
      const radius = pipeRadius(feature);
      const points = pipeCentreline(feature, line, frame, radius);
      for (let i = 1; i < points.length; i++) pipes.cylinder(index, points[i - 1]!, points[i]!, radius, 1);
      noteEnd(stringProperty(feature, 'from'), points[0]![1], radius);
      noteEnd(stringProperty(feature, 'to'), points[points.length - 1]![1], radius);
    }
  });
  const nodes = new InstanceWriter();
  const nodeY = new Map<string, number>();
  const points = collection.features.flatMap((feature, index) => (feature.geometry?.type === 'Point' ? [{ feature, index, at: feature.geometry.coordinates }] : []));
  // Detectors last: they take the height of the node they are attached to.
  points.sort((a, b) => Number(a.feature.properties?.['attachedTo'] !== undefined) - Number(b.feature.properties?.['attachedTo'] !== undefined));
  for (const { feature, index, at } of points) {
    const [x, z] = frame.toXZ(at[0]!, at[1]!);
    const ground = frame.groundY(x, z);
    const shape = nodeShape(features[index]!.featureType);
    const ends = pipeEnds.get(features[index]!.id);
    const attached = stringProperty(feature, 'attachedTo');
    const pipeY = (attached !== undefined ? nodeY.get(attached) : undefined) ?? (ends !== undefined ? ends.sumY / ends.n : ground - DEFAULT_DEPTH_M);
    const rim = numberProperty(feature, 'rimElevationM');
    const invert = numberProperty(feature, 'invertElevationM');
    let bottom: number;
    let top: number;
    if (shape.placement === 'shaft' && rim !== undefined && invert !== undefined) [bottom, top] = [invert - frame.datumM, rim - frame.datumM];
    else if (shape.placement === 'ground') [bottom, top] = [Math.min(ground, pipeY), ground + shape.heightM];
    else [bottom, top] = [pipeY - shape.heightM / 2, pipeY + shape.heightM / 2];
    const radius = Math.max(shape.radiusM, 1.5 * (ends?.radius ?? 0), MIN_RADIUS_M);
    if (top - bottom < 2 * radius && shape.placement === 'pipe') [bottom, top] = [pipeY - radius, pipeY + radius];
    nodeY.set(features[index]!.id, (bottom + top) / 2);
    nodes.cylinder(index, [x, bottom, z], [x, top, z], radius, shape.shade);
  }
  return { network, features, pipes: pipes.finish(), nodes: nodes.finish() };
}

const up = new Vector3(0, 1, 0);
const scratch = { a: new Vector3(), b: new Vector3(), dir: new Vector3(), q: new Quaternion(), m: new Matrix4(), s: new Vector3() };

/** Accumulates cylinder instances. */
class InstanceWriter {
  private readonly matrices: number[] = [];
  private readonly feature: number[] = [];
  private readonly ends: number[] = [];
  private readonly radii: number[] = [];
  private readonly shades: number[] = [];

  cylinder(feature: number, from: [number, number, number], to: [number, number, number], radius: number, shade: number): void {
    const { a, b, dir, q, m, s } = scratch;
    a.set(...from);
    b.set(...to);
    dir.subVectors(b, a);
    const length = dir.length();
    if (length < 1e-6) dir.copy(up);
    else dir.divideScalar(length);
    q.setFromUnitVectors(up, dir);
    m.compose(a.add(b).multiplyScalar(0.5), q, s.set(radius, Math.max(length, 1e-3), radius));
    this.matrices.push(...m.elements);
    this.feature.push(feature);
    this.ends.push(...from, ...to);
    this.radii.push(radius);
    this.shades.push(shade);
  }

  finish(): NetworkInstances {
    return {
      count: this.feature.length,
      matrices: new Float32Array(this.matrices),
      feature: new Uint32Array(this.feature),
      ends: new Float32Array(this.ends),
      radii: new Float32Array(this.radii),
      shades: new Float32Array(this.shades),
    };
  }
}
