import { useSyncExternalStore } from 'react';
import { useConsole } from './ConsoleProvider.tsx';
import type { SessionState } from './sessionController.ts';

/** The session's state; re-renders when it changes (login, lock, new idle deadline). */
export function useSessionState(): SessionState {
  const { session } = useConsole();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.getState(),
  );
}
