/**
 * Placing windows on the displays there are now: a remembered place is kept when it is still on a
 * display, moved fully onto one when the screen configuration changed (a display unplugged, a
 * resolution lowered), and new windows get a sensible default: detached views on a second screen
 * when there is one.
 */
import type { Rectangle } from 'electron';
import type { WindowKey, WindowPlacement } from './windowLayout.ts';
import { MIN_WINDOW_SIZE } from './windowOptions.ts';

/** A display as placement needs it: `screen.getAllDisplays()` entries fit. */
export interface DisplayArea {
  id: number;
  /** The display's area without task bars and docks, in screen DIPs. */
  workArea: Rectangle;
}

const MAIN_DEFAULT_SIZE = { width: 1600, height: 900 };
const DETACHED_DEFAULT_SIZE = { width: 1200, height: 800 };

/**
 * `placement` moved and shrunk as little as needed to lie fully within the work area of one of
 * `displays`: its own display if that still exists and overlaps it, else the display it overlaps
 * most, else (centred) the primary display.
 */
export function clampPlacement(placement: WindowPlacement, displays: readonly DisplayArea[], primaryDisplayId: number): WindowPlacement {
  const { bounds } = placement;
  const own = displays.find((display) => display.id === placement.displayId && overlapArea(display.workArea, bounds) > 0);
  const display = own ?? mostOverlapping(displays, bounds);
  if (display !== undefined) return { ...placement, displayId: display.id, bounds: fitWithin(bounds, display.workArea) };
  const fallback = displays.find((candidate) => candidate.id === primaryDisplayId) ?? displays[0];
  if (fallback === undefined) return placement;
  return { ...placement, displayId: fallback.id, bounds: centredWithin(bounds, fallback.workArea) };
}

/**
 * Where a window goes the first time: the main window centred on the primary display; a detached
 * view maximised on the first other display, or centred on the primary one when there is none.
 */
export function defaultPlacement(key: WindowKey, displays: readonly DisplayArea[], primaryDisplayId: number): WindowPlacement {
  const primary = displays.find((display) => display.id === primaryDisplayId) ?? displays[0];
  const secondary = displays.find((display) => display.id !== primary?.id);
  if (key !== 'main' && secondary !== undefined) {
    return { displayId: secondary.id, maximized: true, bounds: centredWithin(DETACHED_DEFAULT_SIZE, secondary.workArea) };
  }
  const size = key === 'main' ? MAIN_DEFAULT_SIZE : DETACHED_DEFAULT_SIZE;
  const workArea = primary?.workArea ?? { x: 0, y: 0, ...size };
  return { displayId: primary?.id ?? null, maximized: false, bounds: centredWithin(size, workArea) };
}

/** Where to open window `key`: its remembered place if any, clamped onto the current displays. */
export function restorePlacement(
  key: WindowKey,
  remembered: WindowPlacement | undefined,
  displays: readonly DisplayArea[],
  primaryDisplayId: number,
): WindowPlacement {
  return clampPlacement(remembered ?? defaultPlacement(key, displays, primaryDisplayId), displays, primaryDisplayId);
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function mostOverlapping(displays: readonly DisplayArea[], bounds: Rectangle): DisplayArea | undefined {
  let best: DisplayArea | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(display.workArea, bounds);
    if (area > bestArea) [best, bestArea] = [display, area];
  }
  return best;
}

function fittedSize(size: { width: number; height: number }, area: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height),
  };
}

function fitWithin(bounds: Rectangle, area: Rectangle): Rectangle {
  const { width, height } = fittedSize(bounds, area);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

function centredWithin(size: { width: number; height: number }, area: Rectangle): Rectangle {
  const { width, height } = fittedSize(size, area);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
