// Child process of the crash test: commits numbered batches in a loop and prints
// `committed <n>` after each commit has resolved, until it is killed.
//   node --import tsx commitLoopChild.ts <dbPath> <sensorCount> <batchReadings>
import { TelemetryStore } from '../telemetryStore.ts';
import { T0, batchOf, testSensor } from './storageFixtures.ts';

const [dbPath, sensorArg, sizeArg] = process.argv.slice(2);
const sensorCount = Number(sensorArg);
const size = Number(sizeArg);
const store = await TelemetryStore.open(dbPath!);
const keys = await store.syncSensors(Array.from({ length: sensorCount }, (_, i) => testSensor(`crash-${i}`)));
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  // Batch n: `size` readings of one sensor at consecutive milliseconds, disjoint from every other batch.
  const sensor = n % sensorCount;
  const from = T0 + Math.floor(n / sensorCount) * size;
  await store.commitReadings(batchOf(Array.from({ length: size }, (_, i) => [keys[sensor]!, from + i, n + i / size] as const)));
  process.stdout.write(`committed ${n}\n`);
}
