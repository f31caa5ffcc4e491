import { useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../api/apiError.ts';
import type { ApiClient } from '../api/apiClient.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { LiveTelemetry, type LiveTelemetryState } from './liveTelemetry.ts';
import { SensorDirectory } from './sensorDirectory.ts';

/**
 * The window's live telemetry over the console's connection: one {@link LiveTelemetry}, shared by
 * every live view of the window, following while `enabled` (the session may subscribe and read the
 * sensor list); it lives as long as the component that calls this.
 */
export function useLiveTelemetry(enabled: boolean): LiveTelemetry {
  const { api, live, clock } = useConsole();
  const [telemetry] = useState(() => new LiveTelemetry({ socket: live.socket, clock, loadDirectory: (signal) => loadSensorDirectory(api, signal) }));
  useEffect(() => (enabled ? telemetry.start() : undefined), [telemetry, enabled]);
  return telemetry;
}

/** The telemetry's structural state (phase, sensor list, store), re-rendering only when it changes. */
export function useLiveTelemetryState(telemetry: LiveTelemetry): LiveTelemetryState {
  return useSyncExternalStore(telemetry.subscribe, telemetry.getState);
}

/**
 * The sensors the session sees (`GET /api/sensors`).
 * @throws ApiError when the server refuses or answers something else than a sensor list.
 */
export async function loadSensorDirectory(api: Pick<ApiClient, 'get'>, signal: AbortSignal): Promise<SensorDirectory> {
  const response = await api.get('/api/sensors', { signal });
  if (!response.ok) throw await ApiError.fromResponse(response);
  const directory = SensorDirectory.parse(await response.json().catch(() => undefined));
  if (directory === undefined) throw new ApiError('UNEXPECTED_RESPONSE', 'the answer is not a sensor list', response.status);
  return directory;
}
