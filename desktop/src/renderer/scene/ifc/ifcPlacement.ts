import type { StepEntity, StepValue } from './stepParser.ts';

/**
 * Affine transform `p' = R·p + t` as 12 numbers, row-major: `[r00, r01, r02, t0, r10, …, t2]`.
 * IFC model coordinates (z up).
 */
export type Affine = number[];

export const IDENTITY: Affine = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

/** `a ∘ b`: apply `b`, then `a`. */
export function compose(a: Affine, b: Affine): Affine {
  const out = new Array<number>(12);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      out[4 * r + c] = a[4 * r]! * b[c]! + a[4 * r + 1]! * b[4 + c]! + a[4 * r + 2]! * b[8 + c]! + (c === 3 ? a[4 * r + 3]! : 0);
    }
  }
  return out;
}

/** Reads IFC geometry entities by reference, caching object placements (they form a tree). */
export class IfcPlacements {
  private readonly placements = new Map<number, Affine>();

  constructor(private readonly entities: Map<number, StepEntity>) {}

  private entity(value: StepValue | undefined): StepEntity | undefined {
    return value !== null && typeof value === 'object' && 'ref' in value ? this.entities.get(value.ref) : undefined;
  }

  private numbers(value: StepValue | undefined): number[] | undefined {
    const coordinates = this.entity(value)?.args[0];
    return Array.isArray(coordinates) && coordinates.every((c) => typeof c === 'number') ? (coordinates as number[]) : undefined;
  }

  /** IfcAxis2Placement3D or IfcAxis2Placement2D as an affine transform. */
  axisPlacement(value: StepValue | undefined): Affine {
    const placement = this.entity(value);
    if (placement === undefined) return IDENTITY;
    const [x = 0, y = 0, z = 0] = this.numbers(placement.args[0]) ?? [];
    if (placement.type === 'IFCAXIS2PLACEMENT2D') {
      const [rx, ry] = unit(this.numbers(placement.args[1]) ?? [1, 0, 0]);
      return [rx, -ry, 0, x, ry, rx, 0, y, 0, 0, 1, 0];
    }
    const axis = unit(this.numbers(placement.args[1]) ?? [0, 0, 1]);
    // The x axis is the reference direction made orthogonal to the z axis.
    const ref = this.numbers(placement.args[2]) ?? (Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]);
    const dot = ref[0]! * axis[0] + (ref[1] ?? 0) * axis[1] + (ref[2] ?? 0) * axis[2];
    const xAxis = unit([ref[0]! - dot * axis[0], (ref[1] ?? 0) - dot * axis[1], (ref[2] ?? 0) - dot * axis[2]]);
    const yAxis: [number, number, number] = [axis[1] * xAxis[2] - axis[2] * xAxis[1], axis[2] * xAxis[0] - axis[0] * xAxis[2], axis[0] * xAxis[1] - axis[1] * xAxis[0]];
    return [xAxis[0], yAxis[0], axis[0], x, xAxis[1], yAxis[1], axis[1], y, xAxis[2], yAxis[2], axis[2], z];
  }

  /** World transform of an IfcLocalPlacement (chained through PlacementRelTo). */
  objectPlacement(value: StepValue | undefined): Affine {
    const placement = this.entity(value);
    if (placement === undefined || placement.type !== 'IFCLOCALPLACEMENT') return IDENTITY;
    const cached = this.placements.get(placement.id);
    if (cached !== undefined) return cached;
    this.placements.set(placement.id, IDENTITY); // a cycle in a broken file ends here
    const world = compose(this.objectPlacement(placement.args[0]), this.axisPlacement(placement.args[1]));
    this.placements.set(placement.id, world);
    return world;
  }

  /**
   * The box of a product whose body is one extruded rectangle (how spaces are usually modelled):
   * the transform of the unit cube centred on the origin onto it, in world coordinates; or
   * undefined for any other shape.
   */
  extrudedBox(product: StepEntity): Affine | undefined {
    const shape = this.entity(product.args[6]);
    const representations = shape?.args[2];
    if (!Array.isArray(representations)) return undefined;
    for (const representation of representations) {
      const items = this.entity(representation)?.args[3];
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        const solid = this.entity(item);
        const profile = this.entity(solid?.args[0]);
        if (solid?.type !== 'IFCEXTRUDEDAREASOLID' || profile?.type !== 'IFCRECTANGLEPROFILEDEF') continue;
        const [xDim, yDim, depth] = [profile.args[3], profile.args[4], solid.args[3]];
        if (typeof xDim !== 'number' || typeof yDim !== 'number' || typeof depth !== 'number') continue;
        const [dx, dy, dz] = unit(this.numbers(solid.args[2]) ?? [0, 0, 1]);
        const profile2d = this.axisPlacement(profile.args[2]);
        // Unit cube → rectangle × extrusion, in the solid's position frame.
        const box: Affine = [
          profile2d[0]! * xDim, profile2d[1]! * yDim, dx * depth, profile2d[3]! + (dx * depth) / 2,
          profile2d[4]! * xDim, profile2d[5]! * yDim, dy * depth, profile2d[7]! + (dy * depth) / 2,
          0, 0, dz * depth, (dz * depth) / 2,
        ];
        return compose(this.objectPlacement(product.args[5]), compose(this.axisPlacement(solid.args[1]), box));
      }
    }
    return undefined;
  }

  /** An IfcDirection's ratios. */
  direction(value: StepValue | undefined): number[] | undefined {
    return this.numbers(value);
  }
}

function unit(v: number[]): [number, number, number] {
  const [x = 0, y = 0, z = 0] = v;
  const length = Math.hypot(x, y, z) || 1;
  return [x / length, y / length, z / length];
}
