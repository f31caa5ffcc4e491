/**
 * Where each window of the app was: the content of `window-layout.json` in the user-data folder.
 * Parsing is lenient per window (a damaged entry is dropped, the others kept) and strict per
 * field, so a hand-edited or truncated file never places a window off the screens.
 */
import { z } from 'zod';
import { DETACHABLE_WINDOWS, type DetachableWindowName } from '../shared/shellApi.ts';

/** The windows whose place is remembered: the main window and every detachable view. */
export type WindowKey = 'main' | DetachableWindowName;

/** Every window key. */
export const WINDOW_KEYS: readonly WindowKey[] = ['main', ...DETACHABLE_WINDOWS];

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);

const placementSchema = z
  .object({
    /** The window's normal (not maximised) bounds, in screen DIPs. */
    bounds: z.object({ x: coordinate, y: coordinate, width: size, height: size }).strict(),
    /** The display it was on, or null when unknown. */
    displayId: z.number().int().nullable(),
    maximized: z.boolean(),
  })
  .strict();

/** A window's place on the screens. */
export type WindowPlacement = z.infer<typeof placementSchema>;

/** The remembered places, by window. */
export interface WindowLayout {
  version: 1;
  windows: Partial<Record<WindowKey, WindowPlacement>>;
}

/** A layout that remembers nothing. */
export function emptyWindowLayout(): WindowLayout {
  return { version: 1, windows: {} };
}

/** The valid part of what `window-layout.json` holds; anything unreadable counts as empty. */
export function parseWindowLayout(json: unknown): WindowLayout {
  const layout = emptyWindowLayout();
  if (typeof json !== 'object' || json === null) return layout;
  const { version, windows } = json as { version?: unknown; windows?: unknown };
  if (version !== 1 || typeof windows !== 'object' || windows === null) return layout;
  for (const key of WINDOW_KEYS) {
    const placement = placementSchema.safeParse((windows as Record<string, unknown>)[key]);
    if (placement.success) layout.windows[key] = placement.data;
  }
  return layout;
}
