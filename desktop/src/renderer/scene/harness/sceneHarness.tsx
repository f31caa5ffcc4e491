/**
 * A standalone page with the scene and both panels, against a running twin server: for
 * development, and for `twin-server/bench/scene.bench.ts` and `overlay.bench.ts`. Served by Vite
 * with `/api` proxied to the server; `?token=<operator token>`, `?lang=en`, `?scene=naive` (the
 * unmerged baseline), `?live` (live readings over socket.io, `/socket.io` proxied too, into one
 * live telemetry that the scene and the properties panel share, as in the console).
 * `window.sceneProbe` exposes the store and frame statistics to automation.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@twin/protocol';
import type { TwinSocket } from '../../session/liveConnection.ts';
import { ServerClock } from '../../session/serverClock.ts';
import { LiveTelemetry } from '../../telemetry/liveTelemetry.ts';
import { loadSensorDirectory } from '../../telemetry/useLiveTelemetry.ts';
import { networkColor } from '../build/utilityColors.ts';
import { CommunityScene, LayerPanel, PropertiesPanel } from '../CommunityScene.tsx';
import { sceneRuntime } from '../sceneRuntime.ts';
import { sceneStore } from '../sceneStore.ts';

const params = new URLSearchParams(location.search);
const token = params.get('token') ?? '';
const api = {
  get: (path: string, init?: RequestInit) => fetch(path, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), authorization: `Bearer ${token}` } }),
};
const socket: TwinSocket | undefined = params.has('live') ? io({ transports: ['websocket'], auth: { token, protocolVersion: PROTOCOL_VERSION } }) : undefined;
const telemetry = socket === undefined ? undefined : new LiveTelemetry({ socket, clock: new ServerClock(), loadDirectory: (signal) => loadSensorDirectory(api, signal) });
telemetry?.start();

/**
 * Share of pixels of each colour (at any shading: a pixel counts when it lies within `tolerance`
 * of the colour scaled by 0.5..1.2, as light and shadow scale it), and of pixels unlike the
 * background, in a frame rendered now.
 */
function pixelStats(colors: Record<string, number>, background: number, tolerance = 28): { covered: number; colors: Record<string, number> } {
  sceneRuntime()?.renderFrame();
  const canvas = document.querySelector('canvas')!;
  const gl = canvas.getContext('webgl2')!;
  const [w, h] = [gl.drawingBufferWidth, gl.drawingBufferHeight];
  const pixels = new Uint8Array(4 * w * h);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  const rgb = (c: number) => [c >> 16, (c >> 8) & 255, c & 255] as const;
  const targets = Object.entries(colors).map(([name, c]) => [name, rgb(c)] as const);
  const counts: Record<string, number> = Object.fromEntries(targets.map(([k]) => [k, 0]));
  const bg = rgb(background);
  let covered = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
    if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 12) covered++;
    for (const [name, [cr, cg, cb]] of targets) {
      const k = Math.min(1.2, Math.max(0.5, (r * cr + g * cg + b * cb) / (cr * cr + cg * cg + cb * cb)));
      if (Math.hypot(r - k * cr, g - k * cg, b - k * cb) <= tolerance) counts[name]!++;
    }
  }
  const n = w * h;
  return { covered: covered / n, colors: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) };
}

Object.assign(window, {
  sceneProbe: {
    store: sceneStore,
    runtime: sceneRuntime,
    renderFrame: () => sceneRuntime()?.renderFrame(),
    pixelStats,
    networkColor,
  },
});

await i18next.use(initReactI18next).init({ lng: params.get('lang') ?? 'zh-CN', resources: {}, interpolation: { escapeValue: false } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LayerPanel />
    <CommunityScene api={api} telemetry={telemetry} />
    <PropertiesPanel telemetry={telemetry} />
  </StrictMode>,
);
