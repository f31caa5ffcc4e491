import { useCallback, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { isSsoProviderList } from '../api/dtoGuards.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { useLoad } from '../ui/useLoad.ts';
import { beginBrowserSso, shellSsoError } from './ssoFlow.ts';

/**
 * One button per single sign-on provider of the server (REQ PLAT-11 unified identity
 * authentication and SSO). In the desktop shell the system browser signs in
 * (`window.twinShell.signInWithSso`); in a browser this tab goes to the provider and comes back.
 */
export function SsoProviderButtons(): JSX.Element | null {
  const { t } = useTranslation();
  const { api, session } = useConsole();
  const describe = useErrorMessage();
  const providers = useLoad(useCallback((signal: AbortSignal) => api.getJson('/api/auth/oidc/providers', isSsoProviderList, { signal }), [api]));
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  // Single sign-on is optional: without providers (or their list) the password form stands alone.
  if (providers.data === undefined || providers.data.length === 0) return null;

  const signIn = async (providerId: string) => {
    setPending(providerId);
    setFailure(null);
    const shell = window.twinShell;
    try {
      if (shell === undefined) {
        await beginBrowserSso(api, providerId, window.location, window.sessionStorage);
        return;
      }
      await session.signInWith(() => shell.signInWithSso(providerId).catch((rejection: unknown) => Promise.reject(shellSsoError(rejection))));
    } catch (error) {
      setFailure(error);
      setPending(null);
    }
  };

  return (
    <div className="sso">
      <div className="sso-divider">
        <span>{t('login.ssoDivider')}</span>
      </div>
      <div className="sso-buttons">
        {providers.data.map((provider) => (
          <button key={provider.id} type="button" className="button button-block" disabled={pending !== null} onClick={() => void signIn(provider.id)}>
            {pending === provider.id ? t('login.ssoRedirecting', { name: provider.name }) : t('login.ssoWith', { name: provider.name })}
          </button>
        ))}
      </div>
      <Message kind="error" text={failure === null ? null : describe(failure)} />
    </div>
  );
}
