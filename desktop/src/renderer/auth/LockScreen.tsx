import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDto, SessionEndReason } from '@twin/protocol';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { Field } from '../ui/Field.tsx';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { SsoProviderButtons } from './SsoProviderButtons.tsx';
import { usePasswordAttempt } from './usePasswordAttempt.ts';

/**
 * The locked console (REQ PLAT-8 automatic logout after idle time): who was signed in and why
 * it locked. The same user unlocks with the password (a new login), or someone else signs in.
 */
export function LockScreen(props: { session: SessionDto; reason: SessionEndReason }): JSX.Element {
  const { t } = useTranslation();
  const { session } = useConsole();
  const describe = useErrorMessage();
  const { user, organisation } = props.session;
  const { password, setPassword, busy, failure, submit: unlock } = usePasswordAttempt((typed) => session.unlock(typed));

  return (
    <AuthFrame>
      <h2 className="auth-card-title">
        <span className="lock-icon" aria-hidden="true" />
        {t('lock.title')}
      </h2>
      <Message kind="info" text={t(`ended.${props.reason}`)} />
      <p className="lock-user" data-testid="lock-user">
        {t('lock.signedInAs', { displayName: user.displayName, username: user.username, organisation: organisation.name })}
      </p>
      {user.hasPassword ? (
        <form className="form" onSubmit={(event) => void unlock(event)}>
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Field label={t('lock.passwordPrompt')}>
            <input className="input" name="password" type="password" autoComplete="current-password" autoFocus required value={password} onChange={(event) => setPassword(event.target.value)} />
          </Field>
          <Message kind="error" text={failure === null ? null : describe(failure)} />
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t('lock.unlocking') : t('lock.unlock')}
          </button>
        </form>
      ) : (
        <>
          <p className="modal-text">{t('lock.ssoPrompt')}</p>
          <SsoProviderButtons />
        </>
      )}
      <button type="button" className="button button-link" onClick={() => session.switchUser()}>
        {t('lock.switchUser')}
      </button>
    </AuthFrame>
  );
}
