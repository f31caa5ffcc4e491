import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { IdleCountdownOverlay } from '../shell/IdleCountdownOverlay.tsx';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { AlarmsView } from './AlarmsView.tsx';
import { useAlarmFeed } from './useAlarmFeed.ts';

/**
 * The alarm console in a window of its own (`#/window/alarms`, e.g. on a second screen): the
 * alarm view with a slim title bar. The control room's window keeps the banner and the sound.
 */
export function AlarmsWindow(): JSX.Element {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const canRead = session.permissions.includes('alarms.read');
  const alarms = useAlarmFeed(canRead);
  return (
    <div className="alarms-window">
      <header className="alarms-window-bar">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('alarms.windowTitle')}</span>
        <span className="admin-header-spacer" />
        <LanguageSwitch />
      </header>
      {canRead ? <AlarmsView alarms={alarms} detached /> : <p className="message message-error">{t('errors.TWIN_ERR_AUTH_PERMISSION')}</p>}
      <IdleCountdownOverlay />
    </div>
  );
}
