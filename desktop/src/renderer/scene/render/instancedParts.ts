import { Color, CylinderGeometry, Group, InstancedBufferAttribute, InstancedMesh, Matrix4, Mesh, type BufferGeometry, type Material } from 'three';
import { HIGHLIGHT_COLOR } from './sceneMaterials.ts';

/** Unit shapes of instanced markers: radius 1, height 1, axis Y. */
export const unitCylinder = new CylinderGeometry(1, 1, 1, 8, 1);
const highlight = new Color(HIGHLIGHT_COLOR);

/**
 * Instances of one shape, drawn as one InstancedMesh (one draw call) or, in `naive` mode, as a
 * mesh each (the bench's baseline). Colours per instance multiply the material colour.
 */
export class InstancedParts {
  readonly object: InstancedMesh | Group;
  private readonly colors: Float32Array;

  constructor(
    geometry: BufferGeometry,
    material: Material,
    private readonly matrices: Float32Array,
    colors: Float32Array,
    naive: boolean,
  ) {
    const count = matrices.length / 16;
    this.colors = colors.slice();
    if (naive) {
      this.object = new Group();
      for (let i = 0; i < count; i++) {
        const mesh = new Mesh(geometry, material);
        mesh.matrixAutoUpdate = false;
        mesh.matrix.fromArray(matrices, 16 * i);
        this.object.add(mesh);
      }
      return;
    }
    const mesh = new InstancedMesh(geometry, material, count);
    mesh.instanceMatrix.array.set(matrices);
    mesh.instanceColor = new InstancedBufferAttribute(colors.slice(), 3);
    mesh.computeBoundingSphere();
    this.object = mesh;
  }

  /** Replaces every instance matrix (e.g. hidden markers scaled to nothing). */
  setMatrices(matrices: Float32Array): void {
    if (this.object instanceof InstancedMesh) {
      this.object.instanceMatrix.array.set(matrices);
      this.object.instanceMatrix.needsUpdate = true;
      this.object.computeBoundingSphere();
      return;
    }
    const m = new Matrix4();
    this.object.children.forEach((child, i) => {
      child.matrix.copy(m.fromArray(matrices, 16 * i));
      child.visible = matrices[16 * i] !== 0 || matrices[16 * i + 5] !== 0;
    });
  }

  /** Sets instance colours: the base colours, with `highlighted` instances in the highlight colour. */
  setColors(base: Float32Array, highlighted: ReadonlySet<number>): void {
    this.colors.set(base);
    for (const i of highlighted) highlight.toArray(this.colors, 3 * i);
    if (this.object instanceof InstancedMesh && this.object.instanceColor !== null) {
      this.object.instanceColor.array.set(this.colors);
      this.object.instanceColor.needsUpdate = true;
    }
  }

  dispose(): void {
    if (this.object instanceof InstancedMesh) this.object.dispose();
  }
}
