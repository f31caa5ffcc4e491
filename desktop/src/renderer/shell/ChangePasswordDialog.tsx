import { useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema } from '@twin/protocol';
import { ApiError } from '../api/apiError.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { Field } from '../ui/Field.tsx';
import { Message } from '../ui/Message.tsx';
import { Modal } from '../ui/Modal.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';

/** Changes the signed-in user's own password (`POST /api/auth/password`). */
export function ChangePasswordDialog(props: { onClose: () => void }): JSX.Element {
  const { t } = useTranslation();
  const { api } = useConsole();
  const describe = useErrorMessage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const policyError = checked && !passwordSchema.safeParse(next).success ? t('validation.password') : null;
  const mismatch = checked && confirm !== next ? t('password.mismatch') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!passwordSchema.safeParse(next).success || confirm !== next) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.post('/api/auth/password', { currentPassword: current, newPassword: next });
      setDone(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  // Here a refused login means the current password was wrong, nothing else.
  const wrongCurrent = failure instanceof ApiError && (failure.code === 'TWIN_ERR_AUTH_LOGIN_FAILED' || failure.code === 'TWIN_ERR_AUTH_INVALID');

  return (
    <Modal title={t('password.title')} onClose={props.onClose}>
      {done ? (
        <>
          <Message kind="success" text={t('password.changed')} />
          <div className="modal-actions">
            <button type="button" className="button button-primary" onClick={props.onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <Field label={t('password.current')}>
            <input className="input" type="password" autoComplete="current-password" required autoFocus value={current} onChange={(event) => setCurrent(event.target.value)} />
          </Field>
          <Field label={t('password.next')} hint={t('password.policy')} error={policyError}>
            <input className="input" type="password" autoComplete="new-password" required value={next} onChange={(event) => setNext(event.target.value)} />
          </Field>
          <Field label={t('password.confirm')} error={mismatch}>
            <input className="input" type="password" autoComplete="new-password" required value={confirm} onChange={(event) => setConfirm(event.target.value)} />
          </Field>
          <Message kind="error" text={failure === null ? null : wrongCurrent ? t('password.wrongCurrent') : describe(failure)} />
          <div className="modal-actions">
            <button type="button" className="button" onClick={props.onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('password.submit')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
