import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SensorRegistry } from '@twin/protocol';
import { startTestServer, type TestUser } from '@twin/server/testing';
import { buildRenderer } from './buildRenderer.ts';
import { launchChromium } from './launchChromium.ts';
import { COMMUNITY, modelsSubset, type ManifestFile } from './modelsSubset.ts';

/** The password of every user the harness creates. */
export const PASSWORD = 'correct horse battery staple';

/** The duty operator most browser tests sign in as. */
export const OPERATOR: TestUser = { username: 'operator01', password: PASSWORD, displayName: '王芳', clearance: 'confidential', grants: [{ role: 'operator', scope: {} }] };

/** A real server with the sample community and the built app, and a Chromium to open it in. */
export interface ConsoleHarness {
  t: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
  /** Closes the browser and the server and removes their files. */
  close(): Promise<void>;
}

/**
 * Builds the app, starts a real twin server on the sample community's registry with the model
 * files `models` keeps (buildings cost seconds each to prepare), creates a property organisation
 * over the whole community with `users`, and launches Debian's Chromium.
 */
export async function startConsoleHarness(options: {
  models: (file: ManifestFile) => boolean;
  users?: readonly TestUser[];
  config?: Parameters<typeof startTestServer>[1];
}): Promise<ConsoleHarness> {
  const registry = JSON.parse(await readFile(join(COMMUNITY, 'sensors.json'), 'utf8')) as SensorRegistry;
  const [renderer, modelsDir] = await Promise.all([buildRenderer(), modelsSubset(options.models)]);
  const t = await startTestServer(registry, { rendererDir: renderer.dir, modelsDir, ...options.config });
  await t.seedOrganisation({ id: 'futian-property', name: '福田智慧物业', kind: 'property', domain: [{}] }, options.users ?? [OPERATOR]);
  const browser = await launchChromium();
  return {
    t,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
      await renderer.remove();
      await rm(modelsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the app in a fresh browser context (1600×900, Chinese) and signs in; page errors go to
 * `pageErrors`, and `watch` sees the page before it loads (to record requests or console lines).
 * Resolves once the control room is shown.
 */
export async function signIn(harness: ConsoleHarness, username: string, pageErrors: string[], watch?: (page: Page) => void): Promise<Page> {
  const context = await harness.browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  watch?.(page);
  await page.goto(harness.t.server.httpUrl);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('.top-bar').waitFor();
  return page;
}
