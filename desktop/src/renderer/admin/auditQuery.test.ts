import { describe, expect, it } from 'vitest';
import { auditQueryOf, NO_AUDIT_FILTERS } from './auditQuery.ts';

describe('audit log query (PROP-2 i who did what)', () => {
  it('asks for the latest entries without filters', () => {
    expect(auditQueryOf(NO_AUDIT_FILTERS)).toBe('limit=200');
  });

  it('sends each filter that is set, times as epoch milliseconds', () => {
    const query = new URLSearchParams(
      auditQueryOf({ from: '2026-11-24T08:00', to: '2026-11-24T09:30', actor: ' admin ', action: 'auth.login', outcome: 'failed', text: '密码', limit: '50' }),
    );
    expect(Number(query.get('from'))).toBe(new Date('2026-11-24T08:00').getTime());
    expect(Number(query.get('to')) - Number(query.get('from'))).toBe(90 * 60_000);
    expect(query.get('actor')).toBe('admin');
    expect(query.get('action')).toBe('auth.login');
    expect(query.get('outcome')).toBe('failed');
    expect(query.get('q')).toBe('密码');
    expect(query.get('limit')).toBe('50');
  });
});
