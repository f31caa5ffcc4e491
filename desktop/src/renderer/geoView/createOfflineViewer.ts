import './cesiumBaseUrl.ts';
import { buildModuleUrl, Color, EllipsoidTerrainProvider, ImageryLayer, TileMapServiceImageryProvider, Viewer } from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';

/**
 * A Cesium viewer that needs nothing but the app's own origin (REQ PLAT-11; control rooms run
 * without internet): the Natural Earth II imagery bundled with Cesium as the base layer, the
 * ellipsoid as terrain, no Cesium ion (its token is never used), no geocoder and none of the
 * widgets that bind through knockout, whose bindings the CSP's `script-src` (no `unsafe-eval`)
 * would refuse. Renders on demand only.
 */
export function createOfflineViewer(container: HTMLElement): Viewer {
  const viewer = new Viewer(container, {
    baseLayer: ImageryLayer.fromProviderAsync(TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    terrainProvider: new EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    timeline: false,
    animation: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
  });
  // Natural Earth is a few kilometres a pixel: at the scale of a site, a plain ground reads better.
  viewer.scene.globe.baseColor = Color.fromCssColorString('#d8d4c8');
  viewer.scene.fog.enabled = false;
  return viewer;
}
