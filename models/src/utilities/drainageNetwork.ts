/**
 * Gravity drainage (MUN-3: rain and sewage separated): two independent trees of pipes and
 * manholes under the roads, each draining to its own outfall on the municipal sewer under the
 * south road. Every building has an inspection chamber on its connection. Pipes are sized by
 * what drains through them, laid at no less than the minimum slope for their size
 * (GB 50014-2021), and manhole inverts follow from the head of each branch down to the outfall.
 *
 * Rain pipes run under every road (they also take the road inlets); sewers only where a
 * building needs them. Elevations are metres above the 1985 national height datum.
 */
import { roundTo } from '../geo.ts';
import type { FeatureCollection } from '../geojson/geojson.ts';
import { groundElevationAt } from '../communityLayout.ts';
import type { Building, CommunityLayout, SitePoint, UtilityPoint } from '../layout/layoutTypes.ts';
import { distance, polygonArea, pt } from '../layout/planGeometry.ts';
import { facadePoint } from './mainLayout.ts';
import { NetworkBuilder } from './networkBuilder.ts';
import type { RoadGrid } from './roadGrid.ts';
import { householdsOf } from './waterNetwork.ts';

/** What distinguishes the rain tree from the sewage tree. */
interface DrainageKind {
  network: 'rain' | 'sewage';
  prefix: 'RW' | 'SEW';
  offsetM: number;
  outfall: (layout: CommunityLayout) => UtilityPoint;
  /** Cover to the invert at branch heads and at building chambers, metres. */
  headDepthM: number;
  chamberDepthM: number;
  material: (diameterMm: number) => string;
  /** Pipe size from what drains through it. */
  diameterMm: (load: number) => number;
  /** Load of a building (rain: roof and yard area, m²; sewage: equivalent households). */
  buildingLoad: (b: Building) => number;
  /** Load per metre of road (rain: road and verges, m²). */
  roadLoadPerM: number;
  connectionDiameterMm: number;
  allRoads: boolean;
}

/** Largest distance between manholes on a main, metres (GB 50014: 40 m for small sewers). */
const MANHOLE_SPACING_M = 40;

export const RAIN: DrainageKind = {
  network: 'rain',
  prefix: 'RW',
  offsetM: 2,
  outfall: (l) => l.utilities.rainOutfall,
  headDepthM: 1.2,
  chamberDepthM: 0.9,
  material: (d) => (d >= 800 ? 'reinforced-concrete' : 'HDPE-double-wall-corrugated'),
  diameterMm: (areaM2) => {
    const ha = areaM2 / 10_000;
    if (ha <= 0.3) return 300;
    if (ha <= 0.8) return 400;
    if (ha <= 1.5) return 500;
    if (ha <= 2.5) return 600;
    if (ha <= 4.5) return 800;
    if (ha <= 7) return 1000;
    return 1200;
  },
  buildingLoad: (b) => 2 * polygonArea(b.footprint),
  roadLoadPerM: 20,
  connectionDiameterMm: 300,
  allRoads: true,
};

export const SEWAGE: DrainageKind = {
  network: 'sewage',
  prefix: 'SEW',
  offsetM: -2,
  outfall: (l) => l.utilities.sewageOutfall,
  headDepthM: 1.5,
  chamberDepthM: 1.0,
  material: () => 'HDPE-double-wall-corrugated',
  diameterMm: (households) => (households <= 1500 ? 300 : households <= 4000 ? 400 : 500),
  buildingLoad: (b) => (b.category === 'residential' ? householdsOf(b) : b.category === 'parking' ? 2 : 40),
  roadLoadPerM: 0,
  connectionDiameterMm: 200,
  allRoads: false,
};

/** Minimum slope by pipe size (GB 50014-2021 table 5.2.10 for plastic and concrete pipes). */
export function minimumSlope(diameterMm: number): number {
  if (diameterMm <= 200) return 0.004;
  if (diameterMm <= 300) return 0.003;
  if (diameterMm <= 400) return 0.002;
  if (diameterMm <= 500) return 0.0015;
  if (diameterMm <= 600) return 0.0012;
  if (diameterMm <= 800) return 0.001;
  return 0.0008;
}

interface TreeNode {
  p: SitePoint;
  kind: 'manhole' | 'chamber' | 'outfall';
  /** Index of the node this one drains to (-1 at the outfall). */
  down: number;
  load: number;
  building?: Building;
  id?: string;
}

/** The rain or sewage network of the layout. */
export function buildDrainageNetwork(kind: DrainageKind, layout: CommunityLayout, roads: RoadGrid): FeatureCollection {
  const grid = roads.translated(kind.offsetM, kind.offsetM);
  const fine = fineGraph(grid, layout, kind);
  const tree = drainTree(fine, kind);
  return writeTree(kind, layout, tree);
}

interface FineGraph {
  points: SitePoint[];
  edges: Array<[number, number]>;
  /** Fine node of each building's connection on the main, and of the outfall's. */
  buildingStops: Array<{ building: Building; node: number }>;
  outfallStop: number;
  outfall: UtilityPoint;
}

/** The grid with every edge split at its connections and at least every 40 m. */
function fineGraph(grid: RoadGrid, layout: CommunityLayout, kind: DrainageKind): FineGraph {
  const stops: Array<{ edge: number; t: number; building?: Building; outfall?: true }> = [];
  for (const b of layout.buildings) {
    const hit = grid.nearest(pt(b.eastM, b.northM), 10);
    stops.push({ edge: hit.edge, t: hit.t, building: b });
  }
  const outfall = kind.outfall(layout);
  const outfallHit = grid.nearest(pt(outfall.eastM, outfall.northM), 10);
  stops.push({ edge: outfallHit.edge, t: outfallHit.t, outfall: true });

  const points: SitePoint[] = [...grid.nodes];
  const edges: Array<[number, number]> = [];
  const buildingStops: FineGraph['buildingStops'] = [];
  let outfallStop = -1;
  grid.edges.forEach((e, edge) => {
    const own = stops.filter((s) => s.edge === edge);
    const ts = new Map<number, typeof own>();
    for (const s of own) ts.set(s.t, [...(ts.get(s.t) ?? []), s]);
    const steps = Math.ceil(e.lengthM / MANHOLE_SPACING_M);
    for (let k = 1; k < steps; k++) if (![...ts.keys()].some((t) => Math.abs(t - k / steps) * e.lengthM < 8)) ts.set(k / steps, []);
    let previous = e.a;
    for (const t of [...ts.keys()].sort((x, y) => x - y)) {
      const index = points.push(grid.pointAt(edge, t)) - 1;
      edges.push([previous, index]);
      previous = index;
      for (const s of ts.get(t)!) {
        if (s.building !== undefined) buildingStops.push({ building: s.building, node: index });
        if (s.outfall === true) outfallStop = index;
      }
    }
    edges.push([previous, e.b]);
  });
  return { points, edges, buildingStops, outfallStop, outfall };
}

/** Shortest-path drainage tree towards the outfall, with building chambers and loads. */
function drainTree(fine: FineGraph, kind: DrainageKind): TreeNode[] {
  const n = fine.points.length;
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of fine.edges) {
    adjacency[a]!.push(b);
    adjacency[b]!.push(a);
  }
  const dist = new Array<number>(n).fill(Infinity);
  const down = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  dist[fine.outfallStop] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0) break;
    done[u] = true;
    for (const v of adjacency[u]!) {
      const d = dist[u]! + distance(fine.points[u]!, fine.points[v]!);
      if (d < dist[v]! - 1e-9) {
        dist[v] = d;
        down[v] = u;
      }
    }
  }
  const used = new Array<boolean>(n).fill(kind.allRoads);
  if (!kind.allRoads) {
    for (const { node } of fine.buildingStops) for (let v = node; v >= 0 && !used[v]; v = down[v]!) used[v] = true;
  }
  const nodes: TreeNode[] = fine.points.map((p, i) => ({ p, kind: 'manhole', down: used[i] ? down[i]! : -2, load: 0 }));
  // A road section outside the shortest-path tree drains both ways from two head manholes at its middle.
  if (kind.allRoads) {
    for (const [a, b] of fine.edges) {
      if (down[a] === b || down[b] === a) continue;
      const pa = fine.points[a]!;
      const pb = fine.points[b]!;
      const length = distance(pa, pb);
      const at = (s: number) => pt(pa.eastM + ((pb.eastM - pa.eastM) * s) / length, pa.northM + ((pb.northM - pa.northM) * s) / length);
      nodes.push({ p: at(length / 2 - 0.5), kind: 'manhole', down: a, load: 0 });
      nodes.push({ p: at(length / 2 + 0.5), kind: 'manhole', down: b, load: 0 });
    }
  }
  const outfall = nodes.push({ p: pt(fine.outfall.eastM, fine.outfall.northM), kind: 'outfall', down: -1, load: 0 }) - 1;
  nodes[fine.outfallStop]!.down = outfall;
  for (const { building, node } of fine.buildingStops) {
    const chamberAt = facadePoint(building, fine.points[node]!, 2);
    nodes.push({ p: chamberAt, kind: 'chamber', down: node, load: kind.buildingLoad(building), building });
  }
  return nodes;
}

function writeTree(kind: DrainageKind, layout: CommunityLayout, nodes: TreeNode[]): FeatureCollection {
  const net = new NetworkBuilder(kind.network, layout.origin);
  const live = nodes.map((node, i) => ({ node, i })).filter(({ node }) => node.down !== -2);
  // Loads: each node passes its own load and what reaches it down the tree (roads add per metre).
  const order = topologicalFromLeaves(nodes);
  const inflow = new Array<number>(nodes.length).fill(0);
  for (const i of order) {
    const node = nodes[i]!;
    if (node.down < 0) continue;
    const length = distance(node.p, nodes[node.down]!.p);
    node.load = inflow[i]! + node.load + (node.kind === 'chamber' ? 0 : kind.roadLoadPerM * length);
    inflow[node.down]! += node.load;
  }
  // Ids, sizes, slopes and inverts from the heads down.
  for (const { node } of live) {
    node.id =
      node.kind === 'outfall'
        ? `${kind.prefix}-OUT-1`
        : node.kind === 'chamber'
          ? `${kind.prefix}-${node.building!.id}`
          : net.nextId(`${kind.prefix}-M`, 3);
  }
  const diameter = new Array<number>(nodes.length).fill(0);
  for (const i of order) {
    const node = nodes[i]!;
    if (node.down < 0) continue;
    diameter[i] = Math.max(diameter[i]!, node.kind === 'chamber' ? kind.connectionDiameterMm : Math.max(300, kind.diameterMm(node.load)));
    diameter[node.down] = Math.max(diameter[node.down]!, diameter[i]!);
  }
  const invert = new Array<number>(nodes.length).fill(Infinity);
  const rim = nodes.map((node) => roundTo(groundElevationAt(node.p.eastM, node.p.northM), 2));
  for (const i of order) {
    const node = nodes[i]!;
    const cover = node.kind === 'chamber' ? kind.chamberDepthM : kind.headDepthM;
    invert[i] = Math.floor(Math.min(invert[i]!, rim[i]! - cover) * 1000) / 1000;
    if (node.down < 0) continue;
    const drop = minimumSlope(diameter[i]!) * distance(node.p, nodes[node.down]!.p);
    invert[node.down] = Math.min(invert[node.down]!, invert[i]! - drop);
  }
  for (const { node, i } of live) {
    const featureType = node.kind === 'chamber' ? 'inspection-chamber' : node.kind;
    const props = { rimElevationM: rim[i]!, invertElevationM: invert[i]!, depthM: roundTo(rim[i]! - invert[i]!, 2) };
    const named: Record<string, string> = node.kind === 'outfall' ? { name: kind.network === 'rain' ? '雨水排放口' : '污水排放口', nameEn: kind.network === 'rain' ? 'Rainwater outfall' : 'Sewage outfall' } : {};
    if (node.building !== undefined) named['building'] = node.building.id;
    net.node(node.id!, node.p, featureType, { ...named, ...props });
  }
  for (const { node, i } of live) {
    if (node.down < 0) continue;
    const length = distance(node.p, nodes[node.down]!.p);
    const d = diameter[i]!;
    const slope = length > 0 ? (invert[i]! - invert[node.down]!) / length : 0;
    net.link(net.nextId(`${kind.prefix}-P`, 3), node.id!, nodes[node.down]!.id!, 'pipe', {
      diameterMm: d,
      material: kind.material(d),
      slope: roundTo(slope, 5),
      fromInvertElevationM: invert[i]!,
      toInvertElevationM: invert[node.down]!,
      depthM: roundTo((rim[i]! - invert[i]! + rim[node.down]! - invert[node.down]!) / 2, 2),
      role: node.kind === 'chamber' ? 'connection' : 'main',
    });
  }
  return net.build();
}

/** Node indices ordered so that every node comes before the node it drains to. */
function topologicalFromLeaves(nodes: readonly TreeNode[]): number[] {
  const upstream = nodes.map(() => 0);
  for (const node of nodes) if (node.down >= 0) upstream[node.down]! += 1;
  const ready = nodes.map((_, i) => i).filter((i) => upstream[i] === 0 && nodes[i]!.down !== -2);
  const order: number[] = [];
  while (ready.length > 0) {
    const i = ready.shift()!;
    order.push(i);
    const d = nodes[i]!.down;
    if (d >= 0 && --upstream[d]! === 0) ready.push(d);
  }
  return order;
}
