import { describe, expect, it } from 'vitest';
import { openDesktop } from './openDesktop.ts';

describe('openDesktop', () => {
  // Without DISPLAY or WAYLAND_DISPLAY, Linux has no display: whatever else is installed, only the URL is left.
  it.runIf(process.platform === 'linux')('prints the URL and why when nothing can show the app', () => {
    const lines: string[] = [];
    const launch = openDesktop('http://127.0.0.1:8080/', { env: { PATH: '' }, log: (line) => lines.push(line) });
    expect(launch.kind).toBe('url');
    expect(launch.child).toBeUndefined();
    expect(lines).toEqual([`Desktop: ${launch.reason}`]);
    expect(launch.reason).toMatch(/open http:\/\/127\.0\.0\.1:8080\/ in a browser/);
  });
});
