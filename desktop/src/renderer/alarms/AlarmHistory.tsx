import { useCallback, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { SYSTEM_ACTOR, type AlarmDto, type AlarmEventDto } from '@twin/protocol';
import { formatDateTime } from '../ui/formatTime.ts';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { useLoad } from '../ui/useLoad.ts';
import type { AlarmCommands } from './alarmCommands.ts';
import { AlarmStateIcon } from './AlarmStateIcon.tsx';

/**
 * The log of one alarm, newest first (REQ PLAT-8): raised, acknowledged, shelved, commented, with
 * who and when. Reloads whenever the alarm has a new event.
 */
export function AlarmHistory(props: { alarm: AlarmDto | null; commands: AlarmCommands }): JSX.Element {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { commands, alarm } = props;
  const alarmId = alarm?.id ?? null;
  const lastEventId = alarm?.lastEventId ?? 0;
  const events = useLoad(
    useCallback(
      (signal: AbortSignal) => (alarmId === null ? Promise.resolve([]) : commands.history(alarmId, signal)),
      // `lastEventId` is not read: a new event of the alarm makes the shown history stale.
      [commands, alarmId, lastEventId],
    ),
  );

  return (
    <section className="alarm-history" aria-label={t('alarms.history.title')} data-testid="alarm-history">
      <h2 className="alarm-section-title">
        {t('alarms.history.title')}
        {alarm !== null && <span className="mono alarm-history-id">{alarm.id}</span>}
      </h2>
      {alarm === null ? (
        <p className="muted">{t('alarms.history.none')}</p>
      ) : (
        <>
          <Message kind="error" text={events.error === null ? null : describe(events.error)} />
          {events.data !== undefined && events.data.length === 0 && <p className="muted">{t('alarms.history.empty')}</p>}
          {events.data !== undefined && events.data.length > 0 && <HistoryTable events={events.data} />}
        </>
      )}
    </section>
  );
}

function HistoryTable(props: { events: readonly AlarmEventDto[] }): JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <table className="data-table alarm-history-table">
      <thead>
        <tr>
          <th scope="col">{t('alarms.history.time')}</th>
          <th scope="col">{t('alarms.history.event')}</th>
          <th scope="col">{t('alarms.history.actor')}</th>
          <th scope="col">{t('alarms.history.state')}</th>
          <th scope="col">{t('alarms.history.note')}</th>
        </tr>
      </thead>
      <tbody>
        {props.events.map((event) => (
          <tr key={event.eventId}>
            <td className="mono nowrap">{formatDateTime(event.atMs, i18n.language)}</td>
            <td>{t(`alarms.events.${event.type}`)}</td>
            <td>{event.actor === SYSTEM_ACTOR ? t('alarms.history.system') : event.actor}</td>
            <td className="nowrap">
              <AlarmStateIcon state={event.stateAfter} />
              {t(`alarms.states.${event.stateAfter}`)}
            </td>
            <td className="alarm-history-note">
              {event.shelvedUntilMs !== undefined && <span>{t('alarms.shelvedUntil', { time: formatDateTime(event.shelvedUntilMs, i18n.language) })} </span>}
              {event.note}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
