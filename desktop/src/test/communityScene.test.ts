import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UTILITY_COLORS, type KnownNetwork } from '../renderer/scene/build/utilityColors.ts';
import { canvasPixels, rgbOf, type Rgb } from './canvasPixels.ts';
import { OPERATOR, signIn, startConsoleHarness, type ConsoleHarness } from './consoleHarness.ts';
import { visibleTexts } from './visibleTexts.ts';

// End-to-end: the 3D scene of the sample community in the production build, served by a real
// twin server, in Chromium with software WebGL. Screenshots go to /tmp/scene-shots.

const SHOTS = join(tmpdir(), 'scene-shots');
const CANVAS = '.twin-scene-canvas canvas';
/** The scene's background (`CommunityScene.tsx`). */
const BACKGROUND: Rgb = [0xdf, 0xe7, 0xef];
/** Roads of the site plan (`siteBuild.ts`): municipal and estate roads. */
const ROADS: Rgb[] = [rgbOf(0x4a4d50), rgbOf(0x62666a)];
/** Buildings kept from the sample community: enough to stand around the known ones, few enough to load in seconds. */
const BUILDINGS = ['B01', 'B02', 'B03', 'B04', 'B05', 'B06'];
const NETWORKS = Object.keys(UTILITY_COLORS) as KnownNetwork[];

/** Waits until the scene has loaded, stopped flying and drawn its last frame. */
async function sceneSettled(page: Page): Promise<void> {
  await page.locator('.twin-scene[data-status=ready]').waitFor({ timeout: 150_000 });
  await page.locator('.twin-scene-loading').waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-flight') === null, CANVAS, { timeout: 30_000, polling: 100 });
  // Three animation frames: the frame the last change asked for is on screen.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
}

/** Sets a layer of the layer panel (`network:gas`, …) to shown, dimmed or hidden. */
async function setLayer(page: Page, layer: string, visibility: '显示' | '淡化' | '隐藏'): Promise<void> {
  await page.locator(`.twin-scene-layer[data-layer="${layer}"] button[aria-label="${visibility}"]`).click();
  await sceneSettled(page);
}

async function setXray(page: Page, on: boolean): Promise<void> {
  const button = page.locator('.twin-scene-top button', { hasText: '透视地面' });
  if ((await button.getAttribute('aria-pressed')) !== String(on)) await button.click();
  await sceneSettled(page);
}

/** Screenshot of the page, saved as `<name>.png`, measured for the given colours (and against a reference screenshot). */
async function shoot(page: Page, name: string, colours: readonly Rgb[], reference?: Buffer) {
  const png = await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  return { png, ...(await canvasPixels(page, png, CANVAS, colours, BACKGROUND, 60, reference)) };
}

/** The identifier rows of the properties panel, label to value. */
async function propertyIds(page: Page): Promise<Record<string, string>> {
  return page.locator('.twin-scene-ids dl > div').evaluateAll((rows) => Object.fromEntries(rows.map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent])));
}

/** Searches for `query`, flies to the first result, clears the selection the search made, and clicks the centre of the view. */
async function clickFoundInCentre(page: Page, query: string): Promise<void> {
  const search = page.locator('.twin-scene-search input');
  await search.fill(query);
  await search.press('Enter');
  await sceneSettled(page);
  await page.locator('.twin-scene-properties button', { hasText: '取消选择' }).click();
  await expect.poll(() => page.locator('.twin-scene-properties').getAttribute('data-selection')).toBeNull();
  await sceneSettled(page);
  const box = (await page.locator(CANVAS).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await sceneSettled(page);
}

describe('the 3D community scene (PLAT-3 point and get, MUN-1..6 networks; real server, real Chromium)', () => {
  let harness: ConsoleHarness;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    harness = await startConsoleHarness({ models: (file) => file.role !== 'building' || BUILDINGS.some((b) => file.path === `ifc/${b}.ifc`) });
    page = await signIn(harness, OPERATOR.username, pageErrors);
    await sceneSettled(page);
  }, 240_000);

  afterAll(() => harness?.close());

  it('PLAT-3 shows buildings and roads over the ground, not a blank canvas', async () => {
    const overview = await shoot(page, 'scene-overview', ROADS);
    expect(overview.foreground).toBeGreaterThan(0.4);
    expect(overview.colours).toBeGreaterThan(150);
    expect(overview.shares[0]! + overview.shares[1]!).toBeGreaterThan(0.01);
    // The buildings stand out of the plan: hiding them takes pixels away.
    const categories = await page.locator('.twin-scene-layer[data-layer^="building:"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-layer')!));
    expect(categories.length).toBeGreaterThan(0);
    for (const layer of categories) await setLayer(page, layer, '隐藏');
    const withoutBuildings = await shoot(page, 'scene-without-buildings', ROADS, overview.png);
    for (const layer of categories) await setLayer(page, layer, '显示');
    expect(withoutBuildings.changed).toBeGreaterThan(0.01);
    // Shown again, the scene is as it was.
    expect((await shoot(page, 'scene-overview-again', ROADS, overview.png)).changed).toBeLessThan(0.001);
  }, 120_000);

  it('MUN-1..5 x-ray reveals every buried network in its colour; each layer toggle takes its colour away', async () => {
    const colours = NETWORKS.map((n) => rgbOf(UTILITY_COLORS[n].color));
    const ground = await shoot(page, 'scene-ground', colours);
    await setXray(page, true);
    const xray = await shoot(page, 'scene-xray', colours);
    for (const [k, network] of NETWORKS.entries()) {
      await setLayer(page, `network:${network}`, '隐藏');
      const hidden = await shoot(page, `scene-xray-without-${network}`, colours);
      await setLayer(page, `network:${network}`, '显示');
      // Present in x-ray, gone when its layer is hidden (other things of a similar colour may remain).
      expect(xray.shares[k]! - hidden.shares[k]!, network).toBeGreaterThan(0.0005);
      expect(hidden.shares[k]!, network).toBeLessThan(xray.shares[k]! / 2);
    }
    // Under the opaque ground the gas network does not show; x-ray is what reveals it.
    const gas = NETWORKS.indexOf('gas');
    expect(xray.shares[gas]!).toBeGreaterThan(3 * ground.shares[gas]!);
  }, 180_000);

  it('PLAT-3 clicking a known valve opens its properties with its id', async () => {
    await setXray(page, true);
    await clickFoundInCentre(page, 'GAS-VW-01');
    await expect.poll(() => page.locator('.twin-scene-properties').getAttribute('data-selection')).toBe('network');
    await page.screenshot({ path: join(SHOTS, 'scene-valve-clicked.png') });
    const ids = await propertyIds(page);
    expect(ids['编号']).toBe('GAS-VW-01');
    expect(ids['管网']).toBe('燃气');
    const attributes = await page.locator('.twin-scene-properties section').filter({ has: page.locator('h3', { hasText: /^属性$/ }) }).innerText();
    expect(attributes).toMatch(/管径 \(mm\)\s+150/);
    expect(attributes).toMatch(/阀门类型\s+分段阀/);
  }, 120_000);

  it('PLAT-3 clicking a known building opens its properties with its id and IFC GlobalId', async () => {
    await setXray(page, false);
    await clickFoundInCentre(page, 'B01');
    await expect.poll(() => page.locator('.twin-scene-properties').getAttribute('data-selection')).toBe('building');
    await page.screenshot({ path: join(SHOTS, 'scene-building-clicked.png') });
    const ids = await propertyIds(page);
    expect(ids['编号']).toBe('B01');
    expect(ids['IFC GlobalId']).toMatch(/^[0-9A-Za-z_$]{22}$/);
  }, 120_000);

  it('PROP-2 e switches to English with no untranslated keys, and back', async () => {
    await page.locator('.language-switch button', { hasText: 'English' }).click();
    await expect.poll(() => page.locator('.twin-scene-top button', { hasText: 'X-ray ground' }).count()).toBe(1);
    const texts = await visibleTexts(page);
    // No i18n key (`scene.layers`, `alarms.state.shelved`) and no Chinese label left in the scene's controls.
    expect(texts.filter((text) => /^[a-z]+(\.[a-zA-Z0-9_-]+)+$/.test(text))).toEqual([]);
    const controls = await page.locator('.twin-scene-top, .twin-scene-layers, .twin-scene-properties').allInnerTexts();
    expect(controls.join(' ')).not.toMatch(/透视地面|图层|属性|显示|隐藏|编号/);
    await page.screenshot({ path: join(SHOTS, 'scene-english.png') });
    await page.locator('.language-switch button', { hasText: '中文' }).click();
    await expect.poll(() => page.locator('.twin-scene-top button', { hasText: '透视地面' }).count()).toBe(1);
  }, 60_000);

  it('the page raised no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
