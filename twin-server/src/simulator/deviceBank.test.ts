import { buildingEquipmentKey, generateRegistry } from '@twin/models';
import type { DeviceCommand, DeviceCommandMessage, SensorRegistry } from '@twin/protocol';
import { describe, expect, it } from 'vitest';
import { DeviceBank, devicesOfRegistry, GAS_STATION_ESV_ID } from './deviceBank.ts';

const registry = generateRegistry();
const START = Date.UTC(2025, 6, 16, 0, 0);

function command(command: DeviceCommand, commandId = `${command}-1`): DeviceCommandMessage {
  return { commandId, command, issuedAtMs: START };
}

describe('DeviceBank (PLAT-6)', () => {
  it('derives a valve per building with gas sensors, the station valve, and a fresh-air unit per building with indoor air sensors', () => {
    const devices = devicesOfRegistry(registry);
    const gasBuildings = new Set(registry.sensors.filter((s) => (s.kind === 'gas_lel' || s.kind === 'gas_flow') && s.location.building !== undefined).map((s) => s.location.building!));
    const airBuildings = new Set(registry.sensors.filter((s) => ['co2', 'pm25', 'tvoc', 'formaldehyde'].includes(s.kind) && s.location.placement === 'indoor').map((s) => s.location.building!));
    expect(devices[0]).toEqual({ id: 'GAS-RS-01-ESV', kind: 'gas-esv' });
    expect(devices.filter((d) => d.kind === 'gas-esv' && d.building !== undefined).map((d) => d.id)).toEqual([...gasBuildings].sort().map((b) => buildingEquipmentKey(b, 'GAS-ESV')));
    expect(devices.filter((d) => d.kind === 'fresh-air').map((d) => d.id)).toEqual([...airBuildings].sort().map((b) => `${b}/FRESH-AIR`));
    expect(devices.map((d) => d.id)).toContain('B01/GAS-ESV');
    expect(devices.map((d) => d.id)).toContain('B01/FRESH-AIR');
  });

  it('has no station valve without gas sensors', () => {
    const noGas: SensorRegistry = { ...registry, sensors: registry.sensors.filter((s) => s.kind !== 'gas_lel' && s.kind !== 'gas_flow') };
    expect(devicesOfRegistry(noGas).some((d) => d.kind === 'gas-esv')).toBe(false);
  });

  it('starts with valves open and fresh air off, reported as of the start', () => {
    const bank = DeviceBank.fromRegistry(registry, START);
    expect(bank.status('B01/GAS-ESV')).toEqual({ state: 'open', sinceMs: START });
    expect(bank.status(GAS_STATION_ESV_ID)).toEqual({ state: 'open', sinceMs: START });
    expect(bank.stateReport('B01/FRESH-AIR')).toEqual({ state: 'off', atMs: START });
    expect(bank.stateReport('NOPE/VALVE')).toBeUndefined();
  });

  it.each([
    ['B01/GAS-ESV', 'close', 'closed'],
    ['B01/GAS-ESV', 'open', 'open'],
    [GAS_STATION_ESV_ID, 'close', 'closed'],
    ['B01/FRESH-AIR', 'on', 'on'],
    ['B01/FRESH-AIR', 'off', 'off'],
  ] as const)('MUN-5 ENV-5 %s takes %s and reports %s naming the command', (id, cmd, state) => {
    const bank = DeviceBank.fromRegistry(registry, START);
    const before = bank.status(id)!.state;
    const outcome = bank.apply(id, command(cmd), START + 1000);
    expect(outcome).toEqual({ applied: true, state, changed: state !== before, report: { state, atMs: START + 1000, commandId: `${cmd}-1` } });
    expect(bank.status(id)).toEqual({ state, sinceMs: state === before ? START : START + 1000 });
  });

  it.each([
    ['B01/GAS-ESV', 'on', 'unsupported-command'],
    ['B01/GAS-ESV', 'off', 'unsupported-command'],
    ['B01/FRESH-AIR', 'close', 'unsupported-command'],
    ['B01/FRESH-AIR', 'open', 'unsupported-command'],
    ['NOPE/VALVE', 'close', 'unknown-device'],
  ] as const)('refuses %s %s (%s) and changes nothing', (id, cmd, reason) => {
    const bank = DeviceBank.fromRegistry(registry, START);
    const before = bank.status(id);
    expect(bank.apply(id, command(cmd), START + 1000)).toEqual({ applied: false, reason });
    expect(bank.status(id)).toEqual(before);
  });

  it('answers a command that leaves the state as it was, keeping the time of the last change', () => {
    const bank = DeviceBank.fromRegistry(registry, START);
    bank.apply('B01/GAS-ESV', command('close', 'c1'), START + 1000);
    const again = bank.apply('B01/GAS-ESV', command('close', 'c2'), START + 5000);
    expect(again).toEqual({ applied: true, state: 'closed', changed: false, report: { state: 'closed', atMs: START + 5000, commandId: 'c2' } });
    expect(bank.status('B01/GAS-ESV')).toEqual({ state: 'closed', sinceMs: START + 1000 });
  });

  it("MUN-5 cuts a building's gas with its own valve, and every building's with the station valve", () => {
    const bank = DeviceBank.fromRegistry(registry, START);
    expect(bank.gasSupplyCutSinceMs('B01')).toBeUndefined();
    bank.apply('B01/GAS-ESV', command('close'), START + 2000);
    expect(bank.gasSupplyCutSinceMs('B01')).toBe(START + 2000);
    expect(bank.gasSupplyCutSinceMs('B02')).toBeUndefined();
    expect(bank.gasSupplyCutSinceMs(undefined)).toBeUndefined();
    bank.apply(GAS_STATION_ESV_ID, command('close'), START + 3000);
    expect(bank.gasSupplyCutSinceMs('B01')).toBe(START + 2000);
    expect(bank.gasSupplyCutSinceMs('B02')).toBe(START + 3000);
    expect(bank.gasSupplyCutSinceMs(undefined)).toBe(START + 3000);
    expect(bank.status('B02/GAS-ESV')!.state).toBe('open');
    bank.apply(GAS_STATION_ESV_ID, command('open'), START + 4000);
    bank.apply('B01/GAS-ESV', command('open'), START + 4000);
    expect(bank.gasSupplyCutSinceMs('B01')).toBeUndefined();
    expect(bank.gasSupplyCutSinceMs('B02')).toBeUndefined();
  });

  it("ENV-5 gives a building's fresh-air unit status, none for a building without one", () => {
    const bank = DeviceBank.fromRegistry(registry, START);
    bank.apply('B01/FRESH-AIR', command('on'), START + 1000);
    expect(bank.freshAir('B01')).toEqual({ state: 'on', sinceMs: START + 1000 });
    expect(bank.freshAir('B02')).toEqual({ state: 'off', sinceMs: START });
    expect(bank.freshAir('P01')).toBeUndefined();
    expect(bank.freshAir(undefined)).toBeUndefined();
  });

  it('refuses two devices with one id', () => {
    expect(() => new DeviceBank([{ id: 'X', kind: 'gas-esv' }, { id: 'X', kind: 'fresh-air' }], START)).toThrow(/X is listed twice/);
  });
});
