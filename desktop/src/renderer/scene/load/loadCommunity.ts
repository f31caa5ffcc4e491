import { buildCameraMarkers, parseCameraCatalog } from '../build/cameraMarkers.ts';
import { buildNetwork } from '../build/networkBuild.ts';
import { buildSensorMarkers, registryIndexing } from '../build/sensorMarkers.ts';
import { buildSite } from '../build/siteBuild.ts';
import { sceneFrame, type SceneFrame, type SceneFrameParams } from '../geo/sceneFrame.ts';
import type { CommunityModel } from '../render/communityModel.ts';
import type { SceneCatalog } from '../sceneCatalog.ts';
import type { ModelLoad, SceneStore } from '../sceneStore.ts';
import { BuildingWorkerPool } from './buildingWorkerPool.ts';
import { fetchBytes, fetchJson, type SceneApi } from './fetchBytes.ts';
import { frameFromData } from './frameFromData.ts';
import { parseFeatureCollection, type FeatureCollection } from './geoJson.ts';
import { buildingIdOf, communityFiles, type ManifestFile } from './modelManifest.ts';

/** Where loaded parts go. */
export interface LoadTargets {
  model: CommunityModel;
  catalog: SceneCatalog;
  store: SceneStore;
  /** Something new to draw: re-apply the state and render. */
  changed(): void;
  /** The site is known (`frame`: the scene's coordinates): frame the camera on it. */
  framed(frame: SceneFrame): void;
}

/** Buildings fetched at once (two requests each; browsers open six connections per host). */
const BUILDING_CONCURRENCY = 3;
/** Buildings are merged into the scene at most this often while they arrive. */
const MERGE_INTERVAL_MS = 1000;
/** Progress is published when it moves by this share of a file. */
const PROGRESS_STEP = 0.05;

/**
 * Loads the community the server's manifest lists: site, roads and networks first (small, and
 * they set the scene frame), then sensors and cameras, then every building (mesh pack and IFC
 * file, decoded in workers), reporting each file's progress in the store.
 */
export async function loadCommunity(api: SceneApi, targets: LoadTargets, signal: AbortSignal): Promise<void> {
  const { store } = targets;
  store.update({ status: 'loading', error: undefined });
  try {
    const files = communityFiles(await fetchJson(api, '/api/models/manifest', signal));
    const gisFiles = [files.site, files.roads, ...files.networks.values()].filter((f): f is ManifestFile => f !== undefined);
    const loads: ModelLoad[] = [...gisFiles, ...(files.cameras ? [files.cameras] : []), ...files.buildings].map((f) => ({ path: f.path, phase: 'waiting', loaded: 0, total: f.bytes ?? 0 }));
    store.update({ loads: [{ path: '/api/sensors', phase: 'waiting', loaded: 0, total: 0 }, ...loads] });
    const gis = new Map<string, FeatureCollection>();
    await Promise.all(gisFiles.map(async (f) => gis.set(f.path, parseFeatureCollection(JSON.parse(new TextDecoder().decode(await download(api, f.path, store, signal)))))));
    const at = (f: ManifestFile | undefined) => (f === undefined ? undefined : gis.get(f.path));
    const frameParams = frameFromData([at(files.site), at(files.roads), ...[...files.networks.values()].map(at)]);
    const frame = sceneFrame(frameParams);
    const site = buildSite(at(files.site), at(files.roads), frame);
    targets.catalog.setSite(site);
    targets.model.setSite(site);
    for (const [network, file] of files.networks) {
      const build = buildNetwork(network, gis.get(file.path)!, frame);
      targets.catalog.addNetwork(build);
      targets.model.addNetwork(build);
    }
    for (const f of gisFiles) store.setLoad(f.path, { phase: 'ready' });
    targets.framed(frame);
    publishCatalog(targets, [...files.networks.keys()]);
    targets.changed();
    await Promise.all([loadSensors(api, targets, frame, signal), loadCameras(api, files.cameras, targets, frame, signal)]);
    publishCatalog(targets, [...files.networks.keys()]);
    targets.changed();
    await loadBuildings(api, files.buildings, targets, frameParams, signal);
    publishCatalog(targets, [...files.networks.keys()]);
    store.update({ status: 'ready' });
  } catch (error) {
    if (signal.aborted) return;
    store.update({ status: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Files under `/api/models/files/`, geometry under `/api/models/geometry/`. */
const modelUrl = (prefix: 'files' | 'geometry', path: string) => `/api/models/${prefix}/${path.split('/').map(encodeURIComponent).join('/')}`;

/**
 * Progress of one load entry fed by several downloads (a building's mesh pack and IFC file):
 * published when it moves by {@link PROGRESS_STEP}, never more often.
 */
function progress(store: SceneStore, path: string): (part: string) => (loaded: number, total: number) => void {
  const parts = new Map<string, [number, number]>();
  let published = -1;
  return (part) => (loaded, total) => {
    parts.set(part, [loaded, total]);
    const sum = [...parts.values()].reduce((acc, [l, t]) => [acc[0]! + l, acc[1]! + t], [0, 0]);
    const share = sum[1]! > 0 ? sum[0]! / sum[1]! : 0;
    if (published >= 0 && share - published < PROGRESS_STEP && share < 1) return;
    published = share;
    store.setLoad(path, { phase: 'download', loaded: sum[0], total: sum[1] });
  };
}

async function download(api: SceneApi, path: string, store: SceneStore, signal: AbortSignal): Promise<ArrayBuffer> {
  try {
    return await fetchBytes(api, modelUrl('files', path), progress(store, path)('file'), signal);
  } catch (error) {
    store.setLoad(path, { phase: 'error', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function loadSensors(api: SceneApi, targets: LoadTargets, frame: ReturnType<typeof sceneFrame>, signal: AbortSignal): Promise<void> {
  const path = '/api/sensors';
  targets.store.setLoad(path, { phase: 'download' });
  try {
    const registry = (await fetchJson(api, path, signal)) as { sensors?: unknown };
    const markers = buildSensorMarkers(Array.isArray(registry.sensors) ? registry.sensors : [], frame, registryIndexing(registry));
    targets.catalog.setSensors(markers);
    targets.model.setSensors(markers);
    targets.store.setLoad(path, { phase: 'ready', loaded: markers.sensors.length, total: markers.sensors.length + markers.rejected });
  } catch (error) {
    if (!signal.aborted) targets.store.setLoad(path, { phase: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

async function loadCameras(api: SceneApi, file: ManifestFile | undefined, targets: LoadTargets, frame: ReturnType<typeof sceneFrame>, signal: AbortSignal): Promise<void> {
  if (file === undefined) return;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(await download(api, file.path, targets.store, signal)));
    const markers = buildCameraMarkers(parseCameraCatalog(json), frame);
    targets.catalog.cameras = markers;
    targets.model.setCameras(markers);
    targets.store.setLoad(file.path, { phase: 'ready' });
  } catch {
    // Reported in the file's progress entry; the scene goes on without cameras.
  }
}

async function loadBuildings(api: SceneApi, buildings: ManifestFile[], targets: LoadTargets, frame: SceneFrameParams, signal: AbortSignal): Promise<void> {
  const pool = new BuildingWorkerPool(Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1)));
  let mergeTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleMerge = () => {
    if (!targets.model.progressive) return;
    mergeTimer ??= setTimeout(() => {
      mergeTimer = undefined;
      targets.model.buildings.flush();
      targets.changed();
    }, MERGE_INTERVAL_MS);
  };
  const queue = [...buildings];
  const next = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined && !signal.aborted; file = queue.shift()) await loadBuilding(api, file, pool, targets, frame, signal, scheduleMerge);
  };
  try {
    await Promise.all(Array.from({ length: BUILDING_CONCURRENCY }, next));
  } finally {
    pool.dispose();
    if (mergeTimer !== undefined) clearTimeout(mergeTimer);
  }
  if (!signal.aborted) {
    targets.model.buildings.flush();
    targets.changed();
  }
}

async function loadBuilding(api: SceneApi, file: ManifestFile, pool: BuildingWorkerPool, targets: LoadTargets, frame: SceneFrameParams, signal: AbortSignal, merged: () => void): Promise<void> {
  const { store } = targets;
  const id = buildingIdOf(file);
  const entry = targets.catalog.expectBuilding(id);
  try {
    store.setLoad(file.path, { phase: 'server' });
    const report = progress(store, file.path);
    const [geometry, ifc] = await Promise.all([
      fetchBytes(api, modelUrl('geometry', file.path), report('geometry'), signal),
      // The IFC file carries storeys, spaces, property sets and the georeference; geometry alone still draws.
      /\.ifc$/i.test(file.path) ? fetchBytes(api, modelUrl('files', file.path), report('ifc'), signal).catch(() => undefined) : Promise.resolve(undefined),
    ]);
    store.setLoad(file.path, { phase: 'decode' });
    const { model, warning } = await pool.build({ path: file.path, building: id, geometry, ifc, frame });
    if (signal.aborted) return;
    targets.catalog.setBuildingModel(id, model);
    targets.model.addBuilding(model, entry.category);
    store.setLoad(file.path, warning === undefined ? { phase: 'ready' } : { phase: 'ready', error: warning });
    merged();
  } catch (error) {
    if (!signal.aborted) store.setLoad(file.path, { phase: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Tells the layer panel what the community has. */
function publishCatalog(targets: LoadTargets, networks: string[]): void {
  const categories = new Map<string, number>();
  for (const b of targets.catalog.buildings.values()) categories.set(b.category, (categories.get(b.category) ?? 0) + 1);
  targets.store.update({
    catalog: {
      networks,
      buildingCategories: [...categories],
      sensorKinds: targets.model.sensorKinds(),
      cameras: targets.catalog.cameras?.cameras.length ?? 0,
    },
  });
}
