import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultRegistryPath } from '@twin/models';
import type { ServeOptions } from './commands/serveCommand.ts';
import type { IdentityInitOptions } from './commands/identityCommand.ts';
import type { StartOptions } from './commands/startCommand.ts';
import type { ImportCommandOptions } from './modelImport/runImportCommand.ts';
import type { SimulateCommandOptions } from './simulator/simulateMain.ts';
import { defaultServerConfig } from './serverConfig.ts';

// Each command loads its own modules when it runs, so `twin import` and `--help` do not pay for
// the server, DuckDB and the broker.

const defaults = defaultServerConfig(defaultRegistryPath);

type SimulateCliOptions = SimulateCommandOptions & { duration?: number };

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

/** Options shared by `serve` and `start`. */
function serverOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'directory for the database, credentials and caches', defaults.dataDir)
    .option('--db <path>', 'DuckDB database file (default: <data-dir>/twin.duckdb)')
    .option('--registry <path>', 'sensor registry JSON', defaults.registryPath)
    .option('--models <dir>', 'models directory: manifest.json and the files it lists', defaults.modelsDir)
    .option('--host <host>', 'interface to bind HTTP and MQTT to (0.0.0.0 for wall displays and tablets on the LAN)', defaults.host)
    .option('--http-port <port>', 'HTTP and socket.io port (0: any free port)', port, defaults.httpPort)
    .option('--mqtt-port <port>', 'embedded MQTT broker port (0: any free port)', port, defaults.mqttPort)
    .option('--mqtt-url <url>', 'subscribe to this external MQTT broker instead of embedding one (e.g. mqtt://broker:1883)')
    .option('--mqtt-username <name>', 'user name at the external broker')
    .addOption(new Option('--mqtt-password <password>', 'password at the external broker').env('TWIN_MQTT_PASSWORD'))
    .option('--max-payload-bytes <n>', 'largest accepted MQTT or HTTP payload', positive, defaults.limits.maxPayloadBytes)
    .option('--live-tick-ms <ms>', 'live frame interval', positive, defaults.liveTickMs)
    .addOption(new Option('--log-level <level>', 'log detail').choices(['debug', 'info', 'warn', 'error']).default(defaults.logLevel))
    .option('--oidc-config <file>', 'JSON array of OpenID Connect providers for single sign-on ({id, name, issuer, clientId, clientSecret?, orgId, usernameClaim?})')
    .option('--public-url <url>', 'origin browsers reach this server at (the single sign-on callback is registered under it)')
    .option('--alarm-rules <file>', 'alarm rules JSON (default: the guideline limits for the registry; `twin alarm-rules` prints them to start from)')
    .option('--notifications <file>', 'alarm notification channels, recipients and escalation per organisation (JSON: {"organisations": {"<orgId>": {...}}})')
    .option('--camera-clips <dir>', `video files of clip:<file> cameras${defaults.cameraClipsDir === undefined ? ' (default: none, those cameras show the test pattern)' : ` (default: ${defaults.cameraClipsDir})`}`)
    .option('--camera-sources <file>', 'camera sources overriding cameras.json, kept on the server (JSON: {"sources": {"<camera id>": "rtsp://user:pass@camera.example:554/stream"}})')
    .option('--max-camera-streams <n>', 'most cameras streamed at once (one ffmpeg each)', count, defaults.cameraStreams.maxEncoders)
    .addOption(new Option('--production', 'production mode: no demo organisation, and refuse to start while generated demo credentials remain').env('TWIN_PRODUCTION').default(false));
}

const program = new Command('twin')
  .description('Smart community digital twin: the twin server, the device simulator and model tools.')
  .showHelpAfterError();

serverOptions(program.command('serve').description('run the twin server: MQTT and HTTP ingest into DuckDB, live out over socket.io')).action(async (options: ServeOptions) => (await import('./commands/serveCommand.ts')).serveCommand(options));

serverOptions(program.command('start').description('run the server on its embedded defaults with the simulated community, and show its state'))
  .option('--no-simulate', 'do not start the device simulator')
  .option('--no-open', 'do not open the command-center app')
  .option('--seed <n>', 'simulator seed', positive, 1)
  .option('--rate <x>', 'simulator speed-up of sampling intervals', positive, 1)
  .action(async (options: StartOptions) => (await import('./commands/startCommand.ts')).startCommand(options));

program
  .command('alarm-rules')
  .description("print the default alarm rules for a registry (the guideline's limits), to edit and pass with --alarm-rules")
  .option('--registry <path>', 'sensor registry JSON', defaults.registryPath)
  .action(async (options: { registry: string }) => (await import('./commands/alarmRulesCommand.ts')).alarmRulesCommand(options));

program
  .command('simulate')
  .description("behave like the community's devices: publish realistic readings over MQTT")
  .option('--mqtt-url <url>', 'broker to publish to', `mqtt://127.0.0.1:${defaults.mqttPort}`)
  .option('--username <name>', 'MQTT user name', 'simulator')
  .addOption(new Option('--password <token>', 'MQTT password (the device token from <data-dir>/credentials.json)').env('TWIN_DEVICE_TOKEN'))
  .option('--registry <path>', 'sensor registry JSON', defaults.registryPath)
  .option('--seed <n>', 'seed of every random choice (same seed, same readings)', positive, 1)
  .option('--rate <x>', 'speed-up of every sampling interval', positive, 1)
  .option('--sensors <ids>', 'comma-separated sensor ids to simulate (default: all)')
  .option('--gas-leak <sensorId>', 'start a gas-leak episode on this detector at once (MUN-5)')
  .option('--scenario <spec...>', 'scenarios: gas-leak (the leak-prone detector) or gas-leak:<sensorId>[@<delayS>] (MUN-5)')
  .option('--replay <spec>', 'replay real series onto sensors: comma-separated <dataset>[:<sensorId>], data sets occupancy (UCI occupancy detection) and dongsi (UCI Beijing Dongsi air quality)')
  .option('--replay-speed <x>', 'speed-up of replayed series', positive, 1)
  .option('--replay-from <time>', 'first source time to replay, YYYY-MM-DD HH:MM')
  .option('--replay-dir <dir>', 'folder of the replay data sets (default ../shared/data/sensors)')
  .option('--duration <s>', 'stop after this many seconds (default: until SIGINT/SIGTERM)', positive)
  .option('--no-faults', 'no simulated device faults (stuck values, dropouts, spikes)')
  .option('--client-id <id>', 'MQTT client id')
  .action(async (options: SimulateCliOptions) =>
    (await import('./simulator/simulateMain.ts')).runSimulateCommand({ ...options, ...(options.duration === undefined ? {} : { durationS: options.duration }) }),
  );

program
  .command('identity')
  .description('identity administration on a stopped server')
  .command('init')
  .description('production first run: create an organisation and its first administrator (password from TWIN_ADMIN_PASSWORD)')
  .option('--data-dir <dir>', 'directory of the database', defaults.dataDir)
  .option('--db <path>', 'DuckDB database file (default: <data-dir>/twin.duckdb)')
  .requiredOption('--org <id>', 'organisation id, e.g. futian-property')
  .requiredOption('--org-name <name>', 'organisation name, e.g. 福田物业服务中心')
  .option('--kind <kind>', 'property, street, utility, police or other', 'property')
  .requiredOption('--community <id>', "the community the organisation's domain covers (the registry's community id)")
  .option('--admin <username>', "the administrator's user name", 'admin')
  .option('--admin-name <name>', "the administrator's display name", '系统管理员')
  .action(async (options: IdentityInitOptions) => (await import('./commands/identityCommand.ts')).identityInitCommand(options));

program
  .command('import')
  .description('check a model file (IFC .ifc/.ifczip, GeoJSON, OSMnx GraphML roads, EPANET .inp) and report what it holds and where it lies')
  .argument('<file>', 'the model file')
  .option('--json', 'print one JSON object (the report, or { error })')
  .option('--kind <kind>', 'read the file as ifc, geojson, osm or epanet instead of recognising it')
  .option('--anchor <lon,lat[,heightM]>', 'where the model origin lies, for files without a georeference (IFC without one, EPANET)')
  .option('--projection <crs>', 'CRS of the file coordinates when the file does not say: local-metres or EPSG:<code>')
  .option('--timeout <s>', 'time limit of the import in seconds (default 60)')
  .option('--max-bytes <n>', 'largest file accepted, and largest .ifc unpacked from an .ifczip (default 268435456)')
  .option('--max-heap-mb <n>', 'JavaScript heap limit of the import worker in MiB (default 2048)')
  .action(async (file: string, options: ImportCommandOptions) => (await import('./modelImport/runImportCommand.ts')).runImportCommand(file, options));

// Started by `twin start`: stop (gracefully, through the simulator's own signal handling) when the parent is gone.
if (process.send !== undefined) {
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  // The channel alone must not keep the process alive once the command is done.
  process.channel?.unref();
}

await program.parseAsync(process.argv);
