import { describe, expect, it } from 'vitest';
import type { SensorDefinition } from '@twin/protocol';
import { LINE_COLORS, planTrend } from './trendAxes.ts';
import { unitLabel } from './unitLabel.ts';

const sensor = (id: string, kind: SensorDefinition['kind'], unit: string, thresholds?: SensorDefinition['thresholds']): SensorDefinition => ({
  id,
  kind,
  unit,
  name: id,
  location: { lon: 114.06, lat: 22.54, heightM: 1.5, area: 'zone-a', placement: 'indoor' },
  samplingIntervalS: 60,
  ...(thresholds === undefined ? {} : { thresholds }),
});

describe('trend axes (PLAT-3 trend charts; ENV-2..5)', () => {
  it('puts sensors of one unit on one axis with their distinct limits', () => {
    const plan = planTrend([sensor('N1', 'noise', 'dBA', { day: { high: 45 }, night: { high: 35 } }), sensor('N2', 'noise', 'dBA', { day: { high: 45 }, night: { high: 35 } }), sensor('N3', 'noise', 'dBA', { day: { high: 55 }, night: { high: 45 } })]);
    expect(plan.axes).toEqual([{ scale: 'y', unit: 'dBA', kinds: ['noise'], thresholds: [{ day: { high: 45 }, night: { high: 35 } }, { day: { high: 55 }, night: { high: 45 } }] }]);
    expect(plan.lines.map((l) => [l.sensor.id, l.scale, l.color])).toEqual([
      ['N1', 'y', LINE_COLORS[0]],
      ['N2', 'y', LINE_COLORS[1]],
      ['N3', 'y', LINE_COLORS[2]],
    ]);
  });

  it('gives a second unit a second axis and leaves out a third', () => {
    const plan = planTrend([sensor('T1', 'temperature', 'Cel'), sensor('H1', 'humidity', '%RH'), sensor('T2', 'temperature', 'Cel'), sensor('C1', 'co2', 'ppm')]);
    expect(plan.axes.map((a) => [a.scale, a.unit])).toEqual([
      ['y', 'Cel'],
      ['y2', '%RH'],
    ]);
    expect(plan.lines.map((l) => [l.sensor.id, l.scale])).toEqual([
      ['T1', 'y'],
      ['H1', 'y2'],
      ['T2', 'y'],
    ]);
    expect(plan.omitted.map((s) => s.id)).toEqual(['C1']);
  });

  it('writes registry units as people read them', () => {
    expect(['dBA', 'ug/m3', 'Cel', 'ppm'].map(unitLabel)).toEqual(['dB(A)', 'µg/m³', '°C', 'ppm']);
  });
});
