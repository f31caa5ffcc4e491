import { describe, expect, it } from 'vitest';
import { SENSOR_LAYER_COLORS } from '../build/sensorMarkers.ts';
import { UTILITY_COLORS } from '../build/utilityColors.ts';
import { SENSOR_STATE, SENSOR_STATE_NAMES } from './sensorState.ts';
import { isAlarming, pulseAt, STATE_COLORS, stateColor, stateScale } from './stateStyle.ts';

describe('state style (PLAT-3 colour changes and dynamic icons)', () => {
  it('PLAT-3 keeps the layer tint when normal, darkens it without data, and has one colour per other state', () => {
    const tint = SENSOR_LAYER_COLORS.gas;
    expect(stateColor(SENSOR_STATE.normal, tint)).toBe(tint);
    expect(stateColor(SENSOR_STATE.gasLeak, tint)).toBe(STATE_COLORS.gasLeak);
    expect(stateColor(SENSOR_STATE.stale, tint)).toBe(STATE_COLORS.stale);
    const noData = stateColor(SENSOR_STATE.noData, tint);
    expect(noData).not.toBe(tint);
    expect((noData >> 16) & 255).toBeLessThan((tint >> 16) & 255);
    const colours = SENSOR_STATE_NAMES.map((name) => stateColor(SENSOR_STATE[name], tint));
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('never colours a state like a network', () => {
    const networks = new Set<number>(Object.values(UTILITY_COLORS).map((c) => c.color));
    for (const color of Object.values(STATE_COLORS)) expect(networks.has(color)).toBe(false);
  });

  it('MUN-5 draws alarms larger and keeps their colour on the selected marker', () => {
    expect(stateScale(SENSOR_STATE.gasLeak)).toBeGreaterThan(stateScale(SENSOR_STATE.overLimit));
    expect(stateScale(SENSOR_STATE.overLimit)).toBeGreaterThan(stateScale(SENSOR_STATE.normal));
    expect(isAlarming(SENSOR_STATE.gasLeak) && isAlarming(SENSOR_STATE.overLimit)).toBe(true);
    expect(isAlarming(SENSOR_STATE.stale)).toBe(false);
  });

  it('MUN-5 pulses smoothly from nothing to full strength and back every 900 ms', () => {
    expect(pulseAt(0)).toBeCloseTo(0, 9);
    expect(pulseAt(450)).toBeCloseTo(1, 9);
    expect(pulseAt(900)).toBeCloseTo(0, 9);
    expect(pulseAt(225)).toBeCloseTo(0.5, 9);
  });
});
