import type { SceneApi } from '../load/fetchBytes.ts';
import { fetchJson } from '../load/fetchBytes.ts';

/** A sensor's latest reading. */
export interface LatestReading {
  value: number;
  tsMs: number;
}

/** How far back the latest reading is looked for. */
const LATEST_WINDOW_MS = 15 * 60_000;

/** The latest row per sensor of a raw `GET /api/readings?format=json` answer. */
export function latestBySensor(json: unknown): Map<string, LatestReading> {
  const latest = new Map<string, LatestReading>();
  const rows = (json as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return latest;
  for (const row of rows as Array<{ sensorId?: unknown; tsMs?: unknown; value?: unknown }>) {
    if (typeof row.sensorId !== 'string' || typeof row.tsMs !== 'number' || typeof row.value !== 'number') continue;
    const known = latest.get(row.sensorId);
    if (known === undefined || row.tsMs > known.tsMs) latest.set(row.sensorId, { value: row.value, tsMs: row.tsMs });
  }
  return latest;
}

/** Fetches the latest readings of some sensors (raw, last {@link LATEST_WINDOW_MS}). */
export async function fetchLatestReadings(api: SceneApi, sensorIds: string[], nowMs: number, signal?: AbortSignal): Promise<Map<string, LatestReading>> {
  if (sensorIds.length === 0) return new Map();
  const query = new URLSearchParams();
  for (const id of sensorIds) query.append('sensor', id);
  query.set('from', String(nowMs - LATEST_WINDOW_MS));
  query.set('to', String(nowMs));
  query.set('resolution', 'raw');
  query.set('format', 'json');
  return latestBySensor(await fetchJson(api, `/api/readings?${query.toString()}`, signal));
}
