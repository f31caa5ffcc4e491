/**
 * The community's controllable field devices as the simulator plays them (PLAT-6): each
 * building's gas emergency shut-off valve and the station's (MUN-5), each building's fresh-air
 * unit (ENV-5). No I/O: commands arrive with the time they are carried out, and the answer to
 * publish is returned.
 */
import { COMMANDED_STATE, type DeviceCommand, type DeviceCommandMessage, type DeviceState, type DeviceStateMessage, type SensorDefinition, type SensorRegistry } from '@twin/protocol';

/** The kinds of device the simulator obeys: a gas emergency shut-off valve, a fresh-air unit. */
export type FieldDeviceKind = 'gas-esv' | 'fresh-air';

/** A controllable device. */
export interface FieldDevice {
  /** Its id on the command and state topics, e.g. `B01/GAS-ESV`. */
  id: string;
  kind: FieldDeviceKind;
  /** The building it serves; none for the station valve, which serves the whole community. */
  building?: string;
}

/** What a device is in, and since when. */
export interface DeviceStatus {
  state: DeviceState;
  sinceMs: number;
}

/** Why a command was not carried out. */
export type DeviceRefusal = 'unknown-device' | 'unsupported-command';

/** The outcome of a command: the state to report, or a refusal that changes and reports nothing. */
export type DeviceCommandOutcome =
  | {
      applied: true;
      state: DeviceState;
      /** False when the device was already in the commanded state. */
      changed: boolean;
      /** The state report answering the command, to publish on `deviceStateTopic(id)`. */
      report: DeviceStateMessage;
    }
  | { applied: false; reason: DeviceRefusal };

/** The gas supply station's emergency shut-off valve: closing it cuts every building (MUN-5). */
export const GAS_STATION_ESV_ID = 'GAS-RS-01-ESV';

/** The id of a building's gas emergency shut-off valve, its element key in the site model: `B01/GAS-ESV`. */
export function gasEsvId(building: string): string {
  return `${building}/GAS-ESV`;
}

/** The id of a building's fresh-air unit: `B01/FRESH-AIR`. */
export function freshAirId(building: string): string {
  return `${building}/FRESH-AIR`;
}

/** The commands each kind takes. */
const COMMANDS: Record<FieldDeviceKind, readonly DeviceCommand[]> = { 'gas-esv': ['open', 'close'], 'fresh-air': ['on', 'off'] };

/** The state each kind starts in: valves open (gas flows), fresh air off. */
const INITIAL_STATE: Record<FieldDeviceKind, DeviceState> = { 'gas-esv': 'open', 'fresh-air': 'off' };

const GAS_KINDS = new Set<SensorDefinition['kind']>(['gas_lel', 'gas_flow']);

/** Air quality kinds a fresh-air unit improves (ENV-5). */
const FRESH_AIR_KINDS = new Set<SensorDefinition['kind']>(['co2', 'pm25', 'tvoc', 'formaldehyde']);

/** True for an indoor air quality sensor of a building, served by that building's fresh-air unit. */
export function servedByFreshAir(sensor: SensorDefinition): boolean {
  return FRESH_AIR_KINDS.has(sensor.kind) && sensor.location.placement === 'indoor' && sensor.location.building !== undefined;
}

/**
 * The devices of a registry: the station valve when there are gas sensors, a valve for each
 * building with gas detectors or gas flow meters, a fresh-air unit for each building with indoor
 * air quality sensors.
 */
export function devicesOfRegistry(registry: SensorRegistry): FieldDevice[] {
  const gas = registry.sensors.filter((s) => GAS_KINDS.has(s.kind));
  const buildingsOf = (sensors: SensorDefinition[]) => [...new Set(sensors.flatMap((s) => (s.location.building === undefined ? [] : [s.location.building])))].sort();
  return [
    ...(gas.length === 0 ? [] : [{ id: GAS_STATION_ESV_ID, kind: 'gas-esv' as const }]),
    ...buildingsOf(gas).map((building) => ({ id: gasEsvId(building), kind: 'gas-esv' as const, building })),
    ...buildingsOf(registry.sensors.filter(servedByFreshAir)).map((building) => ({ id: freshAirId(building), kind: 'fresh-air' as const, building })),
  ];
}

/**
 * The devices and their states. `apply` carries out a command; a refused command (an unknown
 * device, or a command the device does not take, such as `on` to a valve) changes nothing and
 * has no state report: the caller counts it.
 * @example
 * const bank = DeviceBank.fromRegistry(registry, startMs);
 * const outcome = bank.apply('B01/GAS-ESV', { commandId: 'c1', command: 'close', issuedAtMs }, nowMs);
 * if (outcome.applied) publish(deviceStateTopic('B01/GAS-ESV'), outcome.report);
 */
export class DeviceBank {
  private readonly byId = new Map<string, { device: FieldDevice; status: DeviceStatus }>();

  /** The devices of `registry` (see {@link devicesOfRegistry}), each in its initial state since `startMs`. */
  static fromRegistry(registry: SensorRegistry, startMs: number): DeviceBank {
    return new DeviceBank(devicesOfRegistry(registry), startMs);
  }

  /** @throws Error when two devices share an id. */
  constructor(devices: readonly FieldDevice[], startMs: number) {
    for (const device of devices) {
      if (this.byId.has(device.id)) throw new Error(`device ${device.id} is listed twice`);
      this.byId.set(device.id, { device, status: { state: INITIAL_STATE[device.kind], sinceMs: startMs } });
    }
  }

  /** The devices, station valve first, then building valves and fresh-air units by building. */
  get devices(): FieldDevice[] {
    return [...this.byId.values()].map((entry) => entry.device);
  }

  /** The device's state and since when, or `undefined` for an unknown device. */
  status(deviceId: string): DeviceStatus | undefined {
    return this.byId.get(deviceId)?.status;
  }

  /** The device's current state as a report that answers no command, or `undefined` for an unknown device. */
  stateReport(deviceId: string): DeviceStateMessage | undefined {
    const status = this.status(deviceId);
    return status === undefined ? undefined : { state: status.state, atMs: status.sinceMs };
  }

  /**
   * Carries out `command` at `nowMs`. A command that leaves the state as it was is still
   * answered, so every accepted command gets a report naming it.
   */
  apply(deviceId: string, command: DeviceCommandMessage, nowMs: number): DeviceCommandOutcome {
    const entry = this.byId.get(deviceId);
    if (entry === undefined) return { applied: false, reason: 'unknown-device' };
    if (!COMMANDS[entry.device.kind].includes(command.command)) return { applied: false, reason: 'unsupported-command' };
    const state = COMMANDED_STATE[command.command];
    const changed = state !== entry.status.state;
    // A new status object, so a status handed out earlier keeps describing the past.
    if (changed) entry.status = { state, sinceMs: nowMs };
    return { applied: true, state, changed, report: { state, atMs: nowMs, commandId: command.commandId } };
  }

  /**
   * Since when the gas supply of a building's sensors has been cut (MUN-5), or `undefined`
   * while gas flows: the earliest close among the station valve and the building's own valve
   * that are closed now. Sensors outside any building hang on the station valve only.
   */
  gasSupplyCutSinceMs(building: string | undefined): number | undefined {
    let since: number | undefined;
    for (const id of building === undefined ? [GAS_STATION_ESV_ID] : [GAS_STATION_ESV_ID, gasEsvId(building)]) {
      const status = this.status(id);
      if (status?.state === 'closed' && (since === undefined || status.sinceMs < since)) since = status.sinceMs;
    }
    return since;
  }

  /** The status of the fresh-air unit serving `building`, or `undefined` when it has none (ENV-5). */
  freshAir(building: string | undefined): DeviceStatus | undefined {
    return building === undefined ? undefined : this.status(freshAirId(building));
  }
}
