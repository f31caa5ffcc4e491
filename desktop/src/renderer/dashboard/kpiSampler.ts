import type { AlarmSeverity, StatsDto } from '@twin/protocol';
import type { AlarmBook } from '../alarms/alarmBook.ts';
import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';
import { currentAlarmsBySeverity, loudestZone, readingsPerSecond, sensorsOnline, worstAir, type LoudestZone, type WorstAir } from './communityKpis.ts';

/** The community-wide figures of the dashboard strip; null where not known (yet). */
export interface CommunityKpis {
  online: { online: number; total: number } | null;
  readingsPerSecond: number | null;
  alarms: Record<AlarmSeverity, number> | null;
  worstAir: WorstAir | null;
  loudestZone: LoudestZone | null;
}

/** Construction options of {@link KpiSampler}. */
export interface KpiSamplerOptions {
  telemetry: LiveTelemetry;
  /** The console's alarm book; null when the session may not read alarms. */
  alarms: AlarmBook | null;
  /** Reads the server's counters (`GET /api/stats`); null when the session may not. */
  fetchStats: ((signal: AbortSignal) => Promise<StatsDto>) | null;
  /** The server's time, epoch ms. */
  now: () => number;
  /** How often the figures are computed, ms (at most once a second). */
  periodMs?: number;
  /** How often the counters are read, ms. */
  statsPeriodMs?: number;
}

const EMPTY: CommunityKpis = { online: null, readingsPerSecond: null, alarms: null, worstAir: null, loudestZone: null };

/**
 * Samples the community's KPIs once a second (REQ PLAT-3 the system's state at a glance): reads
 * the telemetry store's arrays and the alarm book's snapshot without listening to every frame or
 * update, reads the ingest counters every few seconds, and tells subscribers only when a figure
 * changed. React reads it with `useSyncExternalStore`; no frame ever reaches React (P3).
 */
export class KpiSampler {
  private snapshot: CommunityKpis = EMPTY;
  private key = '';
  private readonly listeners = new Set<() => void>();
  private lastStats: { stored: number; serverTimeMs: number } | null = null;
  private rate: number | null = null;

  constructor(private readonly options: KpiSamplerOptions) {}

  /** Calls `listener` when a figure changed (at most once per period); returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current figures (the same object until one changes). */
  readonly getSnapshot = (): CommunityKpis => this.snapshot;

  /** Starts sampling; returns the function that stops. */
  start(): () => void {
    const abort = new AbortController();
    const sample = setInterval(() => this.sample(), Math.max(1000, this.options.periodMs ?? 1000));
    const readStats = () => void this.readStats(abort.signal);
    const stats = setInterval(readStats, this.options.statsPeriodMs ?? 5000);
    readStats();
    this.sample();
    return () => {
      abort.abort();
      clearInterval(sample);
      clearInterval(stats);
    };
  }

  /** Computes the figures now and publishes them when they differ. */
  sample(): void {
    const { telemetry, alarms, now } = this.options;
    const { directory, store } = telemetry.getState();
    const nowMs = now();
    const latest = directory === null || store === null ? null : { sensors: directory.sensors, frameIndices: directory.frameIndices, values: store.values, timestampsMs: store.timestampsMs };
    const book = alarms?.getSnapshot();
    const next: CommunityKpis = {
      online: latest === null ? null : sensorsOnline(latest, nowMs),
      readingsPerSecond: this.rate,
      alarms: book === undefined || !book.loaded ? null : currentAlarmsBySeverity(book.alarms),
      worstAir: latest === null ? null : worstAir(latest, nowMs),
      loudestZone: latest === null ? null : loudestZone(latest, nowMs),
    };
    const key = kpiKey(next);
    if (key === this.key) return;
    this.key = key;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private async readStats(signal: AbortSignal): Promise<void> {
    if (this.options.fetchStats === null) return;
    try {
      const stats = await this.options.fetchStats(signal);
      const sample = { stored: stats.ingest.stored, serverTimeMs: stats.serverTimeMs };
      if (this.lastStats !== null) this.rate = readingsPerSecond(this.lastStats, sample);
      this.lastStats = sample;
    } catch {
      // The strip keeps the last rate; the status bar shows whether the server is reachable.
    }
  }
}

/** What the strip shows of the figures, as one string: equal strings, nothing to redraw. */
function kpiKey(kpis: CommunityKpis): string {
  const reading = (r: WorstAir | LoudestZone | null) => (r === null ? null : [r.sensor.id, r.value]);
  return JSON.stringify([kpis.online, kpis.readingsPerSecond === null ? null : Math.round(kpis.readingsPerSecond * 10), kpis.alarms, reading(kpis.worstAir), reading(kpis.loudestZone)]);
}
