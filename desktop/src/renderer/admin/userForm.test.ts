import { describe, expect, it } from 'vitest';
import type { UserDto } from '@twin/protocol';
import { newUserForm, userCreateOf, userFormOf, userUpdateOf, validateUserForm } from './userForm.ts';

const user: UserDto = {
  id: 'u-1',
  orgId: 'org-1',
  username: 'wang.fang',
  displayName: '王芳',
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

describe('user form', () => {
  it('asks a new user for a valid user name, a name and a password of at least 12 characters', () => {
    expect(validateUserForm(newUserForm(), true)).toEqual({ username: 'validation.username', displayName: 'validation.displayName', password: 'validation.password' });
    const form = { ...newUserForm(), username: 'li.lei', displayName: '李雷', password: 'short' };
    expect(validateUserForm(form, true)).toEqual({ password: 'validation.password' });
    expect(validateUserForm({ ...form, password: 'twelve chars!' }, true)).toEqual({});
  });

  it('lets an edit keep the password when the reset field is empty', () => {
    expect(validateUserForm(userFormOf(user), false)).toEqual({});
  });

  it('rejects scope values longer than the server accepts', () => {
    const form = userFormOf(user);
    form.grants[0]!.zone = 'z'.repeat(65);
    expect(validateUserForm(form, false)).toEqual({ grants: 'validation.scopeValue' });
  });

  it('sends a new user with trimmed names and the grants', () => {
    const form = { ...newUserForm(), username: ' li.lei ', displayName: ' 李雷 ', password: 'twelve chars!', clearance: 'restricted' as const };
    expect(userCreateOf(form)).toEqual({ username: 'li.lei', displayName: '李雷', password: 'twelve chars!', clearance: 'restricted', grants: [{ role: 'viewer', scope: {} }], ssoLinks: [] });
  });

  it('PLAT-8 sends only what an edit changed: grants, clearance, disabling, unlocking, a reset password', () => {
    expect(userUpdateOf(userFormOf(user), user)).toEqual({});
    const form = userFormOf(user);
    form.grants[0]!.layer = 'gas';
    expect(userUpdateOf({ ...form, clearance: 'restricted', disabled: true, unlock: true, password: 'a new password' }, user)).toEqual({
      grants: [{ role: 'operator', scope: { zone: 'zone-a', layer: 'gas' } }],
      clearance: 'restricted',
      disabled: true,
      unlock: true,
      password: 'a new password',
    });
  });
});
