import { useSyncExternalStore } from 'react';
import { DETACHABLE_WINDOWS, type DetachableWindowName } from '../../shared/shellApi.ts';

const ROUTE_PREFIX = '#/window/';

/** The detachable view a location hash names (`#/window/alarms`), or undefined for the control room. */
export function detachedWindowOfHash(hash: string): DetachableWindowName | undefined {
  if (!hash.startsWith(ROUTE_PREFIX)) return undefined;
  const name = hash.slice(ROUTE_PREFIX.length);
  return DETACHABLE_WINDOWS.find((candidate) => candidate === name);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The detachable view this window shows, when the desktop shell opened it as a window of its own. */
export function useDetachedWindow(): DetachableWindowName | undefined {
  return useSyncExternalStore(subscribe, () => detachedWindowOfHash(window.location.hash));
}
