/** Transient episodes: when they start (a Poisson process) and their shape over time. */
import type { Rng } from './random.ts';
import type { Episode } from './sensorState.ts';

/**
 * The episode's contribution at `tMs` as a share of its level (0..1): rise, hold, decay. After a
 * cut it falls from its value at the cut with the cut's time constant, or faster when its own
 * decay is faster, so it never rises again.
 */
export function episodeShape(episode: Episode, tMs: number): number {
  const { cut } = episode;
  const natural = naturalShape(episode, tMs);
  if (cut === undefined || tMs <= cut.atMs) return natural;
  return Math.min(natural, naturalShape(episode, cut.atMs) * Math.exp(-(tMs - cut.atMs) / cut.tauMs));
}

/**
 * Cuts the episode's source at `atMs` (no earlier than its start, so an episode starting after
 * the cut never rises); the first cut stands.
 */
export function cutEpisode(episode: Episode, atMs: number, tauMs: number): void {
  episode.cut ??= { atMs: Math.max(atMs, episode.startMs), tauMs };
}

function naturalShape(episode: Episode, tMs: number): number {
  const u = tMs - episode.startMs;
  if (u < 0) return 0;
  const riseTau = episode.riseMs / 3;
  const plateauEnd = episode.riseMs + episode.holdMs;
  if (u <= plateauEnd) return 1 - Math.exp(-u / riseTau);
  const reached = 1 - Math.exp(-plateauEnd / riseTau);
  return reached * Math.exp(-(u - plateauEnd) / (episode.decayMs / 3));
}

/** True once the episode has decayed away. */
export function episodeOver(episode: Episode, tMs: number): boolean {
  return tMs - episode.startMs > episode.riseMs + episode.holdMs + episode.decayMs;
}

/** True with the probability that a Poisson process of `ratePerHour` fires within `dtMs`. */
export function fires(ratePerHour: number, dtMs: number, rng: Rng): boolean {
  if (ratePerHour <= 0) return false;
  return rng.chance(1 - Math.exp((-ratePerHour * dtMs) / 3_600_000));
}

/**
 * Advances the episode slot of a signal: ends a finished episode, maybe starts a new one.
 * @returns the current episode contribution in the sensor's unit (0 when none).
 */
export function advanceEpisode(
  slot: { episode?: Episode },
  tMs: number,
  dtMs: number,
  ratePerHour: number,
  rng: Rng,
  create: (startMs: number) => Episode,
): number {
  if (slot.episode !== undefined && episodeOver(slot.episode, tMs)) delete slot.episode;
  if (slot.episode === undefined && fires(ratePerHour, dtMs, rng)) slot.episode = create(tMs - rng.next() * Math.min(dtMs, 60_000));
  return slot.episode === undefined ? 0 : slot.episode.level * episodeShape(slot.episode, tMs);
}
