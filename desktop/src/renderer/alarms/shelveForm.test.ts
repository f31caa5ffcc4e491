import { describe, expect, it } from 'vitest';
import { EMPTY_SHELVE_FORM, shelveRequestOf } from './shelveForm.ts';

describe('shelving an alarm (PLAT-8 alarm management)', () => {
  it('PLAT-8 shelves for a fixed duration with a reason', () => {
    expect(shelveRequestOf({ choice: '15m', customMinutes: '', reason: ' 检修 ' })).toEqual({ ok: true, durationMs: 900_000, reason: '检修' });
    expect(shelveRequestOf({ ...EMPTY_SHELVE_FORM, choice: '8h', reason: 'maintenance' })).toEqual({ ok: true, durationMs: 28_800_000, reason: 'maintenance' });
  });

  it('PLAT-8 refuses to shelve without a reason', () => {
    expect(shelveRequestOf({ ...EMPTY_SHELVE_FORM, reason: '   ' })).toEqual({ ok: false, errors: { reason: true } });
  });

  it('takes a custom duration in whole minutes between 1 and 1440', () => {
    expect(shelveRequestOf({ choice: 'custom', customMinutes: '90', reason: 'r' })).toEqual({ ok: true, durationMs: 5_400_000, reason: 'r' });
    for (const customMinutes of ['', '0', '1441', '1.5', '-5', 'abc']) {
      expect(shelveRequestOf({ choice: 'custom', customMinutes, reason: 'r' })).toEqual({ ok: false, errors: { minutes: true } });
    }
  });

  it('reports every problem at once', () => {
    expect(shelveRequestOf({ choice: 'custom', customMinutes: '', reason: '' })).toEqual({ ok: false, errors: { minutes: true, reason: true } });
  });
});
