import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ALARM_SEVERITIES, type AlarmDto } from '@twin/protocol';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { formatRecentTime } from '../ui/formatTime.ts';
import { severityToSound } from './alarmSounds.ts';
import { AlarmStateIcon } from './AlarmStateIcon.tsx';
import { alarmTimeMs } from './alarmStates.ts';
import { alarmMessage } from './alarmText.ts';
import { bannerSummary } from './bannerSummary.ts';
import './alarms.css';
import type { AlarmFeedHandle } from './useAlarmFeed.ts';
import { useAlarmFeedState } from './useAlarmFeedState.ts';
import { useAlarmSnapshot } from './useAlarmSnapshot.ts';
import { useAlarmSounds } from './useAlarmSounds.ts';

/**
 * The alarm strip under the top bar (REQ PLAT-3 colour, icons and sound): the alarm most in need
 * of the operator, flashing in its severity's colour until acknowledged, the unacknowledged
 * alarms counted by severity, and the console's mute switch. It also sounds the alarms: the
 * pattern of the highest severity with an unacknowledged active alarm repeats until none is left.
 * While updates do not arrive it says so: a quiet banner must not be mistaken for a quiet plant.
 */
export function AlarmBanner(props: { alarms: AlarmFeedHandle; onLocate: (alarm: AlarmDto) => void; onOpenList: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { clock } = useConsole();
  const snapshot = useAlarmSnapshot(props.alarms.book);
  const { phase } = useAlarmFeedState(props.alarms.feed);
  const summary = useMemo(() => bannerSummary(snapshot.alarms), [snapshot.alarms]);
  const { muted, setMuted } = useAlarmSounds(useMemo(() => severityToSound(snapshot.alarms), [snapshot.alarms]));
  const { headline } = summary;

  return (
    <div
      className={headline === null ? 'alarm-banner is-calm' : `alarm-banner severity-${headline.severity} state-${headline.state}`}
      data-testid="alarm-banner"
      role="region"
      aria-label={t('alarms.banner.label')}
    >
      {headline === null ? (
        <span className="alarm-banner-calm">{snapshot.loaded ? t('alarms.banner.none') : t('alarms.banner.unknown')}</span>
      ) : (
        <button
          type="button"
          className="alarm-banner-headline"
          data-testid="alarm-banner-headline"
          data-alarm-id={headline.id}
          title={t('alarms.banner.locate', { source: headline.sourceId })}
          onClick={() => props.onLocate(headline)}
        >
          <AlarmStateIcon state={headline.state} />
          <span className={`alarm-severity severity-${headline.severity}`}>{t(`alarms.severities.${headline.severity}`)}</span>
          <span className="mono">{formatRecentTime(alarmTimeMs(headline), clock.now(), i18n.language)}</span>
          <span className="mono">{headline.sourceId}</span>
          <span className="alarm-banner-message" aria-live="polite">
            {alarmMessage(headline, i18n.language)}
          </span>
        </button>
      )}
      {phase !== 'live' && (
        <span className={`alarm-feed alarm-feed-${phase}`} data-testid="alarm-banner-feed">
          {t(`alarms.feed.${phase}`)}
        </span>
      )}
      <button type="button" className="alarm-banner-counts" onClick={props.onOpenList} title={t('alarms.banner.openList')} data-testid="alarm-banner-counts">
        <span className="alarm-banner-counts-label">{t('alarms.banner.unacknowledged')}</span>
        {ALARM_SEVERITIES.map((severity) => (
          <span key={severity} className={`alarm-count-badge severity-${severity}${summary.unacknowledged[severity] > 0 ? ' has-alarms' : ''}`}>
            {t(`alarms.severities.${severity}`)} <span className="mono">{summary.unacknowledged[severity]}</span>
          </span>
        ))}
        <span className="alarm-banner-active">{t('alarms.banner.active', { count: summary.active })}</span>
      </button>
      <button
        type="button"
        className={muted ? 'alarm-mute is-muted' : 'alarm-mute'}
        aria-pressed={muted}
        data-testid="alarm-mute"
        title={muted ? t('alarms.banner.unmute') : t('alarms.banner.mute')}
        onClick={() => setMuted(!muted)}
      >
        <svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">
          <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round">
            <path d="M2 5.2h2.2L7.4 2.6v8.8L4.2 8.8H2Z" />
            {muted ? <path d="m9.4 5.2 3 3.6m0-3.6-3 3.6" /> : <path d="M9.6 4.8a3 3 0 0 1 0 4.4M11.2 3.3a5.2 5.2 0 0 1 0 7.4" />}
          </g>
        </svg>
        {muted ? t('alarms.banner.muted') : t('alarms.banner.sound')}
      </button>
    </div>
  );
}
