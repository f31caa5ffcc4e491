/**
 * Writes the sample community's buildings as IFC4:
 * `node --import tsx models/src/ifc/writeIfcMain.ts [--seed <n>] [--out <dir>]`.
 * Without options it rewrites `models/community/ifc/` from the default seed.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { communityLayout, DEFAULT_COMMUNITY_SEED } from '../communityLayout.ts';
import { defaultIfcDir, writeCommunityIfc } from './writeCommunityIfc.ts';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const seed = values.seed === undefined ? DEFAULT_COMMUNITY_SEED : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer, not ${values.seed}`);
  process.exit(2);
}
const outDir = values.out === undefined ? defaultIfcDir : resolve(values.out);

const started = performance.now();
const paths = await writeCommunityIfc(communityLayout(seed), outDir);
let totalBytes = 0;
for (const path of paths) {
  const { size } = statSync(path);
  totalBytes += size;
  console.log(`${basename(path).padEnd(10)} ${(size / 1024).toFixed(0).padStart(6)} KiB`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`wrote ${paths.length} IFC files, ${(totalBytes / 1024 / 1024).toFixed(2)} MiB, to ${outDir} in ${seconds} s (seed ${seed})`);
