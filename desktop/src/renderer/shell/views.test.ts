import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '@twin/protocol';
import { hashOfView, viewOfHash, visibleViews } from './views.ts';

describe('control-room views (PLAT-8 multi-level operation permissions)', () => {
  it('PLAT-8 opens every administrative view to an administrator', () => {
    expect(visibleViews(ROLE_PERMISSIONS.administrator)).toEqual(['overview', 'alarms', 'cameras', 'users', 'audit', 'organisation']);
  });

  it('PLAT-8 GOV-3 shows a viewer or an operator the overview, the alarms and the camera wall only', () => {
    expect(visibleViews(ROLE_PERMISSIONS.viewer)).toEqual(['overview', 'alarms', 'cameras']);
    expect(visibleViews(ROLE_PERMISSIONS.operator)).toEqual(['overview', 'alarms', 'cameras']);
  });

  it('opens each view for exactly the permission it needs', () => {
    expect(visibleViews(['audit.read'])).toEqual(['overview', 'audit']);
    expect(visibleViews(['users.manage'])).toEqual(['overview', 'users']);
    expect(visibleViews(['org.configure'])).toEqual(['overview', 'organisation']);
    expect(visibleViews(['alarms.read'])).toEqual(['overview', 'alarms']);
    expect(visibleViews(['sensors.read'])).toEqual(['overview', 'cameras']);
    expect(visibleViews([])).toEqual(['overview']);
  });

  it('reads views from the location hash and writes them back', () => {
    expect(viewOfHash('#/users')).toBe('users');
    expect(viewOfHash('#/audit')).toBe('audit');
    expect(viewOfHash('#/alarms')).toBe('alarms');
    expect(viewOfHash('#/cameras')).toBe('cameras');
    expect(viewOfHash('')).toBe('overview');
    expect(viewOfHash('#/sso')).toBe('overview');
    expect(viewOfHash(hashOfView('organisation'))).toBe('organisation');
    expect(hashOfView('overview')).toBe('#/');
  });
});
