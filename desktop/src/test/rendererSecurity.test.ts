import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SensorRegistry } from '@twin/protocol';
import { startTestServer } from '@twin/server/testing';
import { CONTENT_SECURITY_POLICY } from '../../../twin-server/src/http/contentSecurityPolicy.ts';
import { buildRenderer, type BuiltRenderer } from './buildRenderer.ts';
import { launchChromium } from './launchChromium.ts';

// The renderer as browsers get it from the twin server (wall displays, tablets, crews' phones):
// the same page the desktop shell loads, under the same policy.

const registry: SensorRegistry = {
  version: 1,
  community: { id: 'futian', name: '福田测试社区' },
  sensors: [{ id: 'NOISE-01', kind: 'noise', unit: 'dBA', name: '噪声', location: { lon: 114.06, lat: 22.54, heightM: 1.5, area: 'zone-a', placement: 'outdoor' }, samplingIntervalS: 60 }],
};

describe('renderer security in the browser (PLAT-11 security by default)', () => {
  let renderer: BuiltRenderer;
  let modelsDir: string;
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    renderer = await buildRenderer();
    modelsDir = await mkdtemp(join(tmpdir(), 'twin-no-models-'));
    t = await startTestServer(registry, { rendererDir: renderer.dir, modelsDir });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto(t.server.httpUrl);
    await page.locator('input[name=username]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await renderer?.remove();
    if (modelsDir !== undefined) await rm(modelsDir, { recursive: true, force: true });
  });

  it('serves the page with the strict CSP and the hardening headers', async () => {
    const response = await fetch(`${t.server.httpUrl}/`);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // Scripts only from the origin, no eval or inline script; WebAssembly compiles (web-ifc).
    expect(CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src '))).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('gives the page no Node globals and no shell bridge', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>)['require'],
      process: typeof (globalThis as Record<string, unknown>)['process'],
      module: typeof (globalThis as Record<string, unknown>)['module'],
      Buffer: typeof (globalThis as Record<string, unknown>)['Buffer'],
      twinShell: typeof (globalThis as Record<string, unknown>)['twinShell'],
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', twinShell: 'undefined' });
  });

  it('blocks injected inline script and inline event handlers', async () => {
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__handler = true');
      image.src = 'data:,not-an-image';
      document.body.append(image);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const flags = window as unknown as Record<string, unknown>;
      return { violations, injected: flags['__injected'] === true, handler: flags['__handler'] === true };
    });
    expect(outcome).toEqual({ violations: [expect.stringMatching(/^script-src/), expect.stringMatching(/^script-src/)], injected: false, handler: false });
  });

  it('loads nothing from any other origin', () => {
    const origin = new URL(t.server.httpUrl).origin;
    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(requests.length).toBeGreaterThan(1);
    expect(foreign).toEqual([]);
  });
});
