import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../session/useConnectionState.ts';
import { useSecondsUntil } from '../session/useSecondsUntil.ts';
import { useServerTime } from '../session/useServerTime.ts';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { formatCountdown, formatDateTime } from '../ui/formatTime.ts';
import { useServerStats } from './useServerStats.ts';

/**
 * The status bar: live connection, server time, ingest figures, who is signed in for which
 * organisation, and the time left before the idle lock (PLAT-8).
 */
export function StatusBar(): JSX.Element {
  const { t, i18n } = useTranslation();
  const session = useSignedInSession();
  const connection = useConnectionState();
  const serverNowMs = useServerTime();
  const idleSeconds = useSecondsUntil(session.idleExpiresAtMs);
  const stats = useServerStats(session.permissions.includes('status.read'));
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <footer className="status-bar">
      <span
        className={`status-item connection connection-${connection.status}`}
        data-testid="connection-status"
        title={connection.problem === null ? undefined : t(`errors.${connection.problem}`)}
      >
        <span className="status-dot" aria-hidden="true" />
        {t('status.connection', { state: t(`status.connectionState.${connection.status}`) })}
      </span>
      <span className="status-item">
        {t('status.serverTime')} <time className="mono">{formatDateTime(serverNowMs, i18n.language)}</time>
      </span>
      {stats !== undefined && (
        <span className="status-item status-ingest">
          {t('status.ingest', { stored: number.format(stats.ingest.stored), lagMs: number.format(stats.ingest.lagMs), clients: number.format(stats.live.clients) })}
        </span>
      )}
      <span className="status-spacer" />
      <span className="status-item" data-testid="status-user">
        {t('status.user', { name: session.user.displayName, organisation: session.organisation.name })}
      </span>
      <span className="status-item" data-testid="idle-remaining">
        {t('status.idleLock')} <span className="mono">{formatCountdown(idleSeconds)}</span>
      </span>
    </footer>
  );
}
