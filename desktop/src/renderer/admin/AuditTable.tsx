import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventDto } from '@twin/protocol';
import { formatDateTime } from '../ui/formatTime.ts';

/** Audit entries, newest first as the server sends them. Actions show in words and as their code. */
export function AuditTable(props: { events: readonly AuditEventDto[] }): JSX.Element {
  const { t, i18n } = useTranslation();
  const actionNames: Record<string, string> = t('audit.actions', { returnObjects: true });
  return (
    <table className="data-table audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{t('audit.columns.time')}</th>
          <th scope="col">{t('audit.columns.actor')}</th>
          <th scope="col">{t('audit.columns.action')}</th>
          <th scope="col">{t('audit.columns.target')}</th>
          <th scope="col">{t('audit.columns.outcome')}</th>
          <th scope="col">{t('audit.columns.ip')}</th>
          <th scope="col">{t('audit.columns.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {props.events.map((event) => {
          const detail = Object.keys(event.detail).length === 0 ? '' : JSON.stringify(event.detail);
          return (
            <tr key={event.id}>
              <td className="mono nowrap">{formatDateTime(event.tsMs, i18n.language)}</td>
              <td>{event.actorName}</td>
              <td>
                {actionNames[event.action] ?? event.action}
                <span className="code-note mono">{event.action}</span>
              </td>
              <td className="mono">{event.target}</td>
              <td>
                <span className={`badge badge-outcome-${event.outcome}`}>{t(`audit.outcomes.${event.outcome}`)}</span>
              </td>
              <td className="mono">{event.ip}</td>
              <td className="mono detail-cell" title={detail}>
                {detail}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
