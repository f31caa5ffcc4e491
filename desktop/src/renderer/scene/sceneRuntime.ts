import type { SceneApi } from './load/fetchBytes.ts';
import type { CameraRig } from './render/cameraRig.ts';
import type { CommunityModel } from './render/communityModel.ts';
import type { SceneOverlay } from './overlays/sceneOverlay.ts';
import type { SceneCatalog } from './sceneCatalog.ts';
import type { Selection } from './sceneStore.ts';

/**
 * The live scene, for the panels beside it: what is loaded, the camera, and the server API.
 * Not state: it is set once when `CommunityScene` mounts and cleared when it unmounts.
 */
export interface SceneRuntime {
  api: SceneApi;
  catalog: SceneCatalog;
  model: CommunityModel;
  rig: CameraRig;
  /** The live overlays: sensor states and fields (the map reads the same live sensors). */
  overlay: SceneOverlay;
  /** Selects and flies to a selection. */
  flyTo(selection: Selection): void;
  /** Flies to the whole site. */
  fitAll(): void;
  /**
   * Renders one frame now, waits for it to finish, and returns its draw calls, triangles and
   * time (diagnostics; what the scene bench measures).
   */
  renderFrame(): { drawCalls: number; triangles: number; ms: number };
}

let current: SceneRuntime | undefined;

/** The mounted scene's runtime, if a scene is mounted. */
export function sceneRuntime(): SceneRuntime | undefined {
  return current;
}

/** Registers (or clears) the mounted scene's runtime. */
export function setSceneRuntime(runtime: SceneRuntime | undefined): void {
  current = runtime;
}
