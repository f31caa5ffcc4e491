import type { AuditOutcome } from '@twin/protocol';

/** The audit search form, as typed (`from` and `to` as `datetime-local` values, local time). */
export interface AuditFilters {
  from: string;
  to: string;
  actor: string;
  action: string;
  outcome: AuditOutcome | '';
  text: string;
  limit: string;
}

/** No filter: the latest 200 entries. */
export const NO_AUDIT_FILTERS: AuditFilters = { from: '', to: '', actor: '', action: '', outcome: '', text: '', limit: '200' };

/** The query string of `GET /api/admin/audit` for the filters; empty fields are left out. */
export function auditQueryOf(filters: AuditFilters): string {
  const query = new URLSearchParams();
  const time = (value: string) => (value === '' ? Number.NaN : new Date(value).getTime());
  const fromMs = time(filters.from);
  const toMs = time(filters.to);
  if (Number.isFinite(fromMs)) query.set('from', String(fromMs));
  if (Number.isFinite(toMs)) query.set('to', String(toMs));
  if (filters.actor.trim() !== '') query.set('actor', filters.actor.trim());
  if (filters.action.trim() !== '') query.set('action', filters.action.trim());
  if (filters.outcome !== '') query.set('outcome', filters.outcome);
  if (filters.text.trim() !== '') query.set('q', filters.text.trim());
  query.set('limit', filters.limit);
  return query.toString();
}
