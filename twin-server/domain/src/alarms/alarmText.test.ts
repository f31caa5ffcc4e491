import { describe, expect, it } from 'vitest';
import { commandUnconfirmedText, displayUnit, sensorAlarmText } from './alarmText.ts';
import { testSensor } from './testing/alarmFixtures.ts';

const detector = testSensor('B01-GV-LEL-01');
const formaldehyde = testSensor('B01-F03-HCHO-01');
const noise = testSensor('B01-F03-NOISE-01');
const door = testSensor('B01-F01-DOOR-01');
const limit = (type: 'high' | 'high_high' | 'low' | 'low_low', day: number) => ({ type, limit: { day, night: day }, deadband: { day: 0, night: 0 }, onDelayMs: 0, offDelayMs: 0 });

describe('alarm messages', () => {
  it('MUN-5 says what the gas detector measured against which limit, in Chinese and English', () => {
    expect(sensorAlarmText(detector, limit('high', 20), 23, 20)).toEqual({
      message: '1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL',
      messageEn: 'Building 1 gas shut-off valve detector: Combustible gas 23.0 %LEL above the high limit 20 %LEL',
    });
    expect(sensorAlarmText(detector, limit('high_high', 50), 51.25, 50).message).toBe('1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 51.3 %LEL 超过上上限 50 %LEL');
  });

  it('ENV-5 ENV-4 shows small limits with enough decimals, night limits and display units', () => {
    expect(sensorAlarmText(formaldehyde, limit('high', 0.08), 0.085, 0.08).message).toBe('1栋3层301主卧甲醛 甲醛 0.085 mg/m³ 超过上限 0.08 mg/m³');
    expect(sensorAlarmText(noise, { ...limit('high', 45), limit: { day: 45, night: 35 } }, 38, 35).messageEn).toBe(
      'Building 1 F03 flat 301 bedroom noise: Noise 38.0 dB(A) above the high limit 35 dB(A)',
    );
  });

  it('PLAT-8 describes a limit alarm without a value by its day limit', () => {
    expect(sensorAlarmText(detector, limit('low_low', 1), undefined, undefined)).toEqual({
      message: '1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 低于下下限 1 %LEL',
      messageEn: 'Building 1 gas shut-off valve detector: Combustible gas below the low-low limit 1 %LEL',
    });
    expect(sensorAlarmText(detector, limit('low', 2), 1, 2).messageEn).toMatch(/1\.0 %LEL below the low limit 2 %LEL$/);
  });

  it('PLAT-8 rate of change, stale and fault messages', () => {
    const rate = { type: 'rate_of_change', maxPerMinute: 5, windowMs: 60_000, direction: 'either', capacity: 14 } as const;
    expect(sensorAlarmText(detector, rate, 7.25, 5).message).toBe('1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 变化速率 7.3 %LEL/分钟 超过 5 %LEL/分钟');
    expect(sensorAlarmText(detector, rate, undefined, undefined).messageEn).toBe('Building 1 gas shut-off valve detector: Combustible gas changing faster than 5 %LEL/min');
    expect(sensorAlarmText(detector, { type: 'stale', afterMs: 25_000 }, undefined, undefined)).toEqual({
      message: '1栋燃气紧急切断阀可燃气体探测器 超过 25 秒无数据',
      messageEn: 'Building 1 gas shut-off valve detector: no data for more than 25 s',
    });
    expect(sensorAlarmText(noise, { type: 'stale', afterMs: 150_000 }, undefined, undefined).message).toBe('1栋3层301主卧噪声 超过 3 分钟无数据');
    expect(sensorAlarmText(noise, { type: 'stale', afterMs: 7_200_000 }, undefined, undefined).messageEn).toMatch(/more than 2 h$/);
    const fault = { type: 'fault', range: { min: 0, max: 100 }, flatlineMs: 3_600_000, flatlineTolerance: 0 } as const;
    expect(sensorAlarmText(detector, fault, 104, 100).message).toBe('1栋燃气紧急切断阀可燃气体探测器 读数 104.0 %LEL 超出量程 0–100 %LEL');
    expect(sensorAlarmText(detector, fault, 3, undefined).messageEn).toBe('Building 1 gas shut-off valve detector: reading stuck at 3.0 %LEL for 60 min');
    expect(sensorAlarmText(detector, fault, undefined, undefined).message).toBe('1栋燃气紧急切断阀可燃气体探测器 传感器故障');
    expect(sensorAlarmText(door, { type: 'fault', range: { min: 0, max: 2 }, flatlineTolerance: 0 }, 7, 2).message).toBe('1栋首层大堂单元门禁 读数 7.0 超出量程 0–2');
  });

  it('PLAT-6 says which device did not confirm which command', () => {
    expect(commandUnconfirmedText('B01/GAS-ESV', 'close', 5000)).toEqual({
      message: '设备 B01/GAS-ESV 未在 5 秒内确认关闭指令',
      messageEn: 'Device B01/GAS-ESV did not confirm the command "close" within 5 s',
    });
    expect(commandUnconfirmedText('B01/FRESH-AIR', 'on', 60_000).message).toBe('设备 B01/FRESH-AIR 未在 60 秒内确认开启指令');
  });

  it('PLAT-3 shows units readably', () => {
    expect(['Cel', 'ug/m3', 'm3/h', 'ppm', 'event'].map(displayUnit)).toEqual(['°C', 'μg/m³', 'm³/h', 'ppm', '']);
  });
});
