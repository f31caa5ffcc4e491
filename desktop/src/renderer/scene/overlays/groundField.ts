import { DataTexture, LinearFilter, Mesh, MeshBasicMaterial, PlaneGeometry, RGBAFormat, SRGBColorSpace, UnsignedByteType } from 'three';
import type { FieldGrid } from './fieldGrid.ts';

/** Height of the field over the ground, metres: above every site surface (footways lie 0.2 m up). */
const LIFT_M = 0.3;
/** Vertices along each side of the draped sheet (the ground may tilt). */
const SEGMENTS = 8;

/**
 * A live field as a translucent coloured sheet on the ground (REQ ENV-2..5): one mesh, one draw
 * call, its RGBA raster (from the field worker) a texture replaced in place as readings arrive.
 * Unlit, so its colours are the legend's.
 */
export class GroundField {
  readonly mesh: Mesh<PlaneGeometry, MeshBasicMaterial>;
  private texture: DataTexture | undefined;
  private grid: FieldGrid | undefined;

  constructor() {
    const material = new MeshBasicMaterial({ transparent: true, depthWrite: false, toneMapped: false, polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -2 });
    this.mesh = new Mesh(new PlaneGeometry(1, 1, SEGMENTS, SEGMENTS), material);
    this.mesh.name = 'overlay-field';
    this.mesh.renderOrder = 1;
    this.mesh.visible = false;
    this.mesh.matrixAutoUpdate = false;
    this.mesh.frustumCulled = false;
  }

  /** The raster the field is placed on (scene x and z, rows from the north), once placed. */
  get placed(): FieldGrid | undefined {
    return this.grid;
  }

  /** Drapes the sheet over `grid` (scene x east, z south) on the ground `groundY` gives. */
  place(grid: FieldGrid, groundY: (x: number, z: number) => number): void {
    this.grid = grid;
    const position = this.mesh.geometry.getAttribute('position');
    const uv = this.mesh.geometry.getAttribute('uv');
    const [w, h] = [grid.width * grid.cellM, grid.height * grid.cellM];
    for (let k = 0; k < position.count; k++) {
      // PlaneGeometry lays rows from +y (top) down: v = 1 at the first row.
      const u = uv.getX(k);
      const v = 1 - uv.getY(k);
      const x = grid.x0 + u * w;
      const z = grid.y0 + v * h;
      position.setXYZ(k, x, groundY(x, z) + LIFT_M, z);
      // Texture rows run from the north (row 0 at v = 0: data are not flipped).
      uv.setXY(k, u, v);
    }
    position.needsUpdate = true;
    uv.needsUpdate = true;
    this.mesh.geometry.computeBoundingSphere();
    this.texture?.dispose();
    const texture = new DataTexture(new Uint8Array(4 * grid.width * grid.height), grid.width, grid.height, RGBAFormat, UnsignedByteType);
    texture.colorSpace = SRGBColorSpace;
    texture.magFilter = LinearFilter;
    texture.minFilter = LinearFilter;
    texture.generateMipmaps = false;
    this.texture = texture;
    this.mesh.material.map = texture;
    this.mesh.material.needsUpdate = true;
  }

  /** Shows a raster of the placed grid's size (RGBA bytes, rows from the north). */
  show(rgba: Uint8ClampedArray): void {
    const texture = this.texture;
    if (texture === undefined || rgba.length !== texture.image.data!.length) return;
    texture.image.data = new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length);
    texture.needsUpdate = true;
    this.mesh.visible = true;
  }

  hide(): void {
    this.mesh.visible = false;
  }

  dispose(): void {
    this.texture?.dispose();
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }
}
