import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { defaultRegistryPath } from '@twin/models';
import type { SensorRegistry } from '@twin/protocol';
import type { BenchFigure, Benchmark } from './benchmark.ts';
import { startBenchServer } from './benchServer.ts';

/** The scene's standalone page (the scene and its panels, `?token=`, `?scene=naive`). */
const harnessDir = fileURLToPath(new URL('../../desktop/src/renderer/scene/harness/', import.meta.url));
const repoDir = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Software WebGL (SwiftShader): the figures compare builds on the same renderer, not GPUs. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWPORT = { width: 1280, height: 800 };
/** First load extracts all 34 buildings' geometry on the server: minutes on 2 cores. */
const LOAD_TIMEOUT_MS = 600_000;

/** What the harness page exposes (`window.sceneProbe`). */
interface SceneProbe {
  store: { getState(): { status: string; error?: string } };
  renderFrame(): { drawCalls: number; triangles: number; ms: number } | undefined;
}

/** Median of draw statistics over `frames` frames rendered on demand, after one warm-up frame. */
async function measure(browser: Browser, url: string, frames: number): Promise<{ drawCalls: number; triangles: number; ms: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    // These functions run in the page, where the harness defines `sceneProbe`.
    await page.waitForFunction(() => ['ready', 'error'].includes((globalThis as unknown as { sceneProbe?: SceneProbe }).sceneProbe?.store.getState().status ?? ''), null, { timeout: LOAD_TIMEOUT_MS, polling: 500 });
    const error = await page.evaluate(() => (globalThis as unknown as { sceneProbe: SceneProbe }).sceneProbe.store.getState().error);
    if (error !== undefined) throw new Error(`the scene did not load: ${error}`);
    // No named helpers in here: the bundler's name-keeping wrappers do not exist in the page.
    const samples = await page.evaluate((n) => {
      const { sceneProbe } = globalThis as unknown as { sceneProbe: SceneProbe };
      sceneProbe.renderFrame();
      return Array.from({ length: n }, () => sceneProbe.renderFrame()!);
    }, frames);
    const times = samples.map((s) => s.ms).sort((a, b) => a - b);
    return { drawCalls: samples[0]!.drawCalls, triangles: samples[0]!.triangles, ms: times[Math.floor(times.length / 2)]! };
  } finally {
    await page.close();
  }
}

async function startHarness(serverUrl: string): Promise<ViteDevServer> {
  const vite = await createServer({
    configFile: false,
    root: harnessDir,
    plugins: [react()],
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, fs: { allow: [repoDir] }, proxy: { '/api': serverUrl } },
  });
  await vite.listen();
  return vite;
}

/**
 * The community scene in headless Chromium against `twin serve` with the sample community:
 * draw calls and triangles of one frame as built (merged geometry per building category,
 * instanced pipes, nodes, sensors and cameras), and its frame time against the naive build (one
 * mesh per element, pipe segment, sensor and camera; `?scene=naive`) over the same frames.
 */
export const benchmark: Benchmark = {
  name: 'scene',
  async run(): Promise<BenchFigure[]> {
    const registry = JSON.parse(await readFile(defaultRegistryPath, 'utf8')) as SensorRegistry;
    const server = await startBenchServer(registry);
    let vite: ViteDevServer | undefined;
    let browser: Browser | undefined;
    try {
      vite = await startHarness(server.http);
      const address = vite.httpServer!.address() as { port: number };
      const page = `http://127.0.0.1:${address.port}/sceneHarness.html?token=${encodeURIComponent(server.sessionToken)}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      // The first load also fills the server's geometry cache, so both builds load alike after it.
      const merged = await measure(browser, page, 9);
      const naive = await measure(browser, `${page}&scene=naive`, 5);
      const again = await measure(browser, page, 9);
      const mergedMs = Math.min(merged.ms, again.ms);
      return [
        { name: 'scene_draw_calls', value: again.drawCalls, unit: 'calls' },
        { name: 'scene_triangles', value: again.triangles, unit: 'triangles' },
        { name: 'scene_frame_ms', value: mergedMs, unit: 'ms' },
        { name: 'scene_naive_draw_calls', value: naive.drawCalls, unit: 'calls' },
        { name: 'scene_naive_frame_ms', value: naive.ms, unit: 'ms' },
        // Frame time as built over the naive build's (below 1: faster), and its inverse.
        { name: 'scene_frame_time_ratio_vs_naive', value: mergedMs / naive.ms, unit: 'x' },
        { name: 'scene_speedup_vs_naive', value: naive.ms / mergedMs, unit: 'x' },
      ];
    } finally {
      await browser?.close();
      await vite?.close();
      await server.stop();
    }
  },
};
