import { useEffect, useRef, type JSX, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { MathUtils, type PerspectiveCamera } from 'three';
import { loadCommunity } from './load/loadCommunity.ts';
import type { SceneApi } from './load/fetchBytes.ts';
import { CameraRig } from './render/cameraRig.ts';
import { CommunityModel } from './render/communityModel.ts';
import type { EquipmentLookup } from './render/drillDown.ts';
import { flyToSelection } from './render/flyToSelection.ts';
import { SceneOverlay } from './overlays/sceneOverlay.ts';
import { attachPicking } from './render/pointerPicking.ts';
import { sceneBuildMode } from './sceneBuildMode.ts';
import { SceneCatalog } from './sceneCatalog.ts';
import { setSceneRuntime, type SceneRuntime } from './sceneRuntime.ts';
import { sceneStore, type SceneState } from './sceneStore.ts';
import { sceneStrings } from './sceneStrings.ts';
import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';

/** DOM overlays the scene updates directly (never through React state). */
export interface SceneOverlays {
  tooltip: RefObject<HTMLDivElement | null>;
  northArrow: RefObject<HTMLDivElement | null>;
  scaleBar: RefObject<HTMLDivElement | null>;
  scaleLabel: RefObject<HTMLSpanElement | null>;
  /** Current UI language, read when labels are made. */
  language: RefObject<string>;
  /** The legend's heat-island intensity and reference temperature (REQ ENV-2), written as readings arrive. */
  heatIntensity: RefObject<HTMLSpanElement | null>;
  heatReference: RefObject<HTMLSpanElement | null>;
}

/** Nice scale bar lengths, metres. */
const SCALE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];
const SCALE_BAR_MAX_PX = 120;

/**
 * Lives inside the Canvas: builds the community model, the camera rig, picking and the live
 * overlays (reading `telemetry`, the console's live telemetry, when given), loads the community, and re-applies
 * the store to the scene when it changes. Renders on demand only; the overlays' per-frame work
 * runs in `useFrame`, outside React.
 */
export function SceneContent({ api, overlays, telemetry }: { api: SceneApi; overlays: SceneOverlays; telemetry?: LiveTelemetry | undefined }): JSX.Element | null {
  const { camera, gl, scene, invalidate } = useThree();
  const overlayRef = useRef<SceneOverlay>(undefined);
  useFrame(() => overlayRef.current?.frame(performance.now()));

  useEffect(() => {
    gl.localClippingEnabled = true;
    const model = new CommunityModel(sceneBuildMode() === 'naive');
    const catalog = new SceneCatalog();
    const rig = new CameraRig(camera as PerspectiveCamera, gl.domElement, () => invalidate());
    const equipment: EquipmentLookup = (building, element) => catalog.equipment(model.buildings.model(building)?.elements.globalIds[element] ?? '');
    const overlay = new SceneOverlay({ invalidate: () => invalidate(), element: gl.domElement, readout: (heat) => showHeatReadout(overlays, heat) }, model, catalog, telemetry);
    overlayRef.current = overlay;
    scene.add(model.root, overlay.root);
    const runtime: SceneRuntime = {
      api,
      catalog,
      model,
      rig,
      overlay,
      flyTo(selection) {
        flyToSelection(selection, { model, catalog, store: sceneStore, rig, equipment });
      },
      fitAll() {
        const extent = model.extent();
        if (extent !== undefined) rig.frame(extent, { minElevationDeg: 35 });
      },
      renderFrame() {
        const context = gl.getContext();
        const pixel = new Uint8Array(4);
        const started = performance.now();
        gl.render(scene, camera);
        // Reading a pixel waits for the frame to be drawn (the GPU, or SwiftShader, works asynchronously).
        context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, pixel);
        const ms = performance.now() - started;
        return { drawCalls: gl.info.render.calls, triangles: gl.info.render.triangles, ms };
      },
    };
    sceneStore.reset();
    setSceneRuntime(runtime);

    // Only what the drawing depends on re-applies and re-renders (not loading progress).
    let applied: SceneState | undefined;
    const apply = (force: boolean) => {
      const state = sceneStore.getState();
      const same = (key: 'layers' | 'xray' | 'section' | 'isolated' | 'selection' | 'overlay') => applied !== undefined && applied[key] === state[key];
      if (!force && same('layers') && same('xray') && same('section') && same('isolated') && same('selection') && same('overlay')) return;
      model.apply(state);
      const sensors = model.sensorLayer;
      if (sensors !== undefined && overlay.live?.markers !== sensors.markers) overlay.setSensors(sensors);
      overlay.apply(state, force);
      if (force || !same('selection') || !same('isolated')) model.highlight(state.selection, state.isolated);
      applied = state;
      invalidate();
    };
    const unsubscribe = sceneStore.subscribe(() => apply(false));
    const stopOverlays = rig.onChange(() => {
      const heightPx = gl.domElement.clientHeight;
      model.setPixelAngle(MathUtils.degToRad((camera as PerspectiveCamera).fov) / Math.max(1, heightPx));
      updateOverlays(rig, overlays, heightPx);
    });
    const detach = attachPicking({
      element: gl.domElement,
      camera: camera as PerspectiveCamera,
      model,
      catalog,
      store: sceneStore,
      strings: () => ({ s: sceneStrings(overlays.language.current), lang: overlays.language.current }),
      tooltip: (text, x, y) => showTooltip(overlays.tooltip.current, text, x, y),
      equipment,
      flyToSelection: () => {
        const selection = sceneStore.getState().selection;
        if (selection !== null) runtime.flyTo(selection);
      },
    });
    const abort = new AbortController();
    void loadCommunity(api, { model, catalog, store: sceneStore, changed: () => apply(true), framed: (frame) => {
      const extent = model.extent();
      if (extent === undefined) return;
      rig.frame(extent, { durationMs: 0, minElevationDeg: 35 });
      overlay.setGround(frame, extent);
    } }, abort.signal);
    return () => {
      abort.abort();
      unsubscribe();
      stopOverlays();
      detach();
      setSceneRuntime(undefined);
      scene.remove(model.root, overlay.root);
      overlayRef.current = undefined;
      overlay.dispose();
      rig.dispose();
      model.dispose();
    };
  }, [api, camera, gl, scene, invalidate, overlays, telemetry]);

  return null;
}

function showTooltip(element: HTMLDivElement | null, text: string | undefined, x: number, y: number): void {
  if (element === null) return;
  element.hidden = text === undefined;
  if (text === undefined) return;
  element.textContent = text;
  element.style.transform = `translate(${x + 14}px, ${y + 14}px)`;
}

/** Writes the heat-island readout of the legend: intensity (signed) and reference, °C; blank without live values. */
function showHeatReadout(overlays: SceneOverlays, heat: { intensityC: number; referenceC: number } | undefined): void {
  const [intensity, reference] = [overlays.heatIntensity.current, overlays.heatReference.current];
  if (intensity !== null) intensity.textContent = heat === undefined ? '—' : `${heat.intensityC >= 0 ? '+' : ''}${heat.intensityC.toFixed(1)} °C`;
  if (reference !== null) reference.textContent = heat === undefined ? '—' : `${heat.referenceC.toFixed(1)} °C`;
}

/** North arrow turned against the view heading; scale bar of a round length at the target distance. */
function updateOverlays(rig: CameraRig, overlays: SceneOverlays, heightPx: number): void {
  const arrow = overlays.northArrow.current;
  if (arrow !== null) arrow.style.transform = `rotate(${(-rig.heading() * 180) / Math.PI}deg)`;
  const bar = overlays.scaleBar.current;
  const label = overlays.scaleLabel.current;
  if (bar === null || label === null) return;
  const metresPerPx = rig.metresPerPixel(heightPx);
  const metres = [...SCALE_STEPS].reverse().find((m) => m / metresPerPx <= SCALE_BAR_MAX_PX) ?? SCALE_STEPS[0]!;
  bar.style.width = `${Math.round(metres / metresPerPx)}px`;
  label.textContent = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}
