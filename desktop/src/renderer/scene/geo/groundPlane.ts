/**
 * Ground elevation as a plane over scene x and z: `e = e0 + slopeX·x + slopeZ·z`, fitted to
 * surveyed ground points (manhole rims). Plain numbers, so it crosses to workers as is.
 */
export interface GroundPlane {
  /** Elevation above the vertical datum at the scene origin, metres. */
  e0: number;
  slopeX: number;
  slopeZ: number;
}

/** Elevation above the datum of the ground at scene (x, z). */
export function groundElevation(plane: GroundPlane, x: number, z: number): number {
  return plane.e0 + plane.slopeX * x + plane.slopeZ * z;
}

/**
 * Least-squares plane through ground samples: enough for a community-sized site, whose ground
 * falls gently one way. Fewer than three samples, or samples on a line, give a level plane at
 * their mean (or at `fallbackM` without any).
 * @param samples `[x, z, elevationM]` triples in scene coordinates
 */
export function fitGroundPlane(samples: ReadonlyArray<readonly [number, number, number]>, fallbackM: number): GroundPlane {
  const n = samples.length;
  if (n === 0) return { e0: fallbackM, slopeX: 0, slopeZ: 0 };
  let mx = 0, mz = 0, me = 0;
  for (const [x, z, e] of samples) {
    mx += x / n;
    mz += z / n;
    me += e / n;
  }
  // Centred normal equations for the slopes.
  let xx = 0, xz = 0, zz = 0, xe = 0, ze = 0;
  for (const [x, z, e] of samples) {
    const dx = x - mx, dz = z - mz, de = e - me;
    xx += dx * dx;
    xz += dx * dz;
    zz += dz * dz;
    xe += dx * de;
    ze += dz * de;
  }
  const det = xx * zz - xz * xz;
  if (n < 3 || Math.abs(det) < 1e-9 * Math.max(1, xx * zz)) return { e0: me, slopeX: 0, slopeZ: 0 };
  const slopeX = (xe * zz - ze * xz) / det;
  const slopeZ = (ze * xx - xe * xz) / det;
  return { e0: me - slopeX * mx - slopeZ * mz, slopeX, slopeZ };
}
