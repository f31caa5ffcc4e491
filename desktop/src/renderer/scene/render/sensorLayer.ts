import { Color, MeshLambertMaterial, OctahedronGeometry } from 'three';
import { SENSOR_KINDS, type SensorDefinition } from '@twin/protocol';
import { sameStorey } from '../ifc/sameStorey.ts';
import { SENSOR_MARKER_SIZE_M, sensorColor, writeMarkerMatrices, type SensorMarkers } from '../build/sensorMarkers.ts';
import { layerKey, type LayerVisibility, type SceneState } from '../sceneStore.ts';
import { InstancedParts } from './instancedParts.ts';
import { pickPoints, type PickRay } from './rayPick.ts';

const octahedron = new OctahedronGeometry(0.5);
const DIM_GREY = new Color(0x9e9e9e);
/** The selected sensor's marker is drawn this much larger. */
const SELECTED_SCALE = 2;

/**
 * Every sensor of the registry as one instanced marker (one draw call for thousands): hidden
 * kinds scaled to nothing, dimmed kinds greyed, the selected sensor in the highlight colour.
 */
export class SensorLayer {
  private readonly parts: InstancedParts;
  private readonly material: MeshLambertMaterial;
  private readonly baseColors: Float32Array;
  private readonly matrices: Float32Array;
  private visibilities: LayerVisibility[] = [];
  private highlighted = new Set<number>();

  constructor(readonly markers: SensorMarkers, naive: boolean) {
    const n = markers.sensors.length;
    this.baseColors = new Float32Array(3 * n);
    markers.sensors.forEach((sensor, i) => new Color(sensorColor(sensor)).toArray(this.baseColors, 3 * i));
    this.matrices = new Float32Array(16 * n);
    writeMarkerMatrices(markers.positions, () => SENSOR_MARKER_SIZE_M, this.matrices);
    this.material = new MeshLambertMaterial({ name: 'sensors', color: naive ? 0x80deea : 0xffffff });
    this.parts = new InstancedParts(octahedron, this.material, this.matrices, this.baseColors, naive);
    this.parts.object.name = 'sensors';
  }

  get object() {
    return this.parts.object;
  }

  /**
   * Applies layer visibility; while a storey is isolated, the sensors of its building on other
   * storeys are hidden with the rest of the building.
   */
  apply(state: SceneState, isolated: { building: string; storey: string } | undefined): void {
    const elsewhere = (s: SensorDefinition) => isolated !== undefined && s.location.building === isolated.building && !sameStorey(s.location.storey ?? '', isolated.storey);
    const next = this.markers.sensors.map((s): LayerVisibility => (elsewhere(s) ? 'hidden' : (state.layers[layerKey.sensor(s.kind)] ?? 'shown')));
    if (next.length === this.visibilities.length && next.every((v, i) => v === this.visibilities[i])) return;
    this.visibilities = next;
    this.paint();
  }

  /** Writes matrices (hidden kinds scaled to nothing, the selected sensor larger) and colours. */
  private paint(): void {
    const size = (i: number) => (this.visibilities[i] === 'hidden' ? 0 : this.highlighted.has(i) ? SELECTED_SCALE * SENSOR_MARKER_SIZE_M : SENSOR_MARKER_SIZE_M);
    writeMarkerMatrices(this.markers.positions, size, this.matrices);
    this.parts.setMatrices(this.matrices);
    const colors = this.baseColors.slice();
    const c = new Color();
    this.visibilities.forEach((v, i) => {
      if (v === 'dimmed') c.fromArray(colors, 3 * i).lerp(DIM_GREY, 0.75).toArray(colors, 3 * i);
    });
    this.parts.setColors(colors, this.highlighted);
  }

  pick(ray: PickRay, tolerance: number): { sensor: number; t: number } | undefined {
    const hit = pickPoints(ray, this.markers.positions, () => SENSOR_MARKER_SIZE_M / 2, tolerance, (i) => this.visibilities[i] !== 'hidden');
    return hit === undefined ? undefined : { sensor: hit.index, t: hit.t };
  }

  setHighlight(sensor: number | undefined): void {
    this.highlighted = new Set(sensor === undefined ? [] : [sensor]);
    this.paint();
  }

  /** Sensor counts by kind, in the order of the kind table. */
  kindCounts(): Array<[keyof typeof SENSOR_KINDS, number]> {
    const counts = new Map<keyof typeof SENSOR_KINDS, number>();
    for (const s of this.markers.sensors) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
    return (Object.keys(SENSOR_KINDS) as Array<keyof typeof SENSOR_KINDS>).filter((k) => counts.has(k)).map((k) => [k, counts.get(k)!]);
  }

  dispose(): void {
    this.parts.dispose();
    this.material.dispose();
  }
}
