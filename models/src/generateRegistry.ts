/**
 * The sample community's sensor registry, generated from a seed: a pure, deterministic function
 * (same seed, same registry, on every machine).
 *
 * To grow the community, add a planner under `plans/` and call it here; keep the order of calls
 * (and of random draws inside `createCommunityLayout`) stable, or every id and position moves.
 */
import type { SensorRegistry } from '@twin/protocol';
import { createCommunityLayout } from './communityLayout.ts';
import { planBuildingSensors } from './plans/buildingSensors.ts';
import { planNetworkSensors } from './plans/networkSensors.ts';
import { planSiteSensors } from './plans/siteSensors.ts';
import { createRng } from './prng.ts';
import { RegistryBuilder } from './registryBuilder.ts';

/** Seed of the registry kept in `models/community/sensors.json`. */
export const DEFAULT_REGISTRY_SEED = 20240601;

/**
 * Generates the registry of the sample community in Futian, Shenzhen.
 * @param seed any number; taken modulo 2^32.
 * @example
 * const registry = generateRegistry(DEFAULT_REGISTRY_SEED);
 */
export function generateRegistry(seed: number = DEFAULT_REGISTRY_SEED): SensorRegistry {
  const layout = createCommunityLayout(createRng(seed));
  const builder = new RegistryBuilder(layout.origin);
  for (const building of layout.buildings) planBuildingSensors(builder, building);
  planSiteSensors(builder, layout);
  planNetworkSensors(builder, layout);
  return builder.build(layout.community);
}
