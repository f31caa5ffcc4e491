import { sensorDefinitionSchema, type SensorDefinition } from '@twin/protocol';
import { parseCameraCatalog } from '../scene/build/cameraMarkers.ts';
import { fetchJson, type SceneApi } from '../scene/load/fetchBytes.ts';
import { parseFeatureCollection, type FeatureCollection } from '../scene/load/geoJson.ts';
import { communityFiles, type ManifestFile } from '../scene/load/modelManifest.ts';
import type { GeoSources } from './geoLayers.ts';

const fileUrl = (file: ManifestFile) => `/api/models/files/${file.path.split('/').map(encodeURIComponent).join('/')}`;

/**
 * Fetches what the map draws: the manifest, then the site, roads, networks and cameras it lists
 * (only those the user may see; the server filters the manifest) and the sensors of `/api/sensors`,
 * validated as the 3D scene validates them, so a sensor's index is the same in both views.
 * @throws SceneLoadError when the manifest or a listed file cannot be read.
 */
export async function loadGeoSources(api: SceneApi, signal: AbortSignal): Promise<GeoSources> {
  const files = communityFiles(await fetchJson(api, '/api/models/manifest', signal));
  const collection = async (file: ManifestFile | undefined): Promise<FeatureCollection | undefined> => (file === undefined ? undefined : parseFeatureCollection(await fetchJson(api, fileUrl(file), signal)));
  const [site, roads, networks, sensors, cameras] = await Promise.all([
    collection(files.site),
    collection(files.roads),
    Promise.all([...files.networks].map(async ([id, file]) => [id, (await collection(file))!] as const)),
    fetchJson(api, '/api/sensors', signal).then(validSensors),
    files.cameras === undefined ? [] : fetchJson(api, fileUrl(files.cameras), signal).then(parseCameraCatalog),
  ]);
  const sources: GeoSources = { networks: new Map(networks), sensors, cameras };
  if (site !== undefined) sources.site = site;
  if (roads !== undefined) sources.roads = roads;
  return sources;
}

/** The registry entries that pass validation (REQ PLAT-10), in order. */
function validSensors(registry: unknown): SensorDefinition[] {
  const list = (registry as { sensors?: unknown } | null)?.sensors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => {
    const parsed = sensorDefinitionSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}
