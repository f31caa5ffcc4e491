import { describe, expect, it } from 'vitest';
import { clampPlacement, defaultPlacement, restorePlacement, type DisplayArea } from './placeWindow.ts';
import type { WindowPlacement } from './windowLayout.ts';

const primary: DisplayArea = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right: DisplayArea = { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };
const above: DisplayArea = { id: 3, workArea: { x: 0, y: -1080, width: 1920, height: 1080 } };

const on = (displayId: number | null, x: number, y: number, width = 1200, height = 800, maximized = false): WindowPlacement => ({
  displayId,
  maximized,
  bounds: { x, y, width, height },
});

describe('clampPlacement', () => {
  it('keeps a window that lies within its display', () => {
    const placement = on(2, 2200, 100);
    expect(clampPlacement(placement, [primary, right], 1)).toEqual(placement);
  });

  it('pulls a window hanging over the edge of its display fully onto it', () => {
    expect(clampPlacement(on(2, 4000, 1000), [primary, right], 1).bounds).toEqual({ x: 3280, y: 600, width: 1200, height: 800 });
    expect(clampPlacement(on(1, -300, -50), [primary], 1).bounds).toEqual({ x: 0, y: 0, width: 1200, height: 800 });
  });

  it('shrinks a window larger than its display after a resolution change', () => {
    const smaller: DisplayArea = { id: 2, workArea: { x: 1920, y: 0, width: 1280, height: 720 } };
    expect(clampPlacement(on(2, 1920, 0, 2560, 1400), [primary, smaller], 1).bounds).toEqual({ x: 1920, y: 0, width: 1280, height: 720 });
  });

  it('moves a window of an unplugged display to the display it overlaps most', () => {
    const straddling = on(9, 1500, 100, 1200, 800);
    expect(clampPlacement(straddling, [primary, right], 1)).toMatchObject({ displayId: 2, bounds: { x: 1920, y: 100 } });
  });

  it('centres a window that is on no display any more on the primary one, keeping its maximised state', () => {
    expect(clampPlacement(on(2, 2200, 100, 1200, 800, true), [primary], 1)).toEqual({
      displayId: 1,
      maximized: true,
      bounds: { x: 360, y: 120, width: 1200, height: 800 },
    });
  });

  it('keeps a window straddling two displays on the one it was on, fully', () => {
    const straddling = on(3, 100, -200, 1200, 800);
    expect(clampPlacement(straddling, [primary, above], 1)).toMatchObject({ displayId: 3, bounds: { x: 100, y: -800 } });
  });

  it('never makes a window smaller than the minimum unless the display is smaller', () => {
    expect(clampPlacement(on(1, 10, 10, 100, 100), [primary], 1).bounds).toMatchObject({ width: 800, height: 560 });
  });

  it('leaves the placement alone when there is no display at all', () => {
    const placement = on(1, 10, 10);
    expect(clampPlacement(placement, [], 1)).toBe(placement);
  });
});

describe('defaultPlacement', () => {
  it('centres the main window on the primary display', () => {
    expect(defaultPlacement('main', [right, primary], 1)).toEqual({ displayId: 1, maximized: false, bounds: { x: 160, y: 70, width: 1600, height: 900 } });
  });

  it('maximises a detached view on a second screen when there is one', () => {
    expect(defaultPlacement('alarms', [primary, right], 1)).toMatchObject({ displayId: 2, maximized: true });
  });

  it('centres a detached view on the only display', () => {
    expect(defaultPlacement('cameras', [primary], 1)).toEqual({ displayId: 1, maximized: false, bounds: { x: 360, y: 120, width: 1200, height: 800 } });
  });
});

describe('restorePlacement', () => {
  it('restores the remembered place, clamped onto the current displays', () => {
    expect(restorePlacement('alarms', on(2, 2200, 100), [primary, right], 1)).toEqual(on(2, 2200, 100));
    expect(restorePlacement('alarms', on(2, 2200, 100), [primary], 1).displayId).toBe(1);
  });

  it('falls back to the default place', () => {
    expect(restorePlacement('main', undefined, [primary], 1)).toEqual(defaultPlacement('main', [primary], 1));
  });
});
