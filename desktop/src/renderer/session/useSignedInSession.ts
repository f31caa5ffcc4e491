import type { SessionDto } from '@twin/protocol';
import { useSessionState } from './useSessionState.ts';

/** The signed-in session; only in views shown while signed in. */
export function useSignedInSession(): SessionDto {
  const state = useSessionState();
  if (state.phase !== 'signedIn') throw new Error('useSignedInSession is used while not signed in');
  return state.session;
}
