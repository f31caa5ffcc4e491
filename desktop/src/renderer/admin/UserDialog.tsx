import { useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { SENSITIVITY_LEVELS, type Sensitivity, type UserDto } from '@twin/protocol';
import { isUserDto } from '../api/dtoGuards.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { Field } from '../ui/Field.tsx';
import { formatDateTime } from '../ui/formatTime.ts';
import { Message } from '../ui/Message.tsx';
import { Modal } from '../ui/Modal.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { GrantsEditor } from './GrantsEditor.tsx';
import type { ScopeSuggestions } from './useScopeSuggestions.ts';
import { newUserForm, userCreateOf, userFormOf, userUpdateOf, validateUserForm, type UserForm } from './userForm.ts';

/**
 * Creates a user (`user` absent) or edits one: name, clearance (PLAT-11 graded data
 * permissions), grants (PLAT-8), and for an existing user disabling, unlocking and a password
 * reset. Resolves `onSaved` with the server's record.
 */
export function UserDialog(props: { user?: UserDto; suggestions: ScopeSuggestions; onSaved: (user: UserDto) => void; onClose: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { api, clock } = useConsole();
  const describe = useErrorMessage();
  const { user } = props;
  const creating = user === undefined;
  const [form, setForm] = useState<UserForm>(() => (user === undefined ? newUserForm() : userFormOf(user)));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = checked ? validateUserForm(form, creating) : {};
  const change = (patch: Partial<UserForm>) => setForm({ ...form, ...patch });
  // A lock in the past has ended by itself.
  const lockedUntilMs = user?.lockedUntilMs != null && user.lockedUntilMs > clock.now() ? user.lockedUntilMs : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(validateUserForm(form, creating)).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved =
        user === undefined
          ? await api.postJson('/api/admin/users', userCreateOf(form), isUserDto)
          : await api.patchJson(`/api/admin/users/${encodeURIComponent(user.id)}`, userUpdateOf(form, user), isUserDto);
      props.onSaved(saved);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <Modal title={user === undefined ? t('userForm.createTitle') : t('userForm.editTitle', { username: user.username })} onClose={props.onClose} wide>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-row">
          {creating && (
            <Field label={t('userForm.username')} error={errors.username === undefined ? null : t(errors.username)}>
              <input className="input" name="username" autoComplete="off" autoFocus value={form.username} onChange={(event) => change({ username: event.target.value })} />
            </Field>
          )}
          <Field label={t('userForm.displayName')} error={errors.displayName === undefined ? null : t(errors.displayName)}>
            <input className="input" name="displayName" autoComplete="off" value={form.displayName} onChange={(event) => change({ displayName: event.target.value })} />
          </Field>
          <Field label={t('userForm.clearance')}>
            <select className="input" name="clearance" value={form.clearance} onChange={(event) => change({ clearance: event.target.value as Sensitivity })}>
              {SENSITIVITY_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`clearance.${level}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field
          label={creating ? t('userForm.initialPassword') : t('userForm.resetPassword')}
          hint={creating ? t('password.policy') : t('userForm.resetPasswordHint')}
          error={errors.password === undefined ? null : t(errors.password)}
        >
          <input className="input" name="password" type="password" autoComplete="new-password" value={form.password} onChange={(event) => change({ password: event.target.value })} />
        </Field>
        <GrantsEditor rows={form.grants} onChange={(grants) => change({ grants })} suggestions={props.suggestions} error={errors.grants === undefined ? null : t(errors.grants)} />
        {!creating && (
          <div className="form-row form-row-inline">
            <label className="checkbox">
              <input type="checkbox" name="disabled" checked={form.disabled} onChange={(event) => change({ disabled: event.target.checked })} />
              {t('userForm.disabled')}
            </label>
            {lockedUntilMs !== null && (
              <span className="locked-note">
                {t('userForm.lockedUntil', { time: formatDateTime(lockedUntilMs, i18n.language) })}{' '}
                {form.unlock ? (
                  <span className="field-hint">{t('userForm.unlockPending')}</span>
                ) : (
                  <button type="button" className="button button-small" onClick={() => change({ unlock: true })}>
                    {t('userForm.unlock')}
                  </button>
                )}
              </span>
            )}
          </div>
        )}
        <Message kind="error" text={failure === null ? null : describe(failure)} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
