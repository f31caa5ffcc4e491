import { BufferAttribute, BufferGeometry, Color, CylinderGeometry, Group, Mesh, MeshLambertMaterial, Raycaster, Vector3 } from 'three';
import type { SiteBuild } from '../build/siteBuild.ts';
import { writeMarkerMatrices } from '../build/sensorMarkers.ts';
import { layerKey, type SceneState } from '../sceneStore.ts';
import { InstancedParts } from './instancedParts.ts';
import { pickPoints, type PickRay } from './rayPick.ts';
import { applyVisibility } from './sceneMaterials.ts';

/** Opacity of the ground in x-ray mode. */
const XRAY_OPACITY = 0.3;
const pin = new CylinderGeometry(0.6, 0.6, 3, 10);
const FACILITY_COLOR = 0xd84315;

/**
 * The ground, site surfaces and roads as one mesh (one draw call), and point facilities
 * (entrances, bus stops) as instanced pins. In x-ray mode the ground turns translucent and stops
 * hiding what lies under it: the buried networks and basements.
 */
export class SiteLayer {
  readonly object = new Group();
  private readonly mesh: Mesh;
  private readonly material = new MeshLambertMaterial({ name: 'site', vertexColors: true });
  private readonly markers: InstancedParts;
  private readonly markerMaterial: MeshLambertMaterial;
  private readonly markerColors: Float32Array;
  private readonly raycaster = new Raycaster();
  private xray = false;
  private visible = true;

  constructor(readonly build: SiteBuild, naive: boolean) {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(build.positions, 3));
    geometry.setAttribute('normal', new BufferAttribute(new Float32Array(build.positions.length).map((_, i) => (i % 3 === 1 ? 1 : 0)), 3));
    geometry.setAttribute('color', new BufferAttribute(build.colors, 3, true));
    geometry.setIndex(new BufferAttribute(build.indices, 1));
    geometry.computeBoundingSphere();
    this.mesh = new Mesh(geometry, this.material);
    this.mesh.name = 'site';
    // Drawn before other translucent things, so x-ray ground never covers the pipes' highlight.
    this.mesh.renderOrder = -1;
    const count = build.markers.feature.length;
    const matrices = new Float32Array(16 * count);
    writeMarkerMatrices(build.markers.centres, () => 1, matrices);
    this.markerColors = new Float32Array(3 * count);
    for (let i = 0; i < count; i++) new Color(FACILITY_COLOR).toArray(this.markerColors, 3 * i);
    this.markerMaterial = new MeshLambertMaterial({ name: 'facilities', color: naive ? FACILITY_COLOR : 0xffffff });
    this.markers = new InstancedParts(pin, this.markerMaterial, matrices, this.markerColors, naive);
    this.object.add(this.mesh, this.markers.object);
  }

  apply(state: SceneState): void {
    const visibility = state.layers[layerKey.site] ?? 'shown';
    this.visible = visibility !== 'hidden';
    this.xray = state.xray;
    applyVisibility(this.object, this.material, visibility);
    applyVisibility(this.object, this.markerMaterial, visibility);
    if (state.xray && this.visible) {
      if (!this.material.transparent) this.material.needsUpdate = true;
      this.material.transparent = true;
      this.material.opacity = Math.min(this.material.opacity, XRAY_OPACITY);
      this.material.depthWrite = false;
    }
  }

  /**
   * The site feature under the ray. Facilities always; surfaces unless x-ray mode sees through
   * them. A hit on the ground around the site has no feature, but still hides what is under it.
   */
  pick(ray: PickRay, tolerance: number): { feature: number | undefined; t: number } | undefined {
    if (!this.visible) return undefined;
    const marker = pickPoints(ray, this.build.markers.centres, () => 1.5, tolerance, () => true);
    let surface: { feature: number | undefined; t: number } | undefined;
    if (!this.xray) {
      this.raycaster.set(new Vector3(...ray.origin), new Vector3(...ray.direction));
      const hit = this.raycaster.intersectObject(this.mesh, false)[0];
      if (hit?.faceIndex !== undefined && hit.faceIndex !== null) surface = { feature: this.build.ranges.lookup(hit.faceIndex)?.owner, t: hit.distance };
    }
    if (marker !== undefined && marker.t <= (surface?.t ?? Infinity)) return { feature: this.build.markers.feature[marker.index]!, t: marker.t };
    return surface;
  }

  setHighlight(feature: number | undefined): void {
    const highlighted = new Set<number>();
    this.build.markers.feature.forEach((f, i) => {
      if (f === feature) highlighted.add(i);
    });
    this.markers.setColors(this.markerColors, highlighted);
  }

  /** Scene bounds of a site feature: its marker, or its triangles. */
  bounds(feature: number): number[] | undefined {
    const box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
    const grow = (p: Float32Array, v: number, pad: number) => {
      for (let a = 0; a < 3; a++) {
        box[a] = Math.min(box[a]!, p[3 * v + a]! - pad);
        box[a + 3] = Math.max(box[a + 3]!, p[3 * v + a]! + pad);
      }
    };
    this.build.markers.feature.forEach((f, i) => f === feature && grow(this.build.markers.centres, i, 3));
    for (const [first, count] of this.build.ranges.rangesOf(feature)) {
      for (let i = 3 * first; i < 3 * (first + count); i++) grow(this.build.positions, this.build.indices[i]!, 0);
    }
    return Number.isFinite(box[0]) ? box : undefined;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.material.dispose();
    this.markers.dispose();
    this.markerMaterial.dispose();
  }
}
