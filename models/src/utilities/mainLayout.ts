/**
 * Laying mains along the road grid: junctions at the grid nodes, and on each edge the stops
 * (tees for services and hydrants, valves) chained in order between the edge's junctions.
 * Also the geometry of a service line from a main to a building's facade.
 */
import type { Building, SitePoint } from '../layout/layoutTypes.ts';
import { distance, localToSite, pt, siteToLocal } from '../layout/planGeometry.ts';
import type { RoadGrid } from './roadGrid.ts';

/** A node placed on a grid edge at `t` (0 at the edge's node `a`, 1 at `b`). */
export interface EdgeStop {
  edge: number;
  t: number;
  nodeId: string;
}

/** Stops collected per edge, then chained into links. */
export class MainPlan {
  private readonly stops: EdgeStop[] = [];
  private readonly tees = new Set<string>();

  constructor(readonly grid: RoadGrid) {}

  add(edge: number, t: number, nodeId: string): void {
    this.stops.push({ edge, t, nodeId });
  }

  /**
   * The tee at `t` on `edge`: an existing tee within `toleranceM` (two services branching at
   * one point share it), else a new one made by `create`.
   */
  teeAt(edge: number, t: number, create: () => string, toleranceM = 1): string {
    const length = this.grid.edges[edge]!.lengthM;
    const near = this.stops.find((s) => s.edge === edge && this.tees.has(s.nodeId) && Math.abs(s.t - t) * length < toleranceM);
    if (near !== undefined) return near.nodeId;
    const id = create();
    this.tees.add(id);
    this.add(edge, t, id);
    return id;
  }

  /**
   * Calls `link(from, to, edge)` for consecutive nodes along every edge, from the junction at
   * `a` through the stops in order of `t` to the junction at `b`.
   */
  chain(junctionIds: readonly string[], link: (from: string, to: string, edge: number) => void): void {
    this.grid.edges.forEach((e, edge) => {
      const along = this.stops.filter((s) => s.edge === edge).sort((x, y) => x.t - y.t || (x.nodeId < y.nodeId ? -1 : 1));
      const ids = [junctionIds[e.a]!, ...along.map((s) => s.nodeId), junctionIds[e.b]!];
      for (let i = 1; i < ids.length; i++) link(ids[i - 1]!, ids[i]!, edge);
    });
  }
}

/** Where the line from a building's centre towards `toward` leaves the footprint (plus `outsideM`). */
export function facadePoint(b: Building, toward: SitePoint, outsideM = 0): SitePoint {
  const centre = pt(b.eastM, b.northM);
  const local = siteToLocal(centre, b.rotationDeg, toward);
  const length = Math.hypot(local.x, local.y);
  if (length < 1e-9) return centre;
  const ux = local.x / length;
  const uy = local.y / length;
  const toEdge = Math.min(Math.abs(ux) > 1e-12 ? b.widthM / 2 / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-12 ? b.depthM / 2 / Math.abs(uy) : Infinity);
  const s = toEdge + outsideM;
  return localToSite(centre, b.rotationDeg, ux * s, uy * s);
}

/** The point `d` metres from `a` towards `b` (clamped to the segment). */
export function along(a: SitePoint, b: SitePoint, d: number): SitePoint {
  const length = distance(a, b);
  if (length < 1e-9) return a;
  const t = Math.min(1, Math.max(0, d / length));
  return pt(a.eastM + (b.eastM - a.eastM) * t, a.northM + (b.northM - a.northM) * t);
}
