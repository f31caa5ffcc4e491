/**
 * Writes the sample registry: `npm run generate -w models [-- --seed <n>] [--out <path>]`.
 * Without options it rewrites `models/community/sensors.json` from the default seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sensorRegistrySchema } from '@twin/protocol';
import { DEFAULT_REGISTRY_SEED, generateRegistry } from './generateRegistry.ts';
import { defaultRegistryPath } from './index.ts';
import { serializeRegistry } from './serializeRegistry.ts';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const seed = values.seed === undefined ? DEFAULT_REGISTRY_SEED : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer, not ${values.seed}`);
  process.exit(2);
}
const out = values.out === undefined ? defaultRegistryPath : resolve(values.out);

const registry = generateRegistry(seed);
const checked = sensorRegistrySchema.safeParse(registry);
if (!checked.success) {
  console.error('generated registry does not pass the schema:');
  for (const issue of checked.error.issues.slice(0, 20)) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, serializeRegistry(registry));
console.log(`wrote ${registry.sensors.length} sensors (seed ${seed}) to ${out}`);
