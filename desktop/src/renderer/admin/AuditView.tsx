import { useCallback, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@twin/protocol';
import { isAuditEventList } from '../api/dtoGuards.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { Field } from '../ui/Field.tsx';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { useLoad } from '../ui/useLoad.ts';
import { AdminPanel } from './AdminPanel.tsx';
import { AuditTable } from './AuditTable.tsx';
import { auditQueryOf, NO_AUDIT_FILTERS, type AuditFilters } from './auditQuery.ts';

const LIMITS = ['50', '200', '1000', '5000'];

/** Search of the audit log (`audit.read`; REQ PROP-2 i, PLAT-8): who did what, when, with what outcome. */
export function AuditView(): JSX.Element {
  const { t } = useTranslation();
  const { api } = useConsole();
  const describe = useErrorMessage();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [query, setQuery] = useState(() => auditQueryOf(NO_AUDIT_FILTERS));
  const events = useLoad(useCallback((signal: AbortSignal) => api.getJson(`/api/admin/audit?${query}`, isAuditEventList, { signal }), [api, query]));
  const actions = Object.keys(t('audit.actions', { returnObjects: true }));
  const set = (change: Partial<AuditFilters>) => setFilters({ ...filters, ...change });

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = auditQueryOf(filters);
    if (next === query) events.reload();
    else setQuery(next);
  };

  return (
    <AdminPanel title={t('audit.title')} summary={events.data === undefined ? undefined : t('audit.count', { count: events.data.length })}>
      <form className="filter-bar" onSubmit={search}>
        <Field label={t('audit.from')}>
          <input className="input" type="datetime-local" name="from" value={filters.from} onChange={(event) => set({ from: event.target.value })} />
        </Field>
        <Field label={t('audit.to')}>
          <input className="input" type="datetime-local" name="to" value={filters.to} onChange={(event) => set({ to: event.target.value })} />
        </Field>
        <Field label={t('audit.actor')}>
          <input className="input" name="actor" maxLength={64} value={filters.actor} onChange={(event) => set({ actor: event.target.value })} />
        </Field>
        <Field label={t('audit.action')}>
          <input className="input" name="action" list="audit-actions" maxLength={64} value={filters.action} onChange={(event) => set({ action: event.target.value })} />
          <datalist id="audit-actions">
            {actions.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </Field>
        <Field label={t('audit.outcome')}>
          <select className="input" name="outcome" value={filters.outcome} onChange={(event) => set({ outcome: event.target.value as AuditOutcome | '' })}>
            <option value="">{t('audit.anyOutcome')}</option>
            {AUDIT_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`audit.outcomes.${outcome}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('audit.text')}>
          <input className="input" name="q" maxLength={128} placeholder={t('audit.textPlaceholder')} value={filters.text} onChange={(event) => set({ text: event.target.value })} />
        </Field>
        <Field label={t('audit.limit')}>
          <select className="input" name="limit" value={filters.limit} onChange={(event) => set({ limit: event.target.value })}>
            {LIMITS.map((limit) => (
              <option key={limit} value={limit}>
                {limit}
              </option>
            ))}
          </select>
        </Field>
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            {t('common.search')}
          </button>
          <button type="button" className="button" onClick={() => setFilters(NO_AUDIT_FILTERS)}>
            {t('common.reset')}
          </button>
        </div>
      </form>
      <Message kind="error" text={events.error === null ? null : describe(events.error)} />
      {events.data !== undefined && (events.data.length === 0 ? <p className="muted">{t('audit.empty')}</p> : <AuditTable events={events.data} />)}
      {events.data === undefined && events.loading && <p className="muted">{t('common.loading')}</p>}
    </AdminPanel>
  );
}
