import { Color, ConeGeometry, MeshLambertMaterial } from 'three';
import type { CameraMarkers } from '../build/cameraMarkers.ts';
import { layerKey, type SceneState } from '../sceneStore.ts';
import { InstancedParts } from './instancedParts.ts';
import { pickPoints, type PickRay } from './rayPick.ts';
import { applyVisibility } from './sceneMaterials.ts';

const cone = new ConeGeometry(1, 1, 12, 1);
const CAMERA_COLOR = 0x37474f;

/** Cameras as instanced view cones (GOV-3 video surveillance): one draw call. */
export class CameraLayer {
  private readonly parts: InstancedParts;
  private readonly material: MeshLambertMaterial;
  private readonly colors: Float32Array;
  private visible = true;

  constructor(readonly markers: CameraMarkers, naive: boolean) {
    this.colors = new Float32Array(3 * markers.cameras.length);
    for (let i = 0; i < markers.cameras.length; i++) new Color(CAMERA_COLOR).toArray(this.colors, 3 * i);
    this.material = new MeshLambertMaterial({ name: 'cameras', color: naive ? CAMERA_COLOR : 0xffffff });
    this.parts = new InstancedParts(cone, this.material, markers.matrices, this.colors, naive);
    this.parts.object.name = 'cameras';
  }

  get object() {
    return this.parts.object;
  }

  apply(state: SceneState): void {
    const visibility = state.layers[layerKey.cameras] ?? 'shown';
    this.visible = visibility !== 'hidden';
    applyVisibility(this.parts.object, this.material, visibility);
  }

  pick(ray: PickRay, tolerance: number): { camera: number; t: number } | undefined {
    if (!this.visible) return undefined;
    const hit = pickPoints(ray, this.markers.positions, () => 1, tolerance, () => true);
    return hit === undefined ? undefined : { camera: hit.index, t: hit.t };
  }

  setHighlight(camera: number | undefined): void {
    this.parts.setColors(this.colors, new Set(camera === undefined ? [] : [camera]));
  }

  dispose(): void {
    this.parts.dispose();
    this.material.dispose();
  }
}
