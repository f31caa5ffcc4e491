/**
 * Plane geometry of the site plan, in site metres: rotated rectangles, areas, distances.
 */
import type { SitePoint } from './layoutTypes.ts';

const DEG = Math.PI / 180;

/** A site point. */
export function pt(eastM: number, northM: number): SitePoint {
  return { eastM, northM };
}

/** The point at local (x, y) of a frame centred on `centre` whose x axis is turned `rotationDeg` counter-clockwise from east. */
export function localToSite(centre: SitePoint, rotationDeg: number, x: number, y: number): SitePoint {
  const c = Math.cos(rotationDeg * DEG);
  const s = Math.sin(rotationDeg * DEG);
  return { eastM: centre.eastM + c * x - s * y, northM: centre.northM + s * x + c * y };
}

/** The local (x, y) of a site point in the frame of `localToSite`. */
export function siteToLocal(centre: SitePoint, rotationDeg: number, p: SitePoint): { x: number; y: number } {
  const c = Math.cos(rotationDeg * DEG);
  const s = Math.sin(rotationDeg * DEG);
  const dx = p.eastM - centre.eastM;
  const dy = p.northM - centre.northM;
  return { x: c * dx + s * dy, y: -s * dx + c * dy };
}

/** Corners of a `widthM` × `depthM` rectangle centred on `centre`, turned by `rotationDeg`, counter-clockwise from the local south-west corner. */
export function rectangle(centre: SitePoint, widthM: number, depthM: number, rotationDeg = 0): SitePoint[] {
  const hw = widthM / 2;
  const hd = depthM / 2;
  return [
    localToSite(centre, rotationDeg, -hw, -hd),
    localToSite(centre, rotationDeg, hw, -hd),
    localToSite(centre, rotationDeg, hw, hd),
    localToSite(centre, rotationDeg, -hw, hd),
  ];
}

/** An axis-aligned rectangle from its west, south, east and north edges, counter-clockwise. */
export function box(west: number, south: number, east: number, north: number): SitePoint[] {
  return [pt(west, south), pt(east, south), pt(east, north), pt(west, north)];
}

/** Signed area of a ring (positive when counter-clockwise), m². */
export function signedArea(ring: readonly SitePoint[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a.eastM * b.northM - b.eastM * a.northM;
  }
  return sum / 2;
}

/** Area of a ring, m². */
export function polygonArea(ring: readonly SitePoint[]): number {
  return Math.abs(signedArea(ring));
}

/** Straight-line distance, metres. */
export function distance(a: SitePoint, b: SitePoint): number {
  return Math.hypot(a.eastM - b.eastM, a.northM - b.northM);
}

/** Length of a polyline, metres. */
export function polylineLength(points: readonly SitePoint[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += distance(points[i - 1]!, points[i]!);
  return sum;
}

/** Even-odd test: is `p` inside the ring? */
export function insideRing(p: SitePoint, ring: readonly SitePoint[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.northM > p.northM !== b.northM > p.northM && p.eastM < ((b.eastM - a.eastM) * (p.northM - a.northM)) / (b.northM - a.northM) + a.eastM) {
      inside = !inside;
    }
  }
  return inside;
}

/** Compass bearing (degrees clockwise from north, 0..360) from `a` towards `b`. */
export function bearingDeg(a: SitePoint, b: SitePoint): number {
  const deg = Math.atan2(b.eastM - a.eastM, b.northM - a.northM) / DEG;
  return deg < 0 ? deg + 360 : deg;
}
