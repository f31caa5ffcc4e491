/**
 * Ray picking over plain arrays, without meshes: nearest triangle of merged geometry (with
 * bounds per part to skip most of it), nearest instanced point or segment (with a tolerance in
 * pixels, so thin pipes and small markers remain clickable from afar).
 */

/** A ray: origin and unit direction, scene coordinates. */
export interface PickRay {
  origin: [number, number, number];
  direction: [number, number, number];
}

/** A hit: what was hit (an index into the searched list) and the distance along the ray. */
export interface RayHit {
  index: number;
  t: number;
}

/** Distance along the ray where it enters an axis-aligned box (0 when it starts inside), or Infinity. */
export function rayBoxEntry(ray: PickRay, bounds: Float32Array | number[], offset = 0): number {
  let near = 0;
  let far = Infinity;
  for (let a = 0; a < 3; a++) {
    const o = ray.origin[a]!;
    const d = ray.direction[a]!;
    const min = bounds[offset + a]!;
    const max = bounds[offset + 3 + a]!;
    if (Math.abs(d) < 1e-12) {
      if (o < min || o > max) return Infinity;
      continue;
    }
    let t0 = (min - o) / d;
    let t1 = (max - o) / d;
    if (t0 > t1) [t0, t1] = [t1, t0];
    near = Math.max(near, t0);
    far = Math.min(far, t1);
    if (near > far) return Infinity;
  }
  return near;
}

/** Distance along the ray to a triangle (either side), or Infinity (Möller–Trumbore). */
export function rayTriangle(ray: PickRay, p: Float32Array, a: number, b: number, c: number): number {
  const [ox, oy, oz] = ray.origin;
  const [dx, dy, dz] = ray.direction;
  const [ax, ay, az] = [p[3 * a]!, p[3 * a + 1]!, p[3 * a + 2]!];
  const [e1x, e1y, e1z] = [p[3 * b]! - ax, p[3 * b + 1]! - ay, p[3 * b + 2]! - az];
  const [e2x, e2y, e2z] = [p[3 * c]! - ax, p[3 * c + 1]! - ay, p[3 * c + 2]! - az];
  const [px, py, pz] = [dy * e2z - dz * e2y, dz * e2x - dx * e2z, dx * e2y - dy * e2x];
  const det = e1x * px + e1y * py + e1z * pz;
  if (Math.abs(det) < 1e-12) return Infinity;
  const inv = 1 / det;
  const [tx, ty, tz] = [ox - ax, oy - ay, oz - az];
  const u = (tx * px + ty * py + tz * pz) * inv;
  if (u < 0 || u > 1) return Infinity;
  const [qx, qy, qz] = [ty * e1z - tz * e1y, tz * e1x - tx * e1z, tx * e1y - ty * e1x];
  const v = (dx * qx + dy * qy + dz * qz) * inv;
  if (v < 0 || u + v > 1) return Infinity;
  const t = (e2x * qx + e2y * qy + e2z * qz) * inv;
  return t > 0 ? t : Infinity;
}

/** Parts of merged geometry: index ranges with bounds. */
export interface PickableParts {
  count: number;
  firstIndex: Uint32Array;
  indexCount: Uint32Array;
  bounds: Float32Array;
}

/**
 * The nearest triangle hit among accepted parts: boxes first, then triangles of the boxes in the
 * order the ray enters them, stopping once no box can be nearer. `keep` may refuse a hit point
 * (cut away by a section plane).
 */
export function pickParts(
  ray: PickRay,
  positions: Float32Array,
  indices: Uint32Array,
  parts: PickableParts,
  accept: (part: number) => boolean,
  keep: (x: number, y: number, z: number) => boolean = () => true,
): (RayHit & { triangle: number }) | undefined {
  const candidates: Array<[number, number]> = [];
  for (let i = 0; i < parts.count; i++) {
    if (!accept(i)) continue;
    const t = rayBoxEntry(ray, parts.bounds, 6 * i);
    if (t < Infinity) candidates.push([t, i]);
  }
  candidates.sort((a, b) => a[0] - b[0]);
  let best: (RayHit & { triangle: number }) | undefined;
  for (const [entry, part] of candidates) {
    if (best !== undefined && entry > best.t) break;
    const first = parts.firstIndex[part]!;
    for (let i = first; i < first + parts.indexCount[part]!; i += 3) {
      const t = rayTriangle(ray, positions, indices[i]!, indices[i + 1]!, indices[i + 2]!);
      if (t >= (best?.t ?? Infinity)) continue;
      const [x, y, z] = [0, 1, 2].map((a) => ray.origin[a]! + t * ray.direction[a]!) as [number, number, number];
      if (keep(x, y, z)) best = { index: part, t, triangle: i / 3 };
    }
  }
  return best;
}

/**
 * The point nearest the ray origin among points within `radius[i]`, or within `pixelAngle ·
 * tolerancePx` radians of the ray, whichever is wider.
 */
export function pickPoints(ray: PickRay, centres: Float32Array, radius: (i: number) => number, tolerance: number, visible: (i: number) => boolean): RayHit | undefined {
  let best: RayHit | undefined;
  for (let i = 0; i < centres.length / 3; i++) {
    if (!visible(i)) continue;
    const [vx, vy, vz] = [centres[3 * i]! - ray.origin[0], centres[3 * i + 1]! - ray.origin[1], centres[3 * i + 2]! - ray.origin[2]];
    const t = vx * ray.direction[0] + vy * ray.direction[1] + vz * ray.direction[2];
    if (t <= 0 || t >= (best?.t ?? Infinity)) continue;
    const miss = Math.sqrt(Math.max(0, vx * vx + vy * vy + vz * vz - t * t));
    if (miss <= Math.max(radius(i), t * tolerance)) best = { index: i, t };
  }
  return best;
}

/** Like {@link pickPoints} for segments (6 floats each: both ends), e.g. pipe centrelines. */
export function pickSegments(ray: PickRay, ends: Float32Array, radius: (i: number) => number, tolerance: number, visible: (i: number) => boolean): RayHit | undefined {
  let best: RayHit | undefined;
  const [ox, oy, oz] = ray.origin;
  const [dx, dy, dz] = ray.direction;
  for (let i = 0; i < ends.length / 6; i++) {
    if (!visible(i)) continue;
    const o = 6 * i;
    const [ax, ay, az] = [ends[o]!, ends[o + 1]!, ends[o + 2]!];
    const [ux, uy, uz] = [ends[o + 3]! - ax, ends[o + 4]! - ay, ends[o + 5]! - az];
    const [wx, wy, wz] = [ox - ax, oy - ay, oz - az];
    // Closest points of the ray (t) and the segment (s ∈ [0, 1]).
    const a = ux * ux + uy * uy + uz * uz;
    const b = ux * dx + uy * dy + uz * dz;
    const d = ux * wx + uy * wy + uz * wz;
    const e = dx * wx + dy * wy + dz * wz;
    const denominator = a - b * b;
    let s = denominator > 1e-12 ? (d - b * e) / denominator : 0;
    s = Math.min(1, Math.max(0, s));
    const [px, py, pz] = [ax + s * ux, ay + s * uy, az + s * uz];
    const t = (px - ox) * dx + (py - oy) * dy + (pz - oz) * dz;
    if (t <= 0 || t >= (best?.t ?? Infinity)) continue;
    const miss = Math.hypot(px - (ox + t * dx), py - (oy + t * dy), pz - (oz + t * dz));
    if (miss <= Math.max(radius(i), t * tolerance)) best = { index: i, t };
  }
  return best;
}
