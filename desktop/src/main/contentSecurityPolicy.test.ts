import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../twin-server/src/http/contentSecurityPolicy.ts';
import { OFFLINE_PAGE_CSP } from './offlinePage.ts';
import { SIGN_IN_RESULT_PAGE_CSP } from './signInResultPage.ts';
import { withContentSecurityPolicy } from './withContentSecurityPolicy.ts';

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe.each([
  ['the app (served by the twin server, enforced by the shell)', CONTENT_SECURITY_POLICY],
  ['the offline page', OFFLINE_PAGE_CSP],
  ['the sign-in result page', SIGN_IN_RESULT_PAGE_CSP],
])('Content-Security-Policy of %s (PLAT-11 security by default)', (_name, policy) => {
  const parsed = directives(policy);
  const effective = (name: string): string[] => parsed.get(name) ?? parsed.get('default-src') ?? [];

  it('never allows eval or inline script', () => {
    expect(policy).not.toContain("'unsafe-eval'");
    expect(effective('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows no plugins', () => {
    expect(effective('object-src')).toEqual(["'none'"]);
  });

  it('cannot be framed', () => {
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('restricts base URIs and loads nothing from anywhere by wildcard', () => {
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/(^|\s)\*(\s|;|$)/);
    expect(effective('default-src')).not.toContain('http:');
    expect(effective('default-src')).not.toContain('https:');
  });
});

describe('Content-Security-Policy of the app for camera video (GOV-3 video surveillance)', () => {
  const parsed = directives(CONTENT_SECURITY_POLICY);

  it('GOV-3 lets video play from Media Source Extensions (blob:) and the origin, nothing else', () => {
    expect(parsed.get('media-src')).toEqual(["'self'", 'blob:']);
  });

  it("GOV-3 runs the HLS player's worker from the origin and fetches segments only there", () => {
    expect(parsed.get('worker-src')).toContain("'self'");
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces a policy whatever the case of its header name, and keeps the other headers', () => {
    const headers = { 'Content-Security-Policy': ['a'], 'content-security-policy': ['b'], 'X-Frame-Options': ['DENY'] };
    expect(withContentSecurityPolicy(headers, 'strict')).toEqual({ 'X-Frame-Options': ['DENY'], 'Content-Security-Policy': ['strict'] });
  });

  it('adds the policy to a response without headers', () => {
    expect(withContentSecurityPolicy(undefined, 'strict')).toEqual({ 'Content-Security-Policy': ['strict'] });
  });
});
