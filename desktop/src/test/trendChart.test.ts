import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR, signIn, startConsoleHarness, type ConsoleHarness } from './consoleHarness.ts';
import { visibleTexts } from './visibleTexts.ts';

// End-to-end: a day of history of an indoor noise sensor, its trend opened from the scene's
// properties panel in the production build (real server, real Chromium), the chart's data checked
// against the server's query and, after the server closed, against DuckDB itself; live readings
// published over MQTT appear as the chart's tail. Screenshots go to /tmp/trend-shots.

const SHOTS = join(tmpdir(), 'trend-shots');
/** Indoor noise in a flat of B01: 45 dB(A) by day, 35 dB(A) at night (ENV-4). */
const SENSOR = 'B01-F03-NOISE-01';
const HOUR = 3_600_000;
const CHART = '[data-testid=trend-chart]';

/** A day of noise in dB(A): quieter at night, louder in the evening, a deterministic ripple. */
function noiseAt(tMs: number, i: number): number {
  const hourOfDay = (((tMs + 8 * HOUR) % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR) / HOUR;
  const daily = 36 + 8 * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
  return Math.round((daily + 2.5 * Math.sin(i * 0.7) + 1.5 * Math.sin(i * 0.13)) * 100) / 100;
}

/** The history: the last hour every 10 s, the 24 hours before every 30 s, ending `endMs`. */
function history(endMs: number): Array<[number, number]> {
  const readings: Array<[number, number]> = [];
  for (let t = endMs - 25 * HOUR; t < endMs - HOUR; t += 30_000) readings.push([t, noiseAt(t, readings.length)]);
  for (let t = endMs - HOUR; t <= endMs; t += 10_000) readings.push([t, noiseAt(t, readings.length)]);
  return readings;
}

/** The chart's window and its sensor's points, read from the uPlot instance on the chart element. */
interface ChartData {
  from: number;
  to: number;
  resolution: string;
  points: Array<[number, number]>;
  bandPoints: number;
  view: [number, number];
}

function chartData(page: Page): Promise<ChartData> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector) as HTMLElement & { uplot?: { data: Array<Array<number | null>>; scales: Record<string, { min?: number; max?: number }> } };
    const plot = element.uplot!;
    const [x, values, min] = plot.data as [number[], Array<number | null>, Array<number | null>];
    const points: Array<[number, number]> = [];
    x.forEach((t, i) => {
      if (values[i] !== null && values[i] !== undefined) points.push([t, values[i]!]);
    });
    return {
      from: Number(element.dataset['from']),
      to: Number(element.dataset['to']),
      resolution: element.dataset['resolution']!,
      points,
      bandPoints: min.filter((v) => v !== null && v !== undefined).length,
      view: [plot.scales['x']!.min!, plot.scales['x']!.max!],
    };
  }, CHART);
}

/** Waits until the scene has loaded and drawn. */
async function sceneReady(page: Page): Promise<void> {
  await page.locator('.twin-scene[data-status=ready]').waitFor({ timeout: 150_000 });
  await page.locator('.twin-scene-loading').waitFor({ state: 'detached', timeout: 30_000 });
}

async function trendReady(page: Page, resolution: string): Promise<void> {
  await page.locator(`[data-testid=trend-panel][data-phase=ready][data-resolution="${resolution}"]`).waitFor({ timeout: 20_000 });
  // Two animation frames: the chart has drawn what it holds.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('trend charts (PLAT-3 trend charts, ENV-4 day and night limits; real server, real Chromium)', () => {
  let harness: ConsoleHarness;
  let t: ConsoleHarness['t'];
  let page: Page;
  let ingested: Array<[number, number]>;
  /** The raw hour the chart showed, kept for the comparison with DuckDB once the server is closed. */
  let shownHour: ChartData;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    // Rollups every second, so the 24-hour view has its minute buckets without waiting.
    harness = await startConsoleHarness({ models: (file) => file.role !== 'building', config: { rollupIntervalMs: 1000 } });
    t = harness.t;
    ingested = history(Date.now() - 5_000);
    const response = await fetch(`${t.server.httpUrl}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.server.devices.secrets.deviceToken}` },
      body: JSON.stringify({ sensor: SENSOR, readings: ingested }),
    });
    expect(await response.json()).toMatchObject({ accepted: ingested.length, rejected: 0 });
    page = await signIn(harness, OPERATOR.username, pageErrors);
    await sceneReady(page);
  }, 240_000);

  afterAll(() => harness?.close());

  it('PLAT-3 the KPI strip counts the reporting sensor online and names the loudest zone', async () => {
    const strip = page.locator('[data-testid=kpi-strip]');
    await expect.poll(() => strip.locator('[data-testid=kpi-online]').innerText(), { timeout: 10_000 }).toMatch(/\b1 \/ [\d,]+ 个/);
    await expect.poll(() => strip.locator('[data-testid=kpi-loudest]').innerText()).toContain('zone-a');
    expect(await strip.locator('[data-testid=kpi-loudest]').getAttribute('data-sensor-id')).toBe(SENSOR);
    expect(await strip.locator('[data-testid=kpi-worst-air]').innerText()).toContain('暂无');
    await page.screenshot({ path: join(SHOTS, 'kpi-strip.png') });
  }, 30_000);

  it('PLAT-3 opens the trend of a sensor from the properties panel, an hour of raw readings drawn', async () => {
    const search = page.locator('.twin-scene-search input');
    await search.fill(SENSOR);
    await search.press('Enter');
    await expect.poll(() => page.locator('.twin-scene-properties').getAttribute('data-selection'), { timeout: 15_000 }).toBe('sensor');
    await page.locator(`.twin-scene-properties [data-testid=trend-open][data-sensor-id="${SENSOR}"]`).click();
    await trendReady(page, 'raw');
    shownHour = await chartData(page);
    expect(shownHour.to - shownHour.from).toBe(HOUR);
    // An hour at 10 s: some 360 readings, all of them ingested ones.
    expect(shownHour.points.length).toBeGreaterThan(340);
    const byTime = new Map(ingested);
    for (const [tMs, value] of shownHour.points) expect(byTime.get(tMs)).toBe(value);
    await expect.poll(() => page.locator('[data-testid=trend-legend-value]').innerText()).toContain('dB(A)');
    await page.screenshot({ path: join(SHOTS, 'trend-1h-raw.png') });
  }, 60_000);

  it('PLAT-3 the chart holds exactly the rows of the same window queried from the server', async () => {
    const query = `/api/readings?sensor=${SENSOR}&from=${shownHour.from}&to=${shownHour.to}&resolution=raw&format=json`;
    const { rows } = (await (await t.http(query)).json()) as { rows: Array<{ tsMs: number; value: number }> };
    const inWindow = shownHour.points.filter(([tMs]) => tMs >= shownHour.from && tMs < shownHour.to);
    expect(inWindow).toEqual(rows.map((row) => [row.tsMs, row.value]));
  }, 30_000);

  it('PLAT-3 live readings published over MQTT are appended as the tail within two seconds', async () => {
    const device = await t.device('noise-gateway');
    const published: Array<[number, number]> = [];
    for (const value of [47.25, 43.5, 49.75]) {
      const tsMs = Date.now();
      published.push([tsMs, value]);
      const sentAtMs = Date.now();
      await device.publishAsync('twin/v1/telemetry', JSON.stringify({ sensor: SENSOR, readings: [[tsMs, value]] }), { qos: 1 });
      await expect
        .poll(async () => (await chartData(page)).points.some(([t, v]) => t === tsMs && v === value), { timeout: 2_000, interval: 50 })
        .toBe(true);
      expect(Date.now() - sentAtMs).toBeLessThan(2_000);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    const data = await chartData(page);
    expect(data.points.slice(-3)).toEqual(published);
    // Following: the view ends at now.
    expect(Date.now() - data.view[1]).toBeLessThan(3_000);
    await expect.poll(() => page.locator('[data-testid=trend-legend-value]').innerText()).toMatch(/49\.75/);
    await page.screenshot({ path: join(SHOTS, 'trend-1h-live-tail.png') });
  }, 30_000);

  it('PLAT-3 zooms by dragging a range and returns to the window with reset', async () => {
    const box = (await page.locator(`${CHART} .u-over`).boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.locator('[data-testid=trend-panel]').getAttribute('data-following')).toBe('false');
    const zoomed = await chartData(page);
    expect(zoomed.view[1] - zoomed.view[0]).toBeGreaterThan(0.25 * HOUR);
    expect(zoomed.view[1] - zoomed.view[0]).toBeLessThan(0.35 * HOUR);
    await page.screenshot({ path: join(SHOTS, 'trend-zoomed.png') });
    // Shift-drag pans: dragging 200 px to the right shows earlier readings, the span unchanged.
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5 + 200, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const panned = await chartData(page);
    const shiftMs = (200 / box.width) * (zoomed.view[1] - zoomed.view[0]);
    expect(panned.view[0]).toBeCloseTo(zoomed.view[0] - shiftMs, -3);
    expect(panned.view[1] - panned.view[0]).toBeCloseTo(zoomed.view[1] - zoomed.view[0], -1);
    await page.locator('[data-testid=trend-reset]').click();
    await expect.poll(() => page.locator('[data-testid=trend-panel]').getAttribute('data-following')).toBe('true');
    const span = async () => {
      const { view } = await chartData(page);
      return view[1] - view[0];
    };
    await expect.poll(span).toBe(HOUR);
  }, 30_000);

  it('ENV-4 the 24-hour view draws minute means with min/max bands and the limit stepping to 35 dB(A) at night', async () => {
    await page.locator('[data-testid=trend-panel] button[data-preset="24h"]').click();
    await trendReady(page, '1m');
    const day = await chartData(page);
    expect(day.to - day.from).toBe(24 * HOUR);
    expect(day.points.length).toBeGreaterThan(1000);
    expect(day.bandPoints).toBeGreaterThan(1000);
    expect(await page.locator('[data-testid=trend-panel]').innerText()).toContain('1 分钟均值');
    await page.screenshot({ path: join(SHOTS, 'trend-24h-rollups.png') });
    // The wheel zooms around the pointer: eight steps in, about four hours, still minute means.
    const box = (await page.locator(`${CHART} .u-over`).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -100);
    await expect.poll(() => page.locator('[data-testid=trend-panel]').getAttribute('data-following')).toBe('false');
    const zoomed = await chartData(page);
    expect((zoomed.view[1] - zoomed.view[0]) / HOUR).toBeCloseTo(24 * 0.8 ** 8, 1);
    expect(zoomed.resolution).toBe('1m');
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8);
    await page.screenshot({ path: join(SHOTS, 'trend-24h-wheel-zoomed.png') });
  }, 30_000);

  it('PROP-2 e the trend in English has no untranslated keys', async () => {
    await page.locator('[data-testid=trend-close]').click();
    await page.locator('.language-switch button', { hasText: 'English' }).click();
    await page.locator(`.twin-scene-properties [data-testid=trend-open][data-sensor-id="${SENSOR}"]`).click();
    await trendReady(page, 'raw');
    const texts = await visibleTexts(page);
    expect(texts.filter((text) => /^[a-z]+(\.[a-zA-Z0-9_-]+)+$/.test(text))).toEqual([]);
    expect(await page.locator('[data-testid=trend-panel]').innerText()).toContain('Raw readings');
    await page.screenshot({ path: join(SHOTS, 'trend-english.png') });
    await page.locator('[data-testid=trend-close]').click();
    await page.locator('.language-switch button', { hasText: '中文' }).click();
  }, 30_000);

  it('the page raised no errors', () => {
    expect(pageErrors).toEqual([]);
  });

  it('PLAT-3 the hour the chart showed equals a direct DuckDB query of the same window', async () => {
    await t.close({ keepData: true });
    const instance = await DuckDBInstance.create(join(t.dir, 'twin.duckdb'), { access_mode: 'READ_ONLY' });
    try {
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(
        'SELECT r.ts, r.value FROM readings r JOIN sensors s ON s.sensor_key = r.sensor_key WHERE s.sensor_id = $sensor AND r.ts >= $from AND r.ts < $to ORDER BY r.ts',
        { sensor: SENSOR, from: BigInt(shownHour.from), to: BigInt(shownHour.to) },
      );
      const stored = reader.getRowsJS().map(([ts, value]) => [Number(ts), Number(value)]);
      connection.closeSync();
      expect(stored.length).toBeGreaterThan(340);
      expect(shownHour.points.filter(([tMs]) => tMs >= shownHour.from && tMs < shownHour.to)).toEqual(stored);
    } finally {
      instance.closeSync();
    }
  }, 60_000);
});
