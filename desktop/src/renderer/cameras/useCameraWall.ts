import { useMemo, useSyncExternalStore } from 'react';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import type { CameraWall } from './cameraWall.ts';
import { CameraWallStore } from './cameraWallStore.ts';

const stores = new Map<string, CameraWallStore>();

/** The camera wall store of a user, one per window, kept in step with the user's other windows. */
function cameraWallStore(userId: string): CameraWallStore {
  const key = `twin.cameraWall.${userId}`;
  let store = stores.get(key);
  if (store === undefined) {
    const created = new CameraWallStore(window.localStorage, key);
    window.addEventListener('storage', (event) => {
      if (event.key === key) created.reload();
    });
    stores.set(key, created);
    store = created;
  }
  return store;
}

/**
 * The signed-in user's camera wall, remembered across restarts and shared by the control room and
 * the wall's own window, with the function that changes it.
 */
export function useCameraWall(): [CameraWall, (change: (wall: CameraWall) => CameraWall) => void] {
  const userId = useSignedInSession().user.id;
  const store = cameraWallStore(userId);
  const [subscribe, update] = useMemo(() => [(listener: () => void) => store.subscribe(listener), (change: (wall: CameraWall) => CameraWall) => store.update(change)] as const, [store]);
  return [useSyncExternalStore(subscribe, () => store.get()), update];
}
