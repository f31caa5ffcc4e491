import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { idleWarningMs } from '../session/idlePolicy.ts';
import { useSecondsUntil } from '../session/useSecondsUntil.ts';
import { useSignedInSession } from '../session/useSignedInSession.ts';

/**
 * The warning before the idle lock (REQ PLAT-8 configurable automatic logout): "locking in N s"
 * during the last minute. Any input dismisses it, because input is activity.
 */
export function IdleCountdownOverlay(): JSX.Element | null {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const seconds = useSecondsUntil(session.idleExpiresAtMs);
  if (seconds <= 0 || seconds * 1000 > idleWarningMs(session.organisation.idleTimeoutS)) return null;
  return (
    <div className="idle-overlay" role="alertdialog" aria-labelledby="idle-overlay-title" aria-describedby="idle-overlay-countdown">
      <div className="idle-card">
        <h2 id="idle-overlay-title" className="idle-title">
          {t('idle.title')}
        </h2>
        <p id="idle-overlay-countdown" className="idle-countdown" aria-live="assertive">
          {t('idle.countdown', { seconds })}
        </p>
        <p className="idle-hint">{t('idle.hint')}</p>
      </div>
    </div>
  );
}
