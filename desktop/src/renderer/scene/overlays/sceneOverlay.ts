import { Group, Plane, Vector3 } from 'three';
import type { SceneState } from '../sceneStore.ts';
import type { SceneCatalog } from '../sceneCatalog.ts';
import type { SceneFrame } from '../geo/sceneFrame.ts';
import type { Bounds, CommunityModel } from '../render/communityModel.ts';
import type { SensorLayer } from '../render/sensorLayer.ts';
import type { LiveTelemetry } from '../../telemetry/liveTelemetry.ts';
import type { TelemetryStore } from '../../telemetry/telemetryStore.ts';
import { FIELD_OPACITY, FIELD_REACH_M, fieldGridOver, type FieldGrid } from './fieldGrid.ts';
import type { FieldResult } from './fieldJob.ts';
import { FieldRenderer } from './fieldRenderer.ts';
import { FieldSampler } from './fieldSampler.ts';
import { GasZones } from './gasZones.ts';
import { GroundField } from './groundField.ts';
import { LiveSensors } from './liveSensors.ts';
import { OVERLAYS, packBands, type OverlayChoice } from './overlayBands.ts';
import { pulseAt } from './stateStyle.ts';
import { StoreyPainter } from './storeyPainter.ts';

/** Live states and fields are re-evaluated at most this often while readings arrive, ms (a few Hz). */
const SWEEP_INTERVAL_MS = 200;
/** Without readings, states are re-evaluated this often, for staleness and the day/night switch, ms. */
const IDLE_SWEEP_MS = 1000;
/** Bounds of the pause between pulse frames, ms: at least this (a GPU pulses at up to 30 frames a second)… */
const PULSE_MIN_PAUSE_MS = 33;
/** …and at most this. */
const PULSE_MAX_PAUSE_MS = 1000;
/** Most leaking detector ids the canvas lists in `data-gas-leaks`. */
const LISTED_LEAKS = 20;

/** What the overlay needs from the scene around it. */
export interface SceneOverlayHost {
  /** Asks for a frame (the on-demand render loop's `invalidate`). */
  invalidate(): void;
  /** The canvas: carries `data-live` (the telemetry's phase), `data-gas-leaks` and `data-overlay-ready` for automation. */
  element: HTMLElement;
  /** Shows the community's heat-island intensity and reference (REQ ENV-2), undefined for none. */
  readout(heat: { intensityC: number; referenceC: number } | undefined): void;
}

/**
 * Live overlays of the 3D scene (REQ PLAT-3, ENV-2..5, MUN-5): sensor markers coloured and sized
 * by state, leaking gas detectors pulsing with a zone drawn around them, and one field at a time
 * (temperature, heat island, illuminance, noise, PM2.5, CO2, TVOC) on the ground and on the storeys.
 *
 * Nothing goes through React: the console's live telemetry writes frames into its store's typed
 * arrays, which {@link LiveSensors} reads (one decoding per frame for every live view); at most
 * every {@link SWEEP_INTERVAL_MS} a sweep classifies every sensor, re-bands the storeys and hands
 * the outdoor samples to the field worker, and asks for a frame only when something visible
 * changed; {@link frame} (called from `useFrame`) writes instance colours, sizes and the field
 * texture in place, and keeps asking for frames only while a leak pulses.
 */
export class SceneOverlay {
  readonly root = new Group();
  /** The sensors with their live readings and states, once loaded. */
  live: LiveSensors | undefined;
  /** The telemetry store the live sensors were made over (null: none yet). */
  private boundStore: TelemetryStore | null = null;
  private stopStore: (() => void) | undefined;
  private readonly stopTelemetry: (() => void) | undefined;
  private sensorLayer: SensorLayer | undefined;
  private readonly ground = new GroundField();
  private zones: GasZones | undefined;
  private storeys: StoreyPainter | undefined;
  private readonly fields: FieldRenderer;
  private sampler: FieldSampler | undefined;
  private choice: OverlayChoice = 'none';
  private sampleKey = '';
  private fieldJob = -1;
  private arrived: FieldResult | undefined;
  private paintedStates = -1;
  private shownLeaks = '';
  private heat: string | undefined;
  private sweepTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly idleTimer: ReturnType<typeof setInterval>;
  private lastSweepMs = Number.NEGATIVE_INFINITY;
  private readonly section = new Plane();
  private view: { state: SceneState; clipping: Plane[] } | undefined;
  private busyMs = 0;
  private frames = 0;
  private pulsePending = false;
  private pulseProbe: number | undefined;
  private pulseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: SceneOverlayHost,
    private readonly model: CommunityModel,
    private readonly catalog: SceneCatalog,
    private readonly telemetry: LiveTelemetry | undefined,
  ) {
    this.root.name = 'overlays';
    this.root.add(this.ground.mesh);
    this.fields = new FieldRenderer((result) => this.fieldArrived(result));
    this.idleTimer = setInterval(() => this.requestSweep(), IDLE_SWEEP_MS);
    host.element.dataset['live'] = telemetry?.getState().phase ?? 'none';
    this.stopTelemetry = telemetry?.subscribe(() => this.telemetryChanged());
  }

  /** Takes the loaded sensors: they show the readings of the console's live telemetry. */
  setSensors(layer: SensorLayer): void {
    this.sensorLayer = layer;
    this.bindSensors(layer);
  }

  /** Places the ground field over the site `extent` on the scene's ground. */
  setGround(frame: SceneFrame, extent: Bounds): void {
    this.ground.place(fieldGridOver(extent[0]!, extent[2]!, extent[3]!, extent[5]!), (x, z) => frame.groundY(x, z));
    this.sampleKey = '';
    this.requestSweep();
  }

  /**
   * Applies the scene state: the chosen overlay, and what hides storey bands (layers, isolation,
   * section plane). `buildingsChanged`: buildings arrived, so storeys have new boxes.
   */
  apply(state: SceneState, buildingsChanged: boolean): void {
    const { section } = state;
    const normal = section.axis === 'y' ? [0, -1, 0] : section.axis === 'x' ? [-1, 0, 0] : [0, 0, -1];
    this.section.set(new Vector3(...(normal as [number, number, number])), section.position);
    this.view = { state, clipping: section.enabled ? [this.section] : [] };
    this.storeys?.setView(this.view.state, this.view.clipping);
    if (state.overlay !== this.choice) this.setOverlay(state.overlay);
    else if (buildingsChanged) this.rebuildStoreys();
    this.requestSweep();
  }

  /** Per-frame work (from `useFrame`): writes what the last sweep and the field worker produced into the GPU buffers. */
  frame(nowMs: number): void {
    const started = performance.now();
    const { live, sensorLayer, zones } = this;
    if (live !== undefined && sensorLayer !== undefined && zones !== undefined) {
      if (live.statesRevision !== this.paintedStates) {
        sensorLayer.setStates(live.states);
        this.paintedStates = live.statesRevision;
        this.listLeaks(live);
      }
      if (live.leakCount > 0 || zones.mesh.count > 0) {
        const strength = pulseAt(nowMs);
        sensorLayer.pulse(live.leaks, live.leakCount, strength);
        zones.update(live.leaks, live.leakCount, live.markers.positions, (i) => live.value(i), (i) => sensorLayer.isShown(i), strength);
        if (live.leakCount > 0) this.nextPulse();
      }
    }
    const arrived = this.arrived;
    if (arrived !== undefined) {
      this.arrived = undefined;
      if (arrived.min <= arrived.max) this.ground.show(arrived.rgba);
      else this.ground.hide();
      this.host.element.dataset['overlayReady'] = this.choice;
    }
    this.busyMs += performance.now() - started;
    this.frames++;
  }

  /**
   * Asks for the next pulse frame (the only frames this overlay asks for by itself), paced by what
   * this one costs: the next animation frame comes once this one is drawn and presented, and the
   * pulse pauses as long again, so an animation never takes more than about half of the renderer
   * (on a GPU, a 30 Hz pulse; in software rendering, a slower one that leaves room for the rest).
   */
  private nextPulse(): void {
    if (this.pulsePending) return;
    this.pulsePending = true;
    const drawnFrom = performance.now();
    this.pulseProbe = requestAnimationFrame(() => {
      this.pulseProbe = undefined;
      const pauseMs = Math.min(PULSE_MAX_PAUSE_MS, Math.max(PULSE_MIN_PAUSE_MS, performance.now() - drawnFrom));
      this.pulseTimer = setTimeout(() => {
        this.pulseTimer = undefined;
        this.pulsePending = false;
        this.host.invalidate();
      }, pauseMs);
    });
  }

  /** Main-thread time spent in the overlays so far (live frames, sweeps and per-frame work), and frames drawn. */
  stats(): { busyMs: number; frames: number } {
    return { busyMs: this.busyMs + (this.telemetry?.busyMs ?? 0), frames: this.frames };
  }

  dispose(): void {
    this.stopTelemetry?.();
    this.stopStore?.();
    clearInterval(this.idleTimer);
    if (this.sweepTimer !== undefined) clearTimeout(this.sweepTimer);
    if (this.pulseProbe !== undefined) cancelAnimationFrame(this.pulseProbe);
    if (this.pulseTimer !== undefined) clearTimeout(this.pulseTimer);
    this.fields.dispose();
    this.ground.dispose();
    this.zones?.dispose();
    this.storeys?.dispose();
  }

  /** The telemetry moved on: shows its phase, and takes its new store (the registry changed) when the sensors are loaded. */
  private telemetryChanged(): void {
    const { phase, store } = this.telemetry!.getState();
    this.host.element.dataset['live'] = phase;
    if (this.sensorLayer !== undefined && store !== this.boundStore) this.bindSensors(this.sensorLayer);
  }

  /** Live sensors of `layer` over the telemetry's current store: new states, gas zones, samples and storey bands. */
  private bindSensors(layer: SensorLayer): void {
    this.stopStore?.();
    this.boundStore = this.telemetry?.getState().store ?? null;
    const live = new LiveSensors(layer.markers, this.boundStore);
    this.live = live;
    this.paintedStates = -1;
    if (this.zones !== undefined) this.root.remove(this.zones.mesh);
    this.zones?.dispose();
    this.zones = new GasZones(live.limits.gas.reduce((n, g) => n + g, 0));
    this.root.add(this.zones.mesh);
    this.stopStore = live.telemetry.onChange(() => this.requestSweep());
    this.setOverlay(this.choice);
    // The store may hold readings already (it is the console's): states need not wait for the next frame.
    this.requestSweep();
  }

  /** Switches to another overlay: new samples, a new field, new storey bands. */
  private setOverlay(choice: OverlayChoice): void {
    this.choice = choice;
    delete this.host.element.dataset['overlayReady'];
    this.sampleKey = '';
    this.heat = undefined;
    this.fieldJob = -1;
    this.arrived = undefined;
    this.ground.hide();
    this.host.readout(undefined);
    const live = this.live;
    const positions = live?.markers.positions;
    this.sampler =
      choice === 'none' || live === undefined || positions === undefined
        ? undefined
        : new FieldSampler(live, choice, (i, out, o) => {
            out[o] = positions[3 * i]!;
            out[o + 1] = positions[3 * i + 2]!;
          });
    this.rebuildStoreys();
    this.lastSweepMs = Number.NEGATIVE_INFINITY;
    this.host.invalidate();
  }

  /** Storey bands of the current overlay over the buildings loaded now. */
  private rebuildStoreys(): void {
    if (this.storeys !== undefined) this.root.remove(this.storeys.mesh);
    this.storeys?.dispose();
    this.storeys = undefined;
    if (this.choice === 'none' || this.live === undefined || OVERLAYS[this.choice].storey === 'none') return;
    this.storeys = new StoreyPainter(this.live, this.choice, this.model, this.catalog);
    if (this.view !== undefined) this.storeys.setView(this.view.state, this.view.clipping);
    this.root.add(this.storeys.mesh);
  }

  private requestSweep(): void {
    if (this.sweepTimer !== undefined) return;
    const wait = Math.max(0, this.lastSweepMs + SWEEP_INTERVAL_MS - performance.now());
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = undefined;
      this.sweep();
    }, wait);
  }

  /** Classifies every sensor, re-bands the storeys, sends changed samples to the field worker; asks for a frame if anything visible changed. */
  private sweep(): void {
    const started = performance.now();
    this.lastSweepMs = started;
    const { live, telemetry } = this;
    if (live === undefined) return;
    let redraw = live.sweep(telemetry?.clock.now() ?? Date.now());
    if (this.storeys?.paint() === true) redraw = true;
    const grid = this.ground.placed;
    if (this.sampler !== undefined && grid !== undefined) this.refreshField(live, grid);
    if (redraw) this.host.invalidate();
    this.busyMs += performance.now() - started;
  }

  private refreshField(live: LiveSensors, grid: FieldGrid): void {
    const samples = this.sampler!.collect();
    const heat = samples.heat === undefined ? '' : `${samples.heat.intensityC.toFixed(1)}/${samples.heat.referenceC.toFixed(1)}`;
    if (heat !== this.heat) {
      this.heat = heat;
      this.host.readout(samples.heat);
    }
    if (samples.key === this.sampleKey) return;
    this.sampleKey = samples.key;
    const style = { ...packBands(OVERLAYS[this.sampler!.overlay].bands(live.night)), alpha: FIELD_OPACITY, reachM: FIELD_REACH_M };
    this.fieldJob = this.fields.render(grid, samples, style);
  }

  private fieldArrived(result: FieldResult): void {
    // Rasters of an earlier overlay (or of samples since replaced) are not shown.
    if (result.id !== this.fieldJob) return;
    this.arrived = result;
    this.host.invalidate();
  }

  /** Lists the leaking detectors on the canvas (`data-gas-leaks`), as drawn. */
  private listLeaks(live: LiveSensors): void {
    const ids: string[] = [];
    for (let k = 0; k < Math.min(live.leakCount, LISTED_LEAKS); k++) ids.push(live.markers.sensors[live.leaks[k]!]!.id);
    const listed = ids.join(' ');
    if (listed === this.shownLeaks) return;
    this.shownLeaks = listed;
    if (listed === '') delete this.host.element.dataset['gasLeaks'];
    else this.host.element.dataset['gasLeaks'] = listed;
  }
}
