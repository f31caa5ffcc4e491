import { parseWall, serializeWall, type CameraWall } from './cameraWall.ts';

/** The part of `Storage` the wall store uses. */
export type WallStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * A camera wall remembered in `localStorage`, so it survives a restart and is the same in the
 * control room and the wall's own window. Subscribable, for `useSyncExternalStore`; another
 * window's change comes in through {@link CameraWallStore.reload} (its `storage` event).
 */
export class CameraWallStore {
  private wall: CameraWall;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: WallStorage,
    /** The storage key. */
    readonly key: string,
  ) {
    this.wall = parseWall(this.read());
  }

  /** The wall now; the same object until it changes. */
  get(): CameraWall {
    return this.wall;
  }

  /** Changes the wall with `change` (which returns the wall itself for no change) and stores it. */
  update(change: (wall: CameraWall) => CameraWall): void {
    const next = change(this.wall);
    if (next === this.wall) return;
    this.wall = next;
    try {
      this.storage.setItem(this.key, serializeWall(next));
    } catch {
      // Storage full or disabled: the wall lasts as long as the window.
    }
    this.notify();
  }

  /** Reads the wall again from storage, after another window changed it. */
  reload(): void {
    const stored = parseWall(this.read());
    if (serializeWall(stored) === serializeWall(this.wall)) return;
    this.wall = stored;
    this.notify();
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): string | null {
    try {
      return this.storage.getItem(this.key);
    } catch {
      return null;
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
