/**
 * The sample community's sensor registry, generated from a seed: a pure, deterministic function
 * (same seed, same registry, on every machine). It is one part of `generateCommunity`, which
 * also lays out the site and its networks that the sensors are bound to.
 */
import type { SensorRegistry } from '@twin/protocol';
import { generateCommunity } from './community/generateCommunity.ts';
import { DEFAULT_COMMUNITY_SEED } from './communityLayout.ts';

/** Seed of the registry kept in `models/community/sensors.json` (the community's seed). */
export const DEFAULT_REGISTRY_SEED = DEFAULT_COMMUNITY_SEED;

/**
 * Generates the registry of the sample community in Futian, Shenzhen.
 * @param seed any number; taken modulo 2^32.
 * @example
 * const registry = generateRegistry(DEFAULT_REGISTRY_SEED);
 */
export function generateRegistry(seed: number = DEFAULT_REGISTRY_SEED): SensorRegistry {
  return generateCommunity(seed).registry;
}
