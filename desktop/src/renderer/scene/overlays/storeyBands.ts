import { BoxGeometry, Color, InstancedBufferAttribute, InstancedMesh, Matrix4, MeshBasicMaterial, type Plane } from 'three';
import type { Bounds } from '../render/communityModel.ts';
import { bandIndex, type Band } from './overlayBands.ts';

/** The bands stand this far out of the facade, metres, so they read as its colour. */
const OUTSET_M = 0.35;
/** Opacity of a storey band. */
export const STOREY_BAND_OPACITY = 0.6;

const unitBox = new BoxGeometry(1, 1, 1);
const scratchMatrix = new Matrix4();
const scratchColor = new Color();
const hiddenMatrix = new Matrix4().makeScale(0, 0, 0);

/**
 * Indoor readings by storey on the facade (REQ ENV-2..5): a translucent box around each storey
 * with indoor sensors of the overlay's kind, coloured by the band of its value (the worst room,
 * or the mean), one instanced draw call for every storey. A storey without a live value, or not
 * drawn, is scaled to nothing.
 */
export class StoreyBands {
  readonly mesh: InstancedMesh<BoxGeometry, MeshBasicMaterial>;
  private readonly boxes: Array<Bounds | undefined>;
  private readonly shown: Uint8Array;

  /** @param boxes - scene bounds of each storey (undefined while its building is not loaded). */
  constructor(boxes: Array<Bounds | undefined>) {
    const n = Math.max(1, boxes.length);
    const material = new MeshBasicMaterial({ transparent: true, opacity: STOREY_BAND_OPACITY, depthWrite: false, toneMapped: false });
    this.mesh = new InstancedMesh(unitBox, material, n);
    this.mesh.name = 'overlay-storeys';
    this.mesh.renderOrder = 2;
    this.mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(3 * n), 3);
    this.boxes = boxes;
    this.shown = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.mesh.setMatrixAt(i, hiddenMatrix);
  }

  /**
   * Colours storey `g` by the band of `values[g]` (NaN: no live value) when `drawn(g)`, else hides
   * it; `clipping` follows the scene's section plane.
   */
  paint(values: Float64Array, bands: readonly Band[], drawn: (storey: number) => boolean, clipping: Plane[]): void {
    for (let g = 0; g < this.boxes.length; g++) {
      const box = this.boxes[g];
      const value = values[g]!;
      const show = box !== undefined && !Number.isNaN(value) && drawn(g);
      if (show) {
        scratchMatrix.makeScale(box[3]! - box[0]! + 2 * OUTSET_M, box[4]! - box[1]!, box[5]! - box[2]! + 2 * OUTSET_M).setPosition((box[0]! + box[3]!) / 2, (box[1]! + box[4]!) / 2, (box[2]! + box[5]!) / 2);
        this.mesh.setMatrixAt(g, scratchMatrix);
        this.mesh.setColorAt(g, scratchColor.setHex(bands[bandIndex(bands, value)]!.color));
      } else if (this.shown[g] === 1) {
        this.mesh.setMatrixAt(g, hiddenMatrix);
      }
      this.shown[g] = show ? 1 : 0;
    }
    this.mesh.instanceMatrix.needsUpdate = true;
    this.mesh.instanceColor!.needsUpdate = true;
    this.mesh.computeBoundingSphere();
    this.mesh.material.clippingPlanes = clipping;
  }

  dispose(): void {
    this.mesh.dispose();
    this.mesh.material.dispose();
  }
}
