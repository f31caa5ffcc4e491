/**
 * Writes the sample community: `npm run generate -w models [-- --seed <n>] [--out <dir>]`.
 * Without options it rewrites `models/community/` from the default seed: site and road
 * GeoJSON, the utility networks, the sensor registry, the camera catalogue, the IFC buildings
 * (when the IFC writer is present) and the manifest.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sensorRegistrySchema } from '@twin/protocol';
import { writeCommunity } from './community/writeCommunity.ts';
import { DEFAULT_COMMUNITY_SEED } from './communityLayout.ts';
import { communityDir } from './index.ts';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const seed = values.seed === undefined ? DEFAULT_COMMUNITY_SEED : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer, not ${values.seed}`);
  process.exit(2);
}
const out = values.out === undefined ? communityDir : resolve(values.out);

const { model, manifest, ifcWritten } = await writeCommunity(out, seed);
const checked = sensorRegistrySchema.safeParse(model.registry);
if (!checked.success) {
  console.error('generated registry does not pass the schema:');
  for (const issue of checked.error.issues.slice(0, 20)) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
console.log(`wrote ${manifest.files.length} files (seed ${seed}) to ${out}: ${model.layout.buildings.length} buildings, ${model.registry.sensors.length} sensors, ${model.cameras.cameras.length} cameras${ifcWritten ? ', IFC buildings' : ' (no IFC writer yet)'}`);
