import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WindowLayoutStore } from './windowLayoutStore.ts';

const placement = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, displayId: 1, maximized: false };

describe('WindowLayoutStore', () => {
  let directory: string;
  let file: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'twin-layout-'));
    file = join(directory, 'nested', 'window-layout.json');
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(directory, { recursive: true, force: true });
  });

  it('starts empty without a file and remembers across restarts', () => {
    const store = new WindowLayoutStore(file);
    expect(store.get('main')).toBeUndefined();
    store.set('main', placement);
    store.set('alarms', { ...placement, maximized: true });
    store.flush();
    const reopened = new WindowLayoutStore(file);
    expect(reopened.get('main')).toEqual(placement);
    expect(reopened.get('alarms')).toEqual({ ...placement, maximized: true });
  });

  it('writes once per burst of moves, shortly after the last one began', () => {
    vi.useFakeTimers();
    const store = new WindowLayoutStore(file, { writeDelayMs: 500 });
    for (let x = 0; x < 50; x++) store.set('main', { ...placement, bounds: { ...placement.bounds, x } });
    expect(() => readFileSync(file)).toThrow();
    vi.advanceTimersByTime(500);
    expect(JSON.parse(readFileSync(file, 'utf8')).windows.main.bounds.x).toBe(49);
  });

  it('leaves no temporary file behind', () => {
    const store = new WindowLayoutStore(file);
    store.set('cameras', placement);
    store.flush();
    expect(readdirSync(join(directory, 'nested'))).toEqual(['window-layout.json']);
  });

  it('starts empty from a corrupt file and says so', () => {
    const log = vi.fn();
    writeFileSync(join(directory, 'window-layout.json'), '{"version": 1, "windows": {');
    const store = new WindowLayoutStore(join(directory, 'window-layout.json'), { log });
    expect(store.get('main')).toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not JSON'));
  });
});
