import { CallbackProperty, ConstantProperty, ImageMaterialProperty, Rectangle, type Entity, type Viewer } from 'cesium';
import { SENSOR_LAYER_COLORS } from '../scene/build/sensorMarkers.ts';
import { FIELD_OPACITY, FIELD_REACH_M, fieldGridOver, type FieldGrid } from '../scene/overlays/fieldGrid.ts';
import type { FieldResult } from '../scene/overlays/fieldJob.ts';
import { FieldRenderer } from '../scene/overlays/fieldRenderer.ts';
import { FieldSampler } from '../scene/overlays/fieldSampler.ts';
import type { LiveSensors } from '../scene/overlays/liveSensors.ts';
import { OVERLAYS, packBands, type OverlayChoice } from '../scene/overlays/overlayBands.ts';
import type { SensorStateCode } from '../scene/overlays/sensorState.ts';
import { stateColor } from '../scene/overlays/stateStyle.ts';
import { SENSOR_KINDS } from '@twin/protocol';
import { rgbaOf } from './geoColors.ts';
import type { GeoLayers } from './geoLayers.ts';
import { geoKey } from './geoSelection.ts';
import { markerIcon } from './markerIcon.ts';

/** How often the map takes the live states and samples, ms (a few times a second). */
const TICK_MS = 250;
/** Height of the field image over the ellipsoid, metres: over roads (0.8), under pipes (1.2; `GEO_HEIGHTS`). */
const FIELD_HEIGHT_M = 1;
const EARTH_RADIUS_M = 6_378_137;
const RAD = Math.PI / 180;

/** What the map overlay reads: the live sensors and the chosen overlay (the 3D scene's, shared). */
export interface GeoOverlaySource {
  live(): LiveSensors | undefined;
  overlay(): OverlayChoice;
}

/**
 * The live overlay on the map (REQ PLAT-3, ENV-2..5, MUN-5): the chosen field as a coloured image
 * on the ground, interpolated by the same worker and bands as the 3D scene's (a rectangle whose
 * image alternates between two canvases, so Cesium uploads each new raster once), and sensor
 * markers in their state's colour. Reads the scene's live sensors a few times a second; changes
 * only what changed.
 */
export class GeoOverlay {
  private readonly entity: Entity;
  private readonly canvases: [HTMLCanvasElement, HTMLCanvasElement];
  private front: 0 | 1 = 0;
  private readonly fields: FieldRenderer;
  private readonly grid: FieldGrid;
  /** Writes a position's plane metres (east of the west edge, south of the north edge) into `out`. */
  private readonly place: (lon: number, lat: number, out: Float32Array, offset: number) => void;
  private readonly timer: ReturnType<typeof setInterval>;
  private sampler: FieldSampler | undefined;
  private choice: OverlayChoice = 'none';
  private sampleKey = '';
  private fieldJob = -1;
  private live: LiveSensors | undefined;
  private painted: Uint8Array | undefined;
  private paintedRevision = -1;
  private heat: string | undefined;

  constructor(
    private readonly viewer: Viewer,
    extent: GeoLayers['extent'],
    private readonly source: GeoOverlaySource,
    private readonly readout: (heat: { intensityC: number; referenceC: number } | undefined) => void,
  ) {
    const { west, north } = extent;
    const cosLat = Math.cos(((extent.south + north) / 2) * RAD);
    const metresPerDegLon = EARTH_RADIUS_M * RAD * cosLat;
    const metresPerDegLat = EARTH_RADIUS_M * RAD;
    this.grid = fieldGridOver(0, 0, (extent.east - west) * metresPerDegLon, (north - extent.south) * metresPerDegLat);
    const { grid } = this;
    // Plane metres east of the west edge and south of the north edge, rows from the north: the image's own orientation.
    this.place = (lon, lat, out, o) => {
      out[o] = (lon - west) * metresPerDegLon;
      out[o + 1] = (north - lat) * metresPerDegLat;
    };
    this.canvases = [document.createElement('canvas'), document.createElement('canvas')];
    for (const canvas of this.canvases) [canvas.width, canvas.height] = [grid.width, grid.height];
    const rectangle = Rectangle.fromDegrees(west, north - (grid.height * grid.cellM) / metresPerDegLat, west + (grid.width * grid.cellM) / metresPerDegLon, north);
    this.entity = viewer.entities.add({
      id: 'overlay:field',
      show: false,
      rectangle: { coordinates: rectangle, height: FIELD_HEIGHT_M, material: new ImageMaterialProperty({ image: new CallbackProperty(() => this.canvases[this.front], false), transparent: true }) },
    });
    this.fields = new FieldRenderer((result) => this.fieldArrived(result));
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.fields.dispose();
    this.viewer.entities.remove(this.entity);
  }

  /** Takes the live states and samples: recolours changed markers, re-renders a changed field. */
  private tick(): void {
    const live = this.source.live();
    const choice = this.source.overlay();
    if (live !== this.live) {
      this.live = live;
      this.painted = undefined;
      this.paintedRevision = -1;
      this.choice = 'none';
    }
    if (live === undefined) return;
    if (live.statesRevision !== this.paintedRevision) this.paintMarkers(live);
    if (choice !== this.choice) this.setOverlay(live, choice);
    if (this.sampler === undefined) return;
    const samples = this.sampler.collect();
    const heat = samples.heat === undefined ? '' : `${samples.heat.intensityC.toFixed(1)}/${samples.heat.referenceC.toFixed(1)}`;
    if (heat !== this.heat) {
      this.heat = heat;
      this.readout(samples.heat);
    }
    if (samples.key === this.sampleKey) return;
    this.sampleKey = samples.key;
    this.fieldJob = this.fields.render(this.grid, samples, { ...packBands(OVERLAYS[this.sampler.overlay].bands(live.night)), alpha: FIELD_OPACITY, reachM: FIELD_REACH_M });
  }

  private setOverlay(live: LiveSensors, choice: OverlayChoice): void {
    this.choice = choice;
    this.sampleKey = '';
    this.fieldJob = -1;
    this.heat = undefined;
    this.entity.show = false;
    this.readout(undefined);
    this.viewer.scene.requestRender();
    const sensors = live.markers.sensors;
    this.sampler = choice === 'none' ? undefined : new FieldSampler(live, choice, (i, out, o) => this.place(sensors[i]!.location.lon, sensors[i]!.location.lat, out, o));
  }

  /** Gives every marker whose state changed its state's colour (the icon is shared per colour). */
  private paintMarkers(live: LiveSensors): void {
    const painted = this.painted;
    live.markers.sensors.forEach((sensor, i) => {
      const state = live.states[i]! as SensorStateCode;
      if (painted !== undefined && painted[i] === state) return;
      const billboard = this.viewer.entities.getById(geoKey({ kind: 'sensor', sensor: i }))?.billboard;
      if (billboard !== undefined) billboard.image = new ConstantProperty(markerIcon('sensor', rgbaOf(stateColor(state, SENSOR_LAYER_COLORS[SENSOR_KINDS[sensor.kind].layer]))));
    });
    this.painted = live.states.slice();
    this.paintedRevision = live.statesRevision;
    this.viewer.scene.requestRender();
  }

  /** Draws a finished raster on the back canvas and swaps: the material sees a new image and uploads it. */
  private fieldArrived(result: FieldResult): void {
    if (result.id !== this.fieldJob) return;
    const back = this.front === 0 ? 1 : 0;
    const context = this.canvases[back].getContext('2d')!;
    context.putImageData(new ImageData(result.rgba, result.grid.width, result.grid.height), 0, 0);
    this.front = back;
    this.entity.show = result.min <= result.max;
    this.viewer.scene.requestRender();
    this.viewer.container.setAttribute('data-overlay-ready', this.choice);
  }
}
