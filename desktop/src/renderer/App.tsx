import { useEffect, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { LockScreen } from './auth/LockScreen.tsx';
import { LoginScreen } from './auth/LoginScreen.tsx';
import { ControlRoom } from './shell/ControlRoom.tsx';
import { useSessionState } from './session/useSessionState.ts';

/** The console by session phase: start-up, login, control room, lock screen. */
export function App(): JSX.Element {
  const { t } = useTranslation();
  const state = useSessionState();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  switch (state.phase) {
    case 'starting':
      return (
        <div className="splash" role="status">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.starting')}
        </div>
      );
    case 'signedOut':
      return <LoginScreen ended={state.ended} problem={state.problem} />;
    case 'signedIn':
      // A new user gets a fresh control room; the same user after unlocking too (the lock cleared it).
      return <ControlRoom key={state.session.user.id} />;
    case 'locked':
      return <LockScreen session={state.session} reason={state.reason} />;
  }
}
