import { useSyncExternalStore } from 'react';
import { useConsole } from './ConsoleProvider.tsx';
import type { ConnectionState } from './liveConnection.ts';

/** The live connection's state, for the status bar. */
export function useConnectionState(): ConnectionState {
  const { live } = useConsole();
  return useSyncExternalStore(
    (listener) => live.subscribe(listener),
    () => live.getState(),
  );
}
