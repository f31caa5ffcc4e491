import { describe, expect, it } from 'vitest';
import { parseWindowLayout } from './windowLayout.ts';

const placement = { bounds: { x: 1920, y: 0, width: 1200, height: 800 }, displayId: 2, maximized: true };

describe('parseWindowLayout', () => {
  it('reads what the store writes', () => {
    const layout = { version: 1, windows: { main: { ...placement, displayId: null, maximized: false }, alarms: placement } };
    expect(parseWindowLayout(JSON.parse(JSON.stringify(layout)))).toEqual(layout);
  });

  it('drops a damaged window entry and keeps the others', () => {
    const layout = parseWindowLayout({
      version: 1,
      windows: { main: placement, alarms: { ...placement, bounds: { x: 0, y: 0, width: -5, height: 800 } }, cameras: { ...placement, maximized: 'yes' } },
    });
    expect(layout.windows).toEqual({ main: placement });
  });

  it('ignores unknown windows and extra fields', () => {
    expect(parseWindowLayout({ version: 1, windows: { settings: placement } }).windows).toEqual({});
    expect(parseWindowLayout({ version: 1, windows: { main: { ...placement, zoom: 2 } } }).windows).toEqual({});
  });

  it('refuses coordinates no screen has and fractional pixels', () => {
    expect(parseWindowLayout({ version: 1, windows: { main: { ...placement, bounds: { x: 1e9, y: 0, width: 800, height: 600 } } } }).windows).toEqual({});
    expect(parseWindowLayout({ version: 1, windows: { main: { ...placement, bounds: { x: 0.5, y: 0, width: 800, height: 600 } } } }).windows).toEqual({});
  });

  it.each([null, 42, 'text', [], { version: 2, windows: { main: placement } }, { version: 1 }, { version: 1, windows: null }])(
    'treats %j as an empty layout',
    (json) => {
      expect(parseWindowLayout(json)).toEqual({ version: 1, windows: {} });
    },
  );
});
