import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cesiumAssets } from './cesiumAssets.ts';

/** Where `vite` (dev server) forwards API and socket.io requests: a running `twin serve`. */
const twinServerUrl = process.env['TWIN_SERVER_URL'] ?? 'http://127.0.0.1:8080';

/**
 * The renderer's build: one self-contained directory (`dist/renderer`) with relative URLs, so the
 * twin server can serve it at `/` and the desktop shell can load it from its own origin. Every
 * asset is bundled, Cesium's static files copied beside it (`cesiumAssets.ts`); nothing comes from
 * a CDN.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react(), cesiumAssets()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
  },
  server: {
    proxy: {
      // The server's API, but not the renderer's own `api/` modules the dev server serves.
      '^/api/(?!.*\\.tsx?(\\?|$))': twinServerUrl,
      '/socket.io': { target: twinServerUrl, ws: true },
    },
  },
});
