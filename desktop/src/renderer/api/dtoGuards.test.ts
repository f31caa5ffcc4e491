import { describe, expect, it } from 'vitest';
import { isAuditEventList, isLoginResult, isSessionDto, isUserDto } from './dtoGuards.ts';

const user = {
  id: 'u-1',
  orgId: 'o-1',
  username: 'zhangwei',
  displayName: '张伟',
  clearance: 'internal',
  grants: [{ role: 'operator', scope: { zone: 'zone-a' } }],
  disabled: false,
  hasPassword: true,
  ssoLinks: [],
  demoCredentials: false,
  createdAtMs: 1,
  lastLoginAtMs: null,
  lockedUntilMs: null,
};
const organisation = { id: 'o-1', name: '福田物业', kind: 'property', domain: [{}], idleTimeoutS: 900, sessionLifetimeS: 43_200, lockoutThreshold: 5, lockoutS: 900 };
const session = { user, organisation, permissions: ['status.read'], serverTimeMs: 1, idleExpiresAtMs: 2, expiresAtMs: 3 };

describe('checks of what the server answers', () => {
  it('accepts a session and a login answer of the contract', () => {
    expect(isSessionDto(session)).toBe(true);
    expect(isLoginResult({ token: 'tok', session })).toBe(true);
  });

  it('refuses unknown roles, permissions and sensitivity levels', () => {
    expect(isUserDto({ ...user, grants: [{ role: 'root', scope: {} }] })).toBe(false);
    expect(isUserDto({ ...user, clearance: 'top-secret' })).toBe(false);
    expect(isSessionDto({ ...session, permissions: ['everything'] })).toBe(false);
  });

  it('refuses missing or mistyped fields', () => {
    expect(isLoginResult({ token: '', session })).toBe(false);
    expect(isSessionDto({ ...session, idleExpiresAtMs: '2' })).toBe(false);
    expect(isUserDto({ ...user, lockedUntilMs: undefined })).toBe(false);
    expect(isAuditEventList([{ id: 1, tsMs: 1, actorName: 'a', action: 'auth.login', target: 't', outcome: 'maybe', ip: '::1', detail: {} }])).toBe(false);
  });
});
