import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Viewer } from 'cesium';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAS_ALARM_LEL, isNightAt } from '@twin/domain';
import type { SensorDefinition, SensorKind, SensorRegistry } from '@twin/protocol';
import { FIELD_OPACITY } from '../renderer/scene/overlays/fieldGrid.ts';
import { OVERLAY_IDS, OVERLAYS, type OverlayChoice, type OverlayId } from '../renderer/scene/overlays/overlayBands.ts';
import { STATE_COLORS } from '../renderer/scene/overlays/stateStyle.ts';
import { STOREY_BAND_OPACITY } from '../renderer/scene/overlays/storeyBands.ts';
import { startSimulator } from '../../../twin-server/src/simulator/startSimulator.ts';
import { canvasPixels, rgbOf, type Rgb } from './canvasPixels.ts';
import { OPERATOR, signIn, startConsoleHarness, type ConsoleHarness } from './consoleHarness.ts';
import { COMMUNITY } from './modelsSubset.ts';

// End-to-end: live overlays of the 3D scene and the map in the production build, served by a real
// twin server fed over MQTT (the gas leak by the device simulator), in Chromium with software WebGL. Screenshots go to /tmp/overlay-shots.

const SHOTS = join(tmpdir(), 'overlay-shots');
const CANVAS = '.twin-scene-canvas canvas';
const LEGEND = '.twin-scene .twin-scene-legend';
const BUILDINGS = ['B01', 'B02', 'B03', 'B04', 'B05', 'B06'];
/** A kitchen gas detector of building 1, third floor. */
const DETECTOR = 'B01-F03-LEL-01';
/** Published values by kind: outdoor ones rise from west to east across the site, indoor ones from building to building. */
const SPANS: Partial<Record<SensorKind, [number, number]>> = {
  temperature: [25, 39],
  illuminance: [5, 30_000],
  noise: [38, 72],
  pm25: [20, 180],
  co2: [600, 1700],
  tvoc: [0.15, 1.3],
};

/** Waits until the scene has loaded, stopped flying and drawn its last frame. */
async function sceneSettled(page: Page): Promise<void> {
  await page.locator('.twin-scene[data-status=ready]').waitFor({ timeout: 150_000 });
  await page.locator('.twin-scene-loading').waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-flight') === null, CANVAS, { timeout: 30_000, polling: 100 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
}

/** Chooses an overlay in the view toolbar and waits until its field and storeys are drawn. */
async function chooseOverlay(page: Page, overlay: OverlayChoice): Promise<void> {
  await page.locator('.twin-scene-top select.twin-scene-overlay').selectOption(overlay);
  if (overlay !== 'none') await page.locator(`${CANVAS}[data-overlay-ready="${overlay}"]`).waitFor({ timeout: 20_000 });
  await sceneSettled(page);
}

/**
 * Share of the canvas's pixels (outside the legend) that show each colour laid translucently over
 * what the reference screenshot shows there: `a·colour + (1 − a)·reference` for the field's or the
 * storey bands' opacity `a`. A blank or unchanged canvas shows none.
 */
async function overlaidShares(page: Page, png: Buffer, reference: Buffer, colours: readonly Rgb[], alphas: readonly number[]): Promise<number[]> {
  const canvas = (await page.locator(CANVAS).boundingBox())!;
  const legend = (await page.locator(LEGEND).boundingBox())!;
  return page.evaluate(
    async ({ images, canvas, legend, colours, alphas }) => {
      const decode = async (data: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const c = document.createElement('canvas');
        [c.width, c.height] = [image.width, image.height];
        const g = c.getContext('2d')!;
        g.drawImage(image, 0, 0);
        return g.getImageData(0, 0, c.width, c.height);
      };
      const [shot, before] = await Promise.all(images.map(decode));
      const counts = colours.map(() => 0);
      let total = 0;
      for (let y = Math.ceil(canvas.y); y < Math.floor(canvas.y + canvas.height); y++) {
        for (let x = Math.ceil(canvas.x); x < Math.floor(canvas.x + canvas.width); x++) {
          if (x >= legend.x && x <= legend.x + legend.width && y >= legend.y && y <= legend.y + legend.height) continue;
          total++;
          const i = 4 * (y * shot!.width + x);
          const [r, g, b] = [shot!.data[i]!, shot!.data[i + 1]!, shot!.data[i + 2]!];
          const [r0, g0, b0] = [before!.data[i]!, before!.data[i + 1]!, before!.data[i + 2]!];
          if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) < 24) continue;
          colours.forEach(([cr, cg, cb], k) => {
            const near = alphas.some((a) => Math.abs(r - (a * cr + (1 - a) * r0)) + Math.abs(g - (a * cg + (1 - a) * g0)) + Math.abs(b - (a * cb + (1 - a) * b0)) <= 18);
            if (near) counts[k]!++;
          });
        }
      }
      return counts.map((c) => c / total);
    },
    { images: [png, reference].map((image) => image.toString('base64')), canvas, legend, colours: colours as Rgb[], alphas },
  );
}

/** Share of pixels of a PNG that are red (red well above green and blue), decoded in the page. */
async function redShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [image.width, image.height];
    const g = c.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const pixels = g.getImageData(0, 0, c.width, c.height).data;
    let red = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! >= 100 && pixels[i]! - Math.max(pixels[i + 1]!, pixels[i + 2]!) >= 60) red++;
    return red / (pixels.length / 4);
  }, png.toString('base64'));
}

/** Mean RGB of a PNG, decoded in the page. */
async function meanColour(page: Page, png: Buffer): Promise<[number, number, number]> {
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [image.width, image.height];
    const g = c.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const pixels = g.getImageData(0, 0, c.width, c.height).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < pixels.length; i += 4) for (let k = 0; k < 3; k++) sum[k]! += pixels[i + k]!;
    const n = pixels.length / 4;
    return [sum[0]! / n, sum[1]! / n, sum[2]! / n] as [number, number, number];
  }, png.toString('base64'));
}

describe('live overlays of the scene and the map (PLAT-3, ENV-2..5, MUN-5; real server, real Chromium)', () => {
  let harness: ConsoleHarness;
  let page: Page;
  let device: Awaited<ReturnType<ConsoleHarness['t']['device']>>;
  let registry: SensorRegistry;
  let sensors: SensorDefinition[];
  const pageErrors: string[] = [];

  /** Publishes a fresh reading for every outdoor sensor and every indoor sensor of the loaded buildings, by {@link SPANS}. */
  async function publishReadings(): Promise<void> {
    const now = Date.now();
    const batches: Array<{ sensor: string; readings: Array<[number, number]> }> = [];
    for (const [kind, [low, high]] of Object.entries(SPANS) as Array<[SensorKind, [number, number]]>) {
      const outdoor = sensors.filter((s) => s.kind === kind && s.location.placement === 'outdoor');
      const [west, east] = [Math.min(...outdoor.map((s) => s.location.lon)), Math.max(...outdoor.map((s) => s.location.lon))];
      for (const s of outdoor) batches.push({ sensor: s.id, readings: [[now, low + ((high - low) * (s.location.lon - west)) / Math.max(1e-9, east - west)]] });
      const indoor = sensors.filter((s) => s.kind === kind && s.location.placement === 'indoor' && BUILDINGS.includes(s.location.building ?? ''));
      for (const s of indoor) batches.push({ sensor: s.id, readings: [[now, low + ((high - low) * BUILDINGS.indexOf(s.location.building!)) / (BUILDINGS.length - 1)]] });
    }
    await device.publishAsync('twin/v1/telemetry', JSON.stringify(batches), { qos: 1 });
  }

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    registry = JSON.parse(await readFile(join(COMMUNITY, 'sensors.json'), 'utf8')) as SensorRegistry;
    sensors = registry.sensors;
    harness = await startConsoleHarness({ models: (file) => file.role !== 'building' || BUILDINGS.some((b) => file.path === `ifc/${b}.ifc`) });
    device = await harness.t.device('overlay-gateway');
    page = await signIn(harness, OPERATOR.username, pageErrors);
    await sceneSettled(page);
    await page.locator(`${CANVAS}[data-live=live]`).waitFor({ timeout: 30_000 });
  }, 240_000);

  afterAll(() => harness?.close());

  /** The latest stored reading of a sensor in the last minute (the simulated clock runs ahead of the wall clock). */
  async function latestValue(sensorId: string): Promise<number> {
    const from = Date.now() - 60_000;
    const response = await harness.t.http(`/api/readings?sensor=${sensorId}&from=${from}&to=${from + 3_600_000}&format=json`);
    const { rows } = (await response.json()) as { rows: Array<{ tsMs: number; value: number }> };
    return rows.at(-1)?.value ?? Number.NEGATIVE_INFINITY;
  }

  const topic: Record<OverlayId, string> = {
    temperature: 'ENV-2 temperature',
    heatIsland: 'ENV-2 heat-island intensity',
    illuminance: 'ENV-3 illuminance',
    noise: 'ENV-4 noise (day or night limits as apply now)',
    pm25: 'ENV-5 PM2.5',
    co2: 'ENV-5 CO2',
    tvoc: 'ENV-5 TVOC',
  };

  for (const overlay of OVERLAY_IDS) {
    it(`${topic[overlay]}: the field shows on the ground or the storeys in the legend's bands, and the legend names the limits`, async () => {
      await publishReadings();
      await chooseOverlay(page, 'none');
      const reference = await page.screenshot({ path: join(SHOTS, `overlay-${overlay}-reference.png`) });
      await chooseOverlay(page, overlay);
      const png = await page.screenshot({ path: join(SHOTS, `overlay-${overlay}.png`) });
      const night = isNightAt(Date.now());
      const bands = OVERLAYS[overlay].bands(night);
      const shares = await overlaidShares(page, png, reference, bands.map((b) => rgbOf(b.color)), [FIELD_OPACITY, STOREY_BAND_OPACITY]);
      // Readings span several bands: at least two of the legend's colours cover the ground (outdoor
      // sensors) or, for kinds measured only indoors, the facades of the storeys (a smaller area).
      const outdoor = sensors.some((s) => s.kind === OVERLAYS[overlay].kind && s.location.placement === 'outdoor');
      const least = outdoor ? 0.002 : 0.0003;
      expect(shares.filter((share) => share > least).length, `${overlay} band shares ${shares.map((s) => s.toFixed(4)).join(' ')}`).toBeGreaterThanOrEqual(2);
      // The legend: one swatch per band in its colour, the limits that apply now named with their values.
      const legend = page.locator(LEGEND);
      expect(await legend.getAttribute('data-overlay')).toBe(overlay);
      expect(await legend.getAttribute('data-period')).toBe(night ? 'night' : 'day');
      expect(await legend.locator('[data-band]').count()).toBe(bands.length);
      const limits = await legend.locator('[data-limit]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-limit'))));
      expect(limits).toEqual(OVERLAYS[overlay].limits(night).map((l) => l.value));
      const swatches = await canvasPixels(page, png, `${LEGEND} .twin-scene-legend-field ul`, bands.map((b) => rgbOf(b.color)), [255, 255, 255], 30);
      for (const [k, share] of swatches.shares.entries()) expect(share, `legend swatch ${k}`).toBeGreaterThan(0.004);
      if (overlay === 'temperature' || overlay === 'heatIsland') await expect.poll(() => legend.locator('.twin-scene-legend-heat').innerText()).toMatch(/\+\d+\.\d °C[\s\S]*\d+\.\d °C/);
    }, 90_000);
  }

  it('ENV-4 the noise legend names the day limits 45 and 55 dB(A) by day and 35 and 45 at night', async () => {
    await chooseOverlay(page, 'noise');
    const text = await page.locator(LEGEND).innerText();
    if (isNightAt(Date.now())) expect(text).toMatch(/夜间 22:00–06:00[\s\S]*< 35[\s\S]*≥ 55[\s\S]*室内限值 35 dB\(A\)[\s\S]*室外限值（GB 3096 1类） 45 dB\(A\)/);
    else expect(text).toMatch(/昼间 06:00–22:00[\s\S]*< 45[\s\S]*≥ 65[\s\S]*室内限值 45 dB\(A\)[\s\S]*室外限值（GB 3096 1类） 55 dB\(A\)/);
  }, 30_000);

  it('MUN-5 a detector reading 20 %LEL or more turns its marker red within one second, with its zone drawn', async () => {
    await chooseOverlay(page, 'none');
    const search = page.locator('.twin-scene-search input');
    await search.fill(DETECTOR);
    await search.press('Enter');
    await sceneSettled(page);
    // The flight ends with the detector in the middle of the view.
    const box = (await page.locator(CANVAS).boundingBox())!;
    const clip = { x: box.x + box.width / 2 - 15, y: box.y + box.height / 2 - 15, width: 30, height: 30 };
    expect(await redShare(page, await page.screenshot({ clip }))).toBeLessThan(0.05);
    // Beside the marker, inside where the zone will be (about 3 m around it; the view spans a few metres).
    const beside = { ...clip, x: clip.x - 110 };
    const floor = await meanColour(page, await page.screenshot({ clip: beside }));
    await page.screenshot({ path: join(SHOTS, 'gas-before.png') });
    // The scene lists a detector in `data-gas-leaks` in the frame that first draws it red: the page
    // notes when (same clock as this test's). A screenshot then shows the red marker (the capture
    // itself takes a few hundred ms in software rendering).
    await page.evaluate(
      ([selector, id]) => {
        const canvas = document.querySelector(selector!) as HTMLElement;
        const observer = new MutationObserver(() => {
          if (!(canvas.getAttribute('data-gas-leaks')?.split(' ').includes(id!) ?? false)) return;
          observer.disconnect();
          canvas.dataset['testLeakDrawnAt'] = String(Date.now());
        });
        observer.observe(canvas, { attributes: true, attributeFilter: ['data-gas-leaks'] });
      },
      [CANVAS, DETECTOR],
    );
    // The device simulator leaks gas at the detector (MUN-5): its time steps a second at a time
    // from now, and each step is published and committed before the next; the step whose reading
    // reaches 20 %LEL is when the leak is reported.
    let now = Date.now();
    const clock = { now: () => now, setInterval: () => 0, clearInterval: () => {} };
    const simulator = await startSimulator({
      mqttUrl: harness.t.server.mqttUrl,
      username: 'simulator',
      password: harness.t.server.devices.secrets.deviceToken,
      registry: { ...registry, sensors: registry.sensors.filter((sensor) => sensor.id === DETECTOR) },
      seed: 7,
      gasLeaks: [DETECTOR],
      faultMeanIntervalS: 0,
      gasLeakMeanIntervalS: 0,
      clock,
    });
    let published = 0;
    let leaked = 0;
    try {
      for (let step = 0; step < 180 && leaked < GAS_ALARM_LEL; step++) {
        now += 1000;
        published = Date.now();
        await simulator.tick();
        leaked = await latestValue(DETECTOR);
      }
    } finally {
      await simulator.stop();
    }
    expect(leaked).toBeGreaterThanOrEqual(GAS_ALARM_LEL);
    const drawnAt = Number(await (await page.waitForFunction((selector) => document.querySelector(selector)!.getAttribute('data-test-leak-drawn-at'), CANVAS, { timeout: 5_000 })).jsonValue());
    const drawnMs = drawnAt - published;
    let seenMs = Number.POSITIVE_INFINITY;
    while (Date.now() - published < 5_000) {
      const shot = await page.screenshot({ clip });
      if ((await redShare(page, shot)) > 0.15) {
        seenMs = Date.now() - published;
        break;
      }
    }
    console.log(`gas leak: publish → drawn red in ${drawnMs} ms, in a screenshot after ${seenMs} ms`);
    expect(drawnMs).toBeLessThan(1000);
    expect(seenMs).toBeLessThan(5_000);
    // The properties panel of the selected detector shows the same live reading (within a second, as it samples).
    await expect.poll(() => page.locator('.twin-scene-properties .twin-scene-sensors .twin-scene-value').first().innerText(), { timeout: 2_000 }).toBe(`${Number(leaked.toFixed(3))} %LEL`);
    await page.screenshot({ path: join(SHOTS, 'gas-leak.png') });
    // The zone tints the floor beside the marker red.
    const zone = await meanColour(page, await page.screenshot({ clip: beside }));
    expect(zone[0] - zone[1], `floor ${floor.join(',')} → zone ${zone.join(',')}`).toBeGreaterThan(floor[0] - floor[1] + 30);
  }, 60_000);

  it('ENV-5 indoor readings colour the storeys of their building, seen close up', async () => {
    await publishReadings();
    await chooseOverlay(page, 'none');
    const search = page.locator('.twin-scene-search input');
    await search.fill('B03');
    await search.press('Enter');
    await sceneSettled(page);
    await page.locator('.twin-scene-properties button', { hasText: '取消选择' }).click();
    await sceneSettled(page);
    const reference = await page.screenshot({ path: join(SHOTS, 'overlay-co2-B03-reference.png') });
    await chooseOverlay(page, 'co2');
    const png = await page.screenshot({ path: join(SHOTS, 'overlay-co2-B03.png') });
    const bands = OVERLAYS.co2.bands(false);
    const shares = await overlaidShares(page, png, reference, bands.map((b) => rgbOf(b.color)), [STOREY_BAND_OPACITY]);
    // B03's storeys read 1,040 ppm: over the 1,000 ppm limit, in the 1,000–1,500 band.
    expect(shares[2], `co2 band shares ${shares.map((s) => s.toFixed(4)).join(' ')}`).toBeGreaterThan(0.01);
  }, 90_000);

  it('PLAT-3 the map shows the same overlay as a ground image, and the leaking detector in red', async () => {
    await publishReadings();
    await page.locator('.twin-scene-layers input[name=twin-scene-overlay][value=noise]').check();
    await page.locator('button[data-center-view=map]').click();
    await page.locator('.geo-view[data-status=ready]').waitFor({ timeout: 60_000 });
    await page.locator('.geo-view-map[data-overlay-ready=noise]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => {
      const viewer = (document.querySelector('.geo-view-map') as unknown as { cesiumViewer?: Viewer }).cesiumViewer;
      if (viewer === undefined || !viewer.scene.globe.tilesLoaded) return false;
      viewer.scene.requestRender();
      return true;
    }, null, { timeout: 60_000, polling: 250 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const png = await page.screenshot({ path: join(SHOTS, 'map-noise.png') });
    const bands = OVERLAYS.noise.bands(isNightAt(Date.now()));
    const { shares } = await canvasPixels(page, png, '.geo-view-map canvas', bands.map((b) => rgbOf(b.color)), [0, 0, 0], 90);
    expect(shares.filter((share) => share > 0.002).length, `map band shares ${shares.join(' ')}`).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.geo-view .twin-scene-legend').getAttribute('data-overlay')).toBe('noise');
    // A fresh leak reading: the detector's billboard takes the gas-leak colour (inside its block it is hidden from this view).
    await device.publishAsync('twin/v1/telemetry', JSON.stringify([{ sensor: DETECTOR, readings: [[Date.now(), 35]] }]), { qos: 1 });
    const key = `sensor:${sensors.findIndex((s) => s.id === DETECTOR)}`;
    const markerColour = () =>
      page.evaluate(async (key) => {
        const viewer = (document.querySelector('.geo-view-map') as unknown as { cesiumViewer: Viewer }).cesiumViewer;
        const image = new Image();
        image.src = viewer.entities.getById(key)!.billboard!.image!.getValue(viewer.clock.currentTime) as string;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.width, image.height];
        const g = canvas.getContext('2d')!;
        g.drawImage(image, 0, 0);
        return [...g.getImageData(image.width / 2, image.height / 2, 1, 1).data.slice(0, 3)];
      }, key);
    await expect.poll(markerColour, { timeout: 5_000 }).toEqual([...rgbOf(STATE_COLORS.gasLeak)]);
    await page.locator('button[data-center-view=scene]').click();
  }, 120_000);

  it('the page raised no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
