import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlarmRulesFile } from '@twin/domain';
import type { SensorRegistry } from '@twin/protocol';
import { makeDataDir } from '../src/test/testServer.ts';
import { spawnServer, type ServerProcess } from '../src/test/serverProcess.ts';
import { testSensor } from '../src/test/testCatalog.ts';

/** A registry of `count` sensors of one kind, in `areas` zones. */
export function benchRegistry(count: number, kind: 'power' | 'noise' = 'power', areas = 10): SensorRegistry {
  return {
    version: 1,
    community: { id: 'bench', name: '基准社区' },
    sensors: Array.from({ length: count }, (_, i) => testSensor(`s${i}`, kind, `zone-${i % areas}`)),
  };
}

/**
 * `twin serve` in its own process (as deployed), on a temp database, with CPU accounting. Given
 * `alarmRules`, the server runs them instead of the default rules (written beside the database and
 * passed as `--alarm-rules`).
 */
export async function startBenchServer(
  registry: SensorRegistry,
  extraArgs: string[] = [],
  options: { alarmRules?: AlarmRulesFile } = {},
): Promise<ServerProcess & { cpuSeconds(): Promise<number>; stop(): Promise<void> }> {
  const data = await makeDataDir(registry);
  const args = [...extraArgs];
  if (options.alarmRules !== undefined) {
    const rulesPath = join(data.dir, 'alarm-rules.json');
    await writeFile(rulesPath, JSON.stringify(options.alarmRules));
    args.push('--alarm-rules', rulesPath);
  }
  const server = await spawnServer(data.dir, data.registryPath, args);
  return {
    ...server,
    /** User + system CPU time of the server process so far (all its threads, DuckDB's included). */
    async cpuSeconds() {
      const stat = await readFile(`/proc/${server.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
      await data.remove();
    },
  };
}
