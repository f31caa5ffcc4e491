import { describe, expect, it } from 'vitest';
import type { OrganisationDto } from '@twin/protocol';
import { invalidSettings, organisationFormOf, organisationUpdateOf } from './organisationForm.ts';

const organisation: OrganisationDto = {
  id: 'futian-property',
  name: '福田物业',
  kind: 'property',
  domain: [{ community: 'futian' }],
  idleTimeoutS: 900,
  sessionLifetimeS: 43_200,
  lockoutThreshold: 5,
  lockoutS: 900,
};

describe('organisation settings form (PLAT-8 configurable automatic logout)', () => {
  it('shows durations in minutes', () => {
    expect(organisationFormOf(organisation)).toEqual({ name: '福田物业', idleTimeout: '15', sessionLifetime: '720', lockoutThreshold: '5', lockoutDuration: '15' });
  });

  it('PLAT-8 sends a changed idle timeout in seconds, and nothing else', () => {
    const form = { ...organisationFormOf(organisation), idleTimeout: '5' };
    expect(organisationUpdateOf(form, organisation)).toEqual({ idleTimeoutS: 300 });
  });

  it('keeps a setting the form rounds (90 s shown as 2 minutes) unless it is edited', () => {
    const odd = { ...organisation, idleTimeoutS: 90 };
    expect(organisationUpdateOf(organisationFormOf(odd), odd)).toEqual({});
  });

  it('accepts only whole numbers within the ranges the server accepts', () => {
    const form = organisationFormOf(organisation);
    expect(invalidSettings(form)).toEqual([]);
    expect(invalidSettings({ ...form, idleTimeout: '0', lockoutThreshold: '2', lockoutDuration: '1.5', sessionLifetime: '10081' })).toEqual([
      'idleTimeout',
      'sessionLifetime',
      'lockoutThreshold',
      'lockoutDuration',
    ]);
  });
});
