import { createReadStream } from 'node:fs';
import { cp, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Where the renderer finds Cesium's static files, relative to its `index.html` (`CESIUM_BASE_URL`). */
export const CESIUM_BASE_PATH = 'cesium';

/** The folders of Cesium's build that it loads at run time: web workers, imagery and icons, widget styles, WASM decoders. */
const FOLDERS = ['Workers', 'Assets', 'Widgets', 'ThirdParty'] as const;

/**
 * Knockout (bundled in Cesium for its widgets) finds the global object with `this || (0,eval)("this")`
 * when its module is evaluated; in an ES module `this` is undefined, so it evaluates a string,
 * which the CSP (no `'unsafe-eval'`) refuses, and Cesium fails to load. `globalThis` is what it wants.
 */
const KNOCKOUT_GLOBAL_LOOKUP = '(0,eval)("this")';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

/**
 * Serves Cesium offline from the app's own origin (REQ PLAT-11 security by default: nothing from
 * a CDN, the strict CSP holds): copies `cesium/Build/Cesium/{Workers,Assets,Widgets,ThirdParty}`
 * to `<outDir>/cesium/` after the bundle is written, serves the same files at `/cesium/` from the
 * dev server, and resolves `cesium` to the package's prebuilt ES module, one file the bundler
 * passes through quickly instead of the thousands of modules of its sources, with its one string
 * evaluation replaced ({@link KNOCKOUT_GLOBAL_LOOKUP}).
 */
export function cesiumAssets(): Plugin {
  const build = join(dirname(createRequire(import.meta.url).resolve('cesium/package.json')), 'Build', 'Cesium');
  const entry = join(build, 'index.js');
  let outDir = '';
  return {
    name: 'twin-cesium-assets',
    config: () => ({ resolve: { alias: [{ find: /^cesium$/, replacement: entry }] } }),
    transform(code, id) {
      if (normalize(id) !== entry) return null;
      const parts = code.split(KNOCKOUT_GLOBAL_LOOKUP);
      if (parts.length !== 2) this.error(`expected one ${KNOCKOUT_GLOBAL_LOOKUP} in ${entry}, found ${parts.length - 1}: check the CSP fix against this Cesium version`);
      return { code: parts.join('globalThis'), map: null };
    },
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await Promise.all(FOLDERS.map((folder) => cp(join(build, folder), join(outDir, CESIUM_BASE_PATH, folder), { recursive: true })));
    },
    configureServer(server) {
      server.middlewares.use(`/${CESIUM_BASE_PATH}/`, (request, response, next) => {
        const path = normalize(join(build, decodeURIComponent((request.url ?? '').split('?')[0] ?? '')));
        const inside = FOLDERS.some((folder) => path.startsWith(join(build, folder) + sep));
        if (!inside) return next();
        stat(path).then(
          (info) => {
            if (!info.isFile()) return next();
            response.setHeader('content-type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
            createReadStream(path).pipe(response);
          },
          () => next(),
        );
      });
    },
  };
}
