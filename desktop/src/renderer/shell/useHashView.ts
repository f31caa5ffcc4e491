import { useCallback, useSyncExternalStore } from 'react';
import { hashOfView, viewOfHash, type ViewId } from './views.ts';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/**
 * The view in the location hash, and navigation to another. The hash keeps the app working under
 * any path the server or shell loads it from, and makes views bookmarkable.
 */
export function useHashView(): [ViewId, (view: ViewId) => void] {
  const view = useSyncExternalStore(subscribe, () => viewOfHash(window.location.hash));
  const navigate = useCallback((next: ViewId) => {
    window.location.hash = hashOfView(next);
  }, []);
  return [view, navigate];
}
