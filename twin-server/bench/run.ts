// Runs the benchmarks whose name or figure names match the filter arguments, printing one
// `BENCH <name> <value> <unit>` line per figure. Usage: npm run bench [-- filter ...]
import { formatFigure, type Benchmark } from './benchmark.ts';

const modules: Array<() => Promise<{ benchmark: Benchmark }>> = [
  () => import('./appenderCeiling.bench.ts'),
  () => import('./ingest.bench.ts'),
  () => import('./liveLatency.bench.ts'),
  () => import('./alarmLatency.bench.ts'),
  () => import('./fanout.bench.ts'),
  () => import('./modelLoad.bench.ts'),
  () => import('./scene.bench.ts'),
  () => import('./overlay.bench.ts'),
];

const filters = process.argv.slice(2);
let failed = false;
for (const load of modules) {
  const { benchmark } = await load();
  if (filters.length > 0 && !filters.some((f) => benchmark.name.includes(f))) continue;
  try {
    for (const figure of await benchmark.run()) console.log(formatFigure(figure));
  } catch (error) {
    failed = true;
    console.error(`benchmark ${benchmark.name} failed:`, error);
  }
}
process.exitCode = failed ? 1 : 0;
