/**
 * The files of `models/community/` as text: names, roles, coordinate systems and the exact
 * bytes, so writing them twice from one seed gives identical files.
 */
import { GEOJSON_KEY_ORDER, serializeJson } from '../geojson/serializeJson.ts';
import { GEOGRAPHIC_CRS } from '../projection/siteProjection.ts';
import { serializeRegistry } from '../serializeRegistry.ts';
import type { CommunityModel } from './generateCommunity.ts';

/** One generated file. */
export interface CommunityFile {
  /** Path inside the community folder, `/`-separated. */
  path: string;
  role: string;
  crs: string;
  text: string;
}

const CAMERA_KEY_ORDER = ['version', 'community', 'crs', 'cameras', 'id', 'sensorId', 'name', 'nameEn', 'area', 'building', 'ifcGlobalId', 'position', 'lon', 'lat', 'heightM', 'headingDeg', 'pitchDeg', 'fovDeg', 'videoSource'];

/** Every file this package generates (the IFC writer adds `ifc/*.ifc`). */
export function communityFiles(model: CommunityModel): CommunityFile[] {
  const geojson = (path: string, role: string, value: unknown): CommunityFile => ({ path, role, crs: GEOGRAPHIC_CRS, text: serializeJson(value, GEOJSON_KEY_ORDER) });
  return [
    geojson('site.geojson', 'site', model.site),
    geojson('roads.geojson', 'roads', model.roads),
    geojson('water.geojson', 'network:water', model.networks.water),
    geojson('rain.geojson', 'network:rain', model.networks.rain),
    geojson('sewage.geojson', 'network:sewage', model.networks.sewage),
    geojson('gas.geojson', 'network:gas', model.networks.gas),
    geojson('power.geojson', 'network:power', model.networks.power),
    { path: 'sensors.json', role: 'registry', crs: GEOGRAPHIC_CRS, text: serializeRegistry(model.registry) },
    { path: 'cameras.json', role: 'cameras', crs: GEOGRAPHIC_CRS, text: serializeJson(model.cameras, CAMERA_KEY_ORDER) },
  ];
}
