import { Group, Plane, Vector3, type Object3D } from 'three';
import type { CameraMarkers } from '../build/cameraMarkers.ts';
import type { NetworkBuild } from '../build/networkBuild.ts';
import type { SensorMarkers } from '../build/sensorMarkers.ts';
import type { SiteBuild } from '../build/siteBuild.ts';
import type { BuildingModel } from '../ifc/buildingModel.ts';
import { layerKey, type SceneState, type Selection } from '../sceneStore.ts';
import { BuildingLayer } from './buildingLayer.ts';
import { CameraLayer } from './cameraLayer.ts';
import { NetworkLayer } from './networkLayer.ts';
import type { PickRay } from './rayPick.ts';
import { SensorLayer } from './sensorLayer.ts';
import type { PixelUniforms } from './sceneMaterials.ts';
import { SiteLayer } from './siteLayer.ts';

/** What a ray hit, before drill-down decides what that selects. */
export type PickHit = (
  | { kind: 'element'; building: string; element: number }
  | { kind: 'space'; building: string; space: number }
  | { kind: 'network'; network: string; feature: number }
  | { kind: 'sensor'; sensor: number }
  | { kind: 'camera'; camera: number }
  | { kind: 'site'; feature: number }
) & { t: number };

/** Walls this thick around a space still count as bounding it. */
const SPACE_WALL_M = 0.5;

/** Scene bounds: min xyz then max xyz. */
export type Bounds = number[];

/**
 * The community as three.js objects, built imperatively from the scene builders; React only
 * mounts {@link root}. Layers apply the shared scene state (visibility, x-ray, section plane,
 * storey isolation), answer picking rays and highlight the selection.
 */
export class CommunityModel {
  readonly root = new Group();
  readonly buildings: BuildingLayer;
  private site: SiteLayer | undefined;
  private readonly networks = new Map<string, NetworkLayer>();
  private sensors: SensorLayer | undefined;
  private cameras: CameraLayer | undefined;
  private readonly sectionPlane = new Plane(new Vector3(0, -1, 0), 0);
  private readonly pixels: PixelUniforms = { pixelAngle: { value: 0 } };
  private pixelAngle = 0;
  private widen = false;

  /**
   * Whether buildings are drawn as they arrive. The naive build is not: re-creating thousands
   * of meshes on every arrival would stall loading.
   */
  get progressive(): boolean {
    return !this.naive;
  }

  constructor(private readonly naive: boolean) {
    this.buildings = new BuildingLayer(naive);
    this.root.add(this.buildings.object);
  }

  setSite(build: SiteBuild): void {
    this.site = this.replace(this.site, new SiteLayer(build, this.naive));
  }

  addNetwork(build: NetworkBuild): void {
    this.networks.set(build.network, this.replace(this.networks.get(build.network), new NetworkLayer(build, this.naive, this.pixels)));
  }

  setSensors(markers: SensorMarkers): void {
    this.sensors = this.replace(this.sensors, new SensorLayer(markers, this.naive));
  }

  /** The sensor markers, once loaded: live overlays colour them by state. */
  get sensorLayer(): SensorLayer | undefined {
    return this.sensors;
  }

  setCameras(markers: CameraMarkers): void {
    this.cameras = this.replace(this.cameras, new CameraLayer(markers, this.naive));
  }

  private replace<T extends { object: Object3D; dispose(): void }>(old: T | undefined, next: T): T {
    if (old !== undefined) {
      this.root.remove(old.object);
      old.dispose();
    }
    this.root.add(next.object);
    return next;
  }

  /** Radians a pixel spans (field of view over viewport height), for minimum on-screen widths. */
  setPixelAngle(radians: number): void {
    this.pixelAngle = radians;
    this.pixels.pixelAngle.value = this.widen ? radians : 0;
  }

  addBuilding(model: BuildingModel, category: string): void {
    this.buildings.add(model, category);
  }

  /** Applies the scene state to every layer. */
  apply(state: SceneState): void {
    // Widened pipes would poke through the ground: only while x-ray shows what is under it.
    this.widen = state.xray;
    this.setPixelAngle(this.pixelAngle);
    this.site?.apply(state);
    for (const [id, layer] of this.networks) layer.apply(state.layers[layerKey.network(id)] ?? 'shown');
    const isolatedModel = state.isolated === null ? undefined : this.buildings.model(state.isolated.building);
    const isolatedStorey = isolatedModel?.storeys[state.isolated!.storey]?.name;
    this.sensors?.apply(state, isolatedStorey === undefined ? undefined : { building: state.isolated!.building, storey: isolatedStorey });
    this.cameras?.apply(state);
    const { section } = state;
    const normal = section.axis === 'y' ? [0, -1, 0] : section.axis === 'x' ? [-1, 0, 0] : [0, 0, -1];
    this.sectionPlane.set(new Vector3(...(normal as [number, number, number])), section.position);
    this.buildings.apply(state, section.enabled ? [this.sectionPlane] : []);
  }

  /**
   * The nearest thing under the ray. `tolerance` (radians) widens points and pipes to a few
   * pixels. `spacesOf` names a storey whose spaces compete with its elements.
   */
  pick(ray: PickRay, tolerance: number, state: SceneState, spacesOf?: { building: string; storey: number }): PickHit | undefined {
    const hits: PickHit[] = [];
    const keep = state.section.enabled ? (x: number, y: number, z: number) => this.sectionPlane.distanceToPoint(new Vector3(x, y, z)) >= 0 : () => true;
    let element = this.buildings.pick(ray, state, keep);
    const model = spacesOf === undefined ? undefined : this.buildings.model(spacesOf.building);
    const space = model === undefined ? undefined : this.buildings.spaces.pick(ray, model, spacesOf!.storey);
    if (space !== undefined) {
      // The space wins over its own storey's walls and slabs (which bound it), and loses to
      // anything inside it: it counts where the ray leaves it.
      const bounding = element !== undefined && element.building === spacesOf!.building && model!.elements.storeys[element.element] === spacesOf!.storey && element.t >= space.tIn - SPACE_WALL_M;
      if (bounding) element = undefined;
      hits.push({ kind: 'space', building: spacesOf!.building, space: space.space, t: space.tOut });
    }
    if (element !== undefined) hits.push({ kind: 'element', ...element });
    for (const [network, layer] of this.networks) {
      const hit = layer.pick(ray, tolerance);
      if (hit !== undefined) hits.push({ kind: 'network', network, ...hit });
    }
    // Cameras before sensors: at equal distance a camera wins over its own status sensor.
    const camera = this.cameras?.pick(ray, tolerance);
    if (camera !== undefined) hits.push({ kind: 'camera', ...camera });
    const sensor = this.sensors?.pick(ray, tolerance);
    if (sensor !== undefined) hits.push({ kind: 'sensor', ...sensor });
    const site = this.site?.pick(ray, tolerance);
    let nearest = hits.reduce<PickHit | undefined>((best, hit) => (hit.t < (best?.t ?? Infinity) ? hit : best), undefined);
    if (site !== undefined && site.t < (nearest?.t ?? Infinity)) nearest = site.feature === undefined ? undefined : { kind: 'site', feature: site.feature, t: site.t };
    return nearest;
  }

  /** Highlights the selection (and clears the previous highlight); an isolated storey needs none. */
  highlight(selection: Selection | null, isolated: SceneState['isolated']): void {
    const s = selection;
    const isolatedStorey = s?.kind === 'storey' && isolated?.building === s.building && isolated.storey === s.storey;
    this.buildings.setHighlight(
      s?.kind === 'building' ? { building: s.building } : s?.kind === 'storey' && !isolatedStorey ? { building: s.building, storey: s.storey } : s?.kind === 'element' ? { building: s.building, element: s.element } : undefined,
    );
    this.buildings.spaces.setHighlight(s?.kind === 'space' ? this.buildings.model(s.building)?.spaces[s.space]?.matrix : undefined);
    for (const [id, layer] of this.networks) layer.setHighlight(s?.kind === 'network' && s.network === id ? s.feature : undefined);
    this.sensors?.setHighlight(s?.kind === 'sensor' ? s.sensor : undefined);
    this.cameras?.setHighlight(s?.kind === 'camera' ? s.camera : undefined);
    this.site?.setHighlight(s?.kind === 'site' ? s.feature : undefined);
  }

  /** Scene bounds of what a selection refers to, for flying there. */
  bounds(selection: Selection): Bounds | undefined {
    const around = (p: Float32Array | undefined, i: number, r: number): Bounds | undefined =>
      p === undefined ? undefined : [p[3 * i]! - r, p[3 * i + 1]! - r, p[3 * i + 2]! - r, p[3 * i]! + r, p[3 * i + 1]! + r, p[3 * i + 2]! + r];
    switch (selection.kind) {
      case 'building':
        return this.buildings.bounds({ building: selection.building });
      case 'storey':
        return this.buildings.bounds({ building: selection.building, storey: selection.storey });
      case 'element':
        return this.buildings.bounds({ building: selection.building, element: selection.element });
      case 'space': {
        const m = this.buildings.model(selection.building)?.spaces[selection.space]?.matrix;
        return m === undefined ? undefined : around(new Float32Array([m[12]!, m[13]!, m[14]!]), 0, Math.max(Math.hypot(m[0]!, m[1]!, m[2]!), Math.hypot(m[8]!, m[9]!, m[10]!)) / 2);
      }
      case 'network':
        return this.networks.get(selection.network)?.bounds(selection.feature);
      case 'sensor':
        return around(this.sensors?.markers.positions, selection.sensor, 4);
      case 'camera':
        return around(this.cameras?.markers.positions, selection.camera, 4);
      case 'site':
        return this.site?.bounds(selection.feature);
    }
  }

  /** Scene bounds of everything loaded (the site, else the buildings). */
  extent(): Bounds | undefined {
    const e = this.site?.build.extent;
    if (e !== undefined) return [e[0], -5, e[1], e[2], 30, e[3]];
    return undefined;
  }

  /** Sensor counts by kind, for the layer panel. */
  sensorKinds(): ReturnType<SensorLayer['kindCounts']> {
    return this.sensors?.kindCounts() ?? [];
  }

  dispose(): void {
    this.buildings.dispose();
    this.site?.dispose();
    for (const layer of this.networks.values()) layer.dispose();
    this.sensors?.dispose();
    this.cameras?.dispose();
  }
}
