import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cartographic, Viewer } from 'cesium';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEO_HEIGHTS } from '../renderer/geoView/geoLayers.ts';
import { canvasPixels } from './canvasPixels.ts';
import { OPERATOR, signIn, startConsoleHarness, type ConsoleHarness } from './consoleHarness.ts';
import { COMMUNITY } from './modelsSubset.ts';

// End-to-end: the map of the sample community (Cesium, offline) in the production build, served by
// a real twin server, in Chromium with software WebGL. Screenshots go to /tmp/geo-shots.

const SHOTS = join(tmpdir(), 'geo-shots');
/** The map's colour of residential blocks (`geoColors.ts`), lit from any side. */
const RESIDENTIAL = [0xe0, 0xb2, 0x7a] as const;

interface SiteFeature {
  id: string;
  geometry: { type: string; coordinates: number[][][] };
  properties: { featureType: string; heightM?: number; name?: string; capacityPersons?: number };
}

/** Metres between two WGS 84 points a few hundred metres apart (equirectangular). */
function groundDistanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const R = 6_378_137;
  const rad = Math.PI / 180;
  const dx = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad) * R;
  const dy = (b[1] - a[1]) * rad * R;
  return Math.hypot(dx, dy);
}

/** Waits until the map has drawn everything: entities built, imagery loaded, a frame rendered since. */
async function mapSettled(page: Page): Promise<void> {
  await page.locator('.geo-view[data-status=ready]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => {
      const viewer = (document.querySelector('.geo-view-map') as unknown as { cesiumViewer?: Viewer }).cesiumViewer;
      if (viewer === undefined || !viewer.dataSourceDisplay.ready || !viewer.scene.globe.tilesLoaded) return false;
      viewer.scene.requestRender();
      return true;
    },
    null,
    { timeout: 90_000, polling: 250 },
  );
  // Two animation frames: the requested frame is drawn.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('the community map (PLAT-3, MUN-1..6; Cesium offline under the CSP, real server, real Chromium)', () => {
  let harness: ConsoleHarness;
  let page: Page;
  let site: SiteFeature[];
  const requests: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    site = (JSON.parse(await readFile(join(COMMUNITY, 'site.geojson'), 'utf8')) as { features: SiteFeature[] }).features;
    // Without its IFC buildings: the map draws their footprints from the site plan, and the 3D
    // scene beside it need not wait for the server to extract their geometry.
    harness = await startConsoleHarness({ models: (file) => file.role !== 'building' });
    page = await signIn(harness, OPERATOR.username, pageErrors, (p) => {
      p.on('request', (request) => requests.push(request.url()));
      p.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
      });
    });
  }, 180_000);

  afterAll(() => harness?.close());

  it('PLAT-3 renders the community offline: buildings in their colour over the bundled globe, not a blank canvas', async () => {
    await page.locator('button[data-center-view=map]').click();
    await mapSettled(page);
    const png = await page.screenshot({ path: join(SHOTS, 'map-overview.png') });
    const { shares, colours } = await canvasPixels(page, png, '.geo-view-map canvas', [RESIDENTIAL], [0, 0, 0], 60);
    expect(colours).toBeGreaterThan(200);
    expect(shares[0]).toBeGreaterThan(0.01);
  }, 180_000);

  it('PLAT-3 places a building on its footprint and extrudes it to its height, and a click selects it for the properties panel', async () => {
    const building = site.find((f) => f.id === 'B10') ?? site.find((f) => f.properties.featureType === 'building')!;
    const ring = building.geometry.coordinates[0]!.slice(0, -1);
    const centroid = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length] as const;
    const heightM = building.properties.heightM!;
    // Straight down over the building, so nothing stands in front of its roof.
    const measured = await page.evaluate(
      async ({ centroid, heightM }) => {
        const viewer = (document.querySelector('.geo-view-map') as unknown as { cesiumViewer: Viewer }).cesiumViewer;
        const { scene } = viewer;
        const ellipsoid = scene.globe.ellipsoid;
        const rad = Math.PI / 180;
        viewer.camera.setView({
          destination: ellipsoid.cartographicToCartesian({ longitude: centroid[0] * rad, latitude: centroid[1] * rad, height: heightM + 250 } as Cartographic),
          orientation: { heading: 0, pitch: -Math.PI / 2, roll: 0 },
        });
        scene.requestRender();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const roof = ellipsoid.cartographicToCartesian({ longitude: centroid[0] * rad, latitude: centroid[1] * rad, height: heightM } as Cartographic);
        const pixel = scene.cartesianToCanvasCoordinates(roof);
        if (pixel === undefined) throw new Error('the roof is not in view');
        const picked = scene.pick(pixel) as { id?: { id?: string } } | undefined;
        const at = ellipsoid.cartesianToCartographic(scene.pickPosition(pixel));
        return { pixel: { x: pixel.x, y: pixel.y }, pickedId: picked?.id?.id, lon: at.longitude / rad, lat: at.latitude / rad, height: at.height };
      },
      { centroid, heightM },
    );
    await page.screenshot({ path: join(SHOTS, 'map-building-top.png') });
    expect(measured.pickedId).toBe(`building:${building.id}`);
    expect(groundDistanceM([measured.lon, measured.lat], centroid)).toBeLessThan(2);
    expect(Math.abs(measured.height - heightM)).toBeLessThan(1);

    const canvas = (await page.locator('.geo-view-map canvas').boundingBox())!;
    await page.mouse.click(canvas.x + measured.pixel.x, canvas.y + measured.pixel.y);
    await expect.poll(() => page.locator('.twin-scene-properties h2').textContent()).toBe(building.properties.name);
    await page.screenshot({ path: join(SHOTS, 'map-building-selected.png') });

    // Back in 3D the same building is still selected.
    await page.locator('button[data-center-view=scene]').click();
    expect(await page.locator('button[data-center-view=scene]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.twin-scene-properties h2').textContent()).toBe(building.properties.name);
    await page.locator('button[data-center-view=map]').click();
  }, 120_000);

  it('MUN-1..5 draws the pipes in their network colour, and picking one selects the network feature', async () => {
    const water = JSON.parse(await readFile(join(COMMUNITY, 'water.geojson'), 'utf8')) as { features: Array<{ geometry: { type: string; coordinates: number[][] } }> };
    const index = water.features.findIndex((f) => f.geometry.type === 'LineString');
    const [a, b] = water.features[index]!.geometry.coordinates as [number[], number[]];
    const mid = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2] as const;
    const pickedId = await page.evaluate(async ({ mid, pipeM }) => {
      const viewer = (document.querySelector('.geo-view-map') as unknown as { cesiumViewer: Viewer }).cesiumViewer;
      const { scene } = viewer;
      const ellipsoid = scene.globe.ellipsoid;
      const rad = Math.PI / 180;
      viewer.camera.setView({ destination: ellipsoid.cartographicToCartesian({ longitude: mid[0] * rad, latitude: mid[1] * rad, height: 120 } as Cartographic), orientation: { heading: 0, pitch: -Math.PI / 2, roll: 0 } });
      scene.requestRender();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const pixel = scene.cartesianToCanvasCoordinates(ellipsoid.cartographicToCartesian({ longitude: mid[0] * rad, latitude: mid[1] * rad, height: pipeM } as Cartographic));
      if (pixel === undefined) throw new Error('the pipe is not in view');
      return (scene.drillPick(pixel, 5) as Array<{ id?: { id?: string } }>).map((p) => p.id?.id);
    }, { mid, pipeM: GEO_HEIGHTS.pipe });
    await page.screenshot({ path: join(SHOTS, 'map-water-pipe.png') });
    expect(pickedId).toContain(`network:water:${index}`);
  }, 60_000);

  it('MUN-6 labels the emergency shelters with their capacity', async () => {
    const labels = await page.evaluate(() => {
      const viewer = (document.querySelector('.geo-view-map') as unknown as { cesiumViewer: Viewer }).cesiumViewer;
      return viewer.entities.values.filter((e) => e.label !== undefined).map((e) => String(e.label!.text!.getValue(viewer.clock.currentTime)));
    });
    const shelters = site.filter((f) => f.properties.featureType === 'shelter' && f.properties.capacityPersons !== undefined);
    expect(shelters.length).toBeGreaterThan(0);
    expect(labels.sort()).toEqual(shelters.map((f) => `${f.properties.name}\n可容纳 ${f.properties.capacityPersons!.toLocaleString('zh-CN')} 人`).sort());
  });

  it('PLAT-11 fetches nothing from any other origin, and breaks no rule of the CSP', () => {
    const origin = new URL(harness.t.server.httpUrl).origin;
    const foreign = requests.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin);
    expect(foreign).toEqual([]);
    expect(requests.some((url) => url.includes('/cesium/Workers/'))).toBe(true);
    expect(requests.some((url) => url.includes('/cesium/Assets/Textures/NaturalEarthII/'))).toBe(true);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
