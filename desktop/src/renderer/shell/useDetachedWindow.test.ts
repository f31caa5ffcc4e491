import { describe, expect, it } from 'vitest';
import { detachedWindowOfHash } from './useDetachedWindow.ts';

describe('detached window routes', () => {
  it('reads the detachable view from #/window/<name>', () => {
    expect(detachedWindowOfHash('#/window/alarms')).toBe('alarms');
    expect(detachedWindowOfHash('#/window/cameras')).toBe('cameras');
  });

  it('leaves every other hash to the control room', () => {
    for (const hash of ['', '#/', '#/alarms', '#/window/', '#/window/settings', '#/window/alarms/../admin', '#window/alarms']) {
      expect(detachedWindowOfHash(hash)).toBeUndefined();
    }
  });
});
