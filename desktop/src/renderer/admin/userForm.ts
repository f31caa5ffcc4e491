import { passwordSchema, usernameSchema, type Sensitivity, type UserCreate, type UserDto, type UserUpdate } from '@twin/protocol';
import { emptyGrantRow, grantRowsOf, grantsOf, type GrantRow } from './grantRows.ts';

/** What the user form edits. `password` is the initial one, or a reset ('' keeps it). */
export interface UserForm {
  username: string;
  displayName: string;
  password: string;
  clearance: Sensitivity;
  grants: GrantRow[];
  disabled: boolean;
  unlock: boolean;
}

/** The validation message keys of the fields that are not valid. */
export type UserFormErrors = Partial<Record<'username' | 'displayName' | 'password' | 'grants', 'validation.username' | 'validation.displayName' | 'validation.password' | 'validation.scopeValue'>>;

/** The form of a new user: an internal-clearance viewer over the whole domain. */
export function newUserForm(): UserForm {
  return { username: '', displayName: '', password: '', clearance: 'internal', grants: [emptyGrantRow()], disabled: false, unlock: false };
}

/** The form of an existing user. */
export function userFormOf(user: UserDto): UserForm {
  return { username: user.username, displayName: user.displayName, password: '', clearance: user.clearance, grants: grantRowsOf(user.grants), disabled: user.disabled, unlock: false };
}

/** Checks the form with the rules of the server's schemas (`userCreateSchema`, `userUpdateSchema`). */
export function validateUserForm(form: UserForm, creating: boolean): UserFormErrors {
  const errors: UserFormErrors = {};
  if (creating && !usernameSchema.safeParse(form.username.trim()).success) errors.username = 'validation.username';
  const displayName = form.displayName.trim();
  if (displayName.length < 1 || displayName.length > 64) errors.displayName = 'validation.displayName';
  if ((creating || form.password !== '') && !passwordSchema.safeParse(form.password).success) errors.password = 'validation.password';
  const scopeValues = form.grants.flatMap((row) => [row.zone, row.building, row.layer, row.community]);
  if (scopeValues.some((value) => value.trim().length > 64)) errors.grants = 'validation.scopeValue';
  return errors;
}

/** The body of `POST /api/admin/users`. */
export function userCreateOf(form: UserForm): UserCreate {
  return { username: form.username.trim(), displayName: form.displayName.trim(), password: form.password, clearance: form.clearance, grants: grantsOf(form.grants), ssoLinks: [] };
}

/** The body of `PATCH /api/admin/users/:id`: only what changed. */
export function userUpdateOf(form: UserForm, user: UserDto): UserUpdate {
  const update: UserUpdate = {};
  const displayName = form.displayName.trim();
  if (displayName !== user.displayName) update.displayName = displayName;
  if (form.password !== '') update.password = form.password;
  if (form.clearance !== user.clearance) update.clearance = form.clearance;
  const grants = grantsOf(form.grants);
  if (JSON.stringify(grants) !== JSON.stringify(grantsOf(grantRowsOf(user.grants)))) update.grants = grants;
  if (form.disabled !== user.disabled) update.disabled = form.disabled;
  if (form.unlock) update.unlock = true;
  return update;
}
