import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StatsDto } from '@twin/protocol';
import { startTwinServer } from '../twinServer.ts';
import { closeOnSignals, configFromOptions, printCredentials, type ServeOptions } from './serveCommand.ts';

const twinBin = fileURLToPath(new URL('../../bin/twin.mjs', import.meta.url));
// The desktop workspace's launcher, loaded at run time: the desktop package depends on the
// server, so the server cannot depend on it at build time.
const desktopLauncher = new URL('../../../desktop/src/launcher/openDesktop.ts', import.meta.url);

/** What `twin start` needs of the desktop launcher. */
interface DesktopLauncher {
  openDesktop(url: string): { kind: string };
}

/** Parsed options of `twin start`. */
export type StartOptions = ServeOptions & { simulate: boolean; seed: number; rate: number; open: boolean };

/**
 * `twin start` (what `npm start` runs): the server on its embedded defaults, the device simulator
 * as a separate process publishing to it, the command-center app (Electron where installed, else
 * Chromium's app mode, else the URL to open), and a status line every few seconds.
 */
export async function startCommand(options: StartOptions): Promise<void> {
  const server = await startTwinServer(await configFromOptions(options));
  printCredentials(server, options.dataDir);
  console.log(`Twin server: ${server.httpUrl}   MQTT: ${server.mqttUrl}`);
  if (options.open) ((await import(desktopLauncher.href)) as DesktopLauncher).openDesktop(`${server.httpUrl}/`);

  let simulator: ChildProcess | undefined;
  if (options.simulate) {
    simulator = spawn(process.execPath, [twinBin, 'simulate', '--mqtt-url', server.mqttUrl, '--registry', options.registry, '--seed', String(options.seed), '--rate', String(options.rate)], {
      // The token travels in the environment, not on the command line where `ps` shows it.
      env: { ...process.env, TWIN_DEVICE_TOKEN: server.devices.secrets.deviceToken },
      // The IPC channel closes when this process dies however it dies, and the simulator then stops.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    simulator.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) console.error(`simulator exited with code ${code}`);
    });
    console.log(`Simulator: pid ${simulator.pid}, seed ${options.seed}, rate ${options.rate}x`);
  }

  let previous = server.stats();
  const status = setInterval(() => {
    const now = server.stats();
    console.log(statusLine(previous, now));
    previous = now;
  }, 5000);

  closeOnSignals(server, async () => {
    clearInterval(status);
    if (simulator !== undefined && simulator.exitCode === null) {
      const exited = new Promise((resolve) => simulator.once('exit', resolve));
      simulator.kill('SIGTERM');
      await exited;
    }
  });
}

/** One line of what the server did since the last one. */
export function statusLine(previous: StatsDto, now: StatsDto): string {
  const seconds = Math.max(0.001, (now.serverTimeMs - previous.serverTimeMs) / 1000);
  const rate = Math.round((now.ingest.stored - previous.ingest.stored) / seconds);
  const rejected = Object.values(now.ingest.rejected).reduce((a, b) => a + (b ?? 0), 0);
  return [
    `stored ${now.ingest.stored.toLocaleString('en-US')} readings (${rate.toLocaleString('en-US')}/s)`,
    `rejected ${rejected}`,
    `duplicates ${now.ingest.duplicates}`,
    `devices ${now.mqtt.connectedDevices}`,
    `live clients ${now.live.clients}`,
    `ingest lag ${now.ingest.lagMs} ms`,
  ].join(' · ');
}
