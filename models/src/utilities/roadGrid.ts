/**
 * The internal road grid as a routing graph for the utility networks: mains run under the
 * roads, each network at its own offset from the centreline (a translation of the whole grid,
 * which for a grid of east-west and north-south roads keeps every main parallel to its road).
 */
import type { Road, SitePoint } from '../layout/layoutTypes.ts';
import { distance, pt } from '../layout/planGeometry.ts';

/** A grid edge between two grid nodes (indices). */
export interface GridEdge {
  a: number;
  b: number;
  lengthM: number;
}

/** The nearest point of the grid to a site point. */
export interface GridHit {
  edge: number;
  /** Position along the edge from `a` (0) to `b` (1). */
  t: number;
  point: SitePoint;
  distanceM: number;
}

/** Nodes and edges of the road grid. */
export class RoadGrid {
  private constructor(
    readonly nodes: readonly SitePoint[],
    readonly edges: readonly GridEdge[],
  ) {}

  /** The grid of the given roads: polylines that meet share a vertex. */
  static fromRoads(roads: readonly Road[]): RoadGrid {
    const nodes: SitePoint[] = [];
    const index = new Map<string, number>();
    const nodeOf = (p: SitePoint): number => {
      const key = `${p.eastM.toFixed(3)},${p.northM.toFixed(3)}`;
      let i = index.get(key);
      if (i === undefined) {
        i = nodes.length;
        nodes.push(p);
        index.set(key, i);
      }
      return i;
    };
    const edges: GridEdge[] = [];
    const seen = new Set<string>();
    for (const road of roads) {
      for (let i = 1; i < road.points.length; i++) {
        const a = nodeOf(road.points[i - 1]!);
        const b = nodeOf(road.points[i]!);
        const key = a < b ? `${a}-${b}` : `${b}-${a}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        edges.push({ a, b, lengthM: distance(nodes[a]!, nodes[b]!) });
      }
    }
    return new RoadGrid(nodes, edges);
  }

  /** The same grid moved by (dx, dy) metres. */
  translated(dx: number, dy: number): RoadGrid {
    return new RoadGrid(
      this.nodes.map((p) => pt(p.eastM + dx, p.northM + dy)),
      this.edges,
    );
  }

  /** The point on edge `edge` at `t`. */
  pointAt(edge: number, t: number): SitePoint {
    const { a, b } = this.edges[edge]!;
    const pa = this.nodes[a]!;
    const pb = this.nodes[b]!;
    return pt(pa.eastM + (pb.eastM - pa.eastM) * t, pa.northM + (pb.northM - pa.northM) * t);
  }

  /** The nearest point of the grid to `p`, kept at least `endClearanceM` from the edge's ends. */
  nearest(p: SitePoint, endClearanceM = 0): GridHit {
    let best: GridHit | undefined;
    this.edges.forEach((e, edge) => {
      const pa = this.nodes[e.a]!;
      const pb = this.nodes[e.b]!;
      const dx = pb.eastM - pa.eastM;
      const dy = pb.northM - pa.northM;
      const raw = ((p.eastM - pa.eastM) * dx + (p.northM - pa.northM) * dy) / (dx * dx + dy * dy);
      const margin = Math.min(0.45, endClearanceM / e.lengthM);
      const t = Math.min(1 - margin, Math.max(margin, raw));
      const point = this.pointAt(edge, t);
      const d = distance(p, point);
      if (best === undefined || d < best.distanceM - 1e-9) best = { edge, t, point, distanceM: d };
    });
    if (best === undefined) throw new Error('the road grid has no edges');
    return best;
  }

  /** Edges meeting at each node. */
  incidence(): number[][] {
    const byNode: number[][] = this.nodes.map(() => []);
    this.edges.forEach((e, i) => {
      byNode[e.a]!.push(i);
      byNode[e.b]!.push(i);
    });
    return byNode;
  }

  /** The node path (indices) of a shortest route between two nodes (Dijkstra; ties go to the lower index). */
  shortestPath(from: number, to: number): number[] {
    const dist = this.nodes.map(() => Infinity);
    const prev = this.nodes.map(() => -1);
    const done = this.nodes.map(() => false);
    const incidence = this.incidence();
    dist[from] = 0;
    for (;;) {
      let u = -1;
      for (let i = 0; i < dist.length; i++) if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
      if (u < 0 || u === to) break;
      done[u] = true;
      for (const ei of incidence[u]!) {
        const e = this.edges[ei]!;
        const v = e.a === u ? e.b : e.a;
        const d = dist[u]! + e.lengthM;
        if (d < dist[v]! - 1e-9) {
          dist[v] = d;
          prev[v] = u;
        }
      }
    }
    if (dist[to] === Infinity) throw new Error(`no route between grid nodes ${from} and ${to}`);
    const path = [to];
    while (path[0] !== from) path.unshift(prev[path[0]!]!);
    return path;
  }

  /**
   * A polyline from `from` to `to` along the grid: to the nearest grid point, along the
   * shortest route, then off to `to`.
   */
  route(from: SitePoint, to: SitePoint): SitePoint[] {
    const start = this.nearest(from);
    const end = this.nearest(to);
    const points: SitePoint[] = [from, start.point];
    if (start.edge === end.edge) {
      points.push(end.point, to);
      return dedupe(points);
    }
    const se = this.edges[start.edge]!;
    const ee = this.edges[end.edge]!;
    let best: number[] | undefined;
    let bestLength = Infinity;
    for (const [sNode, sLen] of [[se.a, start.t * se.lengthM], [se.b, (1 - start.t) * se.lengthM]] as const) {
      for (const [eNode, eLen] of [[ee.a, end.t * ee.lengthM], [ee.b, (1 - end.t) * ee.lengthM]] as const) {
        const path = this.shortestPath(sNode, eNode);
        const length = sLen + eLen + pathLength(this.nodes, path);
        if (length < bestLength - 1e-9) {
          bestLength = length;
          best = path;
        }
      }
    }
    for (const i of best!) points.push(this.nodes[i]!);
    points.push(end.point, to);
    return dedupe(points);
  }
}

function pathLength(nodes: readonly SitePoint[], path: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < path.length; i++) sum += distance(nodes[path[i - 1]!]!, nodes[path[i]!]!);
  return sum;
}

/** Drops consecutive points closer than 1 cm. */
function dedupe(points: SitePoint[]): SitePoint[] {
  return points.filter((p, i) => i === 0 || distance(p, points[i - 1]!) > 0.01);
}
