import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  advisoryLimits,
  DEFAULT_EARLY_WARNING_POLICY,
  earlyWarningWindows,
  profileAdvisory,
  trendAdvisory,
  type AlarmRule,
  type EarlyWarningPolicy,
  type SensorLimits,
  type SeriesPoint,
  type TimeSpan,
} from '@twin/domain';
import type { Logger } from '../logging/logger.ts';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';
import type { RollupWindow, TelemetryStore } from '../storage/telemetryStore.ts';
import type { AlarmService } from './alarmService.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Longest wait for the first round after a start. */
const FIRST_ROUND_MAX_DELAY_MS = 30_000;
/**
 * Sensors per rollup query: about 70,000 hourly rows, so that each read on the shared connection,
 * and turning its answer into series on the event loop, stays within a few tens of milliseconds.
 */
const DEFAULT_SENSORS_PER_QUERY = 200;
/** Sensors checked between yields to the event loop: about 10 ms of work, so ingest and live frames keep flowing. */
const SENSORS_PER_TURN = 50;
const NO_POINTS: readonly SeriesPoint[] = Object.freeze([]);

/** What the early-warning job is built from. */
export interface EarlyWarningJobDeps {
  /** The rollups the history is read from, on the store's read connection. */
  store: Pick<TelemetryStore, 'queryWindow'>;
  /** Where advisories go. */
  alarms: Pick<AlarmService, 'advise'>;
  catalog: Pick<SensorCatalog, 'registry'>;
  /** The alarm rules in force: their high and low limits are the ones looked ahead to. */
  rules: readonly AlarmRule[];
  logger: Logger;
  /** Clock, epoch ms (default `Date.now`). */
  now?: () => number;
}

/** When the job runs and what it reads at a time. */
export interface EarlyWarningJobOptions {
  /** Time between the end of a round and the start of the next, ms. */
  intervalMs: number;
  /** Time from the start to the first round, ms. Default: the interval, at most 30 s. */
  firstRoundDelayMs?: number;
  /** Sensors read per rollup query. Default 200. */
  sensorsPerQuery?: number;
  /** Windows and thresholds of the checks. Default `DEFAULT_EARLY_WARNING_POLICY`. */
  policy?: Readonly<EarlyWarningPolicy>;
}

/** What one round found. */
export interface EarlyWarningRound {
  /** Sensors checked: those with a high or low limit. */
  sensors: number;
  /** Sensors trending toward their limit, and sensors off their daily profile. */
  trends: number;
  deviations: number;
  /** Rollup queries made. */
  queries: number;
  durationMs: number;
}

/**
 * Early warning from operating history (REQ PROP-2 g): every few minutes, for each sensor with a
 * high or low limit, the last hours' 1-minute means are projected toward the limit and the last
 * hours' hourly means are held against the daily profile of the weeks before; what the checks
 * find raises low-severity advisory alarms, and what they no longer find clears them.
 *
 * Reads go to the store's read connection a few hundred sensors per query, so that ingest and
 * other reads interleave with a round rather than wait behind it; rounds never overlap.
 *
 * @example
 * const job = new EarlyWarningJob({ store, alarms: service, catalog, rules, logger }, { intervalMs: 5 * 60_000 });
 * await job.close();
 */
export class EarlyWarningJob {
  private readonly watched: readonly SensorLimits[];
  private readonly unwatched: readonly string[];
  private readonly now: () => number;
  private readonly policy: Readonly<EarlyWarningPolicy>;
  private readonly sensorsPerQuery: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rounds: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly deps: EarlyWarningJobDeps,
    private readonly options: EarlyWarningJobOptions,
  ) {
    this.now = deps.now ?? Date.now;
    this.policy = options.policy ?? DEFAULT_EARLY_WARNING_POLICY;
    this.sensorsPerQuery = options.sensorsPerQuery ?? DEFAULT_SENSORS_PER_QUERY;
    this.watched = advisoryLimits(deps.catalog.registry, deps.rules);
    const watchedIds = new Set(this.watched.map((w) => w.sensor.id));
    this.unwatched = deps.catalog.registry.sensors.map((s) => s.id).filter((id) => !watchedIds.has(id));
    this.schedule(options.firstRoundDelayMs ?? Math.min(options.intervalMs, FIRST_ROUND_MAX_DELAY_MS));
  }

  /** Runs a round now, after the one in progress if any; logs and resolves with what it found. */
  runNow(): Promise<EarlyWarningRound> {
    const round = this.rounds.then(() => this.round());
    this.rounds = round.catch(() => undefined);
    return round;
  }

  /** Stops scheduling rounds and waits for the one in progress. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.rounds;
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.runNow()
        .catch((error: unknown) => this.deps.logger.error('early warning round failed', { error: String(error) }))
        .finally(() => this.schedule(this.options.intervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async round(): Promise<EarlyWarningRound> {
    const startedMs = performance.now();
    const nowMs = this.now();
    const windows = earlyWarningWindows(nowMs, this.policy);
    const found = { trends: 0, deviations: 0, queries: 0 };
    for (let i = 0; i < this.watched.length && !this.closed; i += this.sensorsPerQuery) {
      const group = this.watched.slice(i, i + this.sensorsPerQuery);
      const ids = group.map((w) => w.sensor.id);
      const minutes = await this.means(ids, windows.trend, '1m');
      const hours = await this.means(ids, windows.hourly, '1h');
      found.queries += 2;
      for (const [k, limits] of group.entries()) {
        if (k > 0 && k % SENSORS_PER_TURN === 0) await nextTurn();
        const id = limits.sensor.id;
        const trend = trendAdvisory(limits, minutes.get(id) ?? NO_POINTS, nowMs, this.policy);
        const hourly = hours.get(id) ?? NO_POINTS;
        const split = firstIndexFrom(hourly, windows.recentFromMs);
        const deviation = profileAdvisory(limits, hourly.slice(0, split), hourly.slice(split), this.policy);
        this.deps.alarms.advise(id, 'trend', trend);
        this.deps.alarms.advise(id, 'profile_deviation', deviation);
        if (trend !== null) found.trends++;
        if (deviation !== null) found.deviations++;
      }
    }
    // Advisories restored for sensors that have lost their limits since.
    for (const id of this.unwatched) {
      this.deps.alarms.advise(id, 'trend', null);
      this.deps.alarms.advise(id, 'profile_deviation', null);
    }
    const round = { sensors: this.watched.length, ...found, durationMs: Math.round(performance.now() - startedMs) };
    this.deps.logger.info('early warning round done', { ...round });
    return round;
  }

  /** Rollup means of some sensors over a span, by sensor, oldest first: one query. */
  private async means(sensorIds: string[], span: TimeSpan, resolution: '1m' | '1h'): Promise<Map<string, SeriesPoint[]>> {
    const bucketMs = resolution === '1m' ? MINUTE_MS : HOUR_MS;
    // Every bucket of every sensor fits: no window is ever cut short.
    const limit = sensorIds.length * (Math.ceil((span.toMs - span.fromMs) / bucketMs) + 1);
    // A rollup resolution is answered with a rollup window.
    const window = (await this.deps.store.queryWindow({ sensorIds, fromMs: span.fromMs, toMs: span.toMs, resolution, limit })) as RollupWindow;
    const bySensor = new Map<string, SeriesPoint[]>();
    for (let i = 0; i < window.rowCount; i++) {
      const id = window.sensorIds[i]!;
      const point = { tMs: window.tsMs[i]!, value: window.mean[i]! };
      const points = bySensor.get(id);
      if (points === undefined) bySensor.set(id, [point]);
      else points.push(point);
    }
    return bySensor;
  }
}

/** The index of the first point at or after `tMs` in points ordered by time. */
function firstIndexFrom(points: readonly SeriesPoint[], tMs: number): number {
  const index = points.findIndex((p) => p.tMs >= tMs);
  return index === -1 ? points.length : index;
}
