import type { Plane } from 'three';
import { sameStorey } from '../ifc/sameStorey.ts';
import type { Bounds, CommunityModel } from '../render/communityModel.ts';
import type { SceneCatalog } from '../sceneCatalog.ts';
import { layerKey, type SceneState } from '../sceneStore.ts';
import type { LiveSensors } from './liveSensors.ts';
import { bandIndex, OVERLAYS, type OverlayId } from './overlayBands.ts';
import { hasLiveValue, type SensorStateCode } from './sensorState.ts';
import { StoreyBands } from './storeyBands.ts';
import { aggregateStoreys, storeyGroups, type StoreyGroups } from './storeyValues.ts';

/**
 * An overlay's indoor readings on the storeys of the loaded buildings (REQ ENV-2..5): groups the
 * indoor sensors of its kind by storey, finds each storey's box in its building model, and
 * repaints the {@link StoreyBands} only when a storey changes band or the view changes (layers,
 * storey isolation, section plane).
 */
export class StoreyPainter {
  private readonly groups: StoreyGroups;
  private readonly bands: StoreyBands;
  private readonly values: Float64Array;
  private readonly banded: Int16Array;
  private night: boolean | undefined;
  private state: SceneState | undefined;
  private clipping: Plane[] = [];
  private viewChanged = true;

  constructor(
    private readonly live: LiveSensors,
    private readonly overlay: OverlayId,
    model: CommunityModel,
    private readonly catalog: SceneCatalog,
  ) {
    this.groups = storeyGroups(live.markers.sensors, OVERLAYS[overlay].kind);
    this.bands = new StoreyBands(this.groups.storeys.map(({ building, storey }) => storeyBox(model, building, storey)));
    this.values = new Float64Array(this.groups.storeys.length);
    this.banded = new Int16Array(this.groups.storeys.length).fill(-2);
  }

  get mesh() {
    return this.bands.mesh;
  }

  /** What hides a storey's band: its building's layer hidden, its building's storey isolated; and the section plane. */
  setView(state: SceneState, clipping: Plane[]): void {
    this.state = state;
    this.clipping = clipping;
    this.viewChanged = true;
  }

  /** Re-evaluates every storey from the live values; repaints and returns true when anything drawn changed. */
  paint(): boolean {
    const { live, groups, values, banded } = this;
    const spec = OVERLAYS[this.overlay];
    if (spec.storey === 'none') return false;
    aggregateStoreys(groups, (i) => (hasLiveValue(live.state(i) as SensorStateCode) ? live.value(i) : Number.NaN), spec.storey, values);
    const bands = spec.bands(live.night);
    let changed = this.viewChanged || live.night !== this.night;
    for (let g = 0; g < values.length; g++) {
      const band = Number.isNaN(values[g]!) ? -1 : bandIndex(bands, values[g]!);
      if (band !== banded[g]) changed = true;
      banded[g] = band;
    }
    if (!changed) return false;
    this.night = live.night;
    this.viewChanged = false;
    this.bands.paint(values, bands, (g) => this.drawn(g), this.clipping);
    return true;
  }

  dispose(): void {
    this.bands.dispose();
  }

  private drawn(g: number): boolean {
    const state = this.state;
    const { building } = this.groups.storeys[g]!;
    if (state === undefined) return true;
    if (state.isolated?.building === building) return false;
    const category = this.catalog.buildings.get(building)?.category ?? 'other';
    return state.layers[layerKey.building(category)] !== 'hidden';
  }
}

/**
 * Scene box of a storey: its elements' plan extent, from its level up to the next storey's
 * (the top storey up to its elements' top). Undefined while the building is not loaded.
 */
function storeyBox(model: CommunityModel, building: string, storeyName: string): Bounds | undefined {
  const buildingModel = model.buildings.model(building);
  const index = buildingModel?.storeys.findIndex((s) => sameStorey(s.name, storeyName)) ?? -1;
  if (index < 0) return undefined;
  const bounds = model.buildings.bounds({ building, storey: index });
  if (bounds === undefined || !Number.isFinite(bounds[0]!)) return undefined;
  const storeys = buildingModel!.storeys;
  const bottom = storeys[index]!.y;
  const top = storeys[index + 1]?.y ?? bounds[4]!;
  return [bounds[0]!, bottom, bounds[2]!, bounds[3]!, Math.max(bottom + 0.5, top), bounds[5]!];
}
