import { Color, InstancedMesh, MeshLambertMaterial, OctahedronGeometry } from 'three';
import { SENSOR_KINDS, type SensorDefinition } from '@twin/protocol';
import { sameStorey } from '../ifc/sameStorey.ts';
import { SENSOR_MARKER_SIZE_M, sensorColor, writeMarkerMatrices, type SensorMarkers } from '../build/sensorMarkers.ts';
import type { SensorStateCode } from '../overlays/sensorState.ts';
import { isAlarming, PULSE_SWELL, stateColor, stateScale } from '../overlays/stateStyle.ts';
import { layerKey, type LayerVisibility, type SceneState } from '../sceneStore.ts';
import { InstancedParts } from './instancedParts.ts';
import { pickPoints, type PickRay } from './rayPick.ts';

const octahedron = new OctahedronGeometry(0.5);
const DIM_GREY = new Color(0x9e9e9e);
/** The selected sensor's marker is drawn this much larger. */
const SELECTED_SCALE = 2;
/** Pulsing markers brighten towards white by up to this share. */
const PULSE_BRIGHTEN = 0.55;
const scratch = new Color();
const white = new Color(0xffffff);

/**
 * Every sensor of the registry as one instanced marker (one draw call for thousands): hidden
 * kinds scaled to nothing, dimmed kinds greyed, the selected sensor in the highlight colour, and
 * each marker coloured and sized by its live state (REQ PLAT-3), leaking gas detectors pulsing
 * (REQ MUN-5). State changes rewrite the instance buffers in place; nothing is re-created.
 */
export class SensorLayer {
  private readonly parts: InstancedParts;
  private readonly material: MeshLambertMaterial;
  private readonly matrices: Float32Array;
  private visibilities: LayerVisibility[] = [];
  private highlighted = new Set<number>();
  private states: Uint8Array | undefined;
  private readonly colors: Float32Array;
  /** Every instance was rewritten since the last pulse: the next upload must be whole, not ranges. */
  private repainted = true;

  constructor(readonly markers: SensorMarkers, naive: boolean) {
    const n = markers.sensors.length;
    this.matrices = new Float32Array(16 * n);
    this.colors = new Float32Array(3 * n);
    markers.sensors.forEach((sensor, i) => scratch.setHex(sensorColor(sensor)).toArray(this.colors, 3 * i));
    writeMarkerMatrices(markers.positions, () => SENSOR_MARKER_SIZE_M, this.matrices);
    this.material = new MeshLambertMaterial({ name: 'sensors', color: naive ? 0x80deea : 0xffffff });
    this.parts = new InstancedParts(octahedron, this.material, this.matrices, this.colors, naive);
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

  /**
   * Colours and sizes the markers by live state, one code per marker (`SENSOR_STATE`); the array
   * is read again at every repaint, so the caller calls this after changing it.
   */
  setStates(states: Uint8Array): void {
    this.states = states;
    this.paint();
  }

  /**
   * Swells and brightens the `count` markers listed in `pulsing` by `strength` (0..1), writing
   * only their instances (called every frame while a gas detector leaks, REQ MUN-5).
   */
  pulse(pulsing: Uint32Array, count: number, strength: number): void {
    const mesh = this.parts.object;
    if (!(mesh instanceof InstancedMesh) || mesh.instanceColor === null) return;
    const matrices = mesh.instanceMatrix;
    const colors = mesh.instanceColor;
    // After a repaint the whole buffers go up anyway; otherwise only the pulsing instances do.
    const ranges = !this.repainted;
    this.repainted = false;
    for (let k = 0; k < count; k++) {
      const i = pulsing[k]!;
      const size = this.sizeOf(i) * (1 + PULSE_SWELL * strength);
      matrices.array[16 * i] = matrices.array[16 * i + 5] = matrices.array[16 * i + 10] = size;
      scratch.fromArray(this.colors, 3 * i).lerp(white, PULSE_BRIGHTEN * strength).toArray(colors.array, 3 * i);
      if (ranges) {
        matrices.addUpdateRange(16 * i, 11);
        colors.addUpdateRange(3 * i, 3);
      }
    }
    matrices.needsUpdate = true;
    colors.needsUpdate = true;
  }

  /** Edge length of marker `i`, metres: 0 when hidden, larger when selected or alarming. */
  private sizeOf(i: number): number {
    if (this.visibilities[i] === 'hidden') return 0;
    const state = (this.states?.[i] ?? 0) as SensorStateCode;
    return (this.highlighted.has(i) ? SELECTED_SCALE : 1) * stateScale(state) * SENSOR_MARKER_SIZE_M;
  }

  /** Writes matrices (hidden kinds scaled to nothing, the selected sensor and alarms larger) and colours. */
  private paint(): void {
    this.repainted = true;
    writeMarkerMatrices(this.markers.positions, (i) => this.sizeOf(i), this.matrices);
    this.parts.setMatrices(this.matrices);
    const colors = this.colors;
    const highlighted = new Set<number>();
    for (let i = 0; i < this.markers.sensors.length; i++) {
      const state = (this.states?.[i] ?? 0) as SensorStateCode;
      scratch.setHex(stateColor(state, sensorColor(this.markers.sensors[i]!)));
      if (this.visibilities[i] === 'dimmed') scratch.lerp(DIM_GREY, 0.75);
      scratch.toArray(colors, 3 * i);
      // An alarm keeps its colour on the selected marker: the selection shows by its size.
      if (this.highlighted.has(i) && !isAlarming(state)) highlighted.add(i);
    }
    this.parts.setColors(colors, highlighted);
  }

  /** Whether marker `i` is drawn (its kind not hidden, not on a storey hidden by isolation). */
  isShown(i: number): boolean {
    return this.visibilities[i] !== 'hidden';
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
