import { useSyncExternalStore } from 'react';

/** Which sensors a trend was asked for, and whether a view can show trends at all. */
export interface TrendRequestState {
  /** The sensors of the open trend, in chart order; null when none is open. */
  sensorIds: readonly string[] | null;
  /** Views that show trends (`TrendHost`s) are mounted: buttons that open one are offered. */
  hosts: number;
}

let state: TrendRequestState = { sensorIds: null, hosts: 0 };
const listeners = new Set<() => void>();

function update(next: Partial<TrendRequestState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getState = (): TrendRequestState => state;

/**
 * Opens the trend of `sensorIds` (REQ PLAT-3 point and get: a trend from wherever a sensor is
 * shown, the scene's properties, the dashboard). Panels ask; the mounted host shows it.
 */
export function openTrend(sensorIds: readonly string[]): void {
  if (sensorIds.length > 0) update({ sensorIds: [...sensorIds] });
}

/** Closes the open trend. */
export function closeTrend(): void {
  update({ sensorIds: null });
}

/** Registers a view that shows trends; returns the function that unregisters it. */
export function registerTrendHost(): () => void {
  update({ hosts: state.hosts + 1 });
  return () => update({ hosts: state.hosts - 1 });
}

/** The trend requests, re-rendering when they change. */
export function useTrendRequests(): TrendRequestState {
  return useSyncExternalStore(subscribe, getState);
}
