import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CAMERA_STREAM_OPTIONS } from '../../../twin-server/src/cameras/cameraStreamOptions.ts';
import { OPERATOR, signIn, startConsoleHarness, type ConsoleHarness } from './consoleHarness.ts';
import { visibleTexts } from './visibleTexts.ts';

// End-to-end: live camera video in the production build, from a real twin server (ffmpeg making
// HLS), in Chromium decoding in software. A test-pattern camera from the scene's properties panel
// and the camera wall; a clip camera below indicator 32; a camera beyond the server's stream
// limit. Screenshots go to /tmp/camera-shots.

const SHOTS = join(tmpdir(), 'camera-shots');
/** Test-pattern cameras of the sample community (`pattern:<n>` sources, 25 fps CIF). */
const PATTERN = 'B01/CAM-1';
const MORE_PATTERNS = ['B02/CAM-1', 'B03/CAM-1'];
/** A car-park camera whose source is a clip of the shared test data (12.5 fps). */
const CLIP = 'P01/CAM-1';
/** The clip: intel-iot-devkit/sample-videos `car-detection.mp4`, CC-BY-4.0. */
const CLIPS = fileURLToPath(new URL('../../../../shared/data/camera/intel-iot-sample-videos/', import.meta.url));
/** Encoders the server may run at once in this test: one more camera than the wall below plays. */
const MAX_ENCODERS = 4;

/** What a player element reports (`CameraPlayer`), with its video's playback position. */
interface PlayerReport {
  state: string;
  frames: number;
  fps: number | undefined;
  width: number | undefined;
  height: number | undefined;
  currentTime: number;
}

async function report(player: Locator): Promise<PlayerReport> {
  return player.evaluate((element) => {
    const number = (name: string) => (element.getAttribute(name) === '' ? undefined : Number(element.getAttribute(name)));
    return {
      state: element.getAttribute('data-state') ?? '',
      frames: number('data-frames') ?? 0,
      fps: number('data-fps'),
      width: number('data-width'),
      height: number('data-height'),
      currentTime: element.querySelector('video')!.currentTime,
    };
  });
}

/** Waits until the player has played for `ms` past its first second; returns the reports at both ends. */
async function measure(page: Page, player: Locator, ms = 2000): Promise<[PlayerReport, PlayerReport]> {
  await expect.poll(async () => (await report(player)).state, { timeout: 30_000 }).toBe('playing');
  await expect.poll(async () => (await report(player)).fps, { timeout: 10_000 }).toBeDefined();
  const before = await report(player);
  await page.waitForTimeout(ms);
  return [before, await report(player)];
}

const player = (scope: Page | Locator, cameraId: string) => scope.locator(`[data-testid=camera-player][data-camera-id="${cameraId}"]`);

describe('live camera video (GOV-3 video surveillance, EVAL-1 indicator 32; real server, real Chromium)', () => {
  let harness: ConsoleHarness;
  let page: Page;
  const pageErrors: string[] = [];
  const policyViolations: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    harness = await startConsoleHarness({
      models: (file) => file.role !== 'building' || file.path === 'ifc/B01.ifc',
      config: { cameraStreams: { ...DEFAULT_CAMERA_STREAM_OPTIONS, maxEncoders: MAX_ENCODERS } },
    });
    page = await signIn(harness, OPERATOR.username, pageErrors, (p) => {
      p.on('request', (request) => requests.push(request.url()));
      p.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
      });
    });
    await page.locator('.twin-scene[data-status=ready]').waitFor({ timeout: 150_000 });
  }, 240_000);

  afterAll(() => harness?.close());

  it('GOV-3 PLAT-3 selecting a pattern camera in the scene plays its video, frames advancing at 25 fps CIF (EVAL-1)', async () => {
    const search = page.locator('.twin-scene-search input');
    await search.fill(PATTERN);
    await search.press('Enter');
    await expect.poll(() => page.locator('.twin-scene-properties').getAttribute('data-selection'), { timeout: 15_000 }).toBe('camera');
    expect(await page.locator('.twin-scene-ids').innerText()).toContain(PATTERN);
    const video = player(page.locator('[data-testid=camera-live]'), PATTERN);
    const [before, after] = await measure(page, video);
    console.info(`pattern camera ${PATTERN} in the properties panel: ${after.frames - before.frames} frames and ${(after.currentTime - before.currentTime).toFixed(2)} s of video in 2 s; ${after.fps} fps measured; ${after.width}×${after.height}`);
    expect(after.frames - before.frames).toBeGreaterThan(40);
    expect(after.currentTime - before.currentTime).toBeGreaterThan(1.5);
    expect(after.fps).toBeGreaterThanOrEqual(20);
    expect([after.width, after.height]).toEqual([352, 288]);
    await expect.poll(() => video.locator('[data-testid=camera-declared]').innerText(), { timeout: 10_000 }).toBe('视频源 25 帧/秒 · 352×288');
    expect(await video.locator('[data-testid=camera-measured]').innerText()).toMatch(/^实测 \d+ 帧\/秒 · 352×288$/);
    expect(await video.locator('[data-testid=camera-below-minimum]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'camera-properties-panel.png') });
  }, 90_000);

  it('GOV-3 adds the selected camera to the camera wall, which plays it and remembers it after a reload', async () => {
    await page.locator('[data-testid=camera-add-to-wall]').click();
    await expect.poll(() => page.locator('[data-testid=camera-add-to-wall]').innerText()).toBe('已在监控墙上');
    await page.locator('[data-testid=camera-live] button', { hasText: '打开监控墙' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/cameras');
    const wall = page.locator('[data-testid=camera-wall]');
    await expect.poll(async () => (await report(player(wall, PATTERN))).state, { timeout: 30_000 }).toBe('playing');
    await page.reload();
    await expect.poll(async () => (await report(player(page.locator('[data-testid=camera-wall]'), PATTERN))).state, { timeout: 30_000 }).toBe('playing');
    const stored = await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('twin.cameraWall.')));
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]![1]).cameras).toEqual([PATTERN]);
  }, 90_000);

  it.skipIf(!existsSync(join(CLIPS, 'car-detection.mp4')))(
    'EVAL-1 a clip camera (car-detection.mp4 of intel-iot-devkit/sample-videos, CC-BY-4.0) plays with the warning that it is below 25 fps',
    async () => {
      await page.locator('[data-testid=camera-search]').fill(CLIP);
      await page.locator(`.camera-picker-item[data-camera-id="${CLIP}"]`).click();
      const video = player(page.locator('[data-testid=camera-wall]'), CLIP);
      const [before, after] = await measure(page, video);
      console.info(`clip camera ${CLIP} on the wall: ${after.frames - before.frames} frames and ${(after.currentTime - before.currentTime).toFixed(2)} s of video in 2 s; ${after.fps} fps measured; ${after.width}×${after.height}`);
      expect(after.frames - before.frames).toBeGreaterThan(15);
      expect(after.currentTime - before.currentTime).toBeGreaterThan(1.5);
      expect(after.fps).toBeGreaterThanOrEqual(10);
      expect(after.fps).toBeLessThan(20);
      expect([after.width, after.height]).toEqual([768, 432]);
      const warning = video.locator('[data-testid=camera-below-minimum]');
      await expect.poll(() => warning.innerText(), { timeout: 10_000 }).toContain('视频源帧率不足');
      expect(await warning.innerText()).toContain('低于指标 32');
      expect(await video.locator('[data-testid=camera-declared]').innerText()).toBe('视频源 12.5 帧/秒 · 768×432');
      await page.screenshot({ path: join(SHOTS, 'camera-wall-clip-below-minimum.png') });
    },
    90_000,
  );

  it('GOV-3 shows nine tiles, and a camera beyond the server stream limit says too many streams play at once', async () => {
    await page.locator('.camera-layouts button[data-layout="9"]').click();
    await expect.poll(() => page.locator('[data-testid=camera-wall] > .camera-tile').count()).toBe(9);
    await page.locator('[data-testid=camera-search]').fill('');
    const playing = existsSync(join(CLIPS, 'car-detection.mp4')) ? [PATTERN, CLIP] : [PATTERN];
    const added = [...MORE_PATTERNS, 'B04/CAM-1', 'B05/CAM-1'].slice(0, MAX_ENCODERS + 1 - playing.length);
    for (const id of added) await page.locator(`.camera-picker-item[data-camera-id="${id}"]`).click();
    const wall = page.locator('[data-testid=camera-wall]');
    const allowed = [...playing, ...added].slice(0, MAX_ENCODERS);
    for (const id of allowed) await expect.poll(async () => (await report(player(wall, id))).state, { timeout: 30_000 }).toBe('playing');
    const refused = player(wall, added.at(-1)!);
    await expect.poll(async () => (await report(refused)).state, { timeout: 30_000 }).toBe('error');
    expect(await refused.locator('[data-testid=camera-failure]').innerText()).toContain('同时播放的视频流已达上限');
    await page.screenshot({ path: join(SHOTS, 'camera-wall-nine-tiles-busy.png') });
    // Taking a camera off frees its stream for another once nobody fetches it any more (10 s): a retry then plays.
    await page.locator(`.camera-tile[data-camera-id="${MORE_PATTERNS[0]}"] .camera-tile-remove`).click();
    await expect.poll(() => page.locator('[data-testid=camera-wall] [data-testid=camera-player]').count()).toBe(allowed.length);
    await page.waitForTimeout(11_000);
    await refused.locator('[data-testid=camera-failure] button').click();
    await expect.poll(async () => (await report(refused)).state, { timeout: 30_000 }).toBe('playing');
  }, 150_000);

  it('GOV-3 opens the wall as its own window (#/window/cameras) with the same cameras', async () => {
    await page.goto(`${harness.t.server.httpUrl}/#/window/cameras`);
    await page.locator('.cameras-window').waitFor();
    expect(await page.locator('.cameras-window .top-bar').count()).toBe(0);
    await expect.poll(async () => (await report(player(page.locator('[data-testid=camera-wall]'), PATTERN))).state, { timeout: 30_000 }).toBe('playing');
    await page.screenshot({ path: join(SHOTS, 'camera-window.png') });
  }, 60_000);

  it('PROP-2 e the camera wall in English has no untranslated keys', async () => {
    await page.locator('.language-switch button', { hasText: 'English' }).click();
    await expect.poll(() => page.locator('.cameras-window-bar').innerText()).toContain('Camera wall');
    await expect.poll(() => player(page, PATTERN).locator('[data-testid=camera-declared]').innerText()).toBe('Source 25 fps · 352×288');
    const texts = await visibleTexts(page);
    expect(texts.filter((text) => /^[a-z]+(\.[a-zA-Z0-9_-]+)+$/.test(text))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'camera-window-english.png') });
    await page.locator('.language-switch button', { hasText: '中文' }).click();
  }, 60_000);

  it('the page raised no errors and broke no content security policy; HLS was demuxed in the bundled worker', () => {
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
    expect(requests.filter((url) => /\/assets\/hls\.worker-[\w-]+\.js$/.test(url)).length).toBeGreaterThan(0);
  });
});
