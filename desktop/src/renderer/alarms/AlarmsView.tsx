import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmDto } from '@twin/protocol';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { AlarmKpiPanel } from './AlarmKpiPanel.tsx';
import { AlarmList } from './AlarmList.tsx';
import './alarms.css';
import type { AlarmFeedHandle } from './useAlarmFeed.ts';
import { useAlarmFeedState } from './useAlarmFeedState.ts';
import { useAlarmSnapshot } from './useAlarmSnapshot.ts';

/**
 * The alarm console (REQ PLAT-8 alarm management): the alarm list with its actions and history
 * beside the alarm performance figures of the last 24 h. Used in the control room and as the
 * detached window `#/window/alarms`; `detached` hides the button that opens that window.
 */
export function AlarmsView(props: { alarms: AlarmFeedHandle; onLocate?: (alarm: AlarmDto) => void; detached?: boolean }): JSX.Element {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const session = useSignedInSession();
  const { book, feed, commands } = props.alarms;
  const snapshot = useAlarmSnapshot(book);
  const feedState = useAlarmFeedState(feed);
  const [windowFailure, setWindowFailure] = useState<unknown>(null);
  const shell = props.detached === true ? undefined : window.twinShell;

  return (
    <section className="alarms-view" aria-label={t('alarms.title')} data-testid="alarms-view">
      <header className="alarms-header">
        <h1 className="admin-title">{t('alarms.title')}</h1>
        <span className={`alarm-feed alarm-feed-${feedState.phase}`} data-testid="alarm-feed" data-phase={feedState.phase}>
          {t(`alarms.feed.${feedState.phase}`)}
        </span>
        <span className="admin-header-spacer" />
        {shell !== undefined && (
          <button type="button" className="button button-small" onClick={() => void shell.openWindow('alarms').catch(setWindowFailure)}>
            {t('alarms.openWindow')}
          </button>
        )}
      </header>
      <Message kind="error" text={feedState.error === null ? null : describe(feedState.error)} />
      <Message kind="error" text={windowFailure === null ? null : describe(windowFailure)} />
      {feedState.resume !== null && (
        <Message kind="info" text={feedState.resume.truncated ? t('alarms.feed.truncated') : t('alarms.feed.resumed', { count: feedState.resume.missed })} />
      )}
      <div className="alarms-body">
        <AlarmList snapshot={snapshot} commands={commands} canOperate={session.permissions.includes('alarms.operate')} onLocate={props.onLocate} />
        <AlarmKpiPanel commands={commands} alarms={snapshot.byId} lastEventId={snapshot.lastEventId} />
      </div>
    </section>
  );
}
