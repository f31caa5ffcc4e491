import type { FieldSamples } from './fieldGrid.ts';
import { heatIslandIntensity } from './heatIsland.ts';
import type { LiveSensors } from './liveSensors.ts';
import { OVERLAYS, type OverlayId } from './overlayBands.ts';
import { hasLiveValue, type SensorStateCode } from './sensorState.ts';

/** The samples of one moment, with what tells whether they changed since the last. */
export interface OverlaySamples extends FieldSamples {
  /** Changes whenever a sample is added, dropped or gets a new reading, or day turns to night. */
  key: string;
  /** Community heat-island intensity and its reference temperature, for the temperature overlays (REQ ENV-2). */
  heat: { intensityC: number; referenceC: number } | undefined;
}

/**
 * Gathers the live outdoor readings an overlay interpolates: the outdoor sensors of its kind
 * that have a fresh, in-range reading, at their positions on a plane in metres (`place` writes a
 * marker's x east and y south). For the heat island (REQ ENV-2) each value is the temperature
 * minus the reference of `heatIsland.ts`. Buffers are allocated once per overlay.
 */
export class FieldSampler {
  private readonly candidates: Uint32Array;
  private readonly at: Float32Array;
  private readonly samples: OverlaySamples;

  constructor(
    private readonly live: LiveSensors,
    readonly overlay: OverlayId,
    place: (marker: number, out: Float32Array, offset: number) => void,
  ) {
    const { kind } = OVERLAYS[overlay];
    const candidates = live.markers.sensors.flatMap((s, i) => (s.kind === kind && s.location.placement === 'outdoor' ? [i] : []));
    this.candidates = Uint32Array.from(candidates);
    this.at = new Float32Array(2 * candidates.length);
    candidates.forEach((marker, k) => place(marker, this.at, 2 * k));
    const n = candidates.length;
    this.samples = { count: 0, xs: new Float32Array(n), ys: new Float32Array(n), values: new Float32Array(n), key: '', heat: undefined };
  }

  /** The current samples (the same object, refilled). */
  collect(): OverlaySamples {
    const { live, candidates, at, samples } = this;
    const versions = live.telemetry.versions;
    let count = 0;
    let versionSum = 0;
    for (let k = 0; k < candidates.length; k++) {
      const marker = candidates[k]!;
      if (!hasLiveValue(live.state(marker) as SensorStateCode)) continue;
      samples.xs[count] = at[2 * k]!;
      samples.ys[count] = at[2 * k + 1]!;
      samples.values[count] = live.value(marker);
      versionSum += versions[live.markers.registryIndices[marker]!]!;
      count++;
    }
    samples.count = count;
    samples.heat = this.overlay === 'heatIsland' || this.overlay === 'temperature' ? heatIslandIntensity(samples.values.subarray(0, count)) : undefined;
    if (this.overlay === 'heatIsland' && samples.heat !== undefined) {
      for (let k = 0; k < count; k++) samples.values[k]! -= samples.heat.referenceC;
    }
    samples.key = `${count}:${versionSum}:${live.night}`;
    return samples;
  }
}
