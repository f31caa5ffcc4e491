import type { ApiClient } from '../api/apiClient.ts';
import { ApiError } from '../api/apiError.ts';
import { decodeTrendWindow } from './decodeTrendWindow.ts';
import type { TrendTable } from './trendTable.ts';
import type { TrendWindow } from './trendWindows.ts';

/** Media type of Arrow IPC streams. */
const ARROW_STREAM_TYPE = 'application/vnd.apache.arrow.stream';

/**
 * Fetches a window of readings of `sensorIds` as Arrow (`GET /api/readings`) and decodes it into
 * a trend table, sensors in that order (REQ PLAT-3 trend charts, EVAL-2 data exchange).
 * @throws ApiError when the server refuses (out of scope, range too long) or answers something else.
 */
export async function fetchTrendWindow(api: ApiClient, sensorIds: readonly string[], window: TrendWindow, signal: AbortSignal): Promise<TrendTable> {
  const query = new URLSearchParams();
  for (const id of sensorIds) query.append('sensor', id);
  query.set('from', String(window.fromMs));
  query.set('to', String(window.toMs));
  query.set('resolution', window.resolution);
  query.set('format', 'arrow');
  const response = await api.get(`/api/readings?${query}`, { headers: { accept: ARROW_STREAM_TYPE }, signal });
  if (!response.ok) throw await ApiError.fromResponse(response);
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    return decodeTrendWindow(bytes, sensorIds);
  } catch (error) {
    throw new ApiError('UNEXPECTED_RESPONSE', error instanceof Error ? error.message : String(error), response.status);
  }
}
