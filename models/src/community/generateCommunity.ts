/**
 * The whole sample community from one seed, in memory: the site plan, the site and road
 * GeoJSON, the five utility networks, the sensor registry and the camera catalogue. Pure and
 * deterministic: the same seed gives the same model on every machine.
 */
import type { SensorRegistry } from '@twin/protocol';
import { communityLayout, DEFAULT_COMMUNITY_SEED } from '../communityLayout.ts';
import type { FeatureCollection } from '../geojson/geojson.ts';
import type { CommunityLayout } from '../layout/layoutTypes.ts';
import { planBuildingSensors } from '../plans/buildingSensors.ts';
import { NetworkIndex, type CommunityNetworks } from '../plans/networkIndex.ts';
import { planNetworkSensors } from '../plans/networkSensors.ts';
import { planGarageSensors, planPublicBuildingSensors } from '../plans/publicBuildingSensors.ts';
import { planSiteSensors } from '../plans/siteSensors.ts';
import { GEOGRAPHIC_CRS } from '../projection/siteProjection.ts';
import { RegistryBuilder, type CameraRecord } from '../registryBuilder.ts';
import { buildRoadsGeoJson, buildSiteGeoJson } from '../site/siteGeoJson.ts';
import { buildDrainageNetwork, RAIN, SEWAGE } from '../utilities/drainageNetwork.ts';
import { buildGasNetwork } from '../utilities/gasNetwork.ts';
import { buildPowerNetwork } from '../utilities/powerNetwork.ts';
import { RoadGrid } from '../utilities/roadGrid.ts';
import { buildWaterNetwork } from '../utilities/waterNetwork.ts';

/** `cameras.json`: what the registry schema cannot hold about cameras yet. */
export interface CameraCatalog {
  version: 1;
  community: string;
  crs: string;
  cameras: CameraRecord[];
}

/** Everything generated from one seed. */
export interface CommunityModel {
  seed: number;
  layout: CommunityLayout;
  site: FeatureCollection;
  roads: FeatureCollection;
  networks: CommunityNetworks;
  registry: SensorRegistry;
  cameras: CameraCatalog;
}

/** The utility networks of a layout, laid under its internal roads. */
export function buildNetworks(layout: CommunityLayout): CommunityNetworks {
  const grid = RoadGrid.fromRoads(layout.roads.filter((r) => !r.municipal && r.roadClass === 'residential'));
  return {
    water: buildWaterNetwork(layout, grid),
    rain: buildDrainageNetwork(RAIN, layout, grid),
    sewage: buildDrainageNetwork(SEWAGE, layout, grid),
    gas: buildGasNetwork(layout, grid),
    power: buildPowerNetwork(layout, grid),
  };
}

/**
 * Generates the community. Planner order is part of the output: keep it stable, or ids move.
 * @param seed any number; taken modulo 2^32.
 * @example
 * const { registry, networks } = generateCommunity();
 */
export function generateCommunity(seed: number = DEFAULT_COMMUNITY_SEED): CommunityModel {
  const layout = communityLayout(seed);
  const networks = buildNetworks(layout);
  const index = new NetworkIndex(networks, layout.origin);
  const builder = new RegistryBuilder(layout.origin);
  for (const b of layout.buildings) if (b.category === 'residential') planBuildingSensors(builder, b, index);
  for (const b of layout.buildings) if (b.category !== 'residential' && b.category !== 'parking') planPublicBuildingSensors(builder, b, index);
  planSiteSensors(builder, layout);
  planGarageSensors(builder, layout, index);
  planNetworkSensors(builder, layout, index);
  return {
    seed,
    layout,
    site: buildSiteGeoJson(layout),
    roads: buildRoadsGeoJson(layout),
    networks,
    registry: builder.build(layout.community),
    cameras: { version: 1, community: layout.community.id, crs: GEOGRAPHIC_CRS, cameras: builder.cameras() },
  };
}
