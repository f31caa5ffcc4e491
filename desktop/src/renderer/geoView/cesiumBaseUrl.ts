declare global {
  interface Window {
    /** Where Cesium loads its workers, imagery and styles from; read when it first needs one. */
    CESIUM_BASE_URL?: string;
  }
}

/**
 * Cesium's static files, copied beside the renderer's `index.html` by `desktop/cesiumAssets.ts`
 * (its `CESIUM_BASE_PATH`): served by the app's own origin, so the map works offline and under the
 * CSP. Importing this module sets `window.CESIUM_BASE_URL`; import it before `cesium`.
 */
export const CESIUM_BASE_URL = new URL('cesium/', document.baseURI).href;

window.CESIUM_BASE_URL = CESIUM_BASE_URL;
