import { useEffect, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { AlarmsWindow } from './alarms/AlarmsWindow.tsx';
import { LockScreen } from './auth/LockScreen.tsx';
import { LoginScreen } from './auth/LoginScreen.tsx';
import { CamerasWindow } from './cameras/CamerasWindow.tsx';
import { ControlRoom } from './shell/ControlRoom.tsx';
import { useDetachedWindow } from './shell/useDetachedWindow.ts';
import { useSessionState } from './session/useSessionState.ts';

/**
 * The console by session phase: start-up, login, control room (or the detached view this window
 * was opened for, `#/window/<name>`), lock screen.
 */
export function App(): JSX.Element {
  const { t } = useTranslation();
  const state = useSessionState();
  const detached = useDetachedWindow();
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
      if (detached === 'alarms') return <AlarmsWindow key={state.session.user.id} />;
      if (detached === 'cameras') return <CamerasWindow key={state.session.user.id} />;
      return <ControlRoom key={state.session.user.id} />;
    case 'locked':
      return <LockScreen session={state.session} reason={state.reason} />;
  }
}
