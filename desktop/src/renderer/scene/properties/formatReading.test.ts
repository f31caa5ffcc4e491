import { describe, expect, it } from 'vitest';
import { formatReading } from './formatReading.ts';

describe('formatReading', () => {
  it('shows measurements with their unit', () => {
    expect(formatReading('water_flow', 'm3/h', 6.1034, 'en')).toBe('6.103 m3/h');
  });

  it('shows event codes in words (camera status, doors, parking)', () => {
    expect(formatReading('camera_status', 'status', 1, 'en')).toBe('online');
    expect(formatReading('camera_status', 'status', 0, 'zh-CN')).toBe('离线');
    expect(formatReading('door', 'event', 2, 'en')).toBe('forced');
    expect(formatReading('parking', 'event', 1, 'zh-CN')).toBe('占用');
    expect(formatReading('door', 'event', 7, 'en')).toBe('7 event');
  });
});
