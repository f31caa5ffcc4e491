import { BoxGeometry, Group, InstancedMesh, Matrix3, Matrix4, Mesh, MeshBasicMaterial, Vector3, type Material } from 'three';
import type { BuildingModel } from '../ifc/buildingModel.ts';
import type { PickRay } from './rayPick.ts';
import { HIGHLIGHT_COLOR } from './sceneMaterials.ts';

const SPACE_COLOR = 0x4fc3f7;
const unitBox = new BoxGeometry(1, 1, 1);
const scratch = { inverse: new Matrix4(), linear: new Matrix3(), matrix: new Matrix4(), origin: new Vector3(), direction: new Vector3() };

/**
 * Spaces (rooms, flats) as translucent boxes: those of the isolated storey are drawn (one
 * instanced draw call); any storey's spaces can be picked from their boxes, which the mesh pack
 * does not carry (spaces have no drawn geometry of their own).
 */
export class SpaceBoxes {
  readonly object = new Group();
  private readonly material = new MeshBasicMaterial({ color: SPACE_COLOR, transparent: true, opacity: 0.12, depthWrite: false });
  private readonly selectedMaterial = new MeshBasicMaterial({ color: HIGHLIGHT_COLOR, transparent: true, opacity: 0.45, depthWrite: false });
  private mesh: InstancedMesh | undefined;
  private selected: Mesh | undefined;
  private shownKey = '';

  materials(): Material[] {
    return [this.material, this.selectedMaterial];
  }

  /** Draws the spaces of `storey` of `model` (none when either is undefined). */
  show(model: BuildingModel | undefined, storey: number | undefined): void {
    const key = model === undefined || storey === undefined ? '' : `${model.building}/${storey}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    if (this.mesh !== undefined) {
      this.object.remove(this.mesh);
      this.mesh.dispose();
      this.mesh = undefined;
    }
    const spaces = model?.spaces.filter((s) => s.storey === storey && s.matrix !== undefined) ?? [];
    if (spaces.length === 0) return;
    this.mesh = new InstancedMesh(unitBox, this.material, spaces.length);
    spaces.forEach((space, i) => this.mesh!.setMatrixAt(i, scratch.matrix.fromArray(space.matrix!)));
    this.mesh.renderOrder = 1;
    this.object.add(this.mesh);
  }

  /**
   * The space of `storey` under the ray: its index in `model.spaces`, and where the ray enters
   * and leaves its box.
   */
  pick(ray: PickRay, model: BuildingModel, storey: number): { space: number; tIn: number; tOut: number } | undefined {
    let best: { space: number; tIn: number; tOut: number } | undefined;
    model.spaces.forEach((space, index) => {
      if (space.storey !== storey || space.matrix === undefined) return;
      // In the box's own frame (unit cube) the ray keeps its parameter: t stays the scene distance.
      scratch.inverse.fromArray(space.matrix).invert();
      const origin = scratch.origin.fromArray(ray.origin).applyMatrix4(scratch.inverse);
      const direction = scratch.direction.fromArray(ray.direction).applyMatrix3(scratch.linear.setFromMatrix4(scratch.inverse));
      const [tIn, tOut] = unitBoxSpan(origin, direction);
      if (tIn <= tOut && tOut > 0 && tIn < (best?.tIn ?? Infinity)) best = { space: index, tIn: Math.max(0, tIn), tOut };
    });
    return best;
  }

  /** Highlights one space's box (nothing for undefined). */
  setHighlight(matrix: number[] | undefined): void {
    if (this.selected !== undefined) this.object.remove(this.selected);
    this.selected = undefined;
    if (matrix === undefined) return;
    this.selected = new Mesh(unitBox, this.selectedMaterial);
    this.selected.matrixAutoUpdate = false;
    this.selected.matrix.fromArray(matrix);
    this.selected.renderOrder = 2;
    this.object.add(this.selected);
  }

  dispose(): void {
    this.mesh?.dispose();
    this.material.dispose();
    this.selectedMaterial.dispose();
  }
}

/** Where a ray enters and leaves the unit cube centred on the origin (enter > leave: it misses). */
function unitBoxSpan(origin: Vector3, direction: Vector3): [number, number] {
  let tIn = -Infinity;
  let tOut = Infinity;
  for (const axis of ['x', 'y', 'z'] as const) {
    const o = origin[axis];
    const d = direction[axis];
    if (Math.abs(d) < 1e-12) {
      if (Math.abs(o) > 0.5) return [1, 0];
      continue;
    }
    const [a, b] = [(-0.5 - o) / d, (0.5 - o) / d];
    tIn = Math.max(tIn, Math.min(a, b));
    tOut = Math.min(tOut, Math.max(a, b));
  }
  return [tIn, tOut];
}
