import { describe, expect, it } from 'vitest';
import { addToWall, removeFromWall, serializeWall, setWallLayout } from './cameraWall.ts';
import { CameraWallStore } from './cameraWallStore.ts';

/** An in-memory `localStorage`. */
function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('the remembered camera wall (GOV-3: the wall a control room chose survives a restart)', () => {
  it('GOV-3 stores every change and starts from what was stored', () => {
    const storage = memoryStorage();
    const store = new CameraWallStore(storage, 'twin.cameraWall.u1');
    let notified = 0;
    store.subscribe(() => notified++);
    store.update((wall) => addToWall(wall, 'B01/CAM-1'));
    store.update((wall) => setWallLayout(wall, 9));
    expect(notified).toBe(2);
    expect(new CameraWallStore(storage, 'twin.cameraWall.u1').get()).toEqual({ layout: 9, cameras: ['B01/CAM-1'] });
  });

  it('neither stores nor notifies a change that changes nothing', () => {
    const storage = memoryStorage();
    const store = new CameraWallStore(storage, 'k');
    let notified = 0;
    store.subscribe(() => notified++);
    store.update((wall) => removeFromWall(wall, 'absent'));
    expect(notified).toBe(0);
    expect(storage.items.size).toBe(0);
  });

  it("takes in another window's change on reload, notifying only when the wall differs", () => {
    const storage = memoryStorage();
    const store = new CameraWallStore(storage, 'k');
    const before = store.get();
    let notified = 0;
    store.subscribe(() => notified++);
    store.reload();
    expect(store.get()).toBe(before);
    storage.setItem('k', serializeWall({ layout: 1, cameras: ['X'] }));
    store.reload();
    expect(store.get()).toEqual({ layout: 1, cameras: ['X'] });
    expect(notified).toBe(1);
  });

  it('keeps the wall in memory when storage refuses it', () => {
    const store = new CameraWallStore(
      {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('quota');
        },
      },
      'k',
    );
    store.update((wall) => addToWall(wall, 'A'));
    expect(store.get().cameras).toEqual(['A']);
  });
});
