import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionEndReason } from '@twin/protocol';
import type { ApiError } from '../api/apiError.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { Field } from '../ui/Field.tsx';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { SsoProviderButtons } from './SsoProviderButtons.tsx';
import { usePasswordAttempt } from './usePasswordAttempt.ts';

/**
 * Password login, and single sign-on where the server offers it. A failure says exactly what
 * happened: wrong password, account locked until when, too many attempts and for how long,
 * account disabled.
 */
export function LoginScreen(props: { ended: SessionEndReason | null; problem: ApiError | null }): JSX.Element {
  const { t } = useTranslation();
  const { session } = useConsole();
  const describe = useErrorMessage();
  const [username, setUsername] = useState('');
  const { password, setPassword, busy, failure, submit } = usePasswordAttempt((typed) => session.login(username.trim(), typed), props.problem);

  return (
    <AuthFrame>
      <h2 className="auth-card-title">{t('login.title')}</h2>
      {props.ended !== null && failure === null && <Message kind="info" text={t(`ended.${props.ended}`)} />}
      <form className="form" onSubmit={(event) => void submit(event)}>
        <Field label={t('login.username')}>
          <input className="input" name="username" autoComplete="username" autoFocus required value={username} onChange={(event) => setUsername(event.target.value)} />
        </Field>
        <Field label={t('login.password')}>
          <input className="input" name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </Field>
        <Message kind="error" text={failure === null ? null : describe(failure)} />
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <SsoProviderButtons />
    </AuthFrame>
  );
}
