import { describe, expect, it } from 'vitest';
import { alarmMessage, alarmPlace, knownLayer } from './alarmText.ts';
import { testAlarm } from './testAlarms.ts';

describe('alarm texts (PROP-2 e Chinese interface, English second)', () => {
  it('shows the message in the console language, Chinese by default', () => {
    const alarm = testAlarm({ message: '燃气泄漏', messageEn: 'Gas leak' });
    expect(alarmMessage(alarm, 'zh-CN')).toBe('燃气泄漏');
    expect(alarmMessage(alarm, 'en')).toBe('Gas leak');
  });

  it('names the place by zone and building as far as they are known', () => {
    expect(alarmPlace({ area: 'A', building: 'A1' })).toBe('A · A1');
    expect(alarmPlace({ area: 'A' })).toBe('A');
    expect(alarmPlace({})).toBe('');
  });

  it('recognises the layers the console has names for', () => {
    expect(knownLayer('gas')).toBe('gas');
    expect(knownLayer('sewage')).toBe('sewage');
    expect(knownLayer('fire')).toBeUndefined();
  });
});
