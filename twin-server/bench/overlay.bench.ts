import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { MqttClient } from 'mqtt';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { defaultRegistryPath } from '@twin/models';
import { SENSOR_KINDS, type SensorDefinition, type SensorKind, type SensorRegistry } from '@twin/protocol';
import type { BenchFigure, Benchmark } from './benchmark.ts';
import { startBenchServer } from './benchServer.ts';
import { connectDevices } from './mqttLoad.ts';

/** The scene's standalone page (`?token=`, `?live`: readings over socket.io). */
const harnessDir = fileURLToPath(new URL('../../desktop/src/renderer/scene/harness/', import.meta.url));
const repoDir = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Software WebGL (SwiftShader): the figures compare the overlay on and off on the same renderer, not GPUs. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWPORT = { width: 1280, height: 800 };
/** First load extracts all 34 buildings' geometry on the server. */
const LOAD_TIMEOUT_MS = 600_000;
/** Sensors added to the sample community's, outdoors across the site, so that 5,000+ report. */
const EXTRA_SENSORS = 1_200;
const OUTDOOR_KINDS: SensorKind[] = ['noise', 'pm25', 'temperature', 'illuminance'];
/** Gateways publishing the load, each a share of the sensors once a second. */
const GATEWAYS = 4;
/** The overlay measured: a ground field and storey bands. */
const OVERLAY = 'noise';
const FRAMES = 9;
const WINDOW_MS = 10_000;

/** What the harness page exposes (`window.sceneProbe`). */
interface SceneProbe {
  store: { getState(): { status: string; error?: string }; update(patch: { overlay: string }): void };
  renderFrame(): { ms: number } | undefined;
  runtime(): { overlay: { stats(): { busyMs: number; frames: number }; live: { markers: { sensors: unknown[] }; telemetry: { versions: Uint32Array } } | undefined } } | undefined;
}

/** The sample registry plus {@link EXTRA_SENSORS} outdoor sensors on a grid over its outdoor sensors' extent, reporting every second. */
function benchRegistry(sample: SensorRegistry): SensorRegistry {
  const outdoor = sample.sensors.filter((s) => s.location.placement === 'outdoor');
  const [west, east] = [Math.min(...outdoor.map((s) => s.location.lon)), Math.max(...outdoor.map((s) => s.location.lon))];
  const [south, north] = [Math.min(...outdoor.map((s) => s.location.lat)), Math.max(...outdoor.map((s) => s.location.lat))];
  const columns = Math.ceil(Math.sqrt(EXTRA_SENSORS));
  const template = (kind: SensorKind) => outdoor.find((s) => s.kind === kind)!;
  const extra = Array.from({ length: EXTRA_SENSORS }, (_, i): SensorDefinition => {
    const kind = OUTDOOR_KINDS[i % OUTDOOR_KINDS.length]!;
    const [c, r] = [i % columns, Math.floor(i / columns)];
    const { thresholds, range } = template(kind);
    return {
      id: `BENCH-${kind}-${String(i).padStart(4, '0')}`,
      kind,
      unit: SENSOR_KINDS[kind].unit,
      name: `基准测点 ${i}`,
      location: { lon: west + ((east - west) * (c + 0.5)) / columns, lat: south + ((north - south) * (r + 0.5)) / columns, heightM: 1.5, area: 'zone-a', placement: 'outdoor' },
      samplingIntervalS: 1,
      ...(range === undefined ? {} : { range }),
      ...(thresholds === undefined ? {} : { thresholds }),
    };
  });
  return { ...sample, sensors: [...sample.sensors, ...extra] };
}

/** A value inside a sensor's limits and range (no alarms, no leaks: nothing animates), jittered by `jitter` (−1..1). */
function normalValue(sensor: SensorDefinition, jitter: number): number {
  const { low, high } = sensor.thresholds?.day ?? {};
  const { min, max } = sensor.range ?? { min: 0, max: 100 };
  const base = low !== undefined && high !== undefined ? (low + high) / 2 : high !== undefined ? 0.5 * high : low !== undefined ? 1.3 * low : min + 0.3 * (max - min);
  const value = base * (1 + 0.03 * jitter);
  return sensor.kind === 'gas_lel' ? Math.min(value, 5) : Math.min(max, Math.max(min, value));
}

/** Every sensor once a second, spread over the gateways (gateway batches, QoS 0). Returns the stop function. */
function oneHertzLoad(devices: MqttClient[], sensors: SensorDefinition[]): () => void {
  const publish = () => {
    const now = Date.now();
    devices.forEach((device, d) => {
      const batches = sensors.filter((_, i) => i % devices.length === d).map((s) => ({ sensor: s.id, readings: [[now, normalValue(s, Math.random() * 2 - 1)]] }));
      device.publish('twin/v1/telemetry', JSON.stringify(batches), { qos: 0 });
    });
  };
  publish();
  const timer = setInterval(publish, 1000);
  return () => clearInterval(timer);
}

async function startHarness(serverUrl: string): Promise<ViteDevServer> {
  const vite = await createServer({
    configFile: false,
    root: harnessDir,
    plugins: [react()],
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, fs: { allow: [repoDir] }, proxy: { '/api': serverUrl, '/socket.io': { target: serverUrl, ws: true } } },
  });
  await vite.listen();
  return vite;
}

/** Median frame time over {@link FRAMES} frames rendered now, after a warm-up frame. */
async function frameMs(page: Page): Promise<number> {
  // No named helpers in here: the bundler's name-keeping wrappers do not exist in the page.
  const times = await page.evaluate((n) => {
    const { sceneProbe } = globalThis as unknown as { sceneProbe: SceneProbe };
    sceneProbe.renderFrame();
    return Array.from({ length: n }, () => sceneProbe.renderFrame()!.ms);
  }, FRAMES);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function setOverlay(page: Page, overlay: string): Promise<void> {
  await page.evaluate((o) => (globalThis as unknown as { sceneProbe: SceneProbe }).sceneProbe.store.update({ overlay: o }), overlay);
  if (overlay !== 'none') await page.locator(`canvas[data-overlay-ready="${overlay}"]`).waitFor({ timeout: 30_000 });
}

/**
 * Live overlays of the community scene in headless Chromium against `twin serve` with the sample
 * community and 5,000+ sensors reporting once a second over MQTT: the frame time with the noise
 * overlay on (ground field and storey bands) over the frame time with it off, and the main-thread
 * time the overlays take (live frames into typed arrays, sweeps, per-frame buffer writes) per
 * frame drawn and per second, while the load runs. The field's interpolation runs on a worker and
 * is not counted.
 */
export const benchmark: Benchmark = {
  name: 'overlay',
  async run(): Promise<BenchFigure[]> {
    const registry = benchRegistry(JSON.parse(await readFile(defaultRegistryPath, 'utf8')) as SensorRegistry);
    const server = await startBenchServer(registry);
    let vite: ViteDevServer | undefined;
    let browser: Browser | undefined;
    let devices: MqttClient[] = [];
    let stopLoad: (() => void) | undefined;
    try {
      vite = await startHarness(server.http);
      const address = vite.httpServer!.address() as { port: number };
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(`http://127.0.0.1:${address.port}/sceneHarness.html?token=${encodeURIComponent(server.sessionToken)}&live`);
      await page.waitForFunction(() => ['ready', 'error'].includes((globalThis as unknown as { sceneProbe?: SceneProbe }).sceneProbe?.store.getState().status ?? ''), null, { timeout: LOAD_TIMEOUT_MS, polling: 500 });
      const error = await page.evaluate(() => (globalThis as unknown as { sceneProbe: SceneProbe }).sceneProbe.store.getState().error);
      if (error !== undefined) throw new Error(`the scene did not load: ${error}`);
      await page.locator('canvas[data-live=live]').waitFor({ timeout: 30_000 });
      devices = await connectDevices(server.mqtt, server.deviceToken, GATEWAYS, 'overlay-bench');
      stopLoad = oneHertzLoad(devices, registry.sensors);
      await page.waitForTimeout(5_000);

      const off: number[] = [];
      const on: number[] = [];
      for (let round = 0; round < 2; round++) {
        await setOverlay(page, 'none');
        off.push(await frameMs(page));
        await setOverlay(page, OVERLAY);
        on.push(await frameMs(page));
      }
      const [offMs, onMs] = [Math.min(...off), Math.min(...on)];

      // Overlay time and frames so far, and readings applied so far (every sensor's count of new values).
      const stats = () =>
        page.evaluate(() => {
          const { overlay } = (globalThis as unknown as { sceneProbe: SceneProbe }).sceneProbe.runtime()!;
          return { ...overlay.stats(), readings: overlay.live!.telemetry.versions.reduce((sum, v) => sum + v, 0), sensors: overlay.live!.markers.sensors.length };
        });
      const before = await stats();
      await page.waitForTimeout(WINDOW_MS);
      const after = await stats();
      const busyMs = after.busyMs - before.busyMs;
      const frames = Math.max(1, after.frames - before.frames);
      return [
        { name: 'overlay_sensors', value: after.sensors, unit: 'sensors' },
        { name: 'overlay_readings_per_s', value: (after.readings - before.readings) / (WINDOW_MS / 1000), unit: 'readings/s' },
        { name: 'overlay_frame_ms_off', value: offMs, unit: 'ms' },
        { name: 'overlay_frame_ms_on', value: onMs, unit: 'ms' },
        { name: 'overlay_frame_time_ratio', value: onMs / offMs, unit: 'x' },
        { name: 'overlay_main_thread_ms_per_frame', value: busyMs / frames, unit: 'ms' },
        { name: 'overlay_main_thread_ms_per_s', value: busyMs / (WINDOW_MS / 1000), unit: 'ms' },
        { name: 'overlay_frames_per_s', value: frames / (WINDOW_MS / 1000), unit: 'frames' },
      ];
    } finally {
      stopLoad?.();
      await Promise.all(devices.map((d) => d.endAsync(true)));
      await browser?.close();
      await vite?.close();
      await server.stop();
    }
  },
};
