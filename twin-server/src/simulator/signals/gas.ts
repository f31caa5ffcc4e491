/**
 * Combustible-gas detectors, %LEL (MUN-5): a near-zero background, and leak episodes that climb
 * past the 20 %LEL alarm limit within tens of seconds, hold while the gas spreads, then decay
 * once the supply is cut and the space is ventilated. A closed emergency shut-off valve upstream
 * cuts the supply at once: a leak stops growing and the gas dissipates, and no leak starts.
 */
import { advanceEpisode, cutEpisode, episodeOver, episodeShape } from '../episodes.ts';
import type { Rng } from '../random.ts';
import { smoothNoise } from '../random.ts';
import type { Episode, SensorState } from '../sensorState.ts';
import type { SignalModel } from './signalModel.ts';

/** The alarm limit of a combustible-gas detector, %LEL (MUN-5). */
export const GAS_ALARM_LEL = 20;

/** Time constant of leaked gas dissipating once the supply is cut, ms (MUN-5). */
export const GAS_DISSIPATION_TAU_MS = 3 * 60_000;

/** True when a closed valve upstream has cut the sensor's gas supply at `tMs` (MUN-5). */
export function gasSupplyCut(state: Pick<SensorState, 'gasSupplyCutSinceMs'>, tMs: number): boolean {
  return state.gasSupplyCutSinceMs !== undefined && state.gasSupplyCutSinceMs <= tMs;
}

/** A leak starting at `startMs`: peaks at 40-65 %LEL after about a minute's climb, gone in a few minutes. */
export function leakEpisode(startMs: number, rng: Rng): Episode {
  return {
    kind: 'leak',
    startMs,
    riseMs: rng.range(45_000, 75_000),
    holdMs: rng.range(30_000, 90_000),
    decayMs: rng.range(90_000, 150_000),
    level: rng.range(40, 65),
  };
}

/** Combustible gas, %LEL. A forced leak (`state.forcedLeakAtMs`) starts at once. */
export const gasLel: SignalModel = (_sensor, tMs, dtMs, state, rng) => {
  const background = Math.max(0, 0.3 + 0.3 * smoothNoise(state.sensorKey, tMs, 600_000) + 0.1 * rng.normal());
  if (state.forcedLeakAtMs !== undefined) {
    state.episode = leakEpisode(Math.min(state.forcedLeakAtMs, tMs), rng);
    delete state.forcedLeakAtMs;
  }
  const cut = gasSupplyCut(state, tMs);
  if (state.episode !== undefined && !episodeOver(state.episode, tMs)) {
    // A leak cut off stays cut off: reopening the valve later does not revive it.
    if (cut) cutEpisode(state.episode, state.gasSupplyCutSinceMs!, GAS_DISSIPATION_TAU_MS);
    return background + state.episode.level * episodeShape(state.episode, tMs);
  }
  const meanIntervalS = cut ? 0 : state.options.gasLeakMeanIntervalS;
  const leak = advanceEpisode(state, tMs, dtMs, meanIntervalS > 0 ? 3600 / meanIntervalS : 0, rng, (startMs) => leakEpisode(startMs, rng));
  return background + leak;
};

/** True while a leak episode is under way on this detector. */
export function leakActive(state: { episode?: Episode }, tMs: number): boolean {
  return state.episode?.kind === 'leak' && !episodeOver(state.episode, tMs);
}
