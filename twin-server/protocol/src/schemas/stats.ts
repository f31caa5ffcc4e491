import type { IngestRejectCode, TwinErrorCode } from '../errors.ts';

/** What `GET /api/stats` returns. Counters are totals since the server started. */
export interface StatsDto {
  serverTimeMs: number;
  uptimeS: number;
  ingest: {
    /** Readings committed to the database. */
    stored: number;
    /** Readings dropped as exact repeats of a stored (sensor, timestamp). */
    duplicates: number;
    /** Rejected readings (or payloads) by reason. */
    rejected: Partial<Record<IngestRejectCode, number>>;
    /** Messages (MQTT publishes or HTTP posts) accepted for processing. */
    messages: number;
    /** Commits (group commits of many messages). */
    commits: number;
    /** Readings waiting for the next commit. */
    pending: number;
    /** Time from the receipt of a message to its commit, last commit, milliseconds. */
    lagMs: number;
    /** Largest ingest lag since the server started, milliseconds. */
    maxLagMs: number;
  };
  live: {
    clients: number;
    framesSent: number;
    /** Readings a slow client never saw because a newer value replaced them (latest value wins). */
    droppedReadings: number;
    /** Ticks on which a client was skipped because its connection was still busy. */
    skippedTicks: number;
  };
  mqtt: { mode: 'embedded' | 'external'; connectedDevices: number; url: string };
  /** Render-ready geometry of the models: extractions run, served from the cache, shared with a running extraction, failed. */
  models: { extractions: number; cacheHits: number; shared: number; failures: number };
  registry: { sensors: number; revision: number };
  /** Signed-in sessions, and refused requests and socket events by error code. */
  identity: { liveSessions: number; denials: Partial<Record<TwinErrorCode, number>> };
  /** Alarms known and not back to normal, events stored, linkage commands and device state reports. */
  alarms: {
    alarms: number;
    annunciated: number;
    eventsStored: number;
    commandsSent: number;
    commandsNotSent: number;
    devices: { commandsSent: number; statesReceived: number; statesMalformed: number };
  };
}
