import { describe, expect, it } from 'vitest';
import { deviceCommandTopic, deviceStateTopic, parseDeviceCommand, parseDeviceState } from './deviceCommands.ts';

describe('device commands and states (PLAT-6, MUN-5)', () => {
  it('keeps device ids with slashes whole in their topics', () => {
    expect(deviceCommandTopic('B01/GAS-ESV')).toBe('twin/v1/commands/B01/GAS-ESV');
    expect(deviceStateTopic('B01/GAS-ESV')).toBe('twin/v1/state/B01/GAS-ESV');
  });

  it('reads well-formed messages and refuses anything else', () => {
    expect(parseDeviceCommand('{"commandId":"c1","command":"close","issuedAtMs":5,"alarmId":"gas-high/B01-GV-LEL-01"}')).toEqual({ commandId: 'c1', command: 'close', issuedAtMs: 5, alarmId: 'gas-high/B01-GV-LEL-01' });
    expect(parseDeviceCommand('{"commandId":"c1","command":"explode","issuedAtMs":5}')).toBeUndefined();
    expect(parseDeviceCommand('{"commandId":"","command":"close","issuedAtMs":5}')).toBeUndefined();
    expect(parseDeviceCommand('not json')).toBeUndefined();
    expect(parseDeviceState('{"state":"closed","atMs":7,"commandId":"c1"}')).toEqual({ state: 'closed', atMs: 7, commandId: 'c1' });
    expect(parseDeviceState('{"state":"closed"}')).toBeUndefined();
    expect(parseDeviceState('[1]')).toBeUndefined();
  });
});
