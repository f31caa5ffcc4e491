import { describe, expect, it } from 'vitest';
import { classifyTopic } from './telemetryTopics.ts';

describe('MQTT topics (PLAT-10 device interface, PLAT-6 commands)', () => {
  it.each([
    ['twin/v1/telemetry', { role: 'telemetry' }],
    ['twin/v1/telemetry/B01-F03-LEL-01', { role: 'telemetry', sensorId: 'B01-F03-LEL-01' }],
    ['twin/v1/telemetry/a/b', { role: 'other' }],
    ['twin/v1/commands/B01/GAS-ESV', { role: 'command', deviceId: 'B01/GAS-ESV' }],
    ['twin/v1/commands/#', { role: 'command-wildcard' }],
    ['twin/v1/commands/+', { role: 'other' }],
    ['twin/v1/state/B01/GAS-ESV', { role: 'state', deviceId: 'B01/GAS-ESV' }],
    ['twin/v1/state/B01//GAS-ESV', { role: 'other' }],
    ['twin/v1/status/gateway-7', { role: 'status', deviceId: 'gateway-7' }],
    ['twin/v2/state/x', { role: 'other' }],
    ['twin/v1/state', { role: 'other' }],
  ])('%s', (topic, role) => {
    expect(classifyTopic(topic)).toEqual(role);
  });
});
